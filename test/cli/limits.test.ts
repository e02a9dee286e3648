import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { main, MAX_FILE_MB_LIMIT, type Io } from '../../src/cli/main.js'
import { PLAIN, run, tempTree } from './io.js'

const BIN = fileURLToPath(new URL('../../bin/klarsprak.js', import.meta.url))

describe('--max-file-size and standard input are bounded', () => {
  it('refuses Infinity, NaN, negatives, zero and absurd sizes with one clear line', async () => {
    const cwd = tempTree({ 'brev.txt': PLAIN })
    for (const value of ['Infinity', 'NaN', '-1', '0', '', 'abc', '1e9', String(MAX_FILE_MB_LIMIT + 1)]) {
      const result = await run(['brev.txt', `--max-file-size=${value}`], { cwd })
      expect(result.code).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toBe(`klarsprak: --max-file-size må være et tall større enn 0 og høyst 500 (megabyte), ikke «${value}».\n`)
    }
    for (const value of ['0,5', '500', '1e-3']) expect((await run(['brev.txt', '--max-file-size', value], { cwd })).code).toBe(0)
  }, 20000)

  it('refuses an infinite «maxFileSize» in .klarsprak.yml', async () => {
    const cwd = tempTree({ 'brev.txt': PLAIN, '.klarsprak.yml': 'maxFileSize: .inf\n' })
    const result = await run(['brev.txt'], { cwd })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('klarsprak: «maxFileSize» i .klarsprak.yml må være et tall større enn 0 og høyst 500 (megabyte), ikke «Infinity».\n')
  })

  it('reads standard input up to the same limit and reports one line for «-» past it', async () => {
    const limits: number[] = []
    let stdout = ''
    const io: Io = {
      stdout: (text) => void (stdout += text),
      stderr: () => {},
      // As bin/klarsprak.js does: at most the limit and one byte.
      readStdin: async (maxBytes) => {
        limits.push(maxBytes)
        return new Uint8Array(maxBytes + 1).fill(0x61)
      },
      cwd: tempTree({}),
      env: {},
      isTTY: false,
    }
    expect(await main(['-', '--max-file-size', '0,5', '--no-config'], io)).toBe(2)
    expect(limits).toEqual([512 * 1024])
    expect(stdout).toContain('-\n  ✖ standard inn er mer enn grensen på 0,5 MB. Del opp teksten, eller øk grensen med --max-file-size eller «maxFileSize» i .klarsprak.yml.\n')
  })

  it('stops reading an endless standard input at the limit (bin)', () => {
    const started = Date.now()
    const result = spawnSync('sh', ['-c', `yes 'Vi viser til saken din.' | "${process.execPath}" "${BIN}" - --max-file-size 2 --no-color`], {
      cwd: join(BIN, '..', '..'),
      encoding: 'utf8',
      timeout: 20000,
    })
    expect(result.status).toBe(2)
    expect(result.stdout).toBe(
      '-\n  ✖ standard inn er mer enn grensen på 2 MB. Del opp teksten, eller øk grensen med --max-file-size eller «maxFileSize» i .klarsprak.yml.\n\n✖ 0 funn (0 feil, 0 advarsler, 0 merknader) i 1 fil; 1 fil kunne ikke leses\n',
    )
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
