import { describe, expect, it } from 'vitest'
import { analyse, countLetters } from '../../src/language/segment.js'
import { loadText } from '../../src/input/text.js'
import { detectLanguage } from '../../src/language/detect.js'
import { sentencesOf } from '../helpers.js'

/** Each row: a text and the sentences it must split into. */
const TABLE: Array<[string, string[]]> = [
  ['Vi viser til hol. § 3-2 første ledd nr. 6 bokstav b. Du får hjelp.', ['Vi viser til hol. § 3-2 første ledd nr. 6 bokstav b.', 'Du får hjelp.']],
  ['Vedtaket er gjort etter pbrl. § 2-1 a andre ledd og fvl. § 29. Du kan klage.', ['Vedtaket er gjort etter pbrl. § 2-1 a andre ledd og fvl. § 29.', 'Du kan klage.']],
  ['Du får hjelp fra 3. mars 2025. Hjelpen varer til 1. april.', ['Du får hjelp fra 3. mars 2025.', 'Hjelpen varer til 1. april.']],
  ['Vi kommer kl. 09.00 hver dag. Ring oss på tlf. 12 34 56 78.', ['Vi kommer kl. 09.00 hver dag.', 'Ring oss på tlf. 12 34 56 78.']],
  ['Vedtaket er datert 12.03.2024. Du kan klage.', ['Vedtaket er datert 12.03.2024.', 'Du kan klage.']],
  ['Vi hjelper deg bl.a. med dusj, jf. f.eks. punkt 2. Hjelpen er gratis.', ['Vi hjelper deg bl.a. med dusj, jf. f.eks. punkt 2.', 'Hjelpen er gratis.']],
  ['Egenandelen er ca. 1.250,50 kr. i måneden. Du betaler etterskuddsvis.', ['Egenandelen er ca. 1.250,50 kr. i måneden.', 'Du betaler etterskuddsvis.']],
  ['Du får hjelp til vask, innkjøp osv. Vi kommer på tirsdager.', ['Du får hjelp til vask, innkjøp osv.', 'Vi kommer på tirsdager.']],
  ['Egenandelen er 250 kr. Du får en egen faktura.', ['Egenandelen er 250 kr.', 'Du får en egen faktura.']],
  ['Saksbehandler er Kari N. Hansen. Hun svarer gjerne.', ['Saksbehandler er Kari N. Hansen.', 'Hun svarer gjerne.']],
  ['Du får 4,5 timer per uke. Er det nok? Ring oss! Vi hjelper deg.', ['Du får 4,5 timer per uke.', 'Er det nok?', 'Ring oss!', 'Vi hjelper deg.']],
  ['«Kan jeg klage?» spurte hun. Ja, det kan du.', ['«Kan jeg klage?» spurte hun.', 'Ja, det kan du.']],
  ['Les mer i kap. 7 i loven. Se også s. 12.', ['Les mer i kap. 7 i loven.', 'Se også s. 12.']],
  ['Vi har mottatt søknaden (jf. brev av 2. mai). Takk for den.', ['Vi har mottatt søknaden (jf. brev av 2. mai).', 'Takk for den.']],
  ['Æresordet står. Østfold og Ålesund er nevnt. Øyvind kommer.', ['Æresordet står.', 'Østfold og Ålesund er nevnt.', 'Øyvind kommer.']],
  ['Se pkt. 3 og ref. nr. 2024/15. Du må svare innen 1. juni.', ['Se pkt. 3 og ref. nr. 2024/15.', 'Du må svare innen 1. juni.']],
  ['Vi viser til brev fra St.meld. nr. 15. Det er viktig.', ['Vi viser til brev fra St.meld. nr. 15.', 'Det er viktig.']],
  ['Dette følger av loven § 3-2. Du kan klage.', ['Dette følger av loven § 3-2.', 'Du kan klage.']],
]

