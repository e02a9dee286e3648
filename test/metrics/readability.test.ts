import { describe, expect, it } from 'vitest'
import { loadText } from '../../src/input/text.js'
import { analyse } from '../../src/language/segment.js'
import { computeMetrics, lixBand, ovix } from '../../src/metrics/readability.js'

const metricsOf = (text: string) => computeMetrics(analyse(loadText('x.txt', text)))

describe('readability metrics (hand-counted)', () => {
  it('counts a plain two-sentence text', () => {
    // Du får hjelp til dusj hver morgen. | Hjelpen er gratis.  → 10 words, 2 sentences,
    // 1 long word (Hjelpen: 7 letters; «morgen» and «gratis» have 6, which is not long).
    expect(metricsOf('Du får hjelp til dusj hver morgen. Hjelpen er gratis.')).toEqual({
      words: 10,
      sentences: 2,
      longWords: 1,
      lix: 15,
      lixBand: 'svært lettlest',
      meanSentenceLength: 5,
      maxSentenceLength: 7,
      longSentences: 0,
      paragraphs: 1,
      ovix: null,
    })
  })

  it('counts headings and list items as sentences; numbers, dates and § are not words', () => {
    const text = [
      'Vedtak om praktisk bistand', // 4 words, long: praktisk, bistand
      '',
      // 7 words (long: Kommunen, behandlet, søknaden, forvaltningsloven) + 5 words (none long)
      'Kommunen har behandlet søknaden din, jf. forvaltningsloven § 27. Du får hjelp 3. mars 2025 kl. 09.00.',
      '',
      '- rengjøring av badet', // 3 words, long: rengjøring
      '- innkjøp', // 1 word, long: innkjøp
      '',
    ].join('\n')
    // LIX = 20 / 5 + 100 × 8 / 20 = 4 + 40 = 44
    expect(metricsOf(text)).toMatchObject({
      words: 20,
      sentences: 5,
      longWords: 8,
      lix: 44,
      lixBand: 'middels',
      meanSentenceLength: 4,
      maxSentenceLength: 7,
      paragraphs: 1,
    })
  })

  it('counts sentences over 20 words', () => {
    const long = `${'ord '.repeat(20)}til slutt.` // 22 words
    const short = 'Kort setning her.'
    expect(metricsOf(`${long} ${short}`)).toMatchObject({ longSentences: 1, maxSentenceLength: 22, sentences: 2 })
  })

  it('computes OVIX by hand and gives null where it is undefined', () => {
    // 8 words, 5 distinct: ln 8 / ln(2 − ln 5 / ln 8) = 2.0794 / ln(1.2260) = 10.2
    expect(metricsOf('Du får hjelp. Du får hjelp i dag.').ovix).toBe(10.2)
    expect(ovix(5, 5)).toBeNull()
    expect(ovix(1, 1)).toBeNull()
    expect(ovix(0, 0)).toBeNull()
  })

  it('returns null figures for a text without words', () => {
    expect(metricsOf('§ 3-2\n\n12.03.2024\n')).toMatchObject({ words: 0, sentences: 0, lix: null, lixBand: null, meanSentenceLength: null })
  })

  it.each([
    [29.9, 'svært lettlest'],
    [30, 'lettlest'],
    [39.9, 'lettlest'],
    [40, 'middels'],
    [49.9, 'middels'],
    [50, 'vanskelig'],
    [59.9, 'vanskelig'],
    [60, 'svært vanskelig'],
  ])('LIX %s is «%s»', (lix, band) => {
    expect(lixBand(lix)).toBe(band)
  })
})
