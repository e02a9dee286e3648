import { describe, expect, it } from 'vitest'
import { lintWith, messagesOf, ruleFromYaml } from '../helpers.js'

const meta = (message: string): string => `level: warning
description: Test
message: "${message}"
note: Test.
source: Test`

describe('sentence-length', () => {
  const rule = ruleFromYaml(`type: sentence-length
${meta('Setningen har {{count}} ord (høyst {{max}}).')}
max: 5
errorMax: 8`)

  it('flags the whole sentence above max, as error above errorMax', () => {
    const report = lintWith([rule], 'Du får hjelp hver dag. Du får hjelp til dusj hver dag. Du får hjelp til dusj og mat hver dag nå.')
    expect(messagesOf(report)).toEqual([
      '1:24-1:55: Setningen har 7 ord (høyst 5).',
      '1:56-1:97: Setningen har 10 ord (høyst 5).',
    ])
    expect(report.diagnostics.map((d) => d.severity)).toEqual(['warning', 'error'])
  })
})

describe('paragraph-length', () => {
  const rule = ruleFromYaml(`type: paragraph-length
${meta('Avsnittet har {{sentences}} setninger.')}
maxSentences: 2`)

  it('flags paragraphs, not headings or list items', () => {
    const text = 'Tittel\n\nEn. To. Tre.\n\n- en. to. tre.\n\nEn. To.\n'
    expect(messagesOf(lintWith([rule], text))).toEqual(['3:1-3:13: Avsnittet har 3 setninger.'])
  })
})

describe('readability', () => {
  const rule = ruleFromYaml(`type: readability
${meta('LIX er {{lix}} ({{band}}), over {{max}}.')}
max: 40
minWords: 5`)

  it('flags a hard text once, over its whole extent', () => {
    const text = 'Saksbehandlingen vedrørende tildelingen forutsetter dokumentasjon. Forvaltningsloven regulerer klageadgangen.\n'
    const report = lintWith([rule], text)
    expect(messagesOf(report)).toEqual(['1:1-1:110: LIX er 104 (svært vanskelig), over 40.'])
  })

  it('leaves easy and too short texts alone', () => {
    expect(lintWith([rule], 'Du får hjelp til dusj hver dag. Vi kommer om morgenen.').diagnostics).toEqual([])
    expect(lintWith([rule], 'Forvaltningsloven gjelder nå.').diagnostics).toEqual([])
  })
})
