import { describe, expect, it } from 'vitest'
import { compilePattern, norwegianise, WORD_RANGES } from '../../src/checks/pattern.js'
import { HEAD, lintWith, messagesOf, ruleFromYaml } from '../helpers.js'

describe('pattern checker', () => {
  const passive = ruleFromYaml(`type: pattern
${HEAD.replace('Skriv heller {{expected}} enn {{actual}}', 'Passiv: {{actual}}')}
pattern: '\\b(?:kan|skal|må)\\s+(?<span>\\p{L}+es)\\b'
exceptions: [finnes, synes, trives]`)
  const run = (text: string): string[] => messagesOf(lintWith([passive], text))

  it('flags the named span group only', () => {
    expect(run('Vedtaket kan påklages innen fire uker.')).toEqual(['1:14-1:22: Passiv: «påklages»'])
  })

  it('skips exceptions', () => {
    expect(run('Det må finnes en løsning. Du skal trives.')).toEqual([])
  })

  it('treats æøå as letters for \\b', () => {
    const regex = compilePattern('\\bså\\b', true)
    expect('Gå så fort'.match(regex)).toEqual(['så'])
    expect('såpe og åså'.match(regex)).toBeNull()
  })

  it('checks a leading \\b in code and still finds the real match after a false one', () => {
    const rule = ruleFromYaml(`type: pattern
${HEAD.replace('Skriv heller {{expected}} enn {{actual}}', 'Treff {{actual}}')}
pattern: '\\bkan\\s+\\p{L}+es\\b'`)
    expect(messagesOf(lintWith([rule], 'Vikan sendes, og søknaden kan sendes nå.'))).toEqual(['1:27-1:37: Treff «kan sendes»'])
    const boundary = ruleFromYaml(`type: pattern
${HEAD.replace('Skriv heller {{expected}} enn {{actual}}', 'Treff {{actual}}')}
pattern: '\\bså\\b'`)
    expect(messagesOf(lintWith([boundary], 'Åså og såpe, så kom vi.'))).toEqual(['1:14-1:16: Treff «så»'])
  })

  it('gives \\w and \\W the Norwegian meaning, also inside character classes', () => {
    expect(norwegianise('[\\w-]+')).toBe(`[${WORD_RANGES}-]+`)
    expect(norwegianise('\\\\w')).toBe('\\\\w')
    expect('forestår og e-post'.match(compilePattern('\\w+', true))).toEqual(['forestår', 'og', 'e', 'post'])
    expect('forestår og e-post'.match(compilePattern('[\\w-]+', true))).toEqual(['forestår', 'og', 'e-post'])
    expect('Æ-Ø'.match(compilePattern('\\W', true))).toEqual(['-'])
  })

  it('runs per sentence and never matches across a sentence end', () => {
    const rule = ruleFromYaml(`type: pattern
${HEAD.replace('Skriv heller {{expected}} enn {{actual}}', 'Treff {{actual}}')}
pattern: 'hjelp\\.\\s+Vi'`)
    expect(messagesOf(lintWith([rule], 'Du får hjelp. Vi kommer.'))).toEqual([])
  })
})
