import type { Block, BlockKind } from '../types.js'
import { MAX_PAGES } from './pdf-limits.js'
import { scanPdf } from './pdf-scan.js'

/**
 * PDF bytes → text and blocks, with pdf.js (pdfjs-dist 4, legacy build, loaded on first use).
 * Runs inside the PDF worker (pdf-worker.ts), which bounds its time and memory; it answers with
 * plain data, and pdf.ts turns problems into messages.
 *
 * pdf.js gives positioned text items; the layout is rebuilt from geometry:
 * 1. Running headers and footers go first. Candidates are the one or two lines at the top or
 *    bottom of a page that lie within 12 % of the page edge and stand apart from the body (more
 *    than two lines of space to the next line), cut into fragments where items are far apart. A
 *    fragment is dropped when it is a page number («2», «Side 2 av 5», «- 2 -») or when the same
 *    text (digits aside) is a candidate on most pages.
 * 2. Reading order: a page is searched for a vertical gutter, an x band in the middle 70 % of
 *    the text, at least 0.8 em wide, that at most a third of the lines cross while at least 5 %
 *    of the text lies wholly on each side. Lines that cross it (a title over both columns) split
 *    the page into sections; each section is read left column first, then right (recursively,
 *    for three columns). Without such a band the page is one column.
 * 3. Lines: items on one baseline, left to right; a space where the gap is over 0.2 em.
 * 4. Blocks: a new block where the gap between lines is clearly more than the line spacing, the
 *    font (size or weight) changes, a line starts with a list marker, or a line ends early (the
 *    next word would have fitted) the way an address line or the end of a paragraph does.
 *    A block that runs on into the next column or page (no sentence end, next starts in lower
 *    case, same font) stays one block. A short block in a larger or bold font without final
 *    punctuation, or any single line without it, is a heading (as in plain text).
 */

/** What reading a PDF gave: its text and blocks, or why there are none. */
export type ReadResult =
  | { ok: true; text: string; blocks: Block[] }
  | { ok: false; problem: 'corrupt' | 'encrypted' | 'no-text' | 'stream-size' | 'decoded-size' }
  | { ok: false; problem: 'pages'; pages: number }

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>

let pdfjs: Promise<PdfJs> | undefined

/** pdf.js, imported once, on the first PDF. Its own worker runs in this thread. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    // Handing pdf.js its worker module directly also works when the CLI is bundled.
    // @ts-ignore -- pdfjs-dist ships no types for the worker module
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    // On import, pdf.js looks for the optional canvas package (for rendering, which we do not
    // do) and prints «Warning: …» lines when it is missing, before any verbosity can be set.
    const log = console.log
    console.log = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return
      log(...args)
    }
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs')
    } finally {
      console.log = log
    }
  })()
  return pdfjs
}

/** A piece of text on a page, in PDF user space (y up, baseline). */
export interface Item {
  str: string
  x: number
  y: number
  width: number
  size: number
  bold: boolean
  /** pdf.js reported a space right after this item. */
  spaceAfter: boolean
}

interface Line {
  text: string
  x0: number
  x1: number
  y: number
  size: number
  bold: boolean
  /** Approximate width of the first word, to tell whether it would have fitted on the line before. */
  firstWord: number
}

export interface Page {
  number: number
  top: number
  bottom: number
  items: Item[]
}

interface Draft {
  kind: 'paragraph' | 'list-item'
  page: number
  lines: Line[]
  /** Length of the list marker on the first line. */
  marker: number
}

/**
 * Read a PDF (bytes that start with «%PDF-» and end with «%%EOF»). `bytes` is handed to pdf.js,
 * which detaches its buffer: pass a copy you do not need again.
 */
