import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { Engine } from '../../src/engine.js'
import { loadText } from '../../src/input/text.js'
import { lintDocument, lintPath } from '../../src/lint.js'
import { ACTUAL_CAP } from '../../src/report.js'
import { loadBuiltinRules } from '../../src/rules/builtin.js'
import type { FileReport } from '../../src/types.js'
import { lintWith, ruleFromYaml } from '../helpers.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The invariant of the JSON contract: the source slice, capped at ACTUAL_CAP code units and «…». */
function expectActualInvariant(report: FileReport): void {
  const text = report.source!
  for (const d of report.diagnostics) {
    if (d.actual === '') continue
    const { offset: start } = d.start
    const { offset: end } = d.end
    expect(d.actual).toBe(end - start <= ACTUAL_CAP ? text.slice(start, end) : `${text.slice(start, start + ACTUAL_CAP)}…`)
  }
}

let engine: Engine
beforeAll(async () => {
  engine = new Engine((await loadBuiltinRules()).rules)
})

describe('actual is capped, offsets stay exact', () => {
  it(`caps a sentence finding at ${ACTUAL_CAP} characters and «…» in a document that is one block`, () => {
    const sentence = `${'Vi har sett på saken din og vi har snakket med deg og med legen din og '.repeat(40)}nå.`
    const report = lintDocument(loadText('lang.txt', sentence), { engine, profile: 'general' })
    const long = report.diagnostics.find((d) => d.ruleId === 'nb/setningslengde')!
    expect(long.start.offset).toBe(0)
    expect(long.end.offset).toBe(sentence.length)
    expect(long.actual).toBe(`${sentence.slice(0, ACTUAL_CAP)}…`)
    expect(report.diagnostics.every((d) => d.actual.length <= ACTUAL_CAP + 1)).toBe(true)
    // The readability finding is about the whole text: it quotes nothing, also for one block.
    const lix = report.diagnostics.find((d) => d.ruleId === 'nb/lesbarhet')
    expect(lix).toBeDefined()
    expect(lix!.actual).toBe('')
    expectActualInvariant(report)
  })

  it('caps a paragraph finding', () => {
    const paragraph = Array.from({ length: 14 }, (_, i) => `Dette er setning nummer ${i + 1} i avsnittet om saken din.`).join(' ')
    const report = lintDocument(loadText('avsnitt.txt', `Overskrift\n\n${paragraph}\n\nSlutt.\n`), { engine, profile: 'general' })
    const finding = report.diagnostics.find((d) => d.ruleId === 'nb/avsnittslengde')!
    expect(finding.end.offset - finding.start.offset).toBeGreaterThan(ACTUAL_CAP)
    expect(finding.actual).toHaveLength(ACTUAL_CAP + 1)
    expectActualInvariant(report)
  })

  it('caps the evidence text of a decision-letter element, white space collapsed, offsets exact', () => {
    const letter = readFileSync(join(ROOT, 'fixtures/vedtak/bpa-innvilget-nb.txt'), 'utf8')
    const filler = Array.from({ length: 60 }, (_, i) => `ord${i}  \n   `).join('')
    const text = letter.replace('Klagen må være sendt innen fire uker etter at du fikk dette brevet.', `Klagen må være sendt innen fire uker etter at du fikk dette brevet, ${filler}slutt.`)
    const report = lintDocument(loadText('vedtak.txt', text), { engine, profile: 'vedtak' })
    const element = report.vedtak!.elements.find((e) => e.evidence && e.evidence.end.offset - e.evidence.start.offset > ACTUAL_CAP * 2)
    expect(element).toBeDefined()
    const { start, end, text: quoted } = element!.evidence!
    const collapsed = text.slice(start.offset, end.offset).replace(/\s+/g, ' ')
    expect(collapsed.length).toBeGreaterThan(ACTUAL_CAP)
    expect(quoted).toBe(`${collapsed.slice(0, ACTUAL_CAP)}…`)
  })

  it('holds the invariant on every fixture', async () => {
    const folders = ['fixtures/before', 'fixtures/after', 'fixtures/vedtak', 'fixtures/documents']
    let checked = 0
    for (const folder of folders) {
      for (const name of readdirSync(join(ROOT, folder))) {
        if (!/\.(txt|md|html|docx|odt)$/.test(name) || name === 'README.md') continue
        const report = await lintPath(join(ROOT, folder, name), { engine })
        if (report.error !== undefined) continue
        expectActualInvariant(report)
        checked += report.diagnostics.length
      }
    }
    expect(checked).toBeGreaterThan(100)
  }, 20000)
})

describe('message placeholders', () => {
  it('resolve own values only, never Object.prototype members', () => {
    const rule = ruleFromYaml(`type: existence
level: warning
description: Test
message: "Fant {{actual}}: {{constructor}} {{toString}} {{__proto__}} {{hasOwnProperty}}"
note: Test.
source: Test
tokens: [vedrørende]`)
    const report = lintWith([rule], 'Vi svarer vedrørende saken.')
    expect(report.diagnostics[0]!.message).toBe('Fant «vedrørende»: {{constructor}} {{toString}} {{__proto__}} {{hasOwnProperty}}')
  })
})
