import { CHECKS } from './checks/registry.js'
import type { RuleDef } from './rules/schema.js'
import type { Block, BlockLocation, Diagnostic, Directive, Document, FileReport, Finding, Placeholder, Point, Position, ReportLayout, Severity, Summary } from './types.js'
import type { LintResult } from './engine.js'

/**
 * Longest `actual` (and decision-letter evidence `text`) in a report, in UTF-16 code units. A
 * sentence or paragraph finding would otherwise carry its whole unit (the whole document when it
 * is one block) into every report. Longer quotes are cut here and end in «…»; the offsets stay
 * exact, so the full passage is always `text.slice(start.offset, end.offset)`.
 */
export const ACTUAL_CAP = 300

/** `text.slice(start, end)`, or its first ACTUAL_CAP code units and «…» when longer. */
export function capped(text: string, start: number, end: number): string {
  return end - start <= ACTUAL_CAP ? text.slice(start, end) : `${text.slice(start, start + ACTUAL_CAP)}…`
}


/**
 * THE place where findings become diagnostics: directives applied, message and note rendered,
 * severity settled, offsets turned into lines and columns.
 */
export function buildReport(doc: Document, result: LintResult, rules: RuleDef[]): FileReport {
  const lines = lineStarts(doc.text)
  const disabled = disabledBy(doc.directives)
  const diagnostics: Diagnostic[] = []
  const placeholders = doc.placeholders ?? []
  const ruleTexts: ReportLayout['rules'] = {}
  for (const finding of result.findings) {
    const rule = rules[finding.rule]!
    ruleTexts[rule.id] ??= { description: rule.description, source: rule.source }
    const start = toPoint(lines, finding.start)
    if (disabled(rule.id, start.line, finding.start, finding.end) || pointsIntoPlaceholder(finding, placeholders)) continue
    const blockIndex = lastStartingAtOrBefore(doc.blocks, finding.start)
    const location = describeLocation(doc.blocks[blockIndex]?.location)
    // A finding before the first block (leading blank lines) belongs to that block.
    const position = positionOf(doc.blocks, Math.max(0, blockIndex))
    const context = contextOf(result, finding)
    // A finding about the whole text (readability) quotes nothing: `actual` would be the
    // document, also when the document is one block.
    const actual = context === null || CHECKS.get(rule.type)?.wholeText === true ? '' : capped(doc.source ?? doc.text, finding.start, finding.end)
    const diagnostic = toDiagnostic(actual, finding, rule, start, toPoint(lines, finding.end), location, position)
    Object.defineProperty(diagnostic, 'context', { value: context, enumerable: false })
    diagnostics.push(diagnostic)
  }
  const report: FileReport = {
    path: doc.path,
    format: doc.format,
    language: result.language,
    profile: result.profile,
    metrics: result.metrics,
    diagnostics,
  }
  if (result.vedtak) {
    report.vedtak = {
      detected: result.vedtak.detected,
      ...(result.vedtak.outcome ? { outcome: result.vedtak.outcome } : {}),
      elements: result.vedtak.elements.map(({ evidence, ...element }) => {
        if (!evidence) return element
        const location = locationOf(doc.blocks, evidence.start)
        return {
          ...element,
          evidence: {
            start: toPoint(lines, evidence.start),
            end: toPoint(lines, evidence.end),
            ...(location ? { location } : {}),
            text: evidenceText(doc.text, evidence.start, evidence.end),
          },
        }
      }),
    }
  }
  if (doc.notices && doc.notices.length > 0) report.notices = doc.notices
  Object.defineProperty(report, 'source', { value: doc.source ?? doc.text, enumerable: false })
  Object.defineProperty(report, 'layout', { value: layoutOf(doc, result, ruleTexts), enumerable: false })
  return report
}

/**
 * The evidence passage with its white space collapsed, capped like `actual`. Collapsing is
 * prefix-preserving, so a growing prefix of the passage is enough: a long sentence is never
 * copied whole.
 */
function evidenceText(text: string, start: number, end: number): string {
  for (let take = ACTUAL_CAP * 2; ; take *= 4) {
    const stop = Math.min(end, start + take)
    const collapsed = text.slice(start, stop).replace(/\s+/g, ' ')
    if (collapsed.length > ACTUAL_CAP) return `${collapsed.slice(0, ACTUAL_CAP)}…`
    if (stop === end) return collapsed
  }
}

/**
 * What a report that shows the whole document needs (the HTML formatter): the blocks as the
 * loader found them, the length in words of every sentence the readability figures count, and
 * the description and source of each rule that has a finding.
 */
function layoutOf(doc: Document, result: LintResult, rules: ReportLayout['rules']): ReportLayout {
  const { sentences, blocks } = result.analysis
  const sentenceWords: number[] = []
  for (const block of blocks) {
    // The same sentences as computeMetrics: running headers and footers are left out.
    if (block.part === 'header' || block.part === 'footer') continue
    for (let s = block.firstSentence; s < block.endSentence; s++) {
      const length = sentences[s]!.endWord - sentences[s]!.firstWord
      if (length > 0) sentenceWords.push(length)
    }
  }
  return { text: doc.text, blocks: doc.blocks, sentenceWords, rules }
}

