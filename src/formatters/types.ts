import type { FileReport, Summary } from '../types.js'

/** Everything a formatter may know besides the reports; formatters read nothing else. */
export interface FormatContext {
  color: boolean
  toolVersion: string
  summary: Summary
  /** Terminal width for excerpts. */
  width: number
  /** The clock: when the report is made (shown in the HTML report). */
  now: Date
}

export type Formatter = (reports: FileReport[], context: FormatContext) => string

/** The same output as a Formatter, in pieces, so a huge report never has to be one string. */
export type ChunkFormatter = (reports: FileReport[], context: FormatContext) => Iterable<string>
