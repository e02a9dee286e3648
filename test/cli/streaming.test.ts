import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, describe, expect, it } from 'vitest'
import { FORMATTERS, type StreamingFormatter } from '../../src/formatters/index.js'
import { json } from '../../src/formatters/json.js'
import { summarise } from '../../src/report.js'
import type { FileReport } from '../../src/types.js'
import { HEAVY, PLAIN, run, tempTree } from './io.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const FILES = 200

describe('check streams reports: memory is flat in the number of files', () => {
  const files: Record<string, string> = {}
  for (let i = 0; i < FILES; i++) files[`brev/${String(i).padStart(4, '0')}.txt`] = i % 2 ? HEAVY : PLAIN
  const cwd = tempTree(files)
  afterAll(() => {
    delete FORMATTERS['test-spor']
  })

  it('keeps no report once it is written (checked with weak references and forced GC)', async () => {
    const refs: WeakRef<FileReport>[] = []
    let mostAlive = 0
    let checks = 0
    let pending = false
    let nextCheck = 30
    const stylish = FORMATTERS.stylish as StreamingFormatter
    // The built-in stylish, watched: every report handed out is tracked. Whenever the run gives
    // the event loop a turn (a new job, so weak references no longer pin their targets), the
    // collector runs and we count how many of the reports so far anyone still holds.
    const check = (): void => {
      pending = false
      gc()
      checks++
      mostAlive = Math.max(mostAlive, refs.filter((ref) => ref.deref() !== undefined).length)
    }
    FORMATTERS['test-spor'] = {
      start: stylish.start,
      file(report, context, index) {
        // The run gives the event loop a turn every 25 ms (main.ts), and only then can a check run:
        // 1 ms per file makes the 200 files take well over 3 × 25 ms on any machine.
        for (const until = performance.now() + 1; performance.now() < until; );
        refs.push(new WeakRef(report))
        if (!pending && refs.length >= nextCheck) {
          pending = true
          nextCheck = refs.length + 30
          setImmediate(check)
        }
        return stylish.file(report, context, index)
      },
      end: stylish.end,
    }
    const result = await run(['brev', '-f', 'test-spor'], { cwd })
    expect(refs).toHaveLength(FILES)
    // The report being written may still be reachable; before, every report was kept to the end.
    expect(checks).toBeGreaterThanOrEqual(3)
    expect(mostAlive).toBeLessThanOrEqual(5)
    expect(result.stdout).toContain(`i ${FILES} filer`)
  }, 20000)

  it('streams JSON byte for byte as the whole-report formatter gives it, summary last', async () => {
    const streamed = await run(['brev', '-f', 'json'], { cwd })
    const parsed = JSON.parse(streamed.stdout) as { files: FileReport[]; summary: ReturnType<typeof summarise> }
    expect(parsed.files).toHaveLength(FILES)
    expect(Object.keys(parsed)).toEqual(['tool', 'files', 'summary'])
    // Rebuild the same reports and format them at once: same bytes.
    const whole = json(parsed.files, { color: false, toolVersion: (JSON.parse(streamed.stdout) as { tool: { version: string } }).tool.version, summary: summarise(parsed.files), width: 100, now: new Date(0) })
    expect(streamed.stdout).toBe(whole)
  }, 20000)
})
