import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { loadPdf } from '../../src/input/pdf.js'
import { MAX_DECODED_MB, MAX_MEMORY_MB, MAX_PAGES, MAX_STREAM_MB, PDF_TIMEOUT_MS } from '../../src/input/pdf-limits.js'
import { toDocument, type Item, type Page } from '../../src/input/pdf-read.js'
import { runnerSettings, workerStarts } from '../../src/input/pdf-runner.js'
import { failure } from './documents.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BIN = join(ROOT, 'bin', 'klarsprak.js')
const BROCHURE = join(ROOT, 'fixtures', 'documents', 'brosjyre-to-spalter.pdf')

interface Hostile {
  manyPagesPdf(count: number, options?: { kidsByReference?: boolean }): Buffer
  deflateBombPdf(decodedMB: number, options?: { indirectFilter?: boolean; streams?: number }): Buffer
  manyItemsPdf(count: number): Buffer
}

/** The fixture script (plain JS, no types): imported by URL so TypeScript does not resolve it. */
const builder = (): Promise<Hostile> => import(new URL('../fixtures-build/pdf.js', import.meta.url).href) as Promise<Hostile>

const work = mkdtempSync(join(tmpdir(), 'klarsprak-pdf-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
afterEach(() => {
  runnerSettings.timeoutMs = PDF_TIMEOUT_MS
  runnerSettings.memoryMB = MAX_MEMORY_MB
})

/** Time a promise, in seconds. */
async function timed<T>(promise: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await promise()
  return [value, (performance.now() - started) / 1000]
}

/**
 * The built CLI on `args` in a child process, with its peak resident size (MB): a preload
 * prints `process.resourceUsage().maxRSS` (the whole process, worker threads included) on exit.
 */
function cli(args: string[], timeout = 20_000): { status: number | null; stdout: string; seconds: number; peakMB: number } {
  const preload = join(work, 'peak.cjs')
  writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\npeak-kb ${process.resourceUsage().maxRSS}\\n`))\n")
  const started = performance.now()
  const child = spawnSync(process.execPath, ['-r', preload, BIN, ...args], { encoding: 'utf8', timeout })
  const seconds = (performance.now() - started) / 1000
  const peak = /peak-kb (\d+)/.exec(child.stderr)
  return { status: child.status, stdout: child.stdout, seconds, peakMB: peak ? Number(peak[1]) / 1024 : Infinity }
}

describe('PDF bounds: pages', () => {
  it(`refuses a page tree of 200,000 pages quickly, before reading any (limit ${MAX_PAGES})`, async () => {
    const { manyPagesPdf } = await builder()
    const pdf = manyPagesPdf(200_000)
    const [error, seconds] = await timed(() => failure(loadPdf('sider.pdf', pdf)))
    expect(error.message).toBe(
      'PDF-en har 200 000 sider, mer enn grensen på 2 000. Del den opp i mindre filer og sjekk dem hver for seg.',
    )
    expect(error.file).toBe('sider.pdf')
    expect(seconds).toBeLessThan(5)
  }, 30_000)

  it('refuses a page tree the scan cannot see by pdf.js’s page count, before reading the pages', async () => {
    const { manyPagesPdf } = await builder()
    const [error, seconds] = await timed(() => failure(loadPdf('sider.pdf', manyPagesPdf(2_500, { kidsByReference: true }))))
    expect(error.message).toMatch(/^PDF-en har 2 500 sider, mer enn grensen på 2 000\./)
    expect(seconds).toBeLessThan(5)
  }, 30_000)

  it('reads a PDF below the limit, every page', async () => {
    const { manyPagesPdf } = await builder()
    const doc = await loadPdf('sider.pdf', manyPagesPdf(3))
    expect(doc.blocks.map((block) => block.location?.page)).toEqual([1, 2, 3])
    expect(doc.text).toBe('Du har rett til å klage.\n\nDu har rett til å klage.\n\nDu har rett til å klage.')
  }, 30_000)
})

describe('PDF bounds: decoded size', () => {
  it(`refuses a content-stream deflate bomb (4 MB → 4 GB) as damaged, in bounded memory and time`, async () => {
    const { deflateBombPdf } = await builder()
    const file = join(work, 'bombe.pdf')
    writeFileSync(file, deflateBombPdf(4096))
    expect(readFileSync(file).length).toBeLessThan(5 * 1024 * 1024)
    const run = cli(['--format', 'json', file])
    expect(run.status).toBe(2)
    const report = JSON.parse(run.stdout) as { files: { error?: string }[] }
    expect(report.files[0]!.error).toBe(
      `En del av PDF-en pakkes ut til over ${MAX_STREAM_MB} MB, så filen er trolig skadet. Lag en ny PDF fra originalen og prøv igjen.`,
    )
    expect(run.peakMB).toBeLessThan(400)
    expect(run.seconds).toBeLessThan(5)
  }, 30_000)

  it(`refuses streams that together inflate past ${MAX_DECODED_MB} MB, each under ${MAX_STREAM_MB} MB`, async () => {
    const { deflateBombPdf } = await builder()
    const error = await failure(loadPdf('bombe.pdf', deflateBombPdf(60, { streams: 5 })))
    expect(error.message).toBe(
      `Innholdet i PDF-en pakkes ut til over ${MAX_DECODED_MB} MB i alt, så filen er trolig skadet eller svært stor. Lag en ny PDF fra originalen, eller del den opp.`,
    )
  }, 30_000)

  it('reads a PDF whose streams stay within the bounds', async () => {
    const { deflateBombPdf } = await builder()
    const doc = await loadPdf('liten.pdf', deflateBombPdf(2))
    expect(doc.text).toBe('Vedtak')
  }, 30_000)

  it('stops a bomb the scan cannot see (filter by reference) by the memory watchdog, not «skannet»', async () => {
    const { deflateBombPdf } = await builder()
    runnerSettings.memoryMB = 48
    const [error, seconds] = await timed(() => failure(loadPdf('bombe.pdf', deflateBombPdf(4096, { indirectFilter: true }))))
    expect(error.message).toBe('PDF-en trenger mer enn 48 MB minne for å leses, så filen er trolig skadet. Lag en ny PDF fra originalen og prøv igjen.')
    expect(seconds).toBeLessThan(5)
  }, 30_000)
})

describe('PDF bounds: time', () => {
  it('stops a PDF that takes too long, says so, and reads the next PDF with a new worker', async () => {
    const { manyItemsPdf } = await builder()
    runnerSettings.timeoutMs = 500
    const [error, seconds] = await timed(() => failure(loadPdf('treg.pdf', manyItemsPdf(100_000))))
    expect(error.message).toBe(
      'PDF-en tok for lang tid å lese (over 0,5 sekunder) og ble stoppet. Lag en ny PDF fra originalen, eller del den opp.',
    )
    expect(seconds).toBeLessThan(3)
    runnerSettings.timeoutMs = PDF_TIMEOUT_MS
    const before = workerStarts()
    const doc = await loadPdf(BROCHURE, readFileSync(BROCHURE))
    expect(doc.blocks.length).toBeGreaterThan(10)
    expect(workerStarts() - before).toBe(1)
  }, 30_000)

  it('reads many PDFs with one worker', async () => {
    const bytes = readFileSync(BROCHURE)
    await loadPdf(BROCHURE, bytes)
    const before = workerStarts()
    const docs = await Promise.all(Array.from({ length: 5 }, () => loadPdf(BROCHURE, bytes)))
    for (const doc of docs) expect(doc.text).toBe(docs[0]!.text)
    expect(workerStarts()).toBe(before)
  }, 30_000)

  it('lets the CLI exit as soon as it is done (the idle worker does not hold it)', () => {
    const copy = join(work, 'kopi.pdf')
    writeFileSync(copy, readFileSync(BROCHURE))
    const run = cli([BROCHURE, copy])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/Ingen funn i 2 filer/)
    expect(run.seconds).toBeLessThan(10)
  }, 30_000)
})

describe('PDF layout: long arrays', () => {
  const item = (x: number, y: number): Item => ({ str: 'ord', x, y, width: 0.5, size: 1, bold: false, spaceAfter: true })

  it('lays out a line of 150,000 items and a column of 150,000 lines (no spread of a long array)', () => {
    const line: Page = { number: 1, top: 842, bottom: 0, items: Array.from({ length: 150_000 }, (_, i) => item(i * 0.6, 700)) }
    const column: Page = { number: 2, top: 842, bottom: 0, items: Array.from({ length: 150_000 }, (_, i) => item(20, 800 - i * 0.001)) }
    const { text, blocks } = toDocument([line, column])
    expect(blocks.length).toBeGreaterThan(0)
    expect(text.split('ord').length - 1).toBe(300_000)
  }, 30_000)
})
