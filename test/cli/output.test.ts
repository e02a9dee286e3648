import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { HEAVY, PLAIN, run, tempTree } from './io.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BIN = join(ROOT, 'bin/klarsprak.js')

const temps = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'))

describe('-o/--output never destroys a file', () => {
  it('refuses an output that is one of the inputs (same path, other spelling, symlink, hard link, found in a folder), exit 2, nothing written', async () => {
    const cwd = tempTree({ 'brev.txt': HEAVY, 'mappe/vedtak.txt': PLAIN })
    symlinkSync(join(cwd, 'brev.txt'), join(cwd, 'lenke.json'))
    linkSync(join(cwd, 'brev.txt'), join(cwd, 'hard.json'))
    const cases: Array<[string[], string, string]> = [
      [['brev.txt', '-o', 'brev.txt'], 'brev.txt', 'brev.txt'],
      [['brev.txt', '-o', './mappe/../brev.txt'], './mappe/../brev.txt', 'brev.txt'],
      [['brev.txt', '-f', 'json', '-o', 'lenke.json'], 'lenke.json', 'brev.txt'],
      [['brev.txt', '-f', 'json', '--output', 'hard.json'], 'hard.json', 'brev.txt'],
      [['mappe', '-o', 'mappe/vedtak.txt'], 'mappe/vedtak.txt', join('mappe', 'vedtak.txt')],
    ]
    for (const [argv, shown, input] of cases) {
      const result = await run(argv, { cwd })
      expect(result.code).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toBe(
        `klarsprak: ${shown}: er en av filene som sjekkes (${input}), og rapporten ville skrevet over den. Velg et annet filnavn etter -o.\n`,
      )
    }
    expect(readFileSync(join(cwd, 'brev.txt'), 'utf8')).toBe(HEAVY)
    expect(readFileSync(join(cwd, 'mappe/vedtak.txt'), 'utf8')).toBe(PLAIN)
    expect(lstatSync(join(cwd, 'lenke.json')).isSymbolicLink()).toBe(true)
    expect(statSync(join(cwd, 'hard.json')).nlink).toBe(2)
    expect([...temps(cwd), ...temps(join(cwd, 'mappe'))]).toEqual([])
  })

  it('refuses a read-only report file and leaves it as it was', async () => {
    const cwd = tempTree({ 'brev.txt': HEAVY, 'rapport.txt': 'gammel rapport\n' })
    chmodSync(join(cwd, 'rapport.txt'), 0o444)
    const result = await run(['brev.txt', '-o', 'rapport.txt'], { cwd })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'klarsprak: rapport.txt: er skrivebeskyttet, og klarsprak erstatter den ikke. Fjern skrivebeskyttelsen, eller velg et annet filnavn etter -o.\n',
    )
    expect(readFileSync(join(cwd, 'rapport.txt'), 'utf8')).toBe('gammel rapport\n')
    expect(statSync(join(cwd, 'rapport.txt')).mode & 0o777).toBe(0o444)
    expect(temps(cwd)).toEqual([])
  })

  it('keeps the permission mode of a report it replaces (never widens it)', async () => {
    const cwd = tempTree({ 'brev.txt': HEAVY, 'rapport.json': '{}' })
    chmodSync(join(cwd, 'rapport.json'), 0o600)
    const result = await run(['brev.txt', '-f', 'json', '-o', 'rapport.json'], { cwd })
    expect(result.code).toBe(0)
    expect(JSON.parse(readFileSync(join(cwd, 'rapport.json'), 'utf8')).files).toHaveLength(1)
    expect(statSync(join(cwd, 'rapport.json')).mode & 0o777).toBe(0o600)
  })

  it('writes through a symlink to its target, atomically in the target folder, and keeps the link; refuses a dangling link', async () => {
    const cwd = tempTree({ 'brev.txt': HEAVY, 'delt/rapport.json': '{}' })
    chmodSync(join(cwd, 'delt/rapport.json'), 0o640)
    symlinkSync(join('delt', 'rapport.json'), join(cwd, 'rapport.json'))
    const result = await run(['brev.txt', '-f', 'json', '-o', 'rapport.json'], { cwd })
    expect(result.code).toBe(0)
    expect(lstatSync(join(cwd, 'rapport.json')).isSymbolicLink()).toBe(true)
    expect(JSON.parse(readFileSync(join(cwd, 'delt/rapport.json'), 'utf8')).files[0].path).toBe('brev.txt')
    expect(statSync(join(cwd, 'delt/rapport.json')).mode & 0o777).toBe(0o640)
    expect([...temps(cwd), ...temps(join(cwd, 'delt'))]).toEqual([])

    symlinkSync(join(cwd, 'borte', 'x.json'), join(cwd, 'dinglende.json'))
    const dangling = await run(['brev.txt', '-o', 'dinglende.json'], { cwd })
    expect(dangling.code).toBe(2)
    expect(dangling.stderr).toMatch(/^klarsprak: dinglende\.json: er en symbolsk lenke til en fil som ikke finnes\. [^\n]+\n$/)
    expect(existsSync(join(cwd, 'borte'))).toBe(false)
  })

  it('does not follow a symlink planted at a temp-file name (the old predictable .NAME.PID.tmp)', async () => {
    const cwd = tempTree({ 'brev.txt': HEAVY, 'offer.txt': 'hemmelig\n' })
    symlinkSync(join(cwd, 'offer.txt'), join(cwd, `.rapport.txt.${process.pid}.tmp`))
    const result = await run(['brev.txt', '-o', 'rapport.txt'], { cwd })
    expect(result.code).toBe(0)
    expect(readFileSync(join(cwd, 'offer.txt'), 'utf8')).toBe('hemmelig\n')
    expect(lstatSync(join(cwd, 'rapport.txt')).isFile()).toBe(true)
    expect(readFileSync(join(cwd, 'rapport.txt'), 'utf8')).toContain('nb/kanselliord')
  })

  it('writes into a FIFO in place instead of replacing it with a regular file', async () => {
    const cwd = tempTree({ 'brev.txt': HEAVY })
    const fifo = join(cwd, 'ut.fifo')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    // The reader is another process: opening a FIFO for writing waits for one.
    const reader = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', fifo, join(cwd, 'lest.txt')])
    const done = new Promise((resolve) => reader.on('exit', resolve))
    const result = await run(['brev.txt', '-f', 'json', '-o', 'ut.fifo'], { cwd })
    await done
    expect(result.code).toBe(0)
    expect(lstatSync(fifo).isFIFO()).toBe(true)
    expect(JSON.parse(readFileSync(join(cwd, 'lest.txt'), 'utf8')).files[0].path).toBe('brev.txt')
    expect(temps(cwd)).toEqual([])
  })

  it('writes -o /dev/stdout into the pipe (or socket) it points to', () => {
    const cwd = tempTree({ 'brev.txt': HEAVY })
    // A shell pipe, and the socket pair Node gives a child for its standard output.
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" brev.txt -f json -o /dev/stdout | cat`], { cwd, encoding: 'utf8' })
    const socket = spawnSync(process.execPath, [BIN, 'brev.txt', '-f', 'json', '-o', '/dev/stdout'], { cwd, encoding: 'utf8' })
    for (const result of [piped, socket]) {
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
      expect(JSON.parse(result.stdout).files[0].path).toBe('brev.txt')
    }
  })

  it('removes its temp file and dies of the signal when interrupted while writing', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const files: Record<string, string> = {}
      for (let i = 0; i < 400; i++) files[`brev/${String(i).padStart(3, '0')}.txt`] = HEAVY.repeat(4)
      const cwd = tempTree(files)
      mkdirSync(join(cwd, 'ut'))
      const child = spawn(process.execPath, [BIN, 'brev', '-o', 'ut/rapport.txt'], { cwd, stdio: 'ignore' })
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, got) => resolve(got)))
      const started = Date.now()
      while (temps(join(cwd, 'ut')).length === 0 && Date.now() - started < 4000) await new Promise((resolve) => setTimeout(resolve, 10))
      expect(temps(join(cwd, 'ut'))).toHaveLength(1)
      child.kill(signal)
      expect(await exited).toBe(signal)
      expect(readdirSync(join(cwd, 'ut'))).toEqual([])
    }
  }, 15000)

  it('writes nothing and leaves no temp file when the report cannot be written', async () => {
    const cwd = tempTree({ 'brev.txt': HEAVY, 'mappe/x': '' })
    const folder = await run(['brev.txt', '-o', 'mappe'], { cwd })
    expect(folder.code).toBe(2)
    expect(folder.stderr).toBe('klarsprak: mappe: er en mappe. Oppgi et filnavn etter -o.\n')
    expect(temps(cwd)).toEqual([])
  })
})
