import { Chalk, type ChalkInstance } from 'chalk'
import { formatNumber } from '../checks/readability.js'
import type { Diagnostic, FileReport, Metrics, Severity } from '../types.js'
import { printable } from './terminal.js'
import type { Formatter, RunTotals, StreamContext, StreamingFormatter } from './types.js'

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'feil', warning: 'advarsel', info: 'merknad' }

/** Diagnostics formatted per piece of a file's output: bounds the size of any one string. */
const CHUNK = 500

const CHALK = [new Chalk({ level: 0 }), new Chalk({ level: 1 })] as const

/**
 * Human output: grouped by file, each finding with its excerpt underlined, LIX per file, and a
 * total line from the running counts. Streaming: each file is printed as soon as it is checked.
 * Everything that comes from a document, a file name or a rule file goes through `printable`.
 */
export const stylishStream: StreamingFormatter = {
  start: () => '',
  file: (report, context) => fileChunks(report, context),
  end: (totals, context) => `${totalLine(totals, CHALK[context.color ? 1 : 0])}\n`,
}

function* fileChunks(report: FileReport, context: StreamContext): Generator<string> {
  const c = CHALK[context.color ? 1 : 0]
  let out: string[] = [c.underline(printable(report.path))]
  if (report.error !== undefined) {
    out.push(`  ${c.red('✖')} ${printable(report.error)}`, '')
    yield lines(out)
    return
  }
  if (report.metrics) out.push(`  ${c.dim(metricsLine(report.metrics))}`)
  const { diagnostics } = report
  if (diagnostics.length > 0) out.push('')
  // Word and PDF findings are placed by page and paragraph, text findings by line and column.
  let width = 7
  for (const d of diagnostics) width = Math.max(width, whereOf(d).length)
  for (let i = 0; i < diagnostics.length; i++) {
    if (i > 0 && i % CHUNK === 0) {
      yield lines(out)
      out = []
    }
    const diagnostic = diagnostics[i]!
    for (const line of diagnosticLines(diagnostic, report.source, diagnostic.context, c, context.width, width)) out.push(line)
  }
  if (report.vedtak) out.push('', ...checklistLines(report.vedtak, c, context.width))
  out.push('')
  yield lines(out)
}

function lines(out: string[]): string {
  return out.length === 0 ? '' : `${out.join('\n')}\n`
}

/** The same output for reports at hand, as one string. */
export const stylish: Formatter = (reports, context) => {
  const { summary, ...streamContext } = context
  let out = ''
  for (const report of reports) for (const chunk of fileChunks(report, streamContext)) out += chunk
  let unreadable = 0
  for (const report of reports) if (report.error !== undefined) unreadable++
  return out + stylishStream.end({ ...summary, unreadable }, streamContext)
}

function whereOf(diagnostic: Diagnostic): string {
  return diagnostic.location === undefined ? `${diagnostic.start.line}:${diagnostic.start.column}` : printable(diagnostic.location)
}

/** «✔ Klagefrist  ✘ Omfang …» for a decision letter, wrapped to the width. */
export function checklistLines(vedtak: NonNullable<FileReport['vedtak']>, c: ChalkInstance, width: number): string[] {
  const title = `  Vedtaksbrev${vedtak.outcome ? ` (${printable(vedtak.outcome)})` : ''}: innhold`
  const items = vedtak.elements
    .filter((element) => element.applies)
    .map((element) => {
      const mark = element.present ? c.green('✔') : element.level === 'error' ? c.red('✘') : c.yellow('✘')
      const label = printable(element.label)
      return { text: `${mark} ${label}`, length: label.length + 2 }
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
  const lines = [`${where}  ${label}  ${printable(diagnostic.message)}  ${c.dim(printable(diagnostic.ruleId))}`]
  const suggestion = diagnostic.expected?.length && !diagnostic.message.includes('«' + diagnostic.expected[0])
    ? diagnostic.expected.map((e) => `«${printable(e)}»`).join(' eller ')
    : undefined
  if (suggestion) lines.push(`${' '.repeat(whereWidth + 12)}Forslag: ${suggestion}`)
  if (source !== undefined && sentence !== null) {
    const [text, underline] = excerpt(source, diagnostic, sentence, c, width, whereWidth + 4)
    lines.push(text!, underline!)
  }
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
  const length = Math.max(0, Math.min(to, source.length) - from)
  const spanStart = diagnostic.start.offset - from
  const spanEnd = Math.max(spanStart + 1, diagnostic.end.offset - from)
  const room = Math.max(40, width - indent.length - 2)
  let first = 0
  if (length > room) first = Math.max(0, Math.min(spanStart - 15, length - room))
  const last = Math.min(length, first + room)
  const lead = first > 0 ? '…' : ''
  // Only the shown window is copied (a sentence can be megabytes). Same length as the source
  // slice, so offsets stay valid; line breaks become spaces, other controls U+FFFD.
  const window = printable(source.slice(from + first, from + last).replace(/[\r\n\t]/g, ' '))
  const shown = lead + window + (last < length ? '…' : '')
  const underlineStart = spanStart - first + lead.length
  const underlineLength = Math.max(1, Math.min(spanEnd, last) - spanStart)
  return [`${indent}${c.dim(shown)}`, `${indent}${' '.repeat(underlineStart)}${c.red('^'.repeat(underlineLength))}`]
}

function totalLine(totals: RunTotals, c: ChalkInstance): string {
  const { errors, warnings, infos, files: count, unreadable } = totals
  const total = errors + warnings + infos
  const files = `${count} ${count === 1 ? 'fil' : 'filer'}`
  const parts = [
    `${errors} feil`,
    `${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}`,
    `${infos} ${infos === 1 ? 'merknad' : 'merknader'}`,
  ]
  const broken = unreadable > 0 ? `; ${unreadable} ${unreadable === 1 ? 'fil' : 'filer'} kunne ikke leses` : ''
  if (total === 0 && unreadable === 0) return c.green(`✔ Ingen funn i ${files}`)
  const mark = errors > 0 || unreadable > 0 ? c.red('✖') : c.yellow('⚠')
  return `${mark} ${total} funn (${parts.join(', ')}) i ${files}${broken}`
}
