import { toSuggestions } from '../rules/schema.js'
import type { CheckType } from './check.js'
import type { PhraseTerm } from './phrases.js'

/** Words and phrases with a better alternative: «vedrørende» → «om». */
export const substitution: CheckType = {
  type: 'substitution',
  summary: 'ord og uttrykk med et bedre alternativ (ord → forslag)',
  keys: {
    swap: { kind: 'swap', required: true, doc: 'ord eller uttrykk → forslag (tekst eller liste; [] = skriv om eller stryk)' },
    ignorecase: { kind: 'boolean', doc: 'skill ikke mellom store og små bokstaver (standard: true)' },
    skipSentenceStart: { kind: 'boolean', doc: 'hopp over første ord i setningen (standard: false)' },
    exceptions: { kind: 'string-list', doc: 'uttrykk der ingenting skal flagges' },
  },
  validate(options) {
    const swap = options.swap as Record<string, unknown>
    return Object.entries(swap)
      .filter(([, value]) => !(typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))))
      .map(([term]) => ['swap', `forslaget for «${term}» må være en tekst eller en liste med tekster`])
  },
  terms(rule, index) {
    const swap = rule.options.swap as Record<string, string | string[]>
    const base = phraseFlags(rule.options)
    const terms: PhraseTerm[] = Object.entries(swap).map(([term, suggestion]) => ({
      ...base,
      rule: index,
      term,
      expected: toSuggestions(suggestion)!,
      exception: false,
    }))
    return [...terms, ...exceptionTerms(rule.options, index)]
  },
}

export function phraseFlags(options: Record<string, unknown>): Pick<PhraseTerm, 'ignorecase' | 'skipSentenceStart'> {
  return {
    ignorecase: options.ignorecase !== false,
    skipSentenceStart: options.skipSentenceStart === true,
  }
}

export function exceptionTerms(options: Record<string, unknown>, index: number): PhraseTerm[] {
  const exceptions = (options.exceptions as string[] | undefined) ?? []
  return exceptions.map((term) => ({ ...phraseFlags(options), rule: index, term, exception: true }))
}
