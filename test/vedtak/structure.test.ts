import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Engine } from '../../src/engine.js'
import { loadText } from '../../src/input/text.js'
import { analyse } from '../../src/language/segment.js'
import { lintDocument } from '../../src/lint.js'
import { parseBuiltinRules } from '../../src/rules/builtin.js'
import { parseRuleFile } from '../../src/rules/load.js'
import type { RuleDef } from '../../src/rules/schema.js'
import type { Diagnostic, Language } from '../../src/types.js'
import { blockText, layoutOf } from '../../src/vedtak/sections.js'
import { lintWith } from '../helpers.js'

/** The order, form and legal-currency rules of issue 4 (not the vedtak/mangler-* elements). */
const MINE = [
  'vedtak/resultat-forst',
  'vedtak/overskrift',
  'vedtak/rekkefolge',
  'vedtak/lovhenvisninger',
  'vedtak/vag-omfang',
  'vedtak/klagefrist-uker',
  'vedtak/utdatert-klageinstans',
  'vedtak/utdatert-lov',
  'vedtak/utdatert-navn',
  'vedtak/utdatert-omsorgslonn',
  'vedtak/utdatert-sosialtjenestelov',
  'vedtak/frist-uten-dato',
]

const { rules, errors } = await parseBuiltinRules()
const mine = rules.filter((rule) => MINE.includes(rule.id))
const ruleOf = (id: string): RuleDef => {
  const rule = mine.find((candidate) => candidate.id === `vedtak/${id}`)
  if (!rule) throw new Error(`no rule vedtak/${id}`)
  return rule
}

/** Lint a letter with one rule, reviewed as a decision letter. */
function lint(id: string, text: string, language: Language = 'nb'): Diagnostic[] {
  return lintWith([ruleOf(id)], text, language, 'vedtak').diagnostics
}

const actuals = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => d.actual.replace(/\s+/g, ' '))

const LETTERHEAD = 'Lillevik kommune\nTildelingskontoret\nDato: 12. mars 2025\nSaksnummer: 25/1234\n\nIngrid Solheim\nStrandveien 14\n4799 Lillevik\n\n'

describe('the rule files', () => {
  it('load without errors and are all decision-letter rules', () => {
    expect(errors.map((error) => error.format()).filter((line) => /vedtak\/(?!mangler-)/.test(line))).toEqual([])
    expect(mine.map((rule) => rule.id).sort()).toEqual([...MINE].sort())
    for (const rule of mine) expect(rule.profile).toBe('vedtak')
  })

  it('run their own examples as decision letters', () => {
    for (const rule of mine) {
      for (const text of rule.examples.valid) expect(lintWith([rule], text, 'nb', 'vedtak').diagnostics, `${rule.id}: ${text}`).toEqual([])
      for (const example of rule.examples.invalid) {
        const lines = lintWith([rule], example.text, 'nb', 'vedtak').diagnostics.map(
          (d) => `${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column}: ${d.message}`,
        )
        expect(lines, rule.id).toEqual(example.messages)
      }
    }
  })

  it('do not run on general text', () => {
    const text = 'Vedtaket kan påklages til Fylkesmannen innen tre uker. Du får hjemmesykepleie etter behov.\n'
    expect(lintWith(mine, text, 'nb', 'general').diagnostics).toEqual([])
  })
})

describe('vedtak-structure rule files are validated', () => {
  const base = readFileSync(new URL('../../rules/vedtak/klagefrist-uker.yml', import.meta.url), 'utf8')
  const problems = (source: string): string[] => {
    try {
      parseRuleFile(source, 'x.yml', 'vedtak/x', 'vedtak')
      return []
    } catch (error) {
      return (error as Error).message.split('\n')
    }
  }

  it('rejects an unknown check', () => {
    expect(problems(base.replace('check: complaint-deadline', 'check: frist')).join()).toMatch(/ukjent sjekk «frist»/)
  })

  it('rejects a missing required key and a key another check uses', () => {
    expect(problems(base.replace(/^weeks: 4\n/m, '')).join()).toMatch(/trenger nøkkelen «weeks»/)
    expect(problems(base.replace('weeks: 4', 'weeks: 4\nparagraphs: 2')).join()).toMatch(/«paragraphs» brukes ikke av «complaint-deadline»/)
  })

  it('rejects a bad number table and a bad regular expression', () => {
    expect(problems(base.replace('  tre: 3', '  tre: tre')).join()).toMatch(/«tre» må ha et heltall over 0/)
    const order = readFileSync(new URL('../../rules/vedtak/lovhenvisninger.yml', import.meta.url), 'utf8')
    expect(problems(order.replace("  - '\\bjamfør\\b'", "  - '(jamfør'")).join()).toMatch(/ugyldig regulært uttrykk/)
  })
})

