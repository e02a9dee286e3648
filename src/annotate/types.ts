import type { Document, FileReport } from '../types.js'

/** What a writer needs from the caller: how to lint, what to write, the clock. */
export interface AnnotateContext {
  /** Lint the loaded (clean) document. */
  lint: (doc: Document) => FileReport
  /** Rule id → rule type (to tell whole-text findings). */
  ruleTypes: Map<string, string>
  /** Also write safe substitutions as tracked changes. */
  suggest: boolean
  /** Date of the comments and changes. */
  now: Date
  format?: string
}

export interface AnnotateResult {
  bytes: Uint8Array
  report: FileReport
  /** Comments written (the summary counts as one). */
  comments: number
  suggestions: number
  /** The document as read (without klarsprak's earlier markup). */
  doc: Document
}
