import type { Block, Diagnostic, Document, FileReport } from '../types.js'
import type { SourceMap } from '../input/sourcemap.js'
import { listSuggestions } from '../report.js'
import { blockAt, resolveSpan, type XmlPlace } from './anchor.js'

/**
 * What goes into the annotated copy, whatever the format: one comment per span finding anchored
 * on its words, one summary comment (whole-text findings, findings that cannot be anchored, the
 * decision-letter checklist) on the first heading or paragraph, and the safe suggestions.
 */

export const AUTHOR = 'klarsprak'
export const INITIALS = 'KS'

export interface PlannedComment {
  start: XmlPlace
  end: XmlPlace
  /** The comment's paragraphs. */
  paragraphs: string[]
  /** A safe substitution to write as a tracked change over [start, end). */
  replacement?: string
}

export interface Plan {
  comments: PlannedComment[]
  /** Number of findings written (anchored or in the summary). */
  findings: number
}

/** Rule types whose findings are about a whole paragraph or the whole text. */
const WHOLE_TEXT_TYPES = new Set(['readability', 'paragraph-length'])

export interface PlanOptions {
  suggest: boolean
  /** Rule id → rule type, to tell whole-text findings. */
  ruleTypes: Map<string, string>
}

export function planComments(doc: Document & { map: SourceMap }, report: FileReport, options: PlanOptions): Plan {
  const comments: PlannedComment[] = []
  const summary: string[] = []
  const taken: Array<[number, number]> = []
  const candidates: Array<{ comment: PlannedComment; replacement: string; start: number; end: number }> = []
  for (const d of report.diagnostics) {
    const start = d.start.offset
    const end = d.end.offset
    const whole = d.context === null || WHOLE_TEXT_TYPES.has(options.ruleTypes.get(d.ruleId) ?? '') || crossesBlocks(doc.blocks, start, end)
    const span = whole ? undefined : resolveSpan(doc.map, doc.blocks, start, end)
    if (!span) {
      const where = !whole && d.location ? `${d.location}: ` : ''
      summary.push(`• ${where}${d.message}${d.actual && !whole ? ` (${quoteShort(d.actual)})` : ''} [${d.ruleId}]`)
      continue
    }
    const comment: PlannedComment = { ...span, paragraphs: commentText(d) }
    if (options.suggest) {
      const replacement = safeReplacement(doc, d)
      if (replacement !== undefined) candidates.push({ comment, replacement, start, end })
    }
    comments.push(comment)
  }
  // Overlapping suggestions: the shortest span wins («vedrørende» before a whole new heading).
  candidates.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start)
  for (const candidate of candidates) {
    if (taken.some(([a, b]) => a < candidate.end && candidate.start < b)) continue
    candidate.comment.replacement = candidate.replacement
    taken.push([candidate.start, candidate.end])
  }
  const summaryComment = summaryOf(doc, report, summary)
  if (summaryComment) comments.unshift(summaryComment)
  return { comments, findings: report.diagnostics.length }
}

/** The text of one finding's comment: message, suggestion, why, rule. */
export function commentText(d: Diagnostic): string[] {
  const paragraphs = [d.message]
  if (d.expected) paragraphs.push(`Forslag: ${d.expected.length === 0 ? 'skriv om eller stryk' : listSuggestions(d.expected)}`)
  const why = shortNote(d.note)
  if (why) paragraphs.push(`Hvorfor: ${why}`)
  paragraphs.push(`Regel: ${d.ruleId}`)
  return paragraphs
}

/** The first sentence of a rule's note, at most about 200 characters. */
function shortNote(note: string): string {
  const text = note.replace(/\s+/g, ' ').trim()
  const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text
  return sentence.length > 220 ? `${sentence.slice(0, 217).trimEnd()} …` : sentence
}

function quoteShort(text: string): string {
  const flat = text.replace(/\s+/g, ' ')
  return `«${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat}»`
}

function crossesBlocks(blocks: Block[], start: number, end: number): boolean {
  const block = blockAt(blocks, start)
  return !block || end > block.end
}

/**
 * A substitution is safe when the rule gives exactly one replacement, the span lies in one
 * paragraph and touches no merge field. The first letter keeps its case («Vedrørende» → «Om»).
 */
export function safeReplacement(doc: Document, d: Diagnostic): string | undefined {
  if (!d.expected || d.expected.length !== 1) return undefined
  const replacement = d.expected[0]!
  const start = d.start.offset
  const end = d.end.offset
  if (end <= start || replacement.length === 0) return undefined
  const block = blockAt(doc.blocks, start)
  if (!block || end > block.end || block.part !== undefined && block.part !== 'note') return undefined
  if ((doc.placeholders ?? []).some((p) => p.start <= end && start <= p.end)) return undefined
  const actual = doc.text.slice(start, end)
  if (actual !== d.actual) return undefined
  return keepCase(actual, replacement)
}

export function keepCase(actual: string, replacement: string): string {
  const first = actual[0] ?? ''
  // Only upwards: a replacement that starts with a capital is a name («Statsforvalteren»).
  if (first !== first.toLowerCase()) return replacement[0]!.toUpperCase() + replacement.slice(1)
  return replacement
}

/** The summary: figures, findings about the whole text, the decision-letter checklist. */
function summaryOf(doc: Document & { map: SourceMap }, report: FileReport, lines: string[]): PlannedComment | undefined {
  const paragraphs: string[] = ['Oppsummering fra klarsprak']
  const m = report.metrics
  if (m) {
    const lix = m.lix === null ? 'LIX kan ikke regnes ut (for lite tekst)' : `LIX ${String(m.lix).replace('.', ',')}${m.lixBand ? ` (${m.lixBand})` : ''}`
    paragraphs.push(`${lix}, ${m.words} ord, ${m.sentences} setninger, ${report.diagnostics.length} funn.`)
  }
  if (lines.length > 0) paragraphs.push('Om hele teksten:', ...lines)
  const vedtak = report.vedtak
  if (vedtak?.detected) {
    paragraphs.push('Innholdet i vedtaket:')
    for (const element of vedtak.elements) {
      if (!element.applies) continue
      paragraphs.push(element.present ? `✔ ${element.label}` : `✘ ${element.label} – mangler (${element.basis})`)
    }
  }
  if (paragraphs.length === 1 && lines.length === 0) return undefined
  const anchor =
    doc.blocks.find((b) => b.part === undefined && (b.kind === 'heading' || b.kind === 'paragraph')) ??
    doc.blocks.find((b) => b.part === undefined)
  if (!anchor) return undefined
  const span = resolveSpan(doc.map, doc.blocks, anchor.start, anchor.end)
  if (!span) return undefined
  return { ...span, paragraphs }
}
