import type { Block, Directive, Document } from '../types.js'
import { decodeTextWithEncoding, withDecoding } from './decode.js'
import { parseDirective } from './directives.js'

/** A list item: bullet, «1.», «1)», «a)». */
const LIST_MARKER = /^\s*(?:[-*•–·▪]|\d{1,2}[.)]|[a-zæøå][.)])\s+(?=\S)/
/** Ends like a sentence or a clause (no heading ends like this). */
const TERMINAL = /[.!?…:;,]["»”’)\]]*\s*$/
/** Ends a sentence. */
const SENTENCE_END = /[.!?…:]["»”’)\]]*\s*$/
/** A line this short without final punctuation stands on its own (heading, address, «Dato: …»). */
const SHORT_LINE = 40
/** Text wrapped by hand (or by a case system) has no line longer than this. */
const WRAP_WIDTH = 100

interface Line {
  start: number
  end: number
  text: string
}

/**
 * Plain text → Document. Blank lines separate blocks; inside a block a line break is kept as
 * whitespace (hard-wrapped paragraphs stay one paragraph) unless the next line starts a list item
 * or the line is a short unpunctuated line followed by a capitalised one (a heading or an
 * address line). Directive comment lines are recorded and left out of the text's blocks.
 */
export function loadText(path: string, text: string, format = 'txt'): Document {
  const lines = splitLines(text)
  const directives: Directive[] = []
  const blocks: Block[] = []
  let group: Line[] = []

  const flush = (): void => {
    // A loop, not push(...): a group can have more blocks than a call takes arguments.
    if (group.length > 0) for (const block of blocksOfGroup(group)) blocks.push(block)
    group = []
  }

  lines.forEach((line, index) => {
    const directive = parseDirective(line.text, index + 1)
    if (directive) {
      directives.push(directive)
      flush()
    } else if (line.text.trim() === '') {
      flush()
    } else {
      group.push(line)
    }
  })
  flush()
  return { path, format, text, blocks, directives }
}

/** Lines as an editor shows them: `\r\n`, `\n` and a lone `\r` (old Mac files) each end a line. */
/** A text file's bytes → Document, saying how they were decoded. */
export function loadTextFile(path: string, bytes: Uint8Array): Document {
  const decoded = decodeTextWithEncoding(bytes, path)
  return withDecoding(loadText(path, decoded.text), decoded)
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  const breaks = /\r\n?|\n/g
  let start = 0
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    lines.push({ start, end: match.index, text: text.slice(start, match.index) })
    start = match.index + match[0].length
  }
  lines.push({ start, end: text.length, text: text.slice(start) })
  return lines
}

function blocksOfGroup(group: Line[]): Block[] {
  const blocks: Block[] = []
  let widest = 0
  for (const line of group) widest = Math.max(widest, line.text.trimEnd().length)
  let first = group[0]!
  let kind: Block['kind'] = LIST_MARKER.test(first.text) ? 'list-item' : 'paragraph'
  for (let i = 0; i < group.length; i++) {
    const line = group[i]!
    const next = group[i + 1]
    if (next && continues(line, next, kind, widest)) continue
    // A list item's unit starts after its marker: «1.» is not a sentence.
    const marker = kind === 'list-item' ? LIST_MARKER.exec(first.text)![0].length : leadingSpace(first.text)
    const start = first.start + marker
    const single = line === first
    const isHeading =
      kind === 'paragraph' && single && !TERMINAL.test(line.text) && wordCount(line.text) <= 12
    blocks.push({ kind: isHeading ? 'heading' : kind, start, end: line.end })
    if (next) {
      first = next
      kind = LIST_MARKER.test(next.text) ? 'list-item' : 'paragraph'
    }
  }
  return blocks
}

/** «3. mars» at the start of a wrapped line is a date, not item 3 of a list. */
const ORDINAL_DATE = /^\s*\d{1,2}\.\s+(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)\b/i

/**
 * Does `next` continue the unit that `line` is in? A line that ends a sentence ends its paragraph
 * (one paragraph per line, as case systems export letters) unless the block is hard-wrapped and
 * the line reaches the wrap width, so the sentence end is where the wrapping happened to fall.
 */
function continues(line: Line, next: Line, kind: Block['kind'], widest: number): boolean {
  if (ORDINAL_DATE.test(next.text) && !TERMINAL.test(line.text)) return true
  if (LIST_MARKER.test(next.text)) return false
  // A wrapped list item continues on indented lines.
  if (kind === 'list-item') return /^\s/.test(next.text) || !startsUpper(next.text)
  if (!startsUpper(next.text)) return true
  const trimmed = line.text.trim()
  if (SENTENCE_END.test(trimmed)) return widest <= WRAP_WIDTH && trimmed.length >= 0.75 * widest
  return TERMINAL.test(trimmed) || trimmed.length >= SHORT_LINE
}

function startsUpper(text: string): boolean {
  const first = text.trimStart()[0]
  return first !== undefined && /[\p{Lu}\d«"§(]/u.test(first)
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((part) => /\p{L}/u.test(part)).length
}
