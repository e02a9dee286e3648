import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Engine } from '../src/engine.js'
import { readDocument } from '../src/input/index.js'
import { lintDocument } from '../src/lint.js'
import { parseBuiltinRules } from '../src/rules/builtin.js'
import type { Document, FileReport } from '../src/types.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const engine = new Engine((await parseBuiltinRules()).rules)

async function lint(path: string): Promise<{ doc: Document; report: FileReport }> {
  const doc = await readDocument(join(ROOT, path))
  return { doc, report: lintDocument(doc, { engine }) }
}

/** What a finding says, independent of where the format put it. */
const said = (report: FileReport) => report.diagnostics.map((d) => [d.ruleId, d.severity, d.message, d.actual.replace(/\s+/g, ' ')])

describe.each([
  ['after', 'vedtak-hjemmesykepleie'],
  ['before', 'vedtak-hjemmesykepleie-for'],
])('the same letter (%s) in every format', (side, name) => {
  it.each(['docx', 'odt', 'pdf'])(`%s gives the same metrics and findings as the .txt`, async (format) => {
    const txt = await lint(`fixtures/${side}/vedtak-hjemmesykepleie.txt`)
    const other = await lint(`fixtures/documents/${name}.${format}`)
    expect(other.report.format).toBe(format)
    expect(other.report.metrics).toEqual(txt.report.metrics)
    expect(said(other.report)).toEqual(said(txt.report))
  })
})

describe('locations in Word and PDF', () => {
  it.each(['docx', 'odt', 'pdf'])('%s: every «side N, avsnitt M» points at the block holding the finding', async (format) => {
    const { doc, report } = await lint(`fixtures/documents/vedtak-hjemmesykepleie-for.${format}`)
    const located = report.diagnostics.filter((d) => d.ruleId !== 'nb/lesbarhet')
    expect(located.length).toBeGreaterThan(20)
    const pages = new Set<number>()
    for (const diagnostic of located) {
      const match = /^side (\d+), avsnitt (\d+)$/.exec(diagnostic.location ?? '')
      expect(match, diagnostic.message).not.toBeNull()
      const [page, paragraph] = [Number(match![1]), Number(match![2])]
      pages.add(page)
      const block = doc.blocks.find((b) => b.location?.page === page && b.location.paragraph === paragraph)!
      const text = doc.text.slice(block.start, block.end).replace(/\s+/g, ' ')
      expect(text).toContain(diagnostic.actual.replace(/\s+/g, ' ').slice(0, 40))
    }
    expect([...pages].sort()).toEqual([1, 2])
  })

  it('the Word letter reports the second page\'s first paragraph as «side 2, avsnitt 1»', async () => {
    const { doc } = await lint('fixtures/documents/vedtak-hjemmesykepleie-for.docx')
    const first = doc.blocks.find((b) => b.location?.page === 2)!
    expect(first.location).toEqual({ page: 2, paragraph: 1 })
  })
})
