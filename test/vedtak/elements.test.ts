import { describe, expect, it } from 'vitest'
import { Engine } from '../../src/engine.js'
import { loadText } from '../../src/input/text.js'
import { parseBuiltinRules } from '../../src/rules/builtin.js'
import { parseRuleFile } from '../../src/rules/load.js'
import type { RuleDef } from '../../src/rules/schema.js'
import type { VedtakResult } from '../../src/types.js'
import { ELEMENT_ORDER, recordElement } from '../../src/vedtak/elements.js'
import { run, tempTree } from '../cli/io.js'
import { lintWith } from '../helpers.js'

const { rules } = await parseBuiltinRules()
const elementRules = rules.filter((rule) => rule.type === 'vedtak-element')
const ruleOf = (element: string): RuleDef => {
  const rule = elementRules.find((r) => r.options.element === element)
  if (!rule) throw new Error(`no rule for ${element}`)
  return rule
}

/** Lint a letter with one element rule, as a decision letter; its element and findings. */
function check(element: string, text: string) {
  const report = lintWith([ruleOf(element)], text, 'nb', 'vedtak')
  const result = report.vedtak!.elements.find((e) => e.id === element)!
  return { report, result }
}

// Letter openings that fix the outcome without containing any element tested with them.
const NEUTRAL = 'Brev fra Lillevik kommune'
const GRANT = 'Vedtak\n\nSøknaden din er innvilget.'
const REDUCTION = 'Vedtak\n\nVi reduserer hjemmesykepleien din.'
const LONGTERM_REFUSAL = 'Du får ikke fast plass på sykehjem\n\nSøknaden din om langtidsopphold er avslått.'

interface Case {
  /** The start of the letter; each phrasing is added as a paragraph after it. */
  context: string
  /** Real-world ways of writing the element, bokmål and nynorsk. */
  present: string[]
  /** Near misses: sentences that look like the element but are not. */
  absent: string[]
}