/**
 * `position` of a JSON diagnostic: `block` is the 1-based number of the block (heading,
 * paragraph, list item, table cell; headers and footers included) the finding starts in, in
 * document order; `paragraph` and `page` are those of `location` when the loader knows them,
 * else `paragraph` is the block number. Undefined for a document without blocks.
 */
function positionOf(blocks: Block[], index: number): Position | undefined {
  const block = blocks[index]
  if (!block) return undefined
  const location = block.location
  if (!location) return { block: index + 1, paragraph: index + 1 }
  return location.page === undefined
    ? { block: index + 1, paragraph: location.paragraph }
    : { block: index + 1, paragraph: location.paragraph, page: location.page }
}

/**
 * The text to quote for a finding: its sentence (or the sentences it spans, within one block).
 * A finding over several blocks (the whole text) gets none: there is no useful excerpt.
 */
function contextOf(result: LintResult, finding: Finding): [number, number] | null {
  const { sentences, blocks } = result.analysis
  const sentence = sentences[lastStartingAtOrBefore(sentences, finding.start)]
  if (!sentence) return [finding.start, finding.end]
  const block = blocks[sentence.block]!
  if (finding.end > block.end) return null
  return [Math.min(sentence.start, finding.start), Math.max(sentence.end, finding.end)]
}

/**
 * Does a finding point into a merge field? Findings that contain a whole field and more (a long
 * sentence around «Fornavn») are fine; anything else that touches one is dropped.
 */
export function pointsIntoPlaceholder(finding: Pick<Finding, 'start' | 'end'>, placeholders: Placeholder[]): boolean {
  for (let i = lastStartingAtOrBefore(placeholders, finding.end); i >= 0; i--) {
    const span = placeholders[i]!
    if (span.end <= finding.start) break
    const overlaps = span.start < finding.end && finding.start < span.end
    const surrounds = finding.start <= span.start && finding.end >= span.end && finding.end - finding.start > span.end - span.start
    if (overlaps && !surrounds) return true
  }
  return false
}

/** «side 2, avsnitt 3» (or «avsnitt 3») for formats whose loader knows where blocks are. */
export function locationOf(blocks: Block[], offset: number): string | undefined {
  return describeLocation(blocks[lastStartingAtOrBefore(blocks, offset)]?.location)
}

function describeLocation(location: BlockLocation | undefined): string | undefined {
  if (!location) return undefined
  return location.page === undefined ? `avsnitt ${location.paragraph}` : `side ${location.page}, avsnitt ${location.paragraph}`
}

/** Index of the last item starting at or before `offset` (binary search); -1 when none does. */
function lastStartingAtOrBefore(items: ReadonlyArray<{ start: number }>, offset: number): number {
  if (items.length === 0 || items[0]!.start > offset) return -1
  let low = 0
  let high = items.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (items[mid]!.start <= offset) low = mid
    else high = mid - 1
  }
  return low
}

/**
 * A rule's scalar options, as message placeholders; computed once per rule. A map, not an object:
 * `{{constructor}}` or `{{toString}}` must not find Object.prototype's members.
 */
const ruleValues = new WeakMap<RuleDef, Map<string, string | number>>()

function valuesOf(rule: RuleDef): Map<string, string | number> {
  let values = ruleValues.get(rule)
  if (!values) {
    values = new Map()
    for (const [key, value] of Object.entries(rule.options)) {
      if (typeof value === 'number' || typeof value === 'string') values.set(key, value)
    }
    ruleValues.set(rule, values)
  }
  return values
}

/** A finding's own data value, never an inherited one. */
function dataOf(finding: Finding, name: string): string | number | undefined {
  const data = finding.data
  if (data === undefined || !Object.hasOwn(data, name)) return undefined
  const value = data[name]
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}

function toDiagnostic(
  actual: string,
  finding: Finding,
  rule: RuleDef,
  start: Point,
  end: Point,
  location: string | undefined,
  position: Position | undefined,
): Diagnostic {
  // A check may word one finding itself (the findings-cap notice); else the rule's template.
  const message =
    finding.message ??
    render(rule.message, (name) => {
      if (name === 'actual') return quote(actual)
      if (name === 'expected') return finding.expected ? listSuggestions(finding.expected) : ''
      return dataOf(finding, name) ?? valuesOf(rule).get(name)
    })
  const diagnostic: Diagnostic = {
    ruleId: rule.id,
    severity: finding.severity ?? rule.level,
    message,
    note: rule.note,
    start,
    end,
    ...(location ? { location } : {}),
    ...(position ? { position } : {}),
    actual,
  }
  if (finding.expected) diagnostic.expected = finding.expected
  return diagnostic
}

