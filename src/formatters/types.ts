import type { FileReport, Summary } from '../types.js'

/** Everything a formatter may know besides the reports; formatters read nothing else. */
export interface FormatContext {
  color: boolean
  toolVersion: string
  summary: Summary
  /** Terminal width for excerpts. */
  width: number
}

export type Formatter = (reports: FileReport[], context: FormatContext) => string
