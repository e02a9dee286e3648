import type { CheckType } from './check.js'
import { existence } from './existence.js'
import { paragraphLength } from './paragraph-length.js'
import { pattern } from './pattern.js'
import { readability } from './readability.js'
import { sentenceLength } from './sentence-length.js'
import { substitution } from './substitution.js'

/** THE registry: a rule file's `type` picks one of these. */
export const CHECKS: ReadonlyMap<string, CheckType> = new Map(
  [substitution, existence, pattern, sentenceLength, paragraphLength, readability].map((check) => [check.type, check]),
)