const CASES: Record<string, Case> = {
  vedtak: {
    context: NEUTRAL,
    present: [
      'Vedtak om hjemmesykepleie',
      'Dette brevet er et vedtak.',
      'Vi har bestemt at du får avlastning.',
      'Kommunen har vedteke at du får korttidsopphald.',
      'Søknaden din om avlasting er innvilga.',
      'Du innvilges praktisk bistand.',
    ],
    absent: [
      'Vi har fått søknaden din om hjemmesykepleie.',
      'Vi sender deg et vedtak når saken er ferdig.',
      'Du kan søke om avlastning på nettsidene våre.',
    ],
  },
  utfall: {
    context: NEUTRAL,
    present: [
      'Søknaden din om praktisk bistand er delvis innvilget.',
      'Vi sier nei til søknaden din om omsorgsstønad.',
      'Du får ikkje langtidsopphald no.',
      'Søknaden om langtidsopphald vert avslått.',
      'Vi reduserer hjemmesykepleien din til to besøk om dagen.',
      'Hjelpa di vert redusert frå 1. juni.',
      'Du får hjemmehjelp tre timer i uka.',
    ],
    absent: [
      'Vi har fått søknaden din om hjemmesykepleie.',
      'Du kan søke om avlastning.',
      'Dette brevet er godkjent elektronisk.',
      'Omsorgsbelastningen din er redusert.',
    ],
  },
  tjeneste: {
    context: 'Vedtak',
    present: [
      'Du får hjemmesykepleie.',
      'Søknaden din om brukerstyrt personlig assistanse er innvilget.',
      'Du får plass på Lillevik sjukeheim.',
      'Du får tryggleiksalarm.',
      'Søknaden din om avlasting er innvilga.',
      'Du får BPA 32 timer hver uke.',
    ],
    absent: ['Vi har bestemt at du får hjelp.', 'Kommunen har mange gode tilbod.', 'Du har vært på sykehjemmet siden mars.'],
  },
  omfang: {
    context: GRANT,
    present: [
      'Du får praktisk bistand 4 timer per uke.',
      'Sykepleierne kommer to ganger hver dag.',
      'Du får avlastning 14 døgn per måned.',
      'Du får omsorgsstønad, kr 3 000 per måned.',
      'Du får 3 timar i veka.',
      'Emil kan vere på Solbakken to helger kvar månad.',
      'Du får plass i 21 døgn.',
      'Du får avlastning annenhver helg.',
      'Du får 32 timer assistanse per uke, slik du søkte om.',
    ],
    absent: [
      'Du får hjemmesykepleie etter behov.',
      'Du søkte om fire timer i uka.',
      'Fristen for å klage er fire uker.',
      'Omfanget av tjenesten vil bli tilpasset fortløpende.',
      'Før det fikk du hjemmesykepleie tre ganger om dagen.',
    ],
  },
  innhold: {
    context: GRANT,
    present: [
      'Du får hjelp til å vaske og handle.',
      'Hjelpen omfatter rengjøring av kjøkken og bad.',
      'Dette hjelper vi deg med:',
      'Dei hjelper han med mat, stell og medisinar.',
      'Under opphaldet får du trening med fysioterapeut.',
      'Hjelpa omfattar dusj og påkledning.',
      'Av dette utgjør 22 timer personlig stell og 6 timer fritidsaktiviteter.',
    ],
    absent: ['Du trenger hjelp til å reise deg.', 'Vi kan hjelpe deg med å skrive klagen.', 'Du har søkt om hjelp til rengjøring.'],
  },
  start: {
    context: GRANT,
    present: [
      'Hjelpen starter mandag 2. juni 2025.',
      'Tenesta startar 2. juni 2025.',
      'Du får 3 timer i uka fra og med 5. mai 2025.',
      'Tjenesten iverksettes f.o.m. 03.03.2025.',
      'Du kan flytte inn måndag 12. mai.',
      'Avlastningen reduseres med virkning fra 01.06.2025.',
      'Bistanden iverksettes fra og med 17.03.2025, evt. tidligere ved behov.',
    ],
    absent: [
      'Hjelpen starter så snart vi har ledig kapasitet.',
      'Dette vedtaket erstatter vedtaket ditt fra 4. november 2024.',
      'Vi fikk søknaden din 3. mars.',
    ],
  },
  varighet: {
    context: GRANT,
    present: [
      'Vedtaket gjelder til og med 31. mai 2026.',
      'Vedtaket gjeld fram til 1. desember 2025.',
      'Vi ser på saken din igjen før 31. mars 2026.',
      'Tjenesten evalueres innen 01.03.2026.',
      'Før den tid snakkar vi saman om kva du treng vidare.',
      'Vedtaket gjelder for perioden 01.03.2025–28.02.2026.',
      'Du får plass i 21 døgn.',
      'Vedtaket gjelder inntil videre, men det blir gjort en ny vurdering innen 31.03.2026.',
      'Vedtaket har gyldighet for perioden 01.06.2025–31.05.2027.',
      'Du innvilges herved langtidsopphold ved Lillevik sykehjem.',
    ],
    absent: ['Vedtaket gjelder inntil videre.', 'Fristen for å klage er fire uker.', 'Vi går gjennom saken på nytt.'],
  },
  hjemmel: {
    context: GRANT,
    present: [
      '- helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav b',
      'Vedtaket er gjort etter helse- og omsorgstenestelova § 3-6.',
      'Søknaden er behandlet etter pbrl. § 2-1 d.',
      'Vedtaket er gjort med heimel i pasient- og brukarrettslova § 2-1 e.',
      'Det står i kommunens forskrift om tildeling av langtidsopphold.',
    ],
    absent: [
      'Du har rett til å se dokumentene (forvaltningsloven § 18).',
      '- pasient- og brukerrettighetsloven § 7-2 og § 7-5',
      'Lover og regler',
    ],
  },
  fakta: {
    context: GRANT,
    present: [
      'Vi besøkte deg hjemme 7. mars.',
      'Ved heimebesøket 8. april kom det fram at du treng hjelp.',
      'Vi har fått opplysninger fra fastlegen din.',
      'Vi har lagt vekt på opplysningane frå søknaden din.',
      'Sjukehuset melde 5. mai at du snart kan reise heim.',
      'Av legeerklæringen fremgår det at du har diabetes.',
    ],
    absent: [
      'Du kan gi oss nye opplysninger hvis helsen din endrer seg.',
      'Vi har fått søknaden din.',
      'Har du spørsmål, kan du snakke med oss.',
    ],
  },
  begrunnelse: {
    context: GRANT,
    present: [
      'Vi mener at tre timer i uka er nok.',
      'Vi har lagt vekt på at du bur åleine.',
      'Difor får du besøk morgon og kveld.',
      'Grunnen er at du kan bo trygt hjemme.',
      'Vilkårene for å få BPA er oppfylt.',
      'Vi meiner at du treng meir trening.',
    ],
    absent: [
      'Skriv hva du er uenig i, og hvorfor.',
      'Dette brevet er godkjent elektronisk og har derfor ingen underskrift.',
      'Vi vurderer klagen først.',
    ],
  },
  klagerett: {
    context: GRANT,
    present: [
      'Du kan klage på vedtaket.',
      'Er du uenig, kan du klage.',
      'Du har rett til å klaga.',
      'Vedtaket kan påklagast.',
      'Klagerett',
      'Hvis du ikke er fornøyd med vedtaket, kan du klage.',
    ],
    absent: ['Vi har fått klagen din.', 'Du klaget på vedtaket 3. mars.', 'Du kan ikke klage på egenandelen i dette brevet.'],
  },
  klagefrist: {
    context: GRANT,
    present: [
      'Fristen for å klage er fire uker fra du fikk dette brevet.',
      'Fristen er fire uker fra du fikk dette brevet.',
      'Du må klage innen fire uker.',
      'Klaga må vere send innan fire veker.',
      'Klagefristen er tre uker.',
      'Vedtaket kan påklages innen 4 uker fra mottakelsen.',
      'Fristen for å klage er fire veker frå du fekk dette brevet.',
    ],
    absent: [
      'Du får avlastning i fire uker.',
      'Vi har fått klagen din, og vi svarer innen fire uker.',
      'Klagefristen står på baksiden av brevet.',
      'Fristen for å søke er fire uker.',
    ],
  },
  klageinstans: {
    context: GRANT,
    present: [
      'Endrer vi ikke vedtaket, sender vi klagen til Statsforvalteren i Agder.',
      'Statsforvaltaren avgjer saka.',
      'Vedtaket kan påklages til Fylkesmannen.',
      'Klagen går til kommunens klagenemnd.',
    ],
    absent: ['Send klagen til oss.', 'Vi ser på saken en gang til.'],
  },
  klagemate: {
    context: GRANT,
    present: [
      'Klagen må være skriftlig.',
      'Skriv hva du er uenig i, og hvorfor.',
      'Send klagen til Tildelingskontoret.',
      'Klaga skal vere skriftleg og underskriven.',
      'Skriv kva vedtak du klagar på.',
      'Klagen sendes Tildelingskontoret.',
      'Skriv under og send klaga til oss.',
    ],
    absent: ['Du kan klage.', 'Endrer vi ikke vedtaket, sender vi klagen til Statsforvalteren.', 'Statsforvalteren avgjør klagen.'],
  },
  klagehjelp: {
    context: GRANT,
    present: [
      'Vi kan hjelpe deg med å skrive klagen.',
      'Pasient- og brukerombudet kan hjelpe deg gratis.',
      'Pasient- og brukarombodet kan hjelpe deg.',
      'Trenger du hjelp til å klage, kan du ringe oss.',
      'Tildelingskontoret kan være behjelpelig med utformingen av klagen.',
      'Vi kan hjelpe deg med å skrive klaga.',
    ],
    absent: ['Vi kan hjelpe deg med å handle.', 'Trenger du mer hjelp, kan du søke på nytt.', 'Du kan klage.'],
  },
  innsyn: {
    context: GRANT,
    present: [
      'Du har rett til å se dokumentene i saken din.',
      'Du har rett til å sjå dokumenta i saka di.',
      'Du kan òg be om innsyn i dokumenta.',
      'Du kan få se alle dokumentene vi har brukt.',
      'De har rett til å gjøre Dem kjent med sakens dokumenter.',
      'Du kan også be om å få se papirene i saken din.',
    ],
    absent: ['Vi har lest dokumentene fra sykehuset.', 'Legg ved dokumenter som viser inntekten din.'],
  },
  kontakt: {
    context: GRANT,
    present: [
      'Har du spørsmål? Ring Kari Moen på telefon 31 00 45 62.',
      'Ring meg på telefon 31 00 45 71.',
      'Sakshandsamar: Ingrid Tveit',
      'Spørsmål kan rettes til saksbehandler Ole Strand.',
      'Send e-post til kari.moen@lillevik.kommune.no.',
    ],
    absent: ['Hjemmetjenesten ringer deg for å avtale faste dager.', 'Du kan kontakte fastlegen din hvis helsen endrer seg.'],
  },
  betaling: {
    context: GRANT,
    present: [
      'Du må betale en egenandel.',
      'Heimesjukepleie er gratis.',
      'Hjemmesykepleie koster ingenting.',
      'Avlastningstiltak er vederlagsfrie.',
      'Du betaler ein eigenandel for kvart døgn.',
      'Avlastinga er gratis for deg.',
    ],
    absent: [
      'Pasient- og brukerombudet kan hjelpe deg gratis med klagen.',
      'Du får utbetalt stønaden den 12. hver måned.',
      'Det er gratis.',
    ],
  },
  forhandsvarsel: {
    context: REDUCTION,
    present: [
      'Vi varslet deg i brev 5. mai 2025.',
      'Du fekk eit førehandsvarsel 2. mai.',
      'Du fikk varsel før vi bestemte oss',
      'Du fikk mulighet til å uttale deg.',
      'Vi varsla deg i brev 2. mai.',
    ],
    absent: ['Vi varsler deg hvis noe endrer seg igjen.', 'Du kan uttale deg i klagen.', 'Vi sendte deg et brev om egenandel.'],
  },
  'utsatt-iverksetting': {
    context: REDUCTION,
    present: [
      'Hvis du klager, kan du be om at besøket midt på dagen fortsetter til klagen er avgjort.',
      'Du kan be om at endringen ikke gjennomføres før klagen er avgjort.',
      'Klagar du, kan du be om at endringa ikkje blir gjennomført før klaga er avgjord.',
      'Du kan be om utsatt iverksetting.',
      'Du kan be om at klagen gis oppsettende virkning.',
    ],
    absent: ['En eventuell klage gis ikke oppsettende virkning.', 'Du kan klage på vedtaket innen fire uker.'],
  },
  venteliste: {
    context: LONGTERM_REFUSAL,
    present: [
      'Du står på venteliste.',
      'Vi har bestemt at du heller ikke kommer på ventelisten.',
      'Du får ikkje plass på ventelista.',
      'Du er ført opp på ventelista for langtidsopphald.',
    ],
    absent: ['Det er lang ventetid på sykehjemsplass.', 'Du må vente på et ledig rom.'],
  },
}

