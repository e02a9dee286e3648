import { totalsOf } from '../report.js'
import type { FileReport } from '../types.js'
import { json, jsonStream } from './json.js'
import { stylish, stylishStream } from './stylish.js'
import { isStreaming, type AnyFormatter, type FormatContext, type Formatter, type StreamingFormatter } from './types.js'

/**
 * The output formats of `check --format`. A format is either streaming (written file by file, so
 * memory stays flat in the number of files) or whole-report (`(reports, context) => string`,
 * for which the CLI keeps every report until the end).
 */
export const FORMATTERS: Record<string, AnyFormatter> = { stylish: stylishStream, json: jsonStream }

/**
 * Formats loaded on first use: the HTML report is a large module (styles, script, charts) that a
 * terminal or CI run never needs, so it stays out of start-up.
 */
export const LAZY_FORMATTERS: Record<string, () => Promise<AnyFormatter>> = {
  html: async () => (await import('./html.js')).html,
}

/** Every format name `--format` accepts (read when asked: a caller may register its own). */
export function formatNames(): string[] {
  return [...Object.keys(FORMATTERS), ...Object.keys(LAZY_FORMATTERS)]
}

/** A formatter by name, loading it when it is a lazy one; undefined for an unknown name. */
export async function loadFormatter(name: string): Promise<AnyFormatter | undefined> {
  return Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name] : Object.hasOwn(LAZY_FORMATTERS, name) ? LAZY_FORMATTERS[name]!() : undefined
}

/** The built-in formats as whole-report functions, for API users who have all reports at hand. */
export const WHOLE_FORMATTERS: Record<string, Formatter> = { stylish, json }

/** A streaming formatter's output over reports already at hand, in pieces. */
export function* streamAll(formatter: StreamingFormatter, reports: FileReport[], context: FormatContext): Generator<string> {
  const { summary, ...streamContext } = context
  yield formatter.start(streamContext)
  for (let i = 0; i < reports.length; i++) {
    const part = formatter.file(reports[i]!, streamContext, i)
    if (typeof part === 'string') yield part
    else yield* part
  }
  yield formatter.end({ ...summary, unreadable: totalsOf(reports).unreadable }, streamContext)
}

/** Any formatter's output over reports at hand, as one string. */
export function formatReports(formatter: AnyFormatter, reports: FileReport[], context: FormatContext): string {
  return isStreaming(formatter) ? Array.from(streamAll(formatter, reports, context)).join('') : formatter(reports, context)
}

export { isStreaming }
export type { AnyFormatter, ChunkFormatter, FormatContext, Formatter, RunTotals, StreamContext, StreamingFormatter } from './types.js'
