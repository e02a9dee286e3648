import { describe, expect, it } from 'vitest'
import { listRules } from '../src/cli/commands.js'
import { formatReports, FORMATTERS, WHOLE_FORMATTERS } from '../src/formatters/index.js'
import { summarise } from '../src/report.js'
import type { RuleDef } from '../src/rules/schema.js'
import type { Diagnostic, FileReport } from '../src/types.js'

const FINDINGS = 130_000

/** A report with FINDINGS findings, one per line, as a huge generated text would give. */
function hugeReport(): FileReport {
  const line = 'Vi svarer vedrørende saken.\n'
  const source = line.repeat(FINDINGS)
  const diagnostics: Diagnostic[] = []
  for (let i = 0; i < FINDINGS; i++) {
    const offset = i * line.length + 10
    const diagnostic: Diagnostic = {
      ruleId: 'nb/kanselliord',
      severity: i % 3 === 0 ? 'error' : 'warning',
      message: 'Skriv heller «om» enn «vedrørende»',
      note: 'Kansellistil.',
      start: { line: i + 1, column: 11, offset },
      end: { line: i + 1, column: 21, offset: offset + 10 },
      actual: 'vedrørende',
      expected: ['om'],
    }
    Object.defineProperty(diagnostic, 'context', { value: [i * line.length, (i + 1) * line.length - 1], enumerable: false })
    diagnostics.push(diagnostic)
  }
  const report: FileReport = { path: 'stor.txt', format: 'txt', diagnostics }
  Object.defineProperty(report, 'source', { value: source, enumerable: false })
  return report
}

describe('formatters with very many findings', () => {
  it(`stylish prints ${FINDINGS.toLocaleString('en')} findings (no spread into Math.max), in bounded pieces`, () => {
    const report = hugeReport()
    const context = { color: false, toolVersion: '1.0.0', summary: summarise([report]), width: 100, now: new Date(0) }
    const started = performance.now()
    const out = formatReports(FORMATTERS.stylish!, [report], context)
    expect(performance.now() - started).toBeLessThan(4000)
    expect(out.startsWith('stor.txt\n\n')).toBe(true)
    expect(out).toContain(`${FINDINGS.toLocaleString('en').replace(/,/g, '')} funn`)
    expect(out.match(/Skriv heller/g)).toHaveLength(FINDINGS)
    // Line numbers up to 140000 set the column width for every finding.
    expect(out).toContain('\n     1:11  feil      Skriv heller «om» enn «vedrørende»  nb/kanselliord\n')
    expect(WHOLE_FORMATTERS.stylish!([report], context)).toBe(out)
    const streaming = FORMATTERS.stylish!
    if (typeof streaming === 'function') throw new Error('stylish streams')
    const pieces = [...(streaming.file(report, context, 0) as Iterable<string>)]
    expect(pieces.length).toBeGreaterThan(100)
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(out.length / 100)
  }, 15000)

  it('rules lists 150,000 rules', () => {
    const rule = { id: 'kommune/regel', level: 'warning', description: 'Test' } as RuleDef
    const rules = Array.from({ length: 150_000 }, (_, i) => ({ ...rule, id: `kommune/regel-${i}` }))
    const out = listRules(rules)
    expect(out).toContain('kommune/regel-149999  advarsel  Test\n')
    expect(out).toContain('150000 regler.')
  })
})
