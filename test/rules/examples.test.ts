import { describe, expect, it } from 'vitest'
import { expandTerm } from '../../src/checks/phrases.js'
import { parseBuiltinRules } from '../../src/rules/builtin.js'
import { exampleRunner } from '../../src/rules/verify.js'

// The same runner checks municipal rule files at load (src/rules/verify.ts): one implementation.
const { rules, errors } = await parseBuiltinRules()

describe('built-in rule packs', () => {
  it('load without errors', () => {
    expect(errors.map((error) => error.format())).toEqual([])
  })

  it('cover the bokmål rules the product promises', () => {
    const ids = rules.map((rule) => rule.id)
    for (const id of [
      'nb/kanselliord', 'nb/stive-uttrykk', 'nb/nominalisering', 'nb/nominalisering-uttrykk', 'nb/s-passiv',
      'nb/bli-passiv', 'nb/hoflighetsform', 'nb/tredjeperson', 'nb/setningslengde', 'nb/avsnittslengde',
      'nb/forkortelser', 'nb/lesbarhet',
    ]) expect(ids).toContain(id)
  })

  it('have at least 120 kanselliord and stiff phrases', () => {
    const count = rules
      .filter((rule) => rule.id === 'nb/kanselliord' || rule.id === 'nb/stive-uttrykk')
      .reduce((sum, rule) => sum + Object.keys(rule.options.swap as object).length, 0)
    expect(count).toBeGreaterThanOrEqual(120)
  })

  it('define every word form only once per language', () => {
    const owner = new Map<string, string>()
    const duplicates: string[] = []
    for (const rule of rules) {
      const terms = rule.type === 'substitution' ? Object.keys(rule.options.swap as object) : rule.type === 'existence' ? (rule.options.tokens as string[]) : []
      for (const term of terms) {
        for (const variant of expandTerm(term, rule.options.ignorecase !== false)) {
          const key = `${rule.language}:${variant.map((slot) => slot.join('|')).join(' ')}`
          for (const first of variant[0]!) {
            const form = `${rule.language}:${[first, ...variant.slice(1).map((s) => s.join('|'))].join(' ')}`
            if (owner.has(form) && owner.get(form) !== `${rule.id}:${term}`) duplicates.push(`${form} (${owner.get(form)} og ${rule.id}:${term})`)
            owner.set(form, `${rule.id}:${term}`)
          }
          void key
        }
      }
    }
    expect(duplicates).toEqual([])
  })
})

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  const run = exampleRunner(rule)
  it.each(rule.examples.valid)('valid: %s', (text) => {
    expect(run(text)).toEqual([])
  })

  it.each(rule.examples.invalid.map((example) => [example.text, example] as const))('invalid: %s', (_text, example) => {
    expect(run(example.text)).toEqual(example.messages)
  })
})