export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  // Before pdf.js opens the file: it would hold a deflate bomb's output whole, and walk a
  // huge page tree for minutes before it tells the page count.
  const scan = scanPdf(bytes)
  if (scan.decoded) return { ok: false, problem: scan.decoded === 'stream' ? 'stream-size' : 'decoded-size' }
  // The scan counts every revision of the page tree a PDF saved with incremental updates
  // still holds, so it refuses only far past the limit (pdf.js opens a tree of some thousand
  // pages in about a second, and its own count decides below).
  if (scan.pages > 4 * MAX_PAGES) return { ok: false, problem: 'pages', pages: scan.pages }
  const lib = await loadPdfJs()
  const task = lib.getDocument({
    data: bytes,
    // PDF JavaScript is never run: no eval of fonts or functions, no scripting, no XFA.
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  })
  let pdf: PdfDocument
  try {
    pdf = await task.promise
  } catch (error) {
    await task.destroy().catch(() => undefined)
    return { ok: false, problem: (error as Error | undefined)?.name === 'PasswordException' ? 'encrypted' : 'corrupt' }
  }
  let pages: Page[]
  try {
    // pdf.js's own count, before any page is read (a page tree the scan did not see).
    if (pdf.numPages > MAX_PAGES) return { ok: false, problem: 'pages', pages: pdf.numPages }
    pages = await readPages(pdf)
  } catch {
    return { ok: false, problem: 'corrupt' }
  } finally {
    await task.destroy().catch(() => undefined)
  }
  if (!pages.some((page) => page.items.length > 0)) return { ok: false, problem: 'no-text' }
  const { text, blocks } = toDocument(pages)
  if (blocks.length === 0) return { ok: false, problem: 'no-text' }
  return { ok: true, text, blocks }
}

// ---- reading pages -----------------------------------------------------------------------------

async function readPages(pdf: PdfDocument): Promise<Page[]> {
  /** pdf.js font id → bold, learnt from the fonts pdf.js has loaded. */
  const bold = new Map<string, boolean>()
  const pages: Page[] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number)
    const content = await page.getTextContent()
    const raw = content.items.filter((item) => 'str' in item)
    // Fonts reach the main thread with the operator list; only ask for it when a font is new.
    if (raw.some((item) => item.str.trim() !== '' && !bold.has(item.fontName))) {
      // A page whose images pdf.js cannot decode still has its text: then the fonts stay unknown.
      const loaded = await page.getOperatorList().then(
        () => true,
        () => false,
      )
      for (const item of raw) if (!bold.has(item.fontName)) bold.set(item.fontName, loaded && isBold(page, item.fontName))
    }
    // Positions as the page is shown (its /Rotate applied), with y up from the bottom edge.
    const viewport = page.getViewport({ scale: 1 })
    const [va = 1, vb = 0, vc = 0, vd = -1, ve = 0, vf = 0] = viewport.transform as number[]
    const items: Item[] = []
    for (const item of raw) {
      const [ta = 0, tb = 0, tc = 0, td = 0, te = 0, tf = 0] = item.transform as number[]
      const a = va * ta + vc * tb
      const b = vb * ta + vd * tb
      const c = va * tc + vc * td
      const d = vb * tc + vd * td
      const x = va * te + vc * tf + ve
      const y = viewport.height - (vb * te + vd * tf + vf)
      // Upright horizontal text only (rotated stamps and vertical text are not prose).
      if (item.dir === 'ttb' || a <= 0 || d >= 0 || Math.abs(b) > 0.05 * a || Math.abs(c) > 0.05 * Math.abs(d)) continue
      const size = Math.hypot(c, d) || item.height
      const previous = items[items.length - 1]
      if (item.str.trim() === '') {
        if (previous && Math.abs(previous.y - y) < 0.5 * size) previous.spaceAfter = true
        continue
      }
      // Text printed twice a hair apart («fake bold»): keep one copy, and it is bold.
      if (previous && previous.str === item.str && Math.abs(previous.x - x) < 1.5 && Math.abs(previous.y - y) < 1.5) {
        previous.bold = true
        continue
      }
      items.push({
        str: item.str,
        x,
        y,
        width: item.width,
        size,
        bold: bold.get(item.fontName) ?? false,
        spaceAfter: /\s$/.test(item.str),
      })
    }
    pages.push({ number, top: viewport.height, bottom: 0, items })
    page.cleanup()
  }
  return pages
}

function isBold(page: PdfPage, id: string): boolean {
  if (!page.commonObjs.has(id)) return false
  const font = page.commonObjs.get(id) as { name?: string; bold?: boolean; black?: boolean } | null
  return Boolean(font?.bold || font?.black || /bold|black|heavy|semibold|demi/i.test(font?.name ?? ''))
}

// ---- running headers and footers ---------------------------------------------------------------