/** A message template split into text and `{{name}}` placeholders: [text, name, text, name, …, text]. */
const compiledTemplates = new Map<string, string[]>()

function compileTemplate(template: string): string[] {
  let parts = compiledTemplates.get(template)
  if (!parts) {
    parts = template.split(/\{\{\s*(\w+)\s*\}\}/)
    compiledTemplates.set(template, parts)
  }
  return parts
}

/** `{{name}}` placeholders; unknown names are left as they are so a typo is visible. */
export function render(template: string, value: (name: string) => string | number | undefined): string {
  const parts = compileTemplate(template)
  if (parts.length === 1) return template
  let out = parts[0]!
  for (let i = 1; i < parts.length; i += 2) {
    const found = value(parts[i]!)
    out += (found === undefined ? `{{${parts[i]}}}` : String(found)) + parts[i + 1]!
  }
  return out
}

export function quote(text: string): string {
  return /\s/.test(text) ? `«${text.replace(/\s+/g, ' ')}»` : `«${text}»`
}

/** «a»; «a» eller «b»; «a», «b» eller «c». */
export function listSuggestions(expected: string[]): string {
  if (expected.length === 0) return 'en omskriving'
  const quoted = expected.map(quote)
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} eller ${quoted.at(-1)}`
}

/**
 * Offsets where lines start. `\r\n`, `\n` and a lone `\r` each end a line, as in editors (and
 * in the text and Markdown loaders), so line and column agree with what the user has open.
 */
export function lineStarts(text: string): number[] {
  const starts = [0]
  const breaks = /\r\n?|\n/g
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    starts.push(match.index + match[0].length)
  }
  return starts
}

/** Offset → 1-based line and column (binary search over line starts). */
export function toPoint(starts: number[], offset: number): Point {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (starts[mid]! <= offset) low = mid
    else high = mid - 1
  }
  return { line: low + 1, column: offset - starts[low]! + 1, offset }
}

/** A predicate telling whether a rule is switched off on a line by inline comments. */
export function disabledBy(directives: Directive[]): (ruleId: string, line: number, start?: number, end?: number) => boolean {
  if (directives.length === 0) return () => false
  const byLine = directives.filter((d) => d.range === undefined).sort((a, b) => a.line - b.line)
  const byOffset = directives.filter((d) => d.range !== undefined).sort((a, b) => a.range!.start - b.range!.start)
  const lineOff = (ruleId: string, line: number): boolean => {
    let off = false
    for (const directive of byLine) {
      if (directive.line >= line) break
      const matches = directive.rules.length === 0 || directive.rules.includes(ruleId)
      if (!matches) continue
      if (directive.kind === 'disable-next-line') {
        if (directive.line === line - 1) return true
      } else {
        off = directive.kind === 'disable'
      }
    }
    return off
  }
  // Directives from document comments: a range covers the findings that overlap it.
  const offsetOff = (ruleId: string, start: number, end: number): boolean => {
    let off = false
    for (const directive of byOffset) {
      const range = directive.range!
      if (range.start > start && directive.kind !== 'ignore' && directive.kind !== 'disable-next-line') continue
      if (directive.rules.length > 0 && !directive.rules.includes(ruleId)) continue
      if (directive.kind === 'disable') off = true
      else if (directive.kind === 'enable') off = false
      else if (range.start < Math.max(end, start + 1) && start < Math.max(range.end, range.start + 1)) return true
    }
    return off
  }
  return (ruleId, line, start, end) =>
    (byLine.length > 0 && lineOff(ruleId, line)) ||
    (byOffset.length > 0 && start !== undefined && offsetOff(ruleId, start, end ?? start))
}

const SUMMARY_KEY: Record<Severity, 'errors' | 'warnings' | 'infos'> = { error: 'errors', warning: 'warnings', info: 'infos' }

export function summarise(reports: FileReport[]): Summary {
  const summary: Summary = { files: reports.length, errors: 0, warnings: 0, infos: 0 }
  for (const report of reports) {
    for (const diagnostic of report.diagnostics) summary[SUMMARY_KEY[diagnostic.severity]]++
  }
  return summary
}

/** Running counts of a run: the summary plus the files that could not be read. */
export interface Totals extends Summary {
  unreadable: number
}

export function emptyTotals(): Totals {
  return { files: 0, errors: 0, warnings: 0, infos: 0, unreadable: 0 }
}

/** Count one more report into the running totals (the CLI keeps these, not the reports). */
export function addToTotals(totals: Totals, report: FileReport): Totals {
  totals.files++
  if (report.error !== undefined) totals.unreadable++
  for (const diagnostic of report.diagnostics) totals[SUMMARY_KEY[diagnostic.severity]]++
  return totals
}

export function totalsOf(reports: FileReport[]): Totals {
  const totals = emptyTotals()
  for (const report of reports) addToTotals(totals, report)
  return totals
}
