import type { Formatter } from './types.js'

/** The JSON contract of DESIGN.md; fields are only ever added. */
export const json: Formatter = (reports, context) =>
  // Reports are serialised as they are: the text and excerpt offsets kept for human formats are
  // non-enumerable properties, so they stay out without copying anything.
  `${JSON.stringify({ tool: { name: 'klarsprak', version: context.toolVersion }, files: reports, summary: context.summary }, null, 2)}\n`