describe('letter layout', () => {
  it('finds the main heading after the letterhead, the body and the closing', () => {
    const text = `${LETTERHEAD}Vedtak om praktisk bistand\n\nDu får tre timer i uka.\n\nHar du spørsmål?\n\nRing oss.\n\nMed vennlig hilsen\n\nMari Holm\n`
    const analysis = analyse(loadText('x.txt', text))
    const layout = layoutOf(analysis)
    expect(blockText(analysis, layout.heading!)).toBe('Vedtak om praktisk bistand')
    expect(blockText(analysis, layout.body)).toBe('Du får tre timer i uka.')
    expect(blockText(analysis, layout.end)).toBe('Med vennlig hilsen')
    expect(layout.sections.map((block) => blockText(analysis, block))).toEqual(['Har du spørsmål?'])
  })

  it('starts the body at the first real prose when no heading names the letter', () => {
    const text = `${LETTERHEAD}Vi har fått søknaden din om hjelp i hjemmet.\n\nDu får tre timer i uka.\n`
    const analysis = analyse(loadText('x.txt', text))
    expect(blockText(analysis, layoutOf(analysis).body)).toBe('Vi har fått søknaden din om hjelp i hjemmet.')
  })
})

describe('vedtak/resultat-forst: the decision first', () => {
  it('accepts a decision in the heading or the first paragraph', () => {
    expect(lint('resultat-forst', `${LETTERHEAD}Du får praktisk bistand\n\nVurdering\n\nDu har vondt i ryggen.\n\nDu får hjelp tre timer i uka.\n`)).toEqual([])
    expect(lint('resultat-forst', `${LETTERHEAD}Vedtak om praktisk bistand\n\nSøknaden din om praktisk bistand er innvilget.\n\nVurdering\n\nDu har vondt i ryggen.\n`)).toEqual([])
    expect(lint('resultat-forst', `${LETTERHEAD}Vedtak om avlasting\n\nVi har fått søknaden din.\n\nSøknaden din om avlasting er innvilga.\n\nGrunngiving\n\nOmsorga er tung.\n`, 'nn')).toEqual([])
  })

  it('flags a decision that comes only after the assessment or the law (bokmål)', () => {
    const text = `${LETTERHEAD}Vedtak om praktisk bistand\n\nVi viser til søknaden din.\n\nVurdering\n\nDu har vondt i ryggen og klarer ikke å vaske selv.\n\nLovgrunnlag\n\nDu har rett til hjelp når du ikke klarer deg selv.\n\nVedtak\n\nSøknaden din om praktisk bistand er innvilget.\n`
    const found = lint('resultat-forst', text)
    expect(actuals(found)).toEqual(['Søknaden din om praktisk bistand er innvilget.'])
    expect(found[0]!.message).toContain('(etter «Vurdering»)')
    expect(found[0]!.severity).toBe('error')
  })

  it('flags a decision after a facts section (nynorsk)', () => {
    const text = `${LETTERHEAD}Vedtak om langtidsopphald\n\nDet vert vist til søknaden.\n\nSaksopplysningar\n\nDu klarer deg godt heime.\n\nSøknaden om langtidsopphald vert avslått.\n`
    expect(lint('resultat-forst', text, 'nn').map((d) => d.message)).toEqual([
      expect.stringContaining('(etter «Saksopplysningar»)'),
    ])
  })

  it('flags a decision buried below the first paragraphs, and finds «Du innvilges …» from rule data', () => {
    const text = `${LETTERHEAD}Vedtak om omsorgsstønad\n\nDet vises til søknaden din om omsorgsstønad.\n\nVi har vært hjemme hos deg og snakket med fastlegen.\n\nVi har lagt vekt på at du gir mye omsorg om natten.\n\nDu innvilges omsorgsstønad med 20 timer per måned.\n`
    const found = lint('resultat-forst', text)
    expect(actuals(found)).toEqual(['Du innvilges omsorgsstønad med 20 timer per måned.'])
    expect(found[0]!.message).toContain('(i avsnitt 4)')
  })

  it('says nothing when no decision is found (vedtak/mangler-utfall reports that)', () => {
    expect(lint('resultat-forst', `${LETTERHEAD}Vedtak om praktisk bistand\n\nVurdering\n\nDu har vondt i ryggen.\n`)).toEqual([])
  })
})

