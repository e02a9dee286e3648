import type { Totals } from '../report.js'
import type { FileReport, Summary } from '../types.js'

/**
 * Everything a formatter may know besides the reports; formatters read nothing else (no clock,
 * no environment). Add fields here (a clock, for instance): both kinds of formatter receive them.
 */
export interface FormatContext {
  color: boolean
  toolVersion: string
  summary: Summary
  /** Terminal width for excerpts. */
  width: number
  /** The clock: when the report is made (shown in the HTML report). */
  now: Date
}

/** What a streaming formatter knows before and while the files come: all but the final counts. */
export type StreamContext = Omit<FormatContext, 'summary'>

/** The counts at the end of a run: the JSON summary, plus the files that could not be read. */
export type RunTotals = Totals

/** A whole-report formatter: sees every report at once (the CLI then holds them all in memory). */
export type Formatter = (reports: FileReport[], context: FormatContext) => string

/**
 * A formatter whose output is produced file by file, so the CLI writes each report as it is
 * finished and keeps only the counts: memory stays flat in the number of files. All three
 * functions are pure. `file` may return its text in pieces so that no one string has to hold a
 * report with hundreds of thousands of findings.
 */
export interface StreamingFormatter {
  start(context: StreamContext): string
  /** `index`: the report's 0-based place in the output (JSON puts a comma before all but the first). */
  file(report: FileReport, context: StreamContext, index: number): string | Iterable<string>
  end(totals: RunTotals, context: StreamContext): string
}

/** The same output as a Formatter, in pieces, so a huge report never has to be one string. */
export type ChunkFormatter = (reports: FileReport[], context: FormatContext) => Iterable<string>

export type AnyFormatter = Formatter | StreamingFormatter

export function isStreaming(formatter: AnyFormatter): formatter is StreamingFormatter {
  return typeof formatter !== 'function'
}
