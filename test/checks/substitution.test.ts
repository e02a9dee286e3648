import { describe, expect, it } from 'vitest'
import { HEAD, lintWith, messagesOf, ruleFromYaml } from '../helpers.js'

const rule = ruleFromYaml(`type: substitution
${HEAD}
swap:
  vedrørende: om
  forestå: stå for
  i henhold til: [etter, ifølge]
  foreligge|foreligger|forelå|foreligget: [finnes, er]
  "foreta|foretar|foretok|foretatt (en|ei|et) vurdering": vurdere
  f.eks.: for eksempel
  bistand: hjelp
  herved: []
exceptions: [praktisk bistand]`)

const check = (text: string): string[] => messagesOf(lintWith([rule], text))

describe('substitution checker', () => {
  it('flags a word with its exact span and suggestion', () => {
    expect(check('Vi viser til søknaden vedrørende praktisk bistand.')).toEqual(['1:23-1:33: Skriv heller «om» enn «vedrørende»'])
  })

  it('treats æøå as letters at word boundaries', () => {
    expect(check('Hun forestår opplæringen.')).toEqual([])
    expect(check('Hvem skal forestå opplæringen?')).toEqual(['1:11-1:18: Skriv heller «stå for» enn «forestå»'])
    expect(check('Vedrørendeslik er ikke et ord.')).toEqual([])
  })

  it('matches case-insensitively and capitalises suggestions at sentence start', () => {
    expect(check('Vedrørende søknaden din: du får hjelp.')).toEqual(['1:1-1:11: Skriv heller «Om» enn «Vedrørende»'])
    expect(check('Det gjelder VEDRØRENDE saken.')).toEqual(['1:13-1:23: Skriv heller «om» enn «VEDRØRENDE»'])
  })

  it('matches multi-word phrases, inflected forms and optional words', () => {
    expect(check('Vi har i henhold til loven foretatt en vurdering.')).toEqual([
      '1:8-1:21: Skriv heller «etter» eller «ifølge» enn «i henhold til»',
      '1:28-1:49: Skriv heller «vurdere» enn «foretatt en vurdering»',
    ])
    expect(check('Vi foretar vurdering nå. Det forelå ingen opplysninger.')).toEqual([
      '1:4-1:21: Skriv heller «vurdere» enn «foretar vurdering»',
      '1:30-1:36: Skriv heller «finnes» eller «er» enn «forelå»',
    ])
  })

  it('matches a phrase across a line break but not across punctuation or sentences', () => {
    expect(check('Vi har i henhold\ntil loven gjort det.')).toEqual(['1:8-2:4: Skriv heller «etter» eller «ifølge» enn «i henhold til»'])
    expect(check('Dette er i henhold, til loven.')).toEqual([])
    expect(check('Vi tok den i henhold. Til slutt kom vi.')).toEqual([])
  })

  it('includes the period of an abbreviation in the span', () => {
    expect(check('Du får hjelp til f.eks. dusj.')).toEqual(['1:18-1:24: Skriv heller «for eksempel» enn «f.eks.»'])
  })

  it('keeps exception phrases and renders [] as «rewrite or remove»', () => {
    expect(check('Du får praktisk bistand tre timer i uka.')).toEqual([])
    expect(check('Du får bistand til dusj.')).toEqual(['1:8-1:15: Skriv heller «hjelp» enn «bistand»'])
    const report = lintWith([rule], 'Vi meddeler herved at du får hjelp.')
    expect(report.diagnostics[0]).toMatchObject({ actual: 'herved', expected: [] })
  })
})

describe('case-sensitive substitution with skipSentenceStart', () => {
  const polite = ruleFromYaml(`type: substitution
${HEAD}
ignorecase: false
skipSentenceStart: true
swap:
  De: du
  Dem: deg
  Deres: [din, ditt, dine]`)
  const run = (text: string): string[] => messagesOf(lintWith([polite], text))

  it('flags the old polite form mid-sentence, with lower-case suggestions', () => {
    expect(run('Vi har mottatt Deres søknad og vil kontakte Dem.')).toEqual([
      '1:16-1:21: Skriv heller «din», «ditt» eller «dine» enn «Deres»',
      '1:45-1:48: Skriv heller «deg» enn «Dem»',
    ])
  })

  it('leaves «de»/«dem» (they/them) and sentence-initial «De» alone', () => {
    expect(run('De kommer i morgen. Vi ringer dem og de svarer.')).toEqual([])
  })
})
