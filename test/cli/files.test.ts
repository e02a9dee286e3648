import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { collectFiles, NODE_FS, type DirEntry, type WalkFs } from '../../src/files.js'
import { HEAVY, PLAIN, run, tempTree } from './io.js'
import { MUNICIPAL_RULE } from '../helpers.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

// Several tests start the real CLI; the machine's 2 cores are shared with other runs.
vi.setConfig({ testTimeout: 60_000 })

/**
 * Run the built CLI in a child process, with a time limit (a FIFO used to hang `open` for ever,
 * which no in-process timeout can interrupt). `unprivileged`: as root, without the capabilities
 * that let root read past permissions, so `chmod 000` really locks a folder (setpriv drops them
 * from the bounding set; the uid stays 0, so every other file is still readable).
 */
function runBin(args: string[], cwd: string, options: { unprivileged?: boolean } = {}) {
  const node = [process.execPath, join(ROOT, 'bin', 'klarsprak.js'), ...args]
  const asRoot = process.getuid?.() === 0
  const command = options.unprivileged && asRoot ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--', ...node] : node
  const started = performance.now()
  const result = spawnSync(command[0]!, command.slice(1), { cwd, encoding: 'utf8', timeout: 30_000 })
  if (result.error) throw result.error
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started }
}

const locked: string[] = []
const lock = (path: string): void => {
  chmodSync(path, 0o000)
  locked.push(path)
}
afterAll(() => {
  for (const path of locked) chmodSync(path, 0o755)
})

interface JsonFile {
  path: string
  error?: string
  diagnostics: Array<{ ruleId: string }>
}
const filesOf = (stdout: string): JsonFile[] => (JSON.parse(stdout) as { files: JsonFile[] }).files

const RULE = MUNICIPAL_RULE

describe('an unreadable folder or file ends nothing but itself', () => {
  it('a locked subfolder is one Norwegian line; every other file is checked', () => {
    const cwd = tempTree({ 'brev.txt': HEAVY, 'låst/hemmelig.txt': HEAVY, 'åpen/brev.txt': PLAIN })
    lock(join(cwd, 'låst'))
    const result = runBin(['.', '-f', 'json'], cwd, { unprivileged: true })
    const files = filesOf(result.stdout)
    expect(files.map((f) => [f.path, f.error])).toEqual([
      ['låst', 'kan ikke leses (mangler tilgang). Sjekk rettighetene til mappen.'],
      ['brev.txt', undefined],
      ['åpen/brev.txt', undefined],
    ])
    expect(files[1]!.diagnostics.length).toBeGreaterThan(0)
    expect(result.stderr).toBe('klarsprak: låst: kan ikke leses (mangler tilgang). Sjekk rettighetene til mappen.\n')
    expect(result.code).toBe(1)
  })

  it('a folder .klarsprakignore excludes is not read at all, so it cannot fail', async () => {
    const cwd = tempTree({ '.klarsprakignore': 'privat/\n', 'brev.txt': PLAIN, 'privat/x.txt': PLAIN, 'annet/y.txt': PLAIN })
    const denied = new Set([join(cwd, 'privat'), join(cwd, 'annet')])
    const fs: WalkFs = {
      ...NODE_FS,
      readdir: async (dir) => {
        if (denied.has(dir)) throw Object.assign(new Error('EACCES'), { code: 'EACCES' })
        return NODE_FS.readdir(dir)
      },
    }
    const collected = await collectFiles(['.'], cwd, [], { fs, home: cwd })
    expect(collected.files).toEqual(['brev.txt'])
    expect(collected.errors.map((e) => e.format())).toEqual(['annet: kan ikke leses (mangler tilgang). Sjekk rettighetene til mappen.'])
  })

  it('a locked folder or file in --rules or rules: is reported; the other rules still run', () => {
    const cwd = tempTree({
      'regler/navn.yml': RULE,
      'regler/låst/mer.yml': RULE,
      'låst.yml': RULE,
      'konfig/.klarsprak.yml': 'rules: [../regler/låst]\n',
      'brev.txt': 'Send klagen til Fylkesmannen.\n',
    })
    lock(join(cwd, 'regler', 'låst'))
    lock(join(cwd, 'låst.yml'))
    const result = runBin(['brev.txt', '--rules', 'regler', '--rules', 'låst.yml', '-f', 'json', '-c', 'konfig/.klarsprak.yml'], cwd, { unprivileged: true })
    expect(result.stderr.split('\n').filter(Boolean).sort()).toEqual([
      `klarsprak: ${join(cwd, 'låst.yml')}: kan ikke leses (mangler tilgang). Sjekk rettighetene til filen.`,
      `klarsprak: ${join(cwd, 'regler', 'låst')}: kan ikke leses (mangler tilgang). Sjekk rettighetene til mappen.`,
      `klarsprak: ${join(cwd, 'regler', 'låst')}: kan ikke leses (mangler tilgang). Sjekk rettighetene til mappen.`,
    ])
    expect(filesOf(result.stdout)[0]!.diagnostics.map((d) => d.ruleId)).toContain('navn')
    expect(result.code).toBe(2)
  })
})