const PAGE_NUMBER =
  /^(?:(?:side|sida|s\.|page)\s*)?\d{1,4}(?:\s*(?:av|of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i

interface Row {
  y: number
  size: number
  items: Item[]
}

/** Items on (about) one baseline, top to bottom, each row left to right. */
function rowsOf(items: Item[]): Row[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x)
  const rows: Row[] = []
  for (const item of sorted) {
    const row = rows[rows.length - 1]
    if (row && row.y - item.y <= 0.35 * Math.min(row.size, item.size)) {
      row.items.push(item)
      row.size = Math.max(row.size, item.size)
    } else {
      rows.push({ y: item.y, size: item.size, items: [item] })
    }
  }
  for (const row of rows) row.items.sort((p, q) => p.x - q.x)
  return rows
}

/** A row cut where items are more than `ems` apart (footer text left, page number right). */
function fragmentsOf(row: Row, ems: number): Item[][] {
  const fragments: Item[][] = []
  let end = -Infinity
  for (const item of row.items) {
    const current = fragments[fragments.length - 1]
    if (current && item.x - end <= ems * row.size) current.push(item)
    else fragments.push([item])
    end = Math.max(end, item.x + item.width)
  }
  return fragments
}

/**
 * The one or two rows at one edge of a page (`rows` ordered from that edge inwards) that stand
 * apart from the body: in the zone, and followed by a gap of more than two lines. Body text
 * never qualifies, so a line that happens to start most pages is not taken for a header. On a
 * page with nothing else, only page numbers count (`alone`).
 */
function marginRows(rows: Row[], inZone: (row: Row) => boolean): { rows: Row[]; alone: boolean } {
  for (let count = Math.min(2, rows.length); count >= 1; count--) {
    const group = rows.slice(0, count)
    if (!group.every(inZone)) continue
    const last = group[count - 1]!
    const next = rows[count]
    if (!next) return { rows: group, alone: true }
    if (Math.abs(last.y - next.y) > 2 * Math.max(last.size, next.size)) return { rows: group, alone: false }
  }
  return { rows: [], alone: false }
}

function removeRunningLines(pages: Page[]): void {
  const candidates: { page: Page; items: Item[]; text: string; key: string; alone: boolean }[] = []
  for (const page of pages) {
    const rows = rowsOf(page.items)
    const zone = 0.12 * (page.top - page.bottom)
    const top = marginRows(rows, (row) => row.y >= page.top - zone)
    const bottom = marginRows([...rows].reverse(), (row) => row.y <= page.bottom + zone)
    const seen = new Set<Row>()
    for (const { rows: edge, alone } of [top, bottom]) {
      for (const row of edge) {
        if (seen.has(row)) continue
        seen.add(row)
        for (const fragment of fragmentsOf(row, 1.5)) {
          const text = lineText(fragment)
          candidates.push({ page, items: fragment, text, key: text.toLowerCase().replace(/\d+/g, '#'), alone })
        }
      }
    }
  }
  const pagesWith = new Map<string, Set<Page>>()
  for (const candidate of candidates) {
    const set = pagesWith.get(candidate.key) ?? new Set<Page>()
    set.add(candidate.page)
    pagesWith.set(candidate.key, set)
  }
  const most = Math.floor(pages.length / 2) + 1
  const drop = new Set<Item>()
  for (const candidate of candidates) {
    const repeated = !candidate.alone && pages.length >= 2 && (pagesWith.get(candidate.key)?.size ?? 0) >= most
    if (repeated || PAGE_NUMBER.test(candidate.text)) for (const item of candidate.items) drop.add(item)
  }
  if (drop.size === 0) return
  for (const page of pages) page.items = page.items.filter((item) => !drop.has(item))
}

// ---- reading order -----------------------------------------------------------------------------

/**
 * The page's items as streams in reading order: a stream is a run of text read top to bottom
 * (a column, or the lines across the whole width between column sections).
 */
function readingOrder(items: Item[], depth = 0): Item[][] {
  if (items.length < 4 || depth > 2) return [items]
  const rows = rowsOf(items)
  const gutter = findGutter(items, rows)
  if (gutter === undefined) return [items]
  const crosses = (row: Row): boolean => row.items.some((item) => item.x < gutter - 0.5 && item.x + item.width > gutter + 0.5)
  const streams: Item[][] = []
  let spanning: Item[] = []
  let section: Item[] = []
  const flushSection = (): void => {
    if (section.length === 0) return
    const left = section.filter((item) => item.x + item.width / 2 < gutter)
    const right = section.filter((item) => item.x + item.width / 2 >= gutter)
    if (left.length > 0) for (const stream of readingOrder(left, depth + 1)) streams.push(stream)
    if (right.length > 0) for (const stream of readingOrder(right, depth + 1)) streams.push(stream)
    section = []
  }
  for (const row of rows) {
    if (crosses(row)) {
      flushSection()
      for (const item of row.items) spanning.push(item)
    } else {
      if (spanning.length > 0) streams.push(spanning)
      spanning = []
      for (const item of row.items) section.push(item)
    }
  }
  if (spanning.length > 0) streams.push(spanning)
  flushSection()
  return streams
}

/** The x of a column gutter, or undefined for a single column. */
function findGutter(items: Item[], rows: Row[]): number | undefined {
  if (rows.length < 4) return undefined
  let minX = Infinity
  let maxX = -Infinity
  let chars = 0
  for (const item of items) {
    minX = Math.min(minX, item.x)
    maxX = Math.max(maxX, item.x + item.width)
    chars += item.str.length
  }
  const width = maxX - minX
  const size = median(items.map((item) => item.size))
  const step = Math.max(1, size / 4)
  let best = Infinity
  let bestRun = { start: 0, end: -1 }
  let run = { start: 0, end: -1 }
  for (let x = minX + 0.15 * width; x <= maxX - 0.15 * width; x += step) {
    let left = 0
    let right = 0
    for (const item of items) {
      if (item.x + item.width <= x) left += item.str.length
      else if (item.x >= x) right += item.str.length
    }
    let crossing = Infinity
    if (left >= 0.05 * chars && right >= 0.05 * chars) {
      crossing = 0
      for (const row of rows) {
        if (row.items.some((item) => item.x < x - 0.5 && item.x + item.width > x + 0.5)) crossing++
      }
    }
    if (crossing < best) {
      best = crossing
      run = { start: x, end: x }
      bestRun = run
    } else if (crossing === best && crossing !== Infinity && run.end >= x - step * 1.01) {
      run.end = x
      if (run.end - run.start > bestRun.end - bestRun.start) bestRun = run
    } else if (crossing === best && crossing !== Infinity) {
      run = { start: x, end: x }
    }
  }
  // The band must be clearly wider than a word space, and most lines must stay on one side.
  if (best === Infinity || best > rows.length / 3 || bestRun.end - bestRun.start + step < 0.8 * size) return undefined
  return (bestRun.start + bestRun.end) / 2
}

// ---- lines -------------------------------------------------------------------------------------

function lineText(items: Item[]): string {
  // Parts and a flag for the text's last character, not tests of a growing string (quadratic
  // on a line of many items).
  const parts: string[] = []
  let endsInSpace = false
  let end = -Infinity
  let previous: Item | undefined
  for (const item of items) {
    if (previous) {
      const gap = item.x - end
      const space = previous.spaceAfter || gap > 0.2 * Math.max(previous.size, item.size)
      if (space && !endsInSpace && !/^\s/.test(item.str)) {
        parts.push(' ')
        endsInSpace = true
      }
    }
    parts.push(item.str)
    if (item.str !== '') endsInSpace = /\s$/.test(item.str)
    end = Math.max(end, item.x + item.width)
    previous = item
  }
  return parts.join('').replace(/[ \t\r\n\f\v]+/g, ' ').trim()
}

/**
 * The lines of a stream, top to bottom. Text far apart on one baseline (a name on the left, the
 * date on the right) makes separate lines, left to right.
 */
function linesOf(items: Item[]): Line[] {
  const lines: Line[] = []
  for (const { y, part } of rowsOf(items).flatMap((row) => fragmentsOf(row, 6).map((part) => ({ y: row.y, part })))) {
    const text = lineText(part)
    if (text === '') continue
    // The line's font is the one most of its characters are in.
    const sizes = new Map<number, number>()
    let boldChars = 0
    let chars = 0
    for (const item of part) {
      const key = Math.round(item.size * 2) / 2
      sizes.set(key, (sizes.get(key) ?? 0) + item.str.length)
      if (item.bold) boldChars += item.str.length
      chars += item.str.length
    }
    const size = [...sizes.entries()].sort((p, q) => q[1] - p[1] || q[0] - p[0])[0]![0]
    let x1 = -Infinity
    for (const item of part) x1 = Math.max(x1, item.x + item.width)
    const first = part[0]!
    const firstStr = first.str.trimStart()
    const firstWord = firstStr.split(/\s/)[0] ?? ''
    lines.push({
      text,
      x0: first.x,
      x1,
      y,
      size,
      bold: boldChars * 2 >= chars,
      firstWord: firstStr.length > 0 ? (first.width * firstWord.length) / firstStr.length : 0,
    })
  }
  return lines
}

// ---- blocks ------------------------------------------------------------------------------------

/** A list item: bullet glyphs always; dashes, «1.», «a)» only where a new unit can start. */
const BULLET = /^[•●▪■◦‣○□➢➤►✓✔·]\s*/
const MARKER = /^(?:[-–—*]|\d{1,2}[.)]|[a-zæøå][.)])\s+(?=\S)/
const ORDINAL_DATE = /^\d{1,2}\.\s+(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)\b/i
/** Ends like a sentence or a clause (no heading ends like this). */
const TERMINAL = /[.!?…:;,]["»”’)\]]*$/
/** Ends a sentence. */
const SENTENCE_END = /[.!?…:]["»”’)\]]*$/
const STARTS_UPPER = /^[\p{Lu}\d«"§(]/u

export function toDocument(pages: Page[]): { text: string; blocks: Block[] } {
  removeRunningLines(pages)
  const laidOut = pages.map((page) => ({
    page: page.number,
    streams: readingOrder(page.items).map(linesOf).filter((lines) => lines.length > 0),
  }))
  const allLines = laidOut.flatMap((page) => page.streams.flat())
  const body = weightedMedian(allLines.map((line) => [line.size, line.text.length]))
  const leading = leadingBySize(laidOut.flatMap((page) => page.streams))

  const drafts: Draft[] = []
  let current: Draft | undefined
  const start = (line: Line, page: number, marker: number): void => {
    current = { kind: marker > 0 ? 'list-item' : 'paragraph', page, lines: [line], marker }
    drafts.push(current)
  }
  for (const { page, streams } of laidOut) {
    for (const lines of streams) {
      // A loop, not Math.max(...): a spread of a long array overflows the argument stack.
      let right = -Infinity
      for (const line of lines) right = Math.max(right, line.x1)
      lines.forEach((line, i) => {
        const previous = i > 0 ? lines[i - 1] : undefined
        const last = current?.lines[current.lines.length - 1]
        if (!current || !last) return start(line, page, markerLength(line.text, true))
        if (!previous) {
          // First line of a column or page: a block may run on from the one before.
          const runsOn =
            sameFont(last, line) &&
            !SENTENCE_END.test(last.text) &&
            (/^\p{Ll}/u.test(line.text) || /\p{L}[-\u00AD]$/u.test(last.text)) &&
            markerLength(line.text, false) === 0
          if (runsOn) current.lines.push(line)
          else start(line, page, markerLength(line.text, true))
          return
        }
        const gap = previous.y - line.y
        const newUnit =
          !sameFont(previous, line) ||
          gap <= 0 ||
          gap > 1.35 * (leading.get(sizeKey(line.size)) ?? 1.2 * line.size)
        const marker = markerLength(line.text, newUnit || SENTENCE_END.test(previous.text) || /[;,]$/.test(previous.text) || current.kind === 'list-item')
        if (newUnit || marker > 0 || endsEarly(previous, line, right)) start(line, page, marker)
        else current.lines.push(line)
      })
    }
  }

  let text = ''
  const blocks: Block[] = []
  const perPage = new Map<number, number>()
  for (const draft of drafts) {
    const content = joinLines(draft.lines.map((line, i) => (i === 0 ? line.text.slice(draft.marker) : line.text)))
    if (content === '') continue
    const kind = kindOf(draft, content, body)
    if (blocks.length > 0) text += '\n\n'
    const paragraph = (perPage.get(draft.page) ?? 0) + 1
    perPage.set(draft.page, paragraph)
    blocks.push({ kind, start: text.length, end: text.length + content.length, location: { page: draft.page, paragraph } })
    text += content
  }
  return { text, blocks }
}

function markerLength(text: string, canStart: boolean): number {
  const bullet = BULLET.exec(text)
  if (bullet) return bullet[0].length
  if (!canStart || ORDINAL_DATE.test(text)) return 0
  return MARKER.exec(text)?.[0].length ?? 0
}

function sameFont(p: Line, q: Line): boolean {
  return p.bold === q.bold && Math.abs(p.size - q.size) <= 0.05 * Math.max(p.size, q.size)
}

/**
 * The line before ended although the next word would have fitted, and the next line starts a new
 * unit the way a line in a plain-text file does (text.ts): after a sentence end, or after a
 * short line without punctuation (address lines, «Dato: …») when the next starts with a capital.
 */
function endsEarly(previous: Line, line: Line, right: number): boolean {
  if (/[-\u00AD]$/.test(previous.text)) return false
  const room = right - previous.x1 - 0.3 * previous.size - line.firstWord
  if (room < 1.5 * previous.size) return false
  if (!STARTS_UPPER.test(line.text) || (ORDINAL_DATE.test(line.text) && !TERMINAL.test(previous.text))) return false
  return SENTENCE_END.test(previous.text) || (!TERMINAL.test(previous.text) && previous.text.length < 40)
}

function kindOf(draft: Draft, text: string, body: number): BlockKind {
  if (draft.kind === 'list-item') return 'list-item'
  if (TERMINAL.test(text)) return 'paragraph'
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length
  const first = draft.lines[0]!
  const prominent = first.bold || first.size >= 1.15 * body
  if (prominent && words <= 15 && draft.lines.length <= 3) return 'heading'
  if (draft.lines.length === 1 && words <= 12) return 'heading'
  return 'paragraph'
}

/**
 * Lines of one block joined with spaces. A word split at a line end is rejoined
 * («omsorgs-» + «tjenester»), but «helse- og» keeps its hyphen and space, «e-» + «post» and
 * «NAV-» + «kontor» keep the hyphen, and «§ 3-» + «2» is rejoined as it was.
 */
function joinLines(lines: string[]): string {
  // Parts, not one growing string: the tests of the text's end look at the last part alone
  // (a part starts after a space, so a word never spans two), and a block of many lines stays
  // linear. Lines joined without a space go into one part.
  const parts = [lines[0]?.trim() ?? '']
  for (let i = 1; i < lines.length; i++) {
    const next = lines[i]!.trim()
    if (next === '') continue
    const last = parts[parts.length - 1]!
    if (last.endsWith('\u00AD')) {
      parts[parts.length - 1] = last.slice(0, -1) + next
      continue
    }
    const split = /(\p{L}+)-$/u.exec(last)
    if (split && /^\p{Ll}/u.test(next)) {
      const prefix = split[1]!
      const word = /^\p{L}+/u.exec(next)?.[0] ?? ''
      if (/^(?:og|eller|and|or)$/.test(word)) parts.push(` ${next}`)
      else if (prefix.length === 1 || /^[\p{Lu}\d]{2,}$/u.test(prefix)) parts[parts.length - 1] = last + next
      else parts[parts.length - 1] = last.slice(0, -1) + next
    } else if (/\d-$/.test(last) && /^\d/.test(next)) {
      parts[parts.length - 1] = last + next
    } else {
      parts.push(` ${next}`)
    }
  }
  return parts.join('').replace(/\u00AD/g, '').trim()
}

// ---- statistics --------------------------------------------------------------------------------

function sizeKey(size: number): number {
  return Math.round(size * 2) / 2
}

/**
 * Line spacing per font size: the lower quartile of the distance between consecutive lines of
 * that size (most of those are lines of one paragraph), within 1–1.6 em; else 1.2 em.
 */
function leadingBySize(streams: Line[][]): Map<number, number> {
  const gaps = new Map<number, number[]>()
  for (const lines of streams) {
    for (let i = 1; i < lines.length; i++) {
      const p = lines[i - 1]!
      const q = lines[i]!
      const gap = p.y - q.y
      if (!sameFont(p, q) || gap <= 0 || gap > 3 * q.size) continue
      const key = sizeKey(q.size)
      const list = gaps.get(key) ?? []
      list.push(gap)
      gaps.set(key, list)
    }
  }
  const leading = new Map<number, number>()
  for (const [key, list] of gaps) {
    list.sort((p, q) => p - q)
    const quartile = list[Math.floor((list.length - 1) / 4)]!
    leading.set(key, quartile >= 0.95 * key && quartile <= 1.6 * key ? quartile : 1.2 * key)
  }
  return leading
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** The value in the middle of the total weight. */
function weightedMedian(pairs: [number, number][]): number {
  const sorted = [...pairs].sort((p, q) => p[0] - q[0])
  const total = sorted.reduce((sum, [, weight]) => sum + weight, 0)
  let seen = 0
  for (const [value, weight] of sorted) {
    seen += weight
    if (seen * 2 >= total) return value
  }
  return 0
}
