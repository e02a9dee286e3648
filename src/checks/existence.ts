import { toSuggestions } from '../rules/schema.js'
import type { CheckType } from './check.js'
import { exceptionTerms, phraseFlags, substitution } from './substitution.js'

/** Words and phrases to flag without one replacement: «herved» (can usually be deleted). */
export const existence: CheckType = {
  type: 'existence',
  summary: 'ord og uttrykk som flagges uten ett bestemt forslag',
  keys: {
    tokens: { kind: 'string-list', required: true, doc: 'ord og uttrykk som skal flagges' },
    suggest: { kind: 'suggestions', doc: 'fast forslag (tekst eller liste; [] = skriv om eller stryk)' },
    ignorecase: substitution.keys.ignorecase!,
    skipSentenceStart: substitution.keys.skipSentenceStart!,
    exceptions: substitution.keys.exceptions!,
  },
  terms(rule, index) {
    const expected = toSuggestions(rule.options.suggest)
    const tokens = rule.options.tokens as string[]
    return [
      ...tokens.map((term) => ({
        ...phraseFlags(rule.options),
        rule: index,
        term,
        exception: false,
        ...(expected ? { expected } : {}),
      })),
      ...exceptionTerms(rule.options, index),
    ]
  },
}
