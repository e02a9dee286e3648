import type { Language, Severity } from '../types.js'

/** How one key of a rule file is validated. Validators return an error text or the value. */
export type KeyKind =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'string-list'
  | 'suggestions'
  | 'swap'

export interface KeySpec {
  kind: KeyKind
  required?: boolean
  /** Smallest allowed value for numbers. */
  min?: number
  /** Shown by `klarsprak explain` and in error messages. */
  doc: string
}

export interface RuleExample {
  text: string
  messages: string[]
}

/** A validated rule file. `options` holds the type-specific keys. */
export interface RuleDef {
  id: string
  file: string
  type: string
  level: Severity
  description: string
  message: string
  note: string
  source: string
  language: Language | 'any'
  /** Set for rules that review decision letters only (default for files under rules/vedtak/). */
  profile?: 'vedtak'
  options: Record<string, unknown>
  examples: { valid: string[]; invalid: RuleExample[] }
}

/** Keys every rule file has, whatever its type. */
export const COMMON_KEYS: Record<string, KeySpec> = {
  type: { kind: 'string', required: true, doc: 'regeltype, f.eks. substitution' },
  level: { kind: 'string', required: true, doc: 'error, warning eller info' },
  description: { kind: 'string', required: true, doc: 'én linje til «klarsprak rules»' },
  message: { kind: 'string', required: true, doc: 'meldingen, med {{actual}} og {{expected}}' },
  note: { kind: 'string', required: true, doc: 'hvorfor regelen finnes' },
  source: { kind: 'string', required: true, doc: 'hvor rådet kommer fra' },
  examples: { kind: 'string', required: true, doc: 'eksempler under valid og invalid' },
  language: { kind: 'string', doc: 'nb, nn, en eller any' },
  profile: { kind: 'string', doc: 'vedtak: regelen gjelder bare vedtaksbrev (standard i rules/vedtak/)' },
}

/** Check a plain value against a key spec; returns an error text (Norwegian) or undefined. */
export function checkValue(spec: KeySpec, value: unknown): string | undefined {
  switch (spec.kind) {
    case 'string':
      return typeof value === 'string' && value.trim() !== '' ? undefined : 'må være en tekst'
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'må være true eller false'
    case 'integer':
    case 'number': {
      const ok = typeof value === 'number' && (spec.kind === 'number' || Number.isInteger(value))
      if (!ok) return spec.kind === 'integer' ? 'må være et heltall' : 'må være et tall'
      if (spec.min !== undefined && (value as number) < spec.min) return `må være minst ${spec.min}`
      return undefined
    }
    case 'string-list':
      return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && item.trim() !== '')
        ? undefined
        : 'må være en liste med tekster'
    case 'suggestions':
      return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))
        ? undefined
        : 'må være en tekst eller en liste med tekster ([] betyr «skriv om eller stryk»)'
    case 'swap':
      return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0
        ? undefined
        : 'må være en tabell med «ord: forslag»'
  }
}

/** Suggestions as a list: a string is one suggestion, [] means rewrite or remove. */
export function toSuggestions(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined
  return typeof value === 'string' ? [value] : (value as string[])
}