/** A folder entry of the in-memory tree below. */
class Entry implements DirEntry {
  constructor(
    readonly name: string,
    private readonly folder: boolean,
  ) {}
  isFile(): boolean {
    return !this.folder
  }
  isDirectory(): boolean {
    return this.folder
  }
  isSymbolicLink(): boolean {
    return false
  }
  isFIFO(): boolean {
    return false
  }
  isSocket(): boolean {
    return false
  }
  isCharacterDevice(): boolean {
    return false
  }
  isBlockDevice(): boolean {
    return false
  }
}

/** A file system with `root/a.txt` and a folder `root/under` of `count` empty .txt files, in memory. */
function wideFs(root: string, count: number): WalkFs {
  const under = join(root, 'under')
  const files = Array.from({ length: count }, (_, i) => new Entry(`brev-${String(i).padStart(6, '0')}.txt`, false))
  const missing = (): never => {
    throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
  }
  return {
    readdir: async (dir) => (dir === root ? [new Entry('under', true), new Entry('a.txt', false)] : dir === under ? files.slice() : missing()),
    stat: async (path) => (path === root || path === under ? new Entry(path, true) : missing()),
    realpath: async (path) => path,
  }
}

describe('a folder with 130,000 files', () => {
  // Creating 130,000 real files takes 9 s on this machine, so the tree is in memory: the
  // walk is the same code, only readdir/stat/realpath are answered by the seam.
  const root = join(tmpdir(), 'klarsprak-virtual-tree')
  const count = 130_000
  // 1–3 s alone on this 2-core machine; the bound is loose because the suite shares the cores
  // with other runs, and still far below what quadratic growth would take (minutes).
  const bound = 20_000

  it('is walked without overflowing the stack (push(...list) threw RangeError)', async () => {
    const fs = wideFs(root, count)
    const started = performance.now()
    const { files, errors } = await collectFiles(['.'], root, [], { fs, home: root })
    expect(errors).toEqual([])
    expect(files).toHaveLength(count + 1)
    expect(files[0]).toBe('a.txt')
    expect(files[1]).toBe(join('under', 'brev-000000.txt'))
    expect(files.at(-1)).toBe(join('under', 'brev-129999.txt'))
    expect(performance.now() - started).toBeLessThan(bound)
  })

  it('and by a glob', async () => {
    const fs = wideFs(root, count)
    const started = performance.now()
    const { files } = await collectFiles(['under/*.txt'], root, [], { fs, home: root })
    expect(files).toHaveLength(count)
    expect(performance.now() - started).toBeLessThan(bound)
  })
})