describe('vedtak/overskrift: the heading states the outcome', () => {
  it('accepts plain outcome headings', () => {
    for (const heading of ['Du får praktisk bistand', 'Du får ikke omsorgsstønad', 'Vedtak: Du får BPA 32 timer i uka', 'Hjemmehjelp fra 1. mai']) {
      expect(lint('overskrift', `${LETTERHEAD}${heading}\n\nSøknaden din om praktisk bistand er innvilget.\n`), heading).toEqual([])
    }
    expect(lint('overskrift', `${LETTERHEAD}Du får ikkje omsorgsstønad\n\nSøknaden din om omsorgsstønad er avslått.\n`, 'nn')).toEqual([])
  })

  it('flags «Vedtak om … §» with a suggestion built from the decision', () => {
    const found = lint('overskrift', `${LETTERHEAD}Vedtak om praktisk bistand – hol. § 3-2 første ledd nr. 6 bokstav b\n\nSøknaden din om praktisk bistand er innvilget.\n`)
    expect(actuals(found)).toEqual(['Vedtak om praktisk bistand – hol. § 3-2 første ledd nr. 6 bokstav b'])
    expect(found[0]!.expected).toEqual(['Du får praktisk bistand'])
  })

  it('flags a heading that only names the service, in bokmål and nynorsk', () => {
    const nb = lint('overskrift', `${LETTERHEAD}Vedtak om omsorgsstønad\n\nSøknaden din om omsorgsstønad er avslått.\n`)
    expect(nb.map((d) => d.expected)).toEqual([['Du får ikke omsorgsstønad']])
    const nn = lint('overskrift', `${LETTERHEAD}Vedtak – heimesjukepleie\n\nSøknaden din om heimesjukepleie er avslått.\n`, 'nn')
    expect(nn.map((d) => d.expected)).toEqual([['Du får ikkje heimesjukepleie']])
  })

  it('flags a law name or § even in a heading that states the outcome', () => {
    const found = lint('overskrift', `${LETTERHEAD}Du får praktisk bistand etter helse- og omsorgstjenesteloven\n\nSøknaden din er innvilget.\n`)
    expect(found).toHaveLength(1)
  })

  it('gives no suggestion when the decision is not found', () => {
    const found = lint('overskrift', `${LETTERHEAD}Vedtak om tildeling av praktisk bistand\n\nVi viser til søknaden din.\n`)
    expect(found).toHaveLength(1)
    expect(found[0]!.expected).toBeUndefined()
  })
})

describe('vedtak/rekkefolge: recommended section order', () => {
  const letter = (...sections: string[]): string =>
    `${LETTERHEAD}Du får praktisk bistand\n\nDu får hjelp til å vaske huset tre timer i uka.\n\n${sections.map((heading) => `${heading}\n\nTekst om dette.\n\n`).join('')}Med vennlig hilsen\n\nMari Holm\n`

  it('accepts the recommended order, with unknown sections anywhere', () => {
    expect(lint('rekkefolge', letter('Dette har vi lagt vekt på', 'Hva koster hjelpen?', 'Du kan klage', 'Har du spørsmål?', 'Lover og regler'))).toEqual([])
    expect(lint('rekkefolge', letter('Begrunnelse', 'Vurdering', 'Klageadgang', 'Kontakt', 'Lovgrunnlag'))).toEqual([])
    expect(lint('rekkefolge', letter('Kvifor får du avlasting?', 'Dersom du er usamd', 'Har du spørsmål?', 'Lover og reglar'), 'nn')).toEqual([])
  })

  it('flags the law section in the middle', () => {
    const found = lint('rekkefolge', letter('Begrunnelse', 'Lovgrunnlag', 'Du kan klage', 'Har du spørsmål?'))
    expect(actuals(found)).toEqual(['Lovgrunnlag'])
    expect(found[0]!.message).toMatch(/^«Lovgrunnlag» \(lover og regler\) bør stå etter «Har du spørsmål\?» \(kontakt\)/)
  })

  it('flags reasons after the complaint information (nynorsk), one finding per deviation', () => {
    const found = lint('rekkefolge', letter('Klagerett', 'Grunngiving', 'Har du spørsmål?'), 'nn')
    expect(actuals(found)).toEqual(['Grunngiving'])
    expect(found[0]!.message).toMatch(/bør stå før «Klagerett» \(klage\)/)
  })

  it('ignores headings about a new assessment or the waiting list', () => {
    expect(lint('rekkefolge', letter('Dette har vi lagt vekt på', 'Du kan klage', 'Ny vurdering', 'Har du spørsmål?'))).toEqual([])
  })
})