describe('vedtak-element rules', () => {
  it('exist for every checklist element, one rule per element, named vedtak/mangler-<id>', () => {
    expect(elementRules.map((rule) => rule.options.element).sort()).toEqual([...ELEMENT_ORDER].sort())
    for (const rule of elementRules) expect(rule.id).toBe(`vedtak/mangler-${rule.options.element as string}`)
  })

  it('are errors for legal requirements and warnings for good practice', () => {
    const warnings = elementRules.filter((rule) => rule.level === 'warning').map((rule) => rule.options.element).sort()
    expect(warnings).toEqual(['betaling', 'innhold', 'klagehjelp', 'kontakt', 'start', 'utsatt-iverksetting', 'varighet'])
    expect(elementRules.every((rule) => rule.level === 'error' || rule.level === 'warning')).toBe(true)
  })

  it('cite the law in their note and basis', () => {
    for (const rule of elementRules) {
      expect(rule.options.basis, rule.id).toMatch(/§|IS-2442|forskrift|god praksis/)
      expect(rule.note, rule.id).toMatch(/§|IS-2442|forskrift|språkprofiler/)
    }
  })
})

describe.each(Object.entries(CASES))('%s', (element, { context, present, absent }) => {
  it('has at least 3 present and 2 absent phrasings', () => {
    expect(present.length).toBeGreaterThanOrEqual(3)
    expect(absent.length).toBeGreaterThanOrEqual(2)
  })

  it('the context alone lacks it', () => {
    const { result } = check(element, context)
    expect(result).toMatchObject({ applies: true, present: false })
  })

  it.each(present)('present: %s', (phrase) => {
    const text = `${context}\n\n${phrase}`
    const { report, result } = check(element, text)
    expect(result).toMatchObject({ applies: true, present: true })
    // The evidence is a sentence of the phrase, not of the context.
    expect(result.evidence!.start.offset).toBeGreaterThanOrEqual(context.length)
    expect(report.diagnostics).toEqual([])
  })

  it.each(absent)('absent: %s', (phrase) => {
    const { report, result } = check(element, `${context}\n\n${phrase}`)
    expect(result).toMatchObject({ applies: true, present: false })
    expect(result.evidence).toBeUndefined()
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual([`vedtak/mangler-${element}`])
  })
})

