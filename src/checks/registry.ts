import type { CheckType } from './check.js'
import { existence } from './existence.js'
import { paragraphLength } from './paragraph-length.js'
import { pattern } from './pattern.js'
import { readability } from './readability.js'
import { sentenceLength } from './sentence-length.js'
import { substitution } from './substitution.js'
import { vedtakStructure } from './vedtak-structure.js'
import { vedtakElement } from './vedtak-element.js'

/** THE registry: a rule file's `type` picks one of these. */
export const CHECKS: ReadonlyMap<string, CheckType> = new Map(
  [substitution, existence, pattern, sentenceLength, paragraphLength, readability, vedtakElement, vedtakStructure].map((check) => [check.type, check]),
)
