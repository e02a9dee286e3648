import type { FileReport } from '../types.js'
import type { FormatContext, Formatter, StreamingFormatter } from './types.js'

/** Diagnostics serialised per chunk: bounds the size of any one string. */
const CHUNK = 500

/**
 * The JSON contract of DESIGN.md (fields are only ever added), file by file: byte for byte what
 * `JSON.stringify` gives for the whole report, without ever holding it in one string (a 5 MB
 * document has ~90,000 diagnostics). Compact, like ESLint's json formatter. The summary comes
 * last, so it is written when the counts are known.
 *
 * Reports are serialised as they are: the text and excerpt offsets kept for human formats are
 * non-enumerable properties, so they stay out without copying anything.
 */
export const jsonStream: StreamingFormatter = {
  start: (context) => `{"tool":${JSON.stringify({ name: 'klarsprak', version: context.toolVersion })},"files":[`,
  file: (report, _context, index) => reportChunks(report, index > 0 ? ',' : ''),
  end: ({ files, errors, warnings, infos }) => `],"summary":${JSON.stringify({ files, errors, warnings, infos })}}\n`,
}

function* reportChunks(report: FileReport, lead = ''): Generator<string> {
  let part = `${lead}{`
  let first = true
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined) continue
    part += `${first ? '' : ','}${JSON.stringify(key)}:`
    first = false
    if (key !== 'diagnostics') {
      part += JSON.stringify(value)
      continue
    }
    yield `${part}[`
    const diagnostics = value as FileReport['diagnostics']
    for (let d = 0; d < diagnostics.length; d += CHUNK) {
      yield `${d > 0 ? ',' : ''}${diagnostics.slice(d, d + CHUNK).map((diagnostic) => JSON.stringify(diagnostic)).join(',')}`
    }
    part = ']'
  }
  yield `${part}}`
}

/** The whole report in pieces (reports at hand). */
export function* jsonChunks(reports: FileReport[], context: FormatContext): Generator<string> {
  yield jsonStream.start(context)
  for (let i = 0; i < reports.length; i++) yield* reportChunks(reports[i]!, i > 0 ? ',' : '')
  yield jsonStream.end({ ...context.summary, unreadable: 0 }, context)
}

export const json: Formatter = (reports, context) => Array.from(jsonChunks(reports, context)).join('')
