import { describe, expect, it } from 'vitest'
import { compilePlaceholderPatterns, DEFAULT_PLACEHOLDER_PATTERNS, findPlaceholders, withPlaceholders } from '../../src/input/placeholders.js'
import { loadText } from '../../src/input/text.js'
import { analyse, PLACEHOLDER_KEY } from '../../src/language/segment.js'
import { computeMetrics } from '../../src/metrics/readability.js'
import { parseBuiltinRules } from '../../src/rules/builtin.js'
import { Engine } from '../../src/engine.js'
import { buildReport, pointsIntoPlaceholder } from '../../src/report.js'

const spans = (text: string, patterns?: RegExp[]) => findPlaceholders(text, patterns).map((p) => text.slice(p.start, p.end))

describe('merge fields (placeholders)', () => {
  it('finds the usual template syntaxes, but not ordinary quotes', () => {
    expect(spans('Hei «Fornavn» «Etternavn», saksnr. {{saksnr}} [[dato]] <<navn>> ${beløp}.')).toEqual([
      '«Fornavn»', '«Etternavn»', '{{saksnr}}', '[[dato]]', '<<navn>>', '${beløp}',
    ])
    expect(spans('Du skrev «jeg trenger hjelp» i søknaden.')).toEqual([])
  })

  it('takes a municipality\'s own patterns', () => {
    const patterns = compilePlaceholderPatterns([...DEFAULT_PLACEHOLDER_PATTERNS, '#[A-ZÆØÅ_]+#'])
    expect(spans('Kjære #FORNAVN#, vi viser til {{sak}}.', patterns)).toEqual(['#FORNAVN#', '{{sak}}'])
  })

  it('counts each field as one ordinary word and keeps the sentence around it whole', () => {
    const doc = withPlaceholders(loadText('mal.txt', 'Vi har behandlet søknaden fra {{søkerens_fulle_navn}} datert «Søknadsdato». Du får svar.\n'))
    const analysis = analyse(doc)
    expect(analysis.sentences).toHaveLength(2)
    const words = analysis.words.map((w) => w.key)
    expect(words.filter((w) => w === PLACEHOLDER_KEY)).toHaveLength(2)
    expect(computeMetrics(analysis)).toMatchObject({ words: 11, longWords: 2 })
  })

  it('never reports a finding inside a field, but still checks the sentence around it', async () => {
    const { rules } = await parseBuiltinRules()
    const engine = new Engine(rules)
    const text = 'Søkeren {{søkerens_navn}} har rett til hjelp. Vi sender vedtaket til «Vedkommende_adresse» vedrørende saken.\n'
    const doc = withPlaceholders(loadText('mal.txt', text))
    const report = buildReport(doc, engine.lint(doc, 'nb'), engine.rules)
    expect(report.diagnostics.map((d) => d.actual)).toEqual(['Søkeren', 'vedrørende'])
    expect(pointsIntoPlaceholder({ start: 10, end: 14 }, [{ start: 8, end: 20 }])).toBe(true)
    expect(pointsIntoPlaceholder({ start: 0, end: 40 }, [{ start: 8, end: 20 }])).toBe(false)
    expect(pointsIntoPlaceholder({ start: 8, end: 20 }, [{ start: 8, end: 20 }])).toBe(true)
  })
})