describe('when an element applies', () => {
  const applies = (element: string, text: string): boolean => check(element, text).result.applies

  it('omfang, innhold, varighet and betaling only when something is granted from now on', () => {
    for (const element of ['omfang', 'innhold', 'varighet', 'betaling']) {
      expect(applies(element, GRANT), element).toBe(true)
      expect(applies(element, REDUCTION), element).toBe(true)
      expect(applies(element, 'Vedtak\n\nSøknaden din om praktisk bistand er delvis innvilget.'), element).toBe(true)
      expect(applies(element, 'Vedtak\n\nSøknaden din om praktisk bistand er avslått.'), element).toBe(false)
      expect(applies(element, 'Vedtak\n\nVi stanser praktisk bistand fra 1. juni 2025.'), element).toBe(false)
    }
  })

  it('start also when a service is stopped (from when?), not when it is refused', () => {
    expect(applies('start', 'Vedtak\n\nVi stanser praktisk bistand.')).toBe(true)
    expect(applies('start', 'Vedtak\n\nSøknaden din om praktisk bistand er avslått.')).toBe(false)
  })

  it('betaling not for omsorgsstønad, which the municipality pays', () => {
    expect(applies('betaling', 'Vedtak om omsorgsstønad\n\nSøknaden din er innvilget.')).toBe(false)
    expect(applies('betaling', 'Vedtak\n\nDu får omsorgsstønad. Søknaden din er innvilget.')).toBe(false)
  })

  it('forhandsvarsel and utsatt-iverksetting only when a service is reduced or stopped', () => {
    for (const element of ['forhandsvarsel', 'utsatt-iverksetting']) {
      expect(applies(element, REDUCTION), element).toBe(true)
      expect(applies(element, 'Vedtak\n\nVi stanser praktisk bistand fra 1. juni 2025.'), element).toBe(true)
      expect(applies(element, GRANT), element).toBe(false)
      expect(applies(element, 'Vedtak\n\nSøknaden din er avslått.'), element).toBe(false)
      // Not applicable: no finding, whatever the letter says.
      expect(check(element, GRANT).report.diagnostics).toEqual([])
    }
  })

  it('venteliste only when a long-term stay is refused', () => {
    expect(applies('venteliste', LONGTERM_REFUSAL)).toBe(true)
    expect(applies('venteliste', 'Vedtak om langtidsopphald i sjukeheim\n\nSøknaden om langtidsopphald vert avslått.')).toBe(true)
    expect(applies('venteliste', 'Vedtak\n\nSøknaden din om sykehjemsplass er avslått.')).toBe(true)
    expect(applies('venteliste', 'Du får ikke korttidsopphold\n\nSøknaden din om korttidsopphold på sykehjem er avslått.')).toBe(false)
    expect(applies('venteliste', 'Du får fast plass på sykehjem\n\nSøknaden din om langtidsopphold er innvilget.')).toBe(false)
  })

  it('everything else always', () => {
    for (const element of ['vedtak', 'utfall', 'tjeneste', 'hjemmel', 'fakta', 'begrunnelse', 'klagerett', 'klagefrist', 'klageinstans', 'klagemate', 'klagehjelp', 'innsyn', 'kontakt']) {
      expect(applies(element, 'Vedtak\n\nSøknaden din er avslått.'), element).toBe(true)
      expect(applies(element, REDUCTION), element).toBe(true)
    }
  })
})

