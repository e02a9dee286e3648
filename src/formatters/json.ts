import type { FileReport } from '../types.js'
import type { FormatContext, Formatter } from './types.js'

/** Diagnostics serialised per chunk: bounds the size of any one string. */
const CHUNK = 500

/**
 * The JSON contract of DESIGN.md (fields are only ever added), as chunks: byte for byte what
 * `JSON.stringify` gives, without ever holding the whole report in one string (a 5 MB document
 * has ~90,000 diagnostics). Compact, like ESLint's json formatter.
 *
 * Reports are serialised as they are: the text and excerpt offsets kept for human formats are
 * non-enumerable properties, so they stay out without copying anything.
 */
export function* jsonChunks(reports: FileReport[], context: FormatContext): Generator<string> {
  yield `{"tool":${JSON.stringify({ name: 'klarsprak', version: context.toolVersion })},"files":[`
  for (let i = 0; i < reports.length; i++) {
    if (i > 0) yield ','
    yield* reportChunks(reports[i]!)
  }
  yield `],"summary":${JSON.stringify(context.summary)}}\n`
}

function* reportChunks(report: FileReport): Generator<string> {
  let part = '{'
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

export const json: Formatter = (reports, context) => Array.from(jsonChunks(reports, context)).join('')