describe('FIFOs, sockets and devices are refused, never opened', () => {
  const fifoTree = (): string => {
    const cwd = tempTree({ 'brev.txt': HEAVY, 'mappe/brev.txt': HEAVY })
    execFileSync('mkfifo', [join(cwd, 'rør.txt')])
    execFileSync('mkfifo', [join(cwd, 'mappe', 'rør.md')])
    execFileSync('mkfifo', [join(cwd, 'rør.yml')])
    return cwd
  }
  const FIFO = 'er en FIFO (navngitt rør), ikke en vanlig fil. klarsprak leser bare vanlige filer (og standard inn med «-»).'

  it('a FIFO named outright gets one line, and the run goes on (it used to block for ever)', () => {
    const cwd = fifoTree()
    const result = runBin(['rør.txt', 'brev.txt', '-f', 'json'], cwd)
    expect(result.ms).toBeLessThan(20_000)
    const files = filesOf(result.stdout)
    expect(files.map((f) => [f.path, f.error])).toEqual([
      ['rør.txt', FIFO],
      ['brev.txt', undefined],
    ])
    expect(result.code).toBe(1)
  })

  it('reading a FIFO through the API is refused at once too (readDocument)', () => {
    const cwd = fifoTree()
    const script = `import('${join(ROOT, 'dist', 'index.js')}').then((m) => m.readDocument('rør.txt')).then(() => console.log('lest'), (e) => console.log(e.message))`
    const started = performance.now()
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8', timeout: 30_000 })
    expect(result.error).toBeUndefined()
    expect(result.stdout).toBe(`${FIFO}\n`)
    expect(performance.now() - started).toBeLessThan(20_000)
  })

  it('a folder walk reports a FIFO with a document name and checks the rest', async () => {
    const cwd = fifoTree()
    const collected = await collectFiles(['mappe'], cwd)
    expect(collected.files).toEqual([join('mappe', 'brev.txt')])
    expect(collected.errors.map((e) => e.format())).toEqual([`${join('mappe', 'rør.md')}: ${FIFO}`])
    const result = runBin(['.', '-f', 'json'], cwd)
    expect(filesOf(result.stdout).map((f) => [f.path, f.error])).toEqual([
      [join('mappe', 'rør.md'), FIFO],
      ['rør.txt', FIFO],
      ['brev.txt', undefined],
      [join('mappe', 'brev.txt'), undefined],
    ])
  })

  it('a FIFO as a rule file or config file is refused too', () => {
    const cwd = fifoTree()
    writeFileSync(join(cwd, 'konfig.yml'), 'extends: ./rør.yml\n')
    const rules = runBin(['brev.txt', '--rules', 'rør.yml'], cwd)
    expect(rules.ms).toBeLessThan(20_000)
    expect(rules.stderr).toBe(`klarsprak: ${join(cwd, 'rør.yml')}: ${FIFO}\n`)
    expect(rules.code).toBe(2)
    const config = runBin(['brev.txt', '-c', 'konfig.yml'], cwd)
    expect(config.stderr).toBe(`klarsprak: ${join(cwd, 'rør.yml')}: ${FIFO}\n`)
    expect(config.code).toBe(2)
  })

  it('a device named outright is refused by its kind, not its name', async () => {
    const collected = await collectFiles(['/dev/null'], '/')
    expect(collected.errors.map((e) => e.format())).toEqual([
      '/dev/null: er en enhetsfil, ikke en vanlig fil. klarsprak leser bare vanlige filer (og standard inn med «-»).',
    ])
  })
})

