import type { Analysis } from '../language/segment.js'
import type { RuleDef, KeySpec } from '../rules/schema.js'
import type { Finding, Language, Metrics, Profile, VedtakResult } from '../types.js'
import type { PhraseTerm } from './phrases.js'

/** What a compiled check sees of one document. */
export interface CheckContext {
  analysis: Analysis
  metrics: Metrics
  language: Language
  profile: Profile
  /**
   * The decision-letter review of this document, present when the profile is `vedtak`. A check
   * that reviews decision letters records its outcome and checklist here (JSON `vedtak`).
   */
  vedtak?: VedtakResult
}

export type Runner = (context: CheckContext, out: Finding[]) => void

/**
 * One checker per rule type. The registry of these is the single source for the rule-file schema
 * (type-specific `keys`), the docs (`klarsprak explain`) and what runs.
 */
export interface CheckType {
  type: string
  /** One line for the docs. */
  summary: string
  keys: Record<string, KeySpec>
  /** Applies to every language (lengths, readability), not only to its pack's language. */
  languageNeutral?: boolean
  /** Its finding is about the whole text (LIX): reports quote nothing for it. */
  wholeText?: boolean
  /** Word and phrase checks hand their terms to the one shared matcher... */
  terms?(rule: RuleDef, index: number): PhraseTerm[]
  /** ...every other check compiles to a runner. */
  compile?(rule: RuleDef, index: number): Runner
  /** Extra validation beyond the key specs; returns [key, problem] pairs. */
  validate?(options: Record<string, unknown>): Array<[string, string]>
}