describe('a missing element', () => {
  it('is reported once, at the decision sentence, with what to write', () => {
    const report = lintWith([ruleOf('klagefrist')], 'Brev fra kommunen\n\nVi viser til søknaden din.\nDu får hjemmehjelp tre timer i uka. Du kan klage.', 'nb', 'vedtak')
    expect(report.diagnostics).toHaveLength(1)
    expect(report.diagnostics[0]).toMatchObject({
      ruleId: 'vedtak/mangler-klagefrist',
      severity: 'error',
      actual: 'Du får hjemmehjelp tre timer i uka.',
      message: 'Vedtaket sier ikke hvor lang klagefristen er. Skriv for eksempel: «Fristen for å klage er fire uker fra du fikk dette brevet.»',
    })
    expect(report.diagnostics[0]!.note).toMatch(/pasient- og brukerrettighetsloven § 7-5/)
  })

  it('is reported at the first heading when there is no decision sentence', () => {
    const report = lintWith([ruleOf('klagefrist')], 'Lillevik kommune\n\nOm hjemmesykepleie\n\nVi har fått brevet ditt.', 'nb', 'vedtak')
    expect(report.diagnostics.map((d) => d.actual)).toEqual(['Lillevik kommune'])
  })

  it('is reported at the first sentence when there is neither', () => {
    const report = lintWith([ruleOf('klagefrist')], 'Vi har fått brevet ditt. Vi svarer snart.', 'nb', 'vedtak')
    expect(report.diagnostics.map((d) => d.actual)).toEqual(['Vi har fått brevet ditt.'])
  })

  it('is a warning for good practice', () => {
    const report = lintWith([ruleOf('kontakt')], GRANT, 'nb', 'vedtak')
    expect(report.diagnostics.map((d) => d.severity)).toEqual(['warning'])
  })
})