describe('vedtak/lovhenvisninger: legal references out of running text', () => {
  const head = `${LETTERHEAD}Du får praktisk bistand\n\nDu får hjelp til å vaske huset tre timer i uka.\n\n`

  it('flags any reference in the opening paragraph', () => {
    const found = lint('lovhenvisninger', `${LETTERHEAD}Vedtak om praktisk bistand\n\nSøknaden er behandlet etter pasient- og brukerrettighetsloven (pbrl.) § 2-1 a.\n\nDu får tre timer i uka.\n`)
    expect(actuals(found)).toEqual(['pasient- og brukerrettighetsloven (pbrl.) § 2-1 a'])
    expect(found[0]!.message).toContain('første avsnitt (1)')
  })

  it('flags two references in one sentence, not one', () => {
    expect(lint('lovhenvisninger', `${head}Vedtaket er gjort etter helse- og omsorgstjenesteloven § 3-2.\n`)).toEqual([])
    const found = lint('lovhenvisninger', `${head}Vedtaket er gjort etter hol. § 3-2 første ledd nr. 6 bokstav b, jf. pbrl. § 2-1 a andre ledd.\n`)
    expect(actuals(found)).toEqual(['hol. § 3-2 første ledd nr. 6 bokstav b, jf. pbrl. § 2-1 a'])
    expect(found[0]!.message).toContain('samme setning (2)')
  })

  it('counts a law with its sections as one reference', () => {
    for (const sentence of [
      'Du kan klage etter pasient- og brukerrettighetsloven § 7-2 og § 7-5.',
      'Du har rett til innsyn etter forvaltningsloven §§ 18 og 19.',
      'Klagefristen står i § 7-5 i pasient- og brukerrettighetsloven.',
      'Du kan klage innan fire veker, jf. pasient- og brukarrettslova § 7-5.',
    ]) {
      expect(lint('lovhenvisninger', `${head}${sentence}\n`), sentence).toEqual([])
    }
  })

  it('flags three references in a nynorsk sentence', () => {
    const found = lint('lovhenvisninger', `${head}Vedtaket er gjort med heimel i pasient- og brukarrettslova § 2-1 e, jf. helse- og omsorgstenestelova § 3-2 a og forskrift om tildeling av langtidsopphald.\n`, 'nn')
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('samme setning (3)')])
  })

  it('leaves the «Lover og regler» section at the end alone, but not one in the middle', () => {
    const laws = 'Vedtaket bygger på helse- og omsorgstjenesteloven § 3-2, jf. pasient- og brukerrettighetsloven § 2-1 a.\n\n'
    expect(lint('lovhenvisninger', `${head}Du kan klage\n\nFristen er fire uker.\n\nLover og regler\n\n${laws}Med vennlig hilsen\n`)).toEqual([])
    expect(lint('lovhenvisninger', `${head}Lover og regler\n\n${laws}Du kan klage\n\nFristen er fire uker.\n`)).toHaveLength(1)
  })
})