describe('symbolic links: folders and globs agree, and never leave the tree', () => {
  const SECRET = 'HEMMELIG-NØKKEL-123 ingen skal se dette.'
  /**
   * repo/docs/brev.txt, repo/docs/under/b.txt; links: docs/key.txt → a secret outside,
   * docs/ut → a folder outside, docs/kopi.txt → under/b.txt (inside), docs/under/ring → ..
   * (a cycle).
   */
  const linkedRepo = (): { repo: string; outside: string } => {
    const outside = mkdtempSync(join(tmpdir(), 'klarsprak-secret-'))
    writeFileSync(join(outside, 'id_rsa.txt'), SECRET)
    const repo = tempTree({ 'docs/brev.txt': PLAIN, 'docs/under/b.txt': PLAIN, 'hemmelig/x.txt': SECRET })
    symlinkSync(join(outside, 'id_rsa.txt'), join(repo, 'docs', 'key.txt'))
    symlinkSync(join(repo, 'hemmelig'), join(repo, 'docs', 'ut'))
    symlinkSync(join('under', 'b.txt'), join(repo, 'docs', 'kopi.txt'))
    symlinkSync('..', join(repo, 'docs', 'under', 'ring'))
    symlinkSync(join(outside, 'finnes-ikke.txt'), join(repo, 'docs', 'død.txt'))
    return { repo, outside }
  }
  const outOf = (root: string): string =>
    `er en lenke til noe utenfor ${root === '.' ? 'mappen som sjekkes' : `«${root}»`}, og klarsprak følger ikke slike lenker; hoppet over. Nevn filen direkte hvis den skal sjekkes.`

  it('a folder walk follows links inside the folder once and skips those that leave it, saying so', async () => {
    const { repo } = linkedRepo()
    const collected = await collectFiles(['docs'], repo)
    // kopi.txt is under/b.txt: checked once, under its own name; ring/ loops back and is walked once.
    expect(collected.files).toEqual([join('docs', 'brev.txt'), join('docs', 'under', 'b.txt')])
    expect(collected.errors).toEqual([])
    expect(collected.notices.map((n) => n.format())).toEqual([
      `${join('docs', 'død.txt')}: er en lenke som ikke peker på noe; hoppet over.`,
      `${join('docs', 'key.txt')}: ${outOf('docs')}`,
      `${join('docs', 'ut')}: ${outOf('docs')}`,
    ])
  })

  it('a glob (**/*.txt) does the same from its base folder', async () => {
    const { repo } = linkedRepo()
    const docs = join(repo, 'docs')
    const collected = await collectFiles(['**/*.txt'], docs)
    expect(collected.files).toEqual(['brev.txt', join('under', 'b.txt')])
    expect(collected.notices.map((n) => n.format())).toEqual([
      'død.txt: er en lenke som ikke peker på noe; hoppet over.',
      `key.txt: ${outOf('.')}`,
      `ut: ${outOf('.')}`,
    ])
    // A link inside the tree is followed: docs/*.txt reaches under/b.txt only through kopi.txt.
    const flat = await collectFiles(['docs/*.txt'], repo)
    expect(flat.files).toEqual([join('docs', 'brev.txt'), join('docs', 'kopi.txt')])
    expect(flat.notices.map((n) => n.format())).toEqual([
      `${join('docs', 'død.txt')}: er en lenke som ikke peker på noe; hoppet over.`,
      `${join('docs', 'key.txt')}: ${outOf('docs')}`,
    ])
  })

  it('from the repository root, a link to another folder of the repository is inside the tree', async () => {
    const { repo } = linkedRepo()
    const collected = await collectFiles(['.'], repo)
    expect(collected.files).toEqual([join('docs', 'brev.txt'), join('docs', 'under', 'b.txt'), join('hemmelig', 'x.txt')])
    expect(collected.notices.map((n) => n.format())).toEqual([
      `${join('docs', 'død.txt')}: er en lenke som ikke peker på noe; hoppet over.`,
      `${join('docs', 'key.txt')}: ${outOf('.')}`,
    ])
  })

  it('the CLI reports nothing of the secret, and says on stderr what it skipped', async () => {
    const { repo } = linkedRepo()
    for (const args of [['docs'], ['docs/**/*.txt']]) {
      const result = await run([...args, '-f', 'json'], { cwd: repo })
      expect(result.stdout).not.toContain('HEMMELIG')
      expect(result.stderr).toContain(`klarsprak: ${join('docs', 'key.txt')}: er en lenke til noe utenfor «docs»`)
      expect(result.stderr).not.toContain('id_rsa')
      expect(result.code).toBe(0)
    }
  })

  it('a link named outright is read as given', async () => {
    const { repo } = linkedRepo()
    const collected = await collectFiles([join('docs', 'key.txt')], repo)
    expect(collected.files).toEqual([join('docs', 'key.txt')])
    expect(collected.notices).toEqual([])
  })
})
