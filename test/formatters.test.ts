import { describe, expect, it } from 'vitest'
import { json, jsonChunks } from '../src/formatters/json.js'
import { summarise } from '../src/report.js'
import type { FileReport } from '../src/types.js'
import { lintWith, ruleFromYaml, HEAD } from './helpers.js'

const rule = ruleFromYaml(`type: substitution
${HEAD}
swap:
  vedrørende: om`)

describe('json formatter', () => {
  const text = Array.from({ length: 1200 }, (_, i) => `Brev ${i} vedrørende saken.`).join('\n')
  const report = lintWith([rule], text)
  const reports: FileReport[] = [report, { path: 'borte.txt', format: '', diagnostics: [], error: 'finnes ikke.' }]
  const context = { now: new Date(0), color: false, toolVersion: '9.9.9', summary: summarise(reports), width: 80 }

  it('streams exactly what JSON.stringify gives, in bounded chunks', () => {
    const chunks = [...jsonChunks(reports, context)]
    expect(chunks.join('')).toBe(`${JSON.stringify({ tool: { name: 'klarsprak', version: '9.9.9' }, files: reports, summary: context.summary })}\n`)
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(JSON.stringify(report.diagnostics).length / 2)
    expect(json(reports, context)).toBe(chunks.join(''))
  })

  it('leaves out the text kept for excerpts', () => {
    const parsed = JSON.parse(json(reports, context))
    expect(report.source).toBe(text)
    expect(parsed.files[0]).not.toHaveProperty('source')
    expect(parsed.files[0].diagnostics[0]).not.toHaveProperty('context')
    expect(parsed.files[0].diagnostics).toHaveLength(1200)
  })
})
