import { execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const BIN = fileURLToPath(new URL('../../bin/klarsprak.js', import.meta.url))
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

/** User + system CPU time of a process, in seconds (Linux /proc). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // After the name: state is field 3, utime 14 and stime 15 (1-based, as in proc(5)).
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

/** Bytes the process has written so far. */
function bytesWritten(pid: number): number {
  return Number(/wchar: (\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))![1])
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('a full stdout pipe', () => {
  it('is waited on without spinning: the CPU stays idle while the reader pauses, and all output arrives', async () => {
    // Two rules, each with 4,000 hits: past the per-rule findings cap (2,000 each, plus a notice), still ~2 MB of JSON.
    const input = 'Vi svarer vedrørende saken iht. loven.\n'.repeat(4000)
    const child = spawn(process.execPath, [BIN, '-', '-f', 'json'], { stdio: ['pipe', 'pipe', 'pipe'] })
    child.stdout.pause()
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.stdin.end(input)
    const pid = child.pid!
    // Wait until the child has written a pipe's worth (64 KB) and then nothing more: it is
    // blocked on the full pipe (small writes before that are libuv's own wake-ups).
    let last = -1
    let still = 0
    const started = Date.now()
    while (still < 4 && Date.now() - started < 15000) {
      await sleep(100)
      const now = bytesWritten(pid)
      still = now === last && now > 64 * 1024 ? still + 1 : 0
      last = now
    }
    expect(still).toBe(4)
    const before = cpuSeconds(pid)
    await sleep(1000)
    const spent = cpuSeconds(pid) - before
    // Spinning on EAGAIN used a whole core (≈ 1 s here); sleeping uses next to nothing.
    expect(spent).toBeLessThan(0.1)
    let out = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => (out += chunk))
    child.stdout.resume()
    expect(await exited).toBe(0)
    const report = JSON.parse(out) as { files: Array<{ diagnostics: unknown[] }> }
    expect(report.files[0]!.diagnostics.length).toBeGreaterThanOrEqual(4000)
  }, 30000)
})
