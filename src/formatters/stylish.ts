import { Chalk, type ChalkInstance } from 'chalk'
import { formatNumber } from '../checks/readability.js'
import type { Diagnostic, FileReport, Metrics, Severity } from '../types.js'
import type { Formatter } from './types.js'

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'feil', warning: 'advarsel', info: 'merknad' }

/** Human output: grouped by file, each finding with its excerpt underlined, LIX per file. */
export const stylish: Formatter = (reports, context) => {
  const c = new Chalk({ level: context.color ? 1 : 0 })
  const out: string[] = []
  for (const report of reports) {
    out.push(c.underline(report.path))
    if (report.error !== undefined) {
      out.push(`  ${c.red('✖')} ${report.error}`, '')
      continue
    }
    if (report.metrics) out.push(`  ${c.dim(metricsLine(report.metrics))}`)
    if (report.diagnostics.length > 0) out.push('')
    // Word and PDF findings are placed by page and paragraph, text findings by line and column.
    const width = Math.max(7, ...report.diagnostics.map((d) => whereOf(d).length))
    for (const diagnostic of report.diagnostics) {
      out.push(...diagnosticLines(diagnostic, report.source, diagnostic.context, c, context.width, width))
    }
    if (report.vedtak) out.push('', ...checklistLines(report.vedtak, c, context.width))
    out.push('')
  }
  out.push(totalLine(reports, c))
  return `${out.join('\n')}\n`
}

function whereOf(diagnostic: Diagnostic): string {
  return diagnostic.location ?? `${diagnostic.start.line}:${diagnostic.start.column}`
}

/** «✔ Klagefrist  ✘ Omfang …» for a decision letter, wrapped to the width. */
export function checklistLines(vedtak: NonNullable<FileReport['vedtak']>, c: ChalkInstance, width: number): string[] {
  const title = `  Vedtaksbrev${vedtak.outcome ? ` (${vedtak.outcome})` : ''}: innhold`
  const items = vedtak.elements
    .filter((element) => element.applies)
    .map((element) => {
      const mark = element.present ? c.green('✔') : element.level === 'error' ? c.red('✘') : c.yellow('✘')
      return { text: `${mark} ${element.label}`, length: element.label.length + 2 }
    })
  const lines = [c.bold(title)]
  let line = '   '
  let length = 3
  for (const item of items) {
    if (length + item.length + 2 > width && length > 3) {
      lines.push(line)
      line = '   '
      length = 3
    }
    line += ` ${item.text} `
    length += item.length + 2
  }
  if (length > 3) lines.push(line)
  return lines
}

export function metricsLine(metrics: Metrics): string {
  if (metrics.lix === null) return 'Ingen ord å måle.'
  return [
    `LIX ${formatNumber(metrics.lix)} (${metrics.lixBand})`,
    `${metrics.words} ord`,
    `${metrics.sentences} setninger`,
    `${formatNumber(metrics.meanSentenceLength ?? 0)} ord per setning i snitt`,
    `${metrics.longSentences} over 20 ord`,
  ].join(' · ')
}

function diagnosticLines(
  diagnostic: Diagnostic,
  source: string | undefined,
  sentence: [number, number] | null | undefined,
  c: ChalkInstance,
  width: number,
  whereWidth: number,
): string[] {
  const colour = diagnostic.severity === 'error' ? c.red : diagnostic.severity === 'warning' ? c.yellow : c.blue
  const where = whereOf(diagnostic).padStart(whereWidth)
  const label = colour(SEVERITY_LABEL[diagnostic.severity].padEnd(8))
  const lines = [`${where}  ${label}  ${diagnostic.message}  ${c.dim(diagnostic.ruleId)}`]
  const suggestion = diagnostic.expected?.length && !diagnostic.message.includes('«' + diagnostic.expected[0])
    ? diagnostic.expected.map((e) => `«${e}»`).join(' eller ')
    : undefined
  if (suggestion) lines.push(`${' '.repeat(whereWidth + 12)}Forslag: ${suggestion}`)
  if (source !== undefined && sentence !== null) lines.push(...excerpt(source, diagnostic, sentence, c, width, whereWidth + 4))
  return lines
}

/**
 * The finding's sentence on one line (line breaks shown as spaces), cut around the span to fit
 * the width, with the span underlined.
 */
export function excerpt(
  source: string,
  diagnostic: Diagnostic,
  sentence: [number, number] | undefined,
  c: ChalkInstance,
  width: number,
  indentWidth = 11,
): string[] {
  const indent = ' '.repeat(indentWidth)
  const [from, to] = sentence ?? [diagnostic.start.offset, diagnostic.end.offset]
  // Same length as the source slice, so offsets stay valid.
  const text = source.slice(from, to).replace(/[\r\n\t]/g, ' ')
  const spanStart = diagnostic.start.offset - from
  const spanEnd = Math.max(spanStart + 1, diagnostic.end.offset - from)
  const room = Math.max(40, width - indent.length - 2)
  let first = 0
  if (text.length > room) first = Math.max(0, Math.min(spanStart - 15, text.length - room))
  const last = Math.min(text.length, first + room)
  const lead = first > 0 ? '…' : ''
  const shown = lead + text.slice(first, last) + (last < text.length ? '…' : '')
  const underlineStart = spanStart - first + lead.length
  const underlineLength = Math.max(1, Math.min(spanEnd, last) - spanStart)
  return [`${indent}${c.dim(shown)}`, `${indent}${' '.repeat(underlineStart)}${c.red('^'.repeat(underlineLength))}`]
}

function totalLine(reports: FileReport[], c: ChalkInstance): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const report of reports) for (const d of report.diagnostics) counts[d.severity]++
  const unreadable = reports.filter((report) => report.error !== undefined).length
  const total = counts.error + counts.warning + counts.info
  const files = `${reports.length} ${reports.length === 1 ? 'fil' : 'filer'}`
  const parts = [
    `${counts.error} feil`,
    `${counts.warning} ${counts.warning === 1 ? 'advarsel' : 'advarsler'}`,
    `${counts.info} ${counts.info === 1 ? 'merknad' : 'merknader'}`,
  ]
  const broken = unreadable > 0 ? `; ${unreadable} ${unreadable === 1 ? 'fil' : 'filer'} kunne ikke leses` : ''
  if (total === 0 && unreadable === 0) return c.green(`✔ Ingen funn i ${files}`)
  const mark = counts.error > 0 || unreadable > 0 ? c.red('✖') : c.yellow('⚠')
  return `${mark} ${total} funn (${parts.join(', ')}) i ${files}${broken}`
}
