import type { RuleDef } from './rules/schema.js'
import type { Block, Diagnostic, Directive, Document, FileReport, Finding, Placeholder, Point, Severity, Summary } from './types.js'
import type { LintResult } from './engine.js'

/**
 * THE place where findings become diagnostics: directives applied, message and note rendered,
 * severity settled, offsets turned into lines and columns.
 */
export function buildReport(doc: Document, result: LintResult, rules: RuleDef[]): FileReport {
  const lines = lineStarts(doc.text)
  const disabled = disabledBy(doc.directives)
  const diagnostics: Diagnostic[] = []
  const placeholders = doc.placeholders ?? []
  for (const finding of result.findings) {
    const rule = rules[finding.rule]!
    const start = toPoint(lines, finding.start)
    if (disabled(rule.id, start.line) || pointsIntoPlaceholder(finding, placeholders)) continue
    const location = locationOf(doc.blocks, finding.start)
    const context = contextOf(result, finding)
    // A finding about the whole text (readability) quotes nothing: `actual` would be the document.
    const actual = context === null ? '' : doc.text.slice(finding.start, finding.end)
    const diagnostic = toDiagnostic(actual, finding, rule, start, toPoint(lines, finding.end), location)
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
            text: doc.text.slice(evidence.start, evidence.end).replace(/\s+/g, ' '),
          },
        }
      }),
    }
  }
  Object.defineProperty(report, 'source', { value: doc.text, enumerable: false })
  return report
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
  const location = blocks[lastStartingAtOrBefore(blocks, offset)]?.location
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

/** A rule's scalar options, as message placeholders; computed once per rule. */
const ruleValues = new WeakMap<RuleDef, Record<string, string | number>>()

function valuesOf(rule: RuleDef): Record<string, string | number> {
  let values = ruleValues.get(rule)
  if (!values) {
    values = Object.fromEntries(
      Object.entries(rule.options).filter(([, v]) => typeof v === 'number' || typeof v === 'string'),
    ) as Record<string, string | number>
    ruleValues.set(rule, values)
  }
  return values
}

function toDiagnostic(actual: string, finding: Finding, rule: RuleDef, start: Point, end: Point, location?: string): Diagnostic {
  const message =
    finding.message ??
    render(rule.message, (name) => {
      if (name === 'actual') return quote(actual)
      if (name === 'expected') return finding.expected ? listSuggestions(finding.expected) : ''
      return finding.data?.[name] ?? valuesOf(rule)[name]
    })
  const diagnostic: Diagnostic = {
    ruleId: rule.id,
    severity: finding.severity ?? rule.level,
    message,
    note: rule.note,
    start,
    end,
    ...(location ? { location } : {}),
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

export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
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
export function disabledBy(directives: Directive[]): (ruleId: string, line: number) => boolean {
  if (directives.length === 0) return () => false
  const sorted = [...directives].sort((a, b) => a.line - b.line)
  return (ruleId, line) => {
    let off = false
    for (const directive of sorted) {
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
}

export function summarise(reports: FileReport[]): Summary {
  const summary: Summary = { files: reports.length, errors: 0, warnings: 0, infos: 0 }
  const key: Record<Severity, keyof Summary> = { error: 'errors', warning: 'warnings', info: 'infos' }
  for (const report of reports) {
    for (const diagnostic of report.diagnostics) summary[key[diagnostic.severity]]++
  }
  return summary
}
