import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadRulePath, parseRuleFile } from '../../src/rules/load.js'
import { ruleFileProblems } from '../helpers.js'

const VALID = `type: substitution
level: warning
description: Kansellistil
message: "Skriv heller {{expected}} enn {{actual}}"
note: Tungt.
source: Språkrådet
swap:
  vedrørende: om
examples:
  valid: ["Om søknaden din."]
  invalid:
    - text: "Vedrørende søknaden din."
      messages: ["1:1-1:11: Skriv heller «Om» enn «Vedrørende»"]
`

const problems = ruleFileProblems

describe('rule file loader', () => {
  it('accepts a valid file and derives its fields', () => {
    const rule = parseRuleFile(VALID, 'regel.yml', 'nb/regel', 'nb')
    expect(rule).toMatchObject({ id: 'nb/regel', type: 'substitution', level: 'warning', language: 'nb', options: { swap: { vedrørende: 'om' } } })
    expect(parseRuleFile(VALID, 'regel.yml', 'kommune/regel', 'kommune').language).toBe('any')
  })

  it('reports an unknown key with its line and column', () => {
    expect(problems(VALID.replace('note: Tungt.', 'note: Tungt.\nswapp: x'))).toEqual([
      expect.stringMatching(/^6:1: ukjent nøkkel «swapp»; tillatt for substitution: /),
    ])
  })

  it('reports a bad level, a bad value type and an unknown type', () => {
    expect(problems(VALID.replace('level: warning', 'level: kritisk'))).toEqual(['2:8: ukjent nivå «kritisk»; bruk error, warning eller info'])
    expect(problems(VALID.replace('swap:\n  vedrørende: om', 'swap: 12'))).toEqual(['7:7: «swap» må være en tabell med «ord: forslag»'])
    expect(problems(VALID.replace('type: substitution', 'type: bytte'))).toEqual([
      '1:7: ukjent type; bruk en av: substitution, existence, pattern, sentence-length, paragraph-length, readability, vedtak-element, vedtak-structure',
    ])
  })

  it('reports missing required keys and missing examples', () => {
    const noExamples = VALID.slice(0, VALID.indexOf('examples:'))
    expect(problems(noExamples)).toEqual(['1:1: mangler «examples» (eksempler under valid og invalid)'])
    expect(problems(VALID.replace('note: Tungt.\n', ''))).toEqual(['1:1: mangler «note» (hvorfor regelen finnes)'])
  })

  it('reports invalid YAML and an invalid regular expression', () => {
    expect(problems('type: substitution\nswap: [a\n')[0]).toMatch(/^\d+:\d+: ugyldig YAML: /)
    const pattern = VALID.replace('type: substitution', 'type: pattern').replace('swap:\n  vedrørende: om', "pattern: '(uavsluttet'")
    expect(problems(pattern)).toEqual([expect.stringMatching(/^7:10: «pattern» ugyldig regulært uttrykk: /)])
  })

  it('loads a folder, names rules by path, and keeps going past a broken file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klarsprak-rules-'))
    mkdirSync(join(dir, 'helse'))
    writeFileSync(join(dir, 'helse', 'ord.yml'), VALID)
    writeFileSync(join(dir, 'brutt.yml'), VALID.replace('level: warning', 'level: 3'))
    const loaded = await loadRulePath(dir, 'kommune')
    expect(loaded.rules.map((r) => r.id)).toEqual(['kommune/helse/ord'])
    expect(loaded.errors.map((e) => e.format())).toEqual([`${join(dir, 'brutt.yml')}:2:8: «level» må være en tekst`])
  })
})
