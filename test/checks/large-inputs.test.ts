import { describe, expect, it } from 'vitest'
import { Engine } from '../../src/engine.js'
import { loadBuiltinRules } from '../../src/rules/builtin.js'
import type { Block, Document } from '../../src/types.js'

/** A Document from blocks given as [kind, text] (one per line), built directly. */
function document(parts: Array<[Block['kind'], string]>): Document {
  const blocks: Block[] = []
  let offset = 0
  for (const [kind, text] of parts) {
    blocks.push({ kind, start: offset, end: offset + text.length })
    offset += text.length + 1
  }
  return { path: 'linjer.txt', format: 'txt', text: `${parts.map(([, text]) => text).join('\n')}\n`, blocks, directives: [] }
}

async function engineWith(id: string): Promise<Engine> {
  const { rules } = await loadBuiltinRules()
  return new Engine(rules.filter((rule) => rule.id === id))
}

const elapsed = (run: () => void): number => {
  const started = performance.now()
  run()
  return performance.now() - started
}

describe('documents that make a check collect very much', () => {
  it('150,000 vague phrases: the findings are not spread into a call (RangeError before)', async () => {
    const engine = await engineWith('vedtak/vag-omfang')
    const line = `Vedtaket gjelder ${Array.from({ length: 50 }, () => 'etter behov').join(' ')}.`
    const doc = document([['heading', 'Vedtak om praktisk bistand'], ...Array.from({ length: 3000 }, (): [Block['kind'], string] => ['paragraph', line])])
    let count = 0
    expect(elapsed(() => (count = engine.lint(doc, { language: 'nb', profile: 'vedtak' }).findings.length))).toBeLessThan(10_000)
    expect(count).toBeGreaterThan(0)
  }, 20_000)

  it('60,000 section headings: the order check is linear in them (quadratic before)', async () => {
    const engine = await engineWith('vedtak/rekkefolge')
    const parts: Array<[Block['kind'], string]> = [['heading', 'Vedtak om praktisk bistand']]
    parts.push(['paragraph', 'Du får praktisk bistand i tre timer hver uke fra 1. mars.'])
    for (let i = 0; i < 60_000; i++) parts.push(['heading', i % 2 === 0 ? 'Klage' : 'Begrunnelse'])
    let findings = 0
    expect(elapsed(() => (findings = engine.lint(document(parts), { language: 'nb', profile: 'vedtak' }).findings.length))).toBeLessThan(10_000)
    expect(findings).toBeGreaterThan(0)
  }, 20_000)
})
