import { describe, expect, it } from 'vitest'
import { parseRuleFile } from '../../src/rules/load.js'
import { MAX_ALIAS_EXPANSION, YamlFile } from '../../src/rules/yaml-doc.js'
import { ruleFileProblems } from '../helpers.js'

const RULE = `type: substitution
level: warning
description: &d Kansellistil
message: "Skriv heller {{expected}} enn {{actual}}"
note: *d
source: Språkrådet
swap: &ord
  vedrørende: om
examples:
  valid: ["Om søknaden din."]
  invalid:
    - text: "Vedrørende søknaden din."
      messages: ["1:1-1:11: Skriv heller «Om» enn «Vedrørende»"]
`

const problems = ruleFileProblems

describe('aliases and merge keys in rule files', () => {
  it('an alias is the value it names (note: *d used to be «må være en tekst»)', () => {
    const rule = parseRuleFile(RULE, 'regel.yml', 'kommune/regel')
    expect(rule.note).toBe('Kansellistil')
    expect(rule.description).toBe('Kansellistil')
  })

  it('merge keys combine maps; own keys win', () => {
    const source = RULE.replace('swap: &ord\n  vedrørende: om\n', 'swap:\n  <<: [{ vedrørende: om, angående: om }, { vedrørende: x, ifølge: etter }]\n  angående: om å\n')
    const rule = parseRuleFile(source, 'regel.yml', 'kommune/regel')
    expect(rule.options.swap).toEqual({ vedrørende: 'om', angående: 'om å', ifølge: 'etter' })
  })

  it('examples may use aliases too', () => {
    const source = RULE.replace('valid: ["Om søknaden din."]', 'valid: [&ok "Om søknaden din.", *ok]')
    expect(parseRuleFile(source, 'regel.yml', 'kommune/regel').examples.valid).toEqual(['Om søknaden din.', 'Om søknaden din.'])
  })

  it('problems are reported where the alias is written', () => {
    expect(problems(RULE.replace('swap: &ord\n  vedrørende: om\n', 'swap: *d\n'))).toEqual(['7:7: «swap» må være en tabell med «ord: forslag»'])
    expect(problems(RULE.replace('note: *d', 'note: *ord'))).toEqual(['5:7: aliaset (*) viser til et anker (&) som ikke finnes foran det'])
    expect(problems(RULE.replace('swap: &ord\n  vedrørende: om\n', 'swap: &ring\n  vedrørende: *ring\n'))).toEqual([
      '8:15: aliaset (*) viser til verdien det selv står i, så aliasene går i ring',
    ])
    expect(problems(RULE.replace('swap: &ord\n  vedrørende: om\n', 'swap:\n  <<: om\n'))).toEqual(['8:7: «<<» må vise til en tabell eller en liste med tabeller'])
  })

  it('a billion-laughs file is refused quickly, at the alias that crossed the bound', () => {
    const lists = ['a0: &a0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for (let level = 1; level <= 9; level++) lists.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`)
    const source = `${lists.join('\n')}\n`
    const started = performance.now()
    const yaml = new YamlFile(source, 'latter.yml')
    let message = ''
    try {
      yaml.toJS(yaml.root)
    } catch (error) {
      message = (error as { format(): string }).format()
    }
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(MAX_ALIAS_EXPANSION).toBe(10_000)
    expect(message).toMatch(/^latter\.yml:4:\d+: aliasene \(\*\) og sammenslåingene \(<<\) i filen gir mer enn 10 000 verdier/)
    // The same through the rule loader: one problem, no hang.
    const inSwap = RULE.replace('swap: &ord\n  vedrørende: om\n', `swap:\n${lists.map((line) => `  ${line}`).join('\n')}\n`)
    const loaderStarted = performance.now()
    expect(problems(inSwap)).toEqual([expect.stringMatching(/^11:\d+: aliasene \(\*\) og sammenslåingene \(<<\) i filen gir mer enn 10 000 verdier/)])
    expect(performance.now() - loaderStarted).toBeLessThan(2_000)
  })

  it('merge keys cannot be used to multiply work either', () => {
    const maps = ['m0: &m0 { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10 }']
    for (let level = 1; level <= 12; level++) maps.push(`m${level}: &m${level} { <<: [${Array(10).fill(`*m${level - 1}`).join(', ')}] }`)
    const yaml = new YamlFile(`${maps.join('\n')}\n`, 'flett.yml')
    const started = performance.now()
    expect(() => yaml.toJS(yaml.root)).toThrow(/mer enn 10 000 verdier/)
    expect(performance.now() - started).toBeLessThan(2_000)
  })
})

describe('keys and values of rule files', () => {
  it('constructor, __proto__ and prototype are unknown keys, not silently ignored', () => {
    expect(problems(RULE.replace('source: Språkrådet', 'source: Språkrådet\nconstructor: x\n__proto__: y\nprototype: z'))).toEqual([
      expect.stringMatching(/^7:1: ukjent nøkkel «constructor»; tillatt for substitution: /),
      expect.stringMatching(/^8:1: ukjent nøkkel «__proto__»; tillatt for substitution: /),
      expect.stringMatching(/^9:1: ukjent nøkkel «prototype»; tillatt for substitution: /),
    ])
  })

  it('swap terms named __proto__ are data', () => {
    const rule = parseRuleFile(RULE.replace('  vedrørende: om\n', '  vedrørende: om\n  __proto__: x\n'), 'regel.yml', 'kommune/regel')
    expect(Object.keys(rule.options.swap as object)).toEqual(['vedrørende', '__proto__'])
  })

  it('YAML syntax errors are Norwegian and quote nothing from the file', () => {
    expect(problems('type: substitution\nswap: [a\n')).toEqual(['3:1: ugyldig YAML: feil innrykk, eller en liste eller tabell som ikke er lukket'])
    expect(problems('- a\nb: hemmelig\n')).toEqual([
      '2:1: ugyldig YAML: uventet tegn eller struktur',
      '2:2: ugyldig YAML: uventet tegn eller struktur',
      '2:4: ugyldig YAML: uventet tegn eller struktur',
    ])
    expect(problems('a: 1\n---\nb: 2\n')).toEqual(['2:1: ugyldig YAML: filen har flere YAML-dokumenter (---); bare ett er tillatt'])
  })

  it('until the type is known, values are not quoted; after, they are', () => {
    expect(problems(RULE.replace('type: substitution', 'type: hemmelig').replace('level: warning', 'level: passord'))).toEqual([
      '1:7: ukjent type; bruk en av: substitution, existence, pattern, sentence-length, paragraph-length, readability, vedtak-element, vedtak-structure',
      '2:8: ukjent nivå; bruk error, warning eller info',
    ])
    expect(problems(RULE.replace('type: substitution', 'type: substitusjon'))[0]).toMatch(/^1:7: ukjent type \(mente du «substitution»\?\)/)
    expect(problems(RULE.replace('level: warning', 'level: kritisk'))).toEqual(['2:8: ukjent nivå «kritisk»; bruk error, warning eller info'])
  })
})
