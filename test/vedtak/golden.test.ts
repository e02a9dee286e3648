import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Engine } from '../../src/engine.js'
import { loadText } from '../../src/input/text.js'
import { lintDocument } from '../../src/lint.js'
import { parseBuiltinRules } from '../../src/rules/builtin.js'
import { ELEMENT_ORDER } from '../../src/vedtak/elements.js'

/**
 * Golden decision letters: fixtures/vedtak/<name>.txt with <name>.golden.json
 * ({ profile, outcome, language, elements: { <id>: true | false | null } }). `true` = required and
 * present, `false` = required and missing, `null` = not required for this letter.
 */
interface Golden {
  profile: string
  outcome?: string
  language?: string
  elements?: Record<string, boolean | null>
}

const DIR = new URL('../../fixtures/vedtak/', import.meta.url)
const goldens = (() => {
  try {
    return readdirSync(DIR).filter((name) => name.endsWith('.golden.json')).sort()
  } catch {
    return []
  }
})()

const { rules } = await parseBuiltinRules()
const engine = new Engine(rules)

function lintFixture(name: string) {
  const file = name.replace(/\.golden\.json$/, '.txt')
  const text = readFileSync(new URL(file, DIR), 'utf8')
  return lintDocument(loadText(file, text), { engine })
}

/** The element table of a report in the golden format. */
function elementsOf(report: ReturnType<typeof lintFixture>): Record<string, boolean | null> {
  return Object.fromEntries(
    (report.vedtak?.elements ?? []).map((element) => [element.id, element.applies ? element.present : null]),
  )
}

describe('golden decision letters (fixtures/vedtak)', () => {
  it('exist', () => {
    expect(goldens.length).toBeGreaterThan(0)
  })

  describe.each(goldens)('%s', (name) => {
    const golden = JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Golden
    const report = lintFixture(name)

    it('has the profile, outcome and language', () => {
      expect(report.profile).toBe(golden.profile)
      if (golden.profile !== 'vedtak') return
      expect(report.vedtak?.outcome).toBe(golden.outcome)
      if (golden.language) expect(report.language).toBe(golden.language)
    })

    if (golden.profile !== 'vedtak') {
      it('gets no decision-letter review and no vedtak findings', () => {
        expect(report.vedtak).toBeUndefined()
        expect(report.diagnostics.filter((diagnostic) => diagnostic.ruleId.startsWith('vedtak/'))).toEqual([])
      })
      return
    }

    it('has the golden checklist', () => {
      expect(elementsOf(report)).toEqual(golden.elements)
    })

    it('lists every element once, in the checklist order', () => {
      expect(report.vedtak!.elements.map((element) => element.id)).toEqual(ELEMENT_ORDER)
    })

    it('reports each missing required element once, as its rule', () => {
      const missing = report.vedtak!.elements.filter((element) => element.applies && !element.present).map((element) => element.id)
      const reported = report.diagnostics
        .filter((diagnostic) => diagnostic.ruleId.startsWith('vedtak/mangler-'))
        .map((diagnostic) => diagnostic.ruleId.slice('vedtak/mangler-'.length))
      expect(reported.sort()).toEqual([...missing].sort())
    })
  })
})