describe('Norwegian sentence segmentation', () => {
  it.each(TABLE)('%s', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected)
  })

  it('does not cut a hard-wrapped paragraph at its line ends', () => {
    const text = 'Vi har vurdert søknaden din om praktisk bistand og kommet fram til at\ndu har rett til hjelp. Hjelpen starter\n3. mars 2025 og gjelder i ett år.\n'
    expect(sentencesOf(text)).toEqual([
      'Vi har vurdert søknaden din om praktisk bistand og kommet fram til at\ndu har rett til hjelp.',
      'Hjelpen starter\n3. mars 2025 og gjelder i ett år.',
    ])
  })

  it('makes headings and list items without final punctuation their own units', () => {
    const text = 'Du får praktisk bistand\nVi har bestemt at du får hjelp.\n\nHjelpen gjelder:\n- vask av gulv\n- innkjøp av mat\n\nHar du spørsmål\n'
    const analysis = analyse(loadText('x.txt', text))
    expect(analysis.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'list-item', 'list-item', 'heading'])
    expect(sentencesOf(text)).toEqual([
      'Du får praktisk bistand',
      'Vi har bestemt at du får hjelp.',
      'Hjelpen gjelder:',
      'vask av gulv',
      'innkjøp av mat',
      'Har du spørsmål',
    ])
  })

  it('reads one paragraph per line (no blank lines) as separate paragraphs', () => {
    const text = 'Du får hjemmesykepleie to ganger om dagen fra 1. april 2025.\nHjelpen gjelder medisiner og sårstell.\nDu kan klage på vedtaket innen fire uker fra du fikk brevet, og vi hjelper deg gjerne med klagen hvis du ønsker det.\n'
    const analysis = analyse(loadText('x.txt', text))
    expect(analysis.blocks.map((b) => [b.kind, text.slice(b.start, b.end).slice(0, 12)])).toEqual([
      ['paragraph', 'Du får hjemm'],
      ['paragraph', 'Hjelpen gjel'],
      ['paragraph', 'Du kan klage'],
    ])
  })

  it('keeps a hard-wrapped paragraph whole even where a line happens to end a sentence', () => {
    const text = [
      'Vi har vurdert søknaden din om praktisk bistand, og vi har snakket med deg.',
      'Fastlegen din har sendt oss opplysninger om helsen din og om hva du klarer.',
      'Du får tre timer hjelp i uka.',
      '',
    ].join('\n')
    expect(analyse(loadText('x.txt', text)).blocks).toHaveLength(1)
  })

  it('keeps a letterhead as separate short lines', () => {
    const text = 'Lillevik kommune\nTildelingskontoret\nDato: 12.03.2025\nVår ref.: 25/1234\n'
    expect(sentencesOf(text)).toEqual(['Lillevik kommune', 'Tildelingskontoret', 'Dato: 12.03.2025', 'Vår ref.: 25/1234'])
  })

  it('counts words: letters required, æøå are letters, hyphenated compounds are one word', () => {
    const analysis = analyse(loadText('x.txt', 'Helse- og omsorgstjenesteloven § 3-2 gjelder e-post fra 12.03.2024 til Ærøy.'))
    expect(analysis.words.map((w) => w.key)).toEqual(['helse-', 'og', 'omsorgstjenesteloven', 'gjelder', 'e-post', 'fra', 'til', 'ærøy'])
    expect(analysis.words.map((w) => w.letters)).toEqual([5, 2, 20, 7, 5, 3, 3, 4])
  })

  it('keeps offsets exact for words with a period attached', () => {
    const text = 'Se f.eks. nr. 6 her.'
    const analysis = analyse(loadText('x.txt', text))
    expect(analysis.words.map((w) => text.slice(w.start, w.end))).toEqual(['Se', 'f.eks.', 'nr.', 'her'])
  })

  it('stays linear on a large document: 2,000 paragraphs parse block by block', () => {
    const paragraph = 'Du får hjelp til dusj, jf. vedtaket av 3. mars. Hjelpen er gratis.\n\n'
    const analysis = analyse(loadText('x.txt', paragraph.repeat(2000)))
    expect(analysis.sentences).toHaveLength(4000)
    expect(analysis.words).toHaveLength(2000 * 12)
  })
})

describe('language detection', () => {
  const detect = (text: string) => detectLanguage(analyse(loadText('x.txt', text)))
  it.each([
    ['Fristen for å klage er fire uker.', 'nb'],
    ['Du får hjelp til dusj, og vi kommer hver dag.', 'nb'],
    ['Du får ikkje hjelp frå oss fordi eg meiner at det er nok.', 'nn'],
    ['We will send you the decision, and you can appeal it within four weeks.', 'en'],
    ['', 'nb'],
  ])('%s → %s', (text, language) => {
    expect(detect(text)).toBe(language)
  })
})

describe('countLetters', () => {
  it.each([
    ['forestår', 8],
    ['e-post', 5],
    ['12.03.2024', 0],
    ['Ærøy', 4],
    ['Čáhcesuolu', 10],
    ['3×4÷2', 0],
    ['Ωμέγα', 5],
  ])('%s has %i letters', (word, letters) => {
    expect(countLetters(word)).toBe(letters)
  })
})