describe('vedtak/vag-omfang: vague extent and duration', () => {
  it('flags «etter behov» and «inntil videre» without a review or end date', () => {
    const found = lint('vag-omfang', `${LETTERHEAD}Vedtak om hjemmesykepleie\n\nDu får hjemmesykepleie etter behov. Vedtaket gjelder inntil videre.\n`)
    expect(actuals(found)).toEqual(['etter behov', 'inntil videre'])
  })

  it('flags nynorsk «inntil vidare»', () => {
    expect(actuals(lint('vag-omfang', `${LETTERHEAD}Vedtak om avlasting\n\nDu får avlasting. Vedtaket gjeld inntil vidare.\n`, 'nn'))).toEqual(['inntil vidare'])
  })

  it('accepts them when the letter gives an end date or a review date', () => {
    for (const sentence of [
      'Vedtaket gjelder til og med 31. mars 2026.',
      'Vi vurderer behovet ditt på nytt innen 1. mars 2026.',
      'Vedtaket gjelder fram til 31.10.2025.',
      'Vi evaluerer hjelpen sammen med deg etter seks måneder.',
    ]) {
      const text = `${LETTERHEAD}Vedtak om hjemmesykepleie\n\nDu får hjemmesykepleie etter behov. Vedtaket gjelder inntil videre. ${sentence}\n`
      expect(lint('vag-omfang', text), sentence).toEqual([])
    }
    expect(lint('vag-omfang', `${LETTERHEAD}Vedtak om avlasting\n\nVedtaket gjeld inntil vidare. Vi vurderer behovet ditt på nytt innan 1. mars 2026.\n`, 'nn')).toEqual([])
  })

  it('leaves sentences that are not about the service alone', () => {
    expect(lint('vag-omfang', `${LETTERHEAD}Du får trygghetsalarm\n\nRing oss ved behov.\n\nVed behov for bistand til å skrive klagen kan du kontakte oss.\n`)).toEqual([])
  })
})

describe('vedtak/klagefrist-uker: four weeks under pasient- og brukerrettighetsloven', () => {
  const letter = (sentence: string): string => `${LETTERHEAD}Du får praktisk bistand\n\nDu får hjelp tre timer i uka.\n\n${sentence}\n`

  it('flags three weeks in bokmål and nynorsk, in words, digits and days', () => {
    const cases: Array<[string, string, Language, string]> = [
      ['Klagefristen er tre uker fra du fikk dette brevet.', 'tre uker', 'nb', 'fire uker'],
      ['Du kan klage innen 3 uker.', '3 uker', 'nb', 'fire uker'],
      ['Fristen for å klage er tre veker.', 'tre veker', 'nn', 'fire veker'],
      ['Klagen må være sendt innen 21 dager.', '21 dager', 'nb', 'fire uker'],
    ]
    for (const [sentence, actual, language, expected] of cases) {
      const found = lint('klagefrist-uker', letter(sentence), language)
      expect(found.map((d) => [d.actual, d.severity, d.expected]), sentence).toEqual([[actual, 'error', [expected]]])
      expect(found[0]!.message).toContain('pasient- og brukerrettighetsloven § 7-5')
    }
  })

  it('accepts four weeks and other deadlines in the letter', () => {
    for (const sentence of [
      'Fristen for å klage er fire uker fra du fikk dette brevet.',
      'Du kan klage innen 28 dager.',
      'Får du medhold i klagen, kan du søke om å få dekket sakskostnader innen tre uker.',
      'Du får svar på klagen innen tre uker.',
      'Du får hjelp i tre uker.',
    ]) {
      expect(lint('klagefrist-uker', letter(sentence)), sentence).toEqual([])
    }
  })

  it('leaves letters that are not about health and care services alone', () => {
    expect(lint('klagefrist-uker', 'Vedtak om byggetillatelse\n\nDu får bygge garasjen. Du kan klage innen tre uker.\n')).toEqual([])
  })

  it('takes the number of weeks and the law from the rule file', () => {
    const source = readFileSync(new URL('../../rules/vedtak/klagefrist-uker.yml', import.meta.url), 'utf8')
      .replace('weeks: 4', 'weeks: 3')
      .replace('law: pasient- og brukerrettighetsloven § 7-5', 'law: forvaltningsloven § 29')
      .replace(/^examples:[\s\S]*$/m, 'examples:\n  valid: ["Ok."]\n  invalid:\n    - text: "x"\n      messages: ["x"]\n')
    const rule = parseRuleFile(source, 'fvl.yml', 'kommune/klagefrist-fvl', 'kommune')
    const found = lintWith([rule], letter('Du kan klage innen fire uker.'), 'nb', 'vedtak').diagnostics
    expect(found.map((d) => d.message)).toEqual([
      'Klagefristen er 3 uker for vedtak om helse- og omsorgstjenester (forvaltningsloven § 29), ikke «fire uker».',
    ])
    expect(lintWith([rule], letter('Du kan klage innen tre uker.'), 'nb', 'vedtak').diagnostics).toEqual([])
  })
})

