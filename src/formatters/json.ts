import type { Formatter } from './types.js'

/** The JSON contract of DESIGN.md; fields are only ever added. */
export const json: Formatter = (reports, context) => {
  const files = reports.map((report) => {
    const { source: _source, contexts: _contexts, ...rest } = report
    return rest.error !== undefined
      ? { path: rest.path, format: rest.format, diagnostics: [], error: rest.error }
      : rest
  })
  return `${JSON.stringify({ tool: { name: 'klarsprak', version: context.toolVersion }, files, summary: context.summary }, null, 2)}\n`
}