describe('detection', () => {
  it('tolerates hard-wrapped lines', () => {
    const { result } = check('klagefrist', `${GRANT}\n\nDu kan klage. Fristen for å klage er fire\nuker fra du fikk dette brevet.`)
    expect(result.present).toBe(true)
    expect(result.evidence!.text).toBe('Fristen for å klage er fire uker fra du fikk dette brevet.')
  })

  it('takes the first matching sentence as evidence', () => {
    const { result } = check('klagerett', `${GRANT}\n\nDu kan klage.\n\nDu har rett til å klage.`)
    expect(result.evidence).toMatchObject({ text: 'Du kan klage.', start: { line: 5, column: 1 } })
  })
})

describe('the checklist', () => {
  const letter = `Du får hjemmehjelp tre timer i uka

Vi har bestemt at du får praktisk bistand tre timer i uka. Hjelpen starter 2. juni 2025.

Du kan klage. Fristen for å klage er fire uker.`

  it('follows the issue order whatever order the rules run in', () => {
    for (const order of [elementRules, [...elementRules].reverse()]) {
      const report = lintWith(order, letter, 'nb', 'vedtak')
      expect(report.vedtak!.elements.map((e) => e.id)).toEqual(ELEMENT_ORDER)
    }
  })

  it('carries label, basis, level and evidence in the JSON report', () => {
    const report = lintWith(elementRules, letter, 'nb', 'vedtak')
    const klagefrist = report.vedtak!.elements.find((e) => e.id === 'klagefrist')
    expect(klagefrist).toEqual({
      id: 'klagefrist',
      label: 'Klagefrist',
      applies: true,
      present: true,
      basis: 'forvaltningsloven § 27 og pasient- og brukerrettighetsloven § 7-5',
      level: 'error',
      evidence: {
        start: { line: 5, column: 15, offset: expect.any(Number) },
        end: { line: 5, column: 48, offset: expect.any(Number) },
        text: 'Fristen for å klage er fire uker.',
      },
    })
    const omfang = report.vedtak!.elements.find((e) => e.id === 'omfang')!
    expect(omfang.present).toBe(true)
    const innsyn = report.vedtak!.elements.find((e) => e.id === 'innsyn')!
    expect(innsyn).toMatchObject({ present: false, applies: true })
    expect(innsyn.evidence).toBeUndefined()
  })

  it('is not made for general text', () => {
    const engine = new Engine(elementRules)
    const result = engine.lint(loadText('brosjyre.txt', 'Du kan søke om hjemmesykepleie.'), { language: 'nb', profile: 'general' })
    expect(result.vedtak).toBeUndefined()
    expect(result.findings).toEqual([])
  })

  it('places elements by the canonical order, unknown ids last, replacing a repeated id', () => {
    const vedtak: VedtakResult = { detected: true, elements: [] }
    const element = (id: string, present = true) => ({ id, label: id, applies: true, present, basis: '', level: 'error' as const })
    for (const id of ['klagefrist', 'egen-regel', 'vedtak', 'venteliste', 'omfang']) recordElement(vedtak, element(id))
    recordElement(vedtak, element('omfang', false))
    expect(vedtak.elements.map((e) => e.id)).toEqual(['vedtak', 'omfang', 'klagefrist', 'venteliste', 'egen-regel'])
    expect(vedtak.elements[1]!.present).toBe(false)
  })
})