describe('legal currency: red flags', () => {
  it('Fylkesmannen, fylkeslegen and Helsetilsynet i fylket → Statsforvalteren', () => {
    const found = lint('utdatert-klageinstans', 'Vedtaket kan påklages til Fylkesmannen i Vestland. Klagen går videre til fylkeslegen. Klaga vert send til Helsetilsynet i fylket.')
    expect(found.map((d) => [d.actual, d.expected, d.severity])).toEqual([
      ['Fylkesmannen', ['Statsforvalteren'], 'error'],
      ['fylkeslegen', ['Statsforvalteren'], 'error'],
      ['Helsetilsynet i fylket', ['Statsforvalteren'], 'error'],
    ])
    expect(lint('utdatert-klageinstans', 'Statsforvalteren (tidligere Fylkesmannen) avgjør klagen. Helsetilsynet fører tilsyn.')).toEqual([])
  })

  it('kommunehelsetjenesteloven is repealed', () => {
    const found = lint('utdatert-lov', 'Vedtaket er gjort etter kommunehelsetjenesteloven § 2-1 og lov om helsetjenesten i kommunene.')
    expect(found.map((d) => [d.actual, d.expected, d.severity])).toEqual([
      ['kommunehelsetjenesteloven', ['helse- og omsorgstjenesteloven'], 'error'],
      ['lov om helsetjenesten i kommunene', ['helse- og omsorgstjenesteloven'], 'error'],
    ])
    expect(lint('utdatert-lov', 'Vedtaket er gjort etter kommunehelsetenestelova.', 'nn').map((d) => d.expected)).toEqual([['helse- og omsorgstenestelova']])
  })

  it('pasientrettighetsloven has a new name', () => {
    const found = lint('utdatert-navn', 'Retten følger av pasientrettighetsloven § 2-1.')
    expect(found.map((d) => [d.actual, d.expected, d.severity])).toEqual([['pasientrettighetsloven', ['pasient- og brukerrettighetsloven'], 'warning']])
  })

  it('omsorgslønn is now omsorgsstønad, except where the old name is explained', () => {
    expect(actuals(lint('utdatert-omsorgslonn', 'De innvilges omsorgslønn. Omsorgslønnen utbetales etterskuddsvis.'))).toEqual(['omsorgslønn', 'Omsorgslønnen'])
    expect(actuals(lint('utdatert-omsorgslonn', 'Omsorgsløna blir utbetalt kvar månad.', 'nn'))).toEqual(['Omsorgsløna'])
    for (const text of ['Vedtak om omsorgsstønad (tidl. omsorgslønn)', 'Du får omsorgsstønad (tidligere omsorgslønn).', 'Omsorgsstønad het før omsorgslønn.']) {
      expect(lint('utdatert-omsorgslonn', text), text).toEqual([])
    }
  })

  it('sosialtjenesteloven only for care services or with an old section number', () => {
    expect(actuals(lint('utdatert-sosialtjenestelov', 'Vedtaket er fattet i medhold av lov om sosiale tjenester § 4-2 bokstav d.'))).toEqual(['lov om sosiale tjenester'])
    expect(actuals(lint('utdatert-sosialtjenestelov', 'Du får praktisk bistand etter sosialtjenesteloven.'))).toEqual(['sosialtjenesteloven'])
    expect(actuals(lint('utdatert-sosialtjenestelov', 'Sosialtenestelova gir deg rett til avlasting.', 'nn'))).toEqual(['Sosialtenestelova'])
    expect(lint('utdatert-sosialtjenestelov', 'Du kan også søke om økonomisk sosialhjelp etter sosialtjenesteloven § 18.')).toEqual([])
    expect(lint('utdatert-sosialtjenestelov', 'NAV behandler saken etter lov om sosiale tjenester i arbeids- og velferdsforvaltningen.')).toEqual([])
  })

  it('deadlines as dates, not «så snart som mulig»', () => {
    expect(actuals(lint('frist-uten-dato', 'Hjelpen starter så snart som mulig. Vi behandler klagen innen rimelig tid.'))).toEqual([
      'så snart som mulig',
      'innen rimelig tid',
    ])
    expect(actuals(lint('frist-uten-dato', 'Tenesta startar så fort som mogleg.', 'nn'))).toEqual(['så fort som mogleg'])
    expect(lint('frist-uten-dato', 'Si fra så snart som mulig hvis helsen din endrer seg.')).toEqual([])
  })
})

