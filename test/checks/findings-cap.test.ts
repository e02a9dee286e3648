import { describe, expect, it } from 'vitest'
import { capFindings, findingLimit, MAX_FINDINGS_PER_RULE, WORDS_PER_FINDING } from '../../src/engine.js'
import type { Finding } from '../../src/types.js'
import { parseRuleFile } from '../../src/rules/load.js'
import { HEAD, lintWith, ruleFromYaml } from '../helpers.js'

const EXAMPLES = '\nexamples:\n  valid: ["Ok."]\n  invalid:\n    - text: "x"\n      messages: ["x"]\n'

describe('patterns that match everywhere', () => {
  it('«.» on a 100 KB text: the first 2,000 findings and one notice with the rest', () => {
    const rule = ruleFromYaml(`type: pattern\n${HEAD.replace('Skriv heller {{expected}} enn {{actual}}', 'Tegn {{actual}}')}\npattern: '.'`)
    const sentence = 'Vi viser til søknaden din om praktisk bistand i hjemmet. '
    const text = sentence.repeat(Math.ceil(100_000 / sentence.length))
    const started = performance.now()
    const report = lintWith([rule], text)
    expect(performance.now() - started).toBeLessThan(5000)
    expect(MAX_FINDINGS_PER_RULE).toBe(2000)
    expect(report.diagnostics).toHaveLength(MAX_FINDINGS_PER_RULE + 1)
    expect(report.diagnostics.slice(0, 3).map((d) => d.actual)).toEqual(['V', 'i', ' '])
    const notice = report.diagnostics.at(-1)!
    // «.» runs per sentence: every character but the space between two sentences.
    const repeats = text.length / sentence.length
    const perSentence = sentence.length - 1
    const characters = repeats * perSentence
    const firstOmitted = Math.floor(MAX_FINDINGS_PER_RULE / perSentence) * sentence.length + (MAX_FINDINGS_PER_RULE % perSentence)
    expect(notice).toMatchObject({ ruleId: 'test/regel', severity: 'info', actual: text[firstOmitted] })
    expect(notice.start.offset).toBe(firstOmitted)
    expect(notice.message).toBe(
      `Regelen ga ${characters - MAX_FINDINGS_PER_RULE} treff til i dokumentet; bare de 2000 første vises. Et mønster som treffer nesten overalt, bør gjøres strengere.`,
    )
  })

  it('a document under the cap is reported as before (no notice)', () => {
    const rule = ruleFromYaml(`type: pattern\n${HEAD.replace('Skriv heller {{expected}} enn {{actual}}', 'Tegn {{actual}}')}\npattern: 'a'`)
    expect(lintWith([rule], 'a '.repeat(MAX_FINDINGS_PER_RULE)).diagnostics).toHaveLength(MAX_FINDINGS_PER_RULE)
  })

  it('a long text keeps one finding per 10 words (the report stays linear in the text)', () => {
    expect(WORDS_PER_FINDING).toBe(10)
    expect(findingLimit(5_000)).toBe(MAX_FINDINGS_PER_RULE)
    expect(findingLimit(200_000)).toBe(20_000)
    const findings: Finding[] = Array.from({ length: 30_001 }, (_, i) => ({ rule: 0, start: i, end: i + 1 }))
    findings.push({ rule: 1, start: 5, end: 6 })
    findings.sort((a, b) => a.start - b.start || a.rule - b.rule)
    const kept = capFindings(findings, 200_000)
    expect(kept.filter((f) => f.rule === 1)).toHaveLength(1)
    const zero = kept.filter((f) => f.rule === 0)
    expect(zero).toHaveLength(20_001)
    expect(zero.at(-1)).toMatchObject({ start: 20_000, severity: 'info' })
    expect(zero.at(-1)!.message).toContain('Regelen ga 10001 treff til i dokumentet; bare de 20000 første vises.')
    expect(capFindings(findings.slice(0, 100), 10)).toEqual(findings.slice(0, 100))
  })

  it.each(['a*', 'x|', '(?:)', '\\b', '^'])('refuses «%s», which matches the empty text, naming file:line:col', (pattern) => {
    const yaml = `type: pattern\n${HEAD}\npattern: '${pattern}'${EXAMPLES}`
    expect(() => parseRuleFile(yaml, 'regler/tom.yml', 'tom', 'nb')).toThrow(
      /^regler\/tom\.yml:7:10: «pattern» treffer den tomme teksten \(f\.eks\. «a\*» eller «x\|»\), og ville flagget overalt\. Skriv mønsteret slik at hvert treff har minst ett tegn$/,
    )
  })
})