describe('the appeal body', () => {
  const letter = `${GRANT}\n\nSend klagen til oss.`

  it('is Statsforvalteren by default', () => {
    const report = lintWith([ruleOf('klageinstans')], letter, 'nb', 'vedtak')
    expect(report.diagnostics[0]!.message).toContain('sender vi klagen til Statsforvalteren, som avgjør saken')
  })

  it('is set by the municipality in .klarsprak.yml and used in the message and detection', async () => {
    const root = tempTree({
      '.klarsprak.yml': 'settings:\n  vedtak/mangler-klageinstans: { name: Statsforvalteren i Vestfold og Telemark }\n',
      'mangler.txt': letter,
      'har.txt': `${GRANT}\n\nHvis vi ikke endrer vedtaket, avgjør Statsforvalteren i Vestfold og Telemark klagen.`,
    })
    const result = await run(['mangler.txt', 'har.txt', '--profile', 'vedtak', '--format', 'json'], { cwd: root })
    const files = JSON.parse(result.stdout).files as Array<{ path: string; diagnostics: Array<{ ruleId: string; message: string }> }>
    const messages = (path: string) => files.find((f) => f.path === path)!.diagnostics.filter((d) => d.ruleId === 'vedtak/mangler-klageinstans').map((d) => d.message)
    expect(messages('mangler.txt')).toEqual([
      'Vedtaket sier ikke hvem som avgjør klagen. Skriv for eksempel: «Endrer vi ikke vedtaket, sender vi klagen til Statsforvalteren i Vestfold og Telemark, som avgjør saken».',
    ])
    expect(messages('har.txt')).toEqual([])
  })

  it('matches the configured name literally, across line breaks', () => {
    const engine = new Engine([ruleOf('klageinstans')], { 'vedtak/mangler-klageinstans': { options: { name: 'Klagenemnda (helse)' } } })
    const result = engine.lint(loadText('x.txt', `${GRANT}\n\nSend klagen til oss. Vi sender den videre til Klagenemnda\n(helse).`), { language: 'nb', profile: 'vedtak' })
    expect(result.vedtak!.elements[0]!.present).toBe(true)
  })
})

describe('rule files of type vedtak-element', () => {
  const base = `type: vedtak-element
level: error
element: test
label: Test
basis: test
description: Test
message: Mangler
note: Test.
source: Test
examples:
  valid: ["Ok."]
  invalid:
    - text: "x"
      messages: ["x"]
`
  const parse = (extra: string) => parseRuleFile(`${base}${extra}`, 'vedtak/test.yml', 'vedtak/test', 'vedtak')

  it('need detect and accept require, exclude, unless, when and name', () => {
    const rule = parse("detect: ['\\bx\\b']\nrequire: ['\\d']\nexclude: ['y']\nunless: ['z']\nwhen: reduction\nname: Noen\n")
    expect(rule.profile).toBe('vedtak')
    expect(rule.options).toMatchObject({ element: 'test', when: 'reduction', name: 'Noen' })
    expect(() => parse('')).toThrow(/mangler «detect»/)
  })

  it('report a bad condition, a bad pattern and {{name}} without a name', () => {
    expect(() => parse("detect: ['x']\nwhen: sometimes\n")).toThrow(/«when» må være en av: always, reduction, longterm-refusal, not-refusal, grant/)
    expect(() => parse("detect: ['x', '(']\n")).toThrow(/«detect» mønster 2 er ikke et gyldig regulært uttrykk/)
    expect(() => parse("detect: ['{{name}}']\n")).toThrow(/mønster 1 bruker \{\{name\}\}, men regelen har ikke «name»/)
    expect(() => parse("detect: ['x']\nelement: Ikke Gyldig\n")).toThrow()
  })
})