describe('fixtures/vedtak: deficient letters get the expected findings, complete ones none', () => {
  const DIR = new URL('../../fixtures/vedtak/', import.meta.url)
  const AFTER = new URL('../../fixtures/after/', import.meta.url)
  const engine = new Engine(mine)
  const findings = (url: URL): string[] => {
    const text = readFileSync(url, 'utf8')
    return lintDocument(loadText(url.pathname, text), { engine, profile: 'vedtak' }).diagnostics.map((d) => `${d.start.line} ${d.ruleId}`)
  }
  const present = (name: string): boolean => existsSync(new URL(name, DIR))

  /** Letters written in good order and form: precision first, none of these rules may fire. */
  const complete = [
    'avlastning-innvilget-nn.txt',
    'bpa-innvilget-nb.txt',
    'hjemmesykepleie-innvilget-nb.txt',
    'hjemmesykepleie-redusert-nb.txt',
    'korttidsopphold-innvilget-nn.txt',
    'langtidsopphold-avslag-nb.txt',
    'omsorgsstonad-avslag-nb.txt',
    'praktisk-bistand-delvis-nb.txt',
  ]

  it.each(complete.filter(present))('%s: no findings', (name) => {
    expect(findings(new URL(name, DIR))).toEqual([])
  })

  it.each(readdirSync(AFTER).filter((name) => name.startsWith('vedtak-')))('fixtures/after/%s: no findings', (name) => {
    expect(findings(new URL(name, AFTER))).toEqual([])
  })

  const deficient: Record<string, string[]> = {
    'bpa-resultat-sist-nb.txt': [
      '10 vedtak/overskrift',
      '12 vedtak/lovhenvisninger',
      '18 vedtak/rekkefolge',
      '24 vedtak/lovhenvisninger',
      '28 vedtak/resultat-forst',
    ],
    'hjemmesykepleie-vag-omfang-nb.txt': [
      '10 vedtak/overskrift',
      '18 vedtak/resultat-forst',
      '18 vedtak/vag-omfang',
      '18 vedtak/vag-omfang',
      '20 vedtak/vag-omfang',
      '24 vedtak/lovhenvisninger',
    ],
    'omsorgsstonad-utdatert-nb.txt': [
      '10 vedtak/overskrift',
      '10 vedtak/utdatert-omsorgslonn',
      '12 vedtak/utdatert-omsorgslonn',
      '18 vedtak/resultat-forst',
      '18 vedtak/utdatert-omsorgslonn',
      '18 vedtak/utdatert-omsorgslonn',
      '20 vedtak/utdatert-omsorgslonn',
      '22 vedtak/utdatert-sosialtjenestelov',
      '22 vedtak/lovhenvisninger',
      '22 vedtak/utdatert-lov',
      '24 vedtak/utdatert-klageinstans',
      '24 vedtak/klagefrist-uker',
      '24 vedtak/utdatert-klageinstans',
    ],
    'avlastning-redusert-uten-varsel-nb.txt': ['10 vedtak/overskrift', '26 vedtak/lovhenvisninger'],
    'korttidsopphold-mangler-hjemmel-og-innsyn-nb.txt': ['10 vedtak/overskrift'],
    'langtidsopphold-avslag-uten-venteliste-nn.txt': ['10 vedtak/overskrift', '22 vedtak/lovhenvisninger'],
  }

  it.each(Object.entries(deficient).filter(([name]) => present(name)))('%s', (name, expected) => {
    expect(findings(new URL(name, DIR))).toEqual(expected)
  })

  it('praktisk-bistand-mangler-klage-nb.txt: heading and legal references', () => {
    if (!present('praktisk-bistand-mangler-klage-nb.txt')) return
    // Its decision («På denne bakgrunn innvilges De …», paragraph 4) comes after the assessment;
    // whether vedtak/resultat-forst sees it depends on findDecision, so it is not asserted here.
    const found = findings(new URL('praktisk-bistand-mangler-klage-nb.txt', DIR)).filter((line) => !line.endsWith('resultat-forst'))
    expect(found).toEqual(['10 vedtak/overskrift', '20 vedtak/lovhenvisninger'])
  })
})
