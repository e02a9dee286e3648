import { norwegianRegExp } from '../checks/pattern.js'
import type { Analysis } from '../language/segment.js'
import { outcomeOf, SERVICE } from './outcome.js'

/**
 * The parts of a decision letter as the reader meets them: letterhead and address lines, the
 * main heading, the body with its section headings, and the closing («Med vennlig hilsen» and
 * the signature). Used by the order and form checks (src/checks/vedtak-structure.ts).
 */
export interface LetterLayout {
  /** Block index of the main heading («Du får praktisk bistand», «Vedtak om …»), if any. */
  heading?: number
  /** First block of the body: after the main heading, or the first paragraph of real prose. */
  body: number
  /** Block index of the closing («Med vennlig hilsen»), or the number of blocks. */
  end: number
  /** Body blocks (between `body` and `end`) that head a section, in order. */
  sections: number[]
}

/** A heading that names the letter a decision or answer, or the service it is about. */
const MAIN_HEADING = norwegianRegExp(
  `\\b(?:vedtak(?:et|a)?|enkeltvedtak(?:et|a)?|søknad(?:en|a)?|svar på|melding om)\\b|\\b${SERVICE}(?:en|a|et|ne|er|ar)?\\b`,
  'iu',
)
/** The closing formula: everything from here on is signature, copies and enclosures. */
const CLOSING = /^\s*(?:med\s+)?(?:(?:vennlig|venleg|venlig|beste)\s+)?(?:hilsen|helsing)\b/iu
/** Real prose ends like a sentence. */
const PROSE_END = /[.!?]["»”’)\]]*\s*$/u

const layouts = new WeakMap<Analysis, LetterLayout>()

export function blockText(analysis: Analysis, index: number): string {
  const block = analysis.blocks[index]!
  return analysis.text.slice(block.start, block.end).trim()
}

/** Words in a block (as the analysis counts them). */
export function blockWords(analysis: Analysis, index: number): number {
  const block = analysis.blocks[index]!
  if (block.endSentence === block.firstSentence) return 0
  const first = analysis.sentences[block.firstSentence]!
  const last = analysis.sentences[block.endSentence - 1]!
  return last.endWord - first.firstWord
}

/**
 * Does the block head a section? A heading block, or a short one-sentence paragraph that plain
 * text and PDF cannot tell from a heading: a question («Har du spørsmål?») or a label («Klage:»).
 */
export function isSectionHeading(analysis: Analysis, index: number): boolean {
  const block = analysis.blocks[index]!
  if (block.part) return false
  if (block.kind === 'heading') return blockWords(analysis, index) > 0
  if (block.kind !== 'paragraph' || block.endSentence - block.firstSentence !== 1) return false
  const text = blockText(analysis, index)
  const words = blockWords(analysis, index)
  return (text.endsWith('?') && words <= 8) || (text.endsWith(':') && words <= 3)
}

/** Is the block a paragraph of real prose (not an address, date, greeting or reference line)? */
export function isProse(analysis: Analysis, index: number): boolean {
  const block = analysis.blocks[index]!
  if (block.part || (block.kind !== 'paragraph' && block.kind !== 'list-item')) return false
  return blockWords(analysis, index) >= 6 && PROSE_END.test(blockText(analysis, index))
}

/** Find (once per document) where the letter's heading, body and closing are. */
export function layoutOf(analysis: Analysis): LetterLayout {
  let layout = layouts.get(analysis)
  if (layout) return layout
  const { blocks } = analysis
  let firstProse = -1
  for (let i = 0; i < blocks.length; i++) {
    if (isProse(analysis, i)) {
      firstProse = i
      break
    }
  }
  const limit = firstProse === -1 ? Math.min(blocks.length, 20) : firstProse
  let heading: number | undefined
  for (let i = 0; i < limit; i++) {
    const block = blocks[i]!
    if (block.part || block.kind !== 'heading') continue
    const text = blockText(analysis, i)
    if (MAIN_HEADING.test(text) || outcomeOf(text)) {
      heading = i
      break
    }
  }
  if (heading === undefined && firstProse > 0 && blocks[firstProse - 1]!.kind === 'heading' && !blocks[firstProse - 1]!.part) {
    heading = firstProse - 1
  }
  const body = heading !== undefined ? heading + 1 : firstProse === -1 ? blocks.length : firstProse
  let end = blocks.length
  for (let i = body; i < blocks.length; i++) {
    if (blocks[i]!.part) continue
    if (blockWords(analysis, i) <= 4 && CLOSING.test(blockText(analysis, i))) {
      end = i
      break
    }
  }
  const sections: number[] = []
  for (let i = body; i < end; i++) if (isSectionHeading(analysis, i)) sections.push(i)
  layout = { body, end, sections, ...(heading !== undefined ? { heading } : {}) }
  layouts.set(analysis, layout)
  return layout
}

/**
 * Keywords from a rule file as one regular expression: case-insensitive, whole words, any
 * whitespace between words, `*` at the end of a word for any ending («klage*»).
 */
export function keywordPattern(keywords: readonly string[], flags = 'iu'): RegExp {
  const parts = keywords.map((keyword) => {
    const trimmed = keyword.trim()
    const body = trimmed
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\*/g, '\\w*'))
      .join('\\s+')
    const lead = /^[\p{L}\p{N}]/u.test(trimmed) ? '\\b' : ''
    const tail = /[\p{L}\p{N}*]$/u.test(trimmed) ? '\\b' : ''
    return `${lead}${body}${tail}`
  })
  // Longest first, so «lover og regler» wins over «lover» at the same place.
  parts.sort((a, b) => b.length - a.length)
  return norwegianRegExp(`(?:${parts.join('|')})`, flags)
}

/** A rule file's regular expression (Norwegian `\b`/`\w`), case-insensitive. */
export function dataPattern(source: string, flags = 'iu'): RegExp {
  return norwegianRegExp(source, flags)
}

/**
 * Which section (index into `classes`) a heading belongs to: the class whose keyword occurs
 * first in the heading, the longer keyword on a tie; -1 for none.
 */
export function classify(text: string, classes: readonly RegExp[]): number {
  let best = -1
  let bestAt = Infinity
  let bestLength = 0
  classes.forEach((pattern, index) => {
    const match = pattern.exec(text)
    if (!match) return
    if (match.index < bestAt || (match.index === bestAt && match[0].length > bestLength)) {
      best = index
      bestAt = match.index
      bestLength = match[0].length
    }
  })
  return best
}
