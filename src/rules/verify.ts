import { Engine } from '../engine.js'
import { loadText } from '../input/text.js'
import { buildReport } from '../report.js'
import type { Language } from '../types.js'
import type { RuleDef } from './schema.js'

/** One example that does not give what it says. `index` counts within its list. */
export interface ExampleMismatch {
  kind: 'valid' | 'invalid'
  index: number
  message: string
}

/**
 * The rule's findings on a text, as examples write them: `L:C-L:C: message`. The text is read
 * as a .txt file in the rule's language (bokmål for `any`), as a decision letter for rules of
 * the `vedtak` profile. The one implementation the loader and the test suite share.
 */
export function exampleRunner(rule: RuleDef): (text: string) => string[] {
  const engine = new Engine([rule])
  const language: Language = rule.language === 'any' ? 'nb' : rule.language
  const settings = rule.profile ? { language, profile: rule.profile } : { language }
  return (text) => {
    const doc = loadText('eksempel.txt', text)
    const report = buildReport(doc, engine.lint(doc, settings), engine.rules)
    return report.diagnostics.map((d) => `${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column}: ${d.message}`)
  }
}

/** Every example of the rule that gives other findings than it lists (valid: none). */
export function verifyExamples(rule: RuleDef): ExampleMismatch[] {
  const run = exampleRunner(rule)
  const mismatches: ExampleMismatch[] = []
  rule.examples.valid.forEach((text, index) => {
    const got = run(text)
    if (got.length > 0) mismatches.push({ kind: 'valid', index, message: `eksempel ${quote(text)} under «valid» ga ${list(got)}, ventet ingen funn` })
  })
  rule.examples.invalid.forEach((example, index) => {
    const got = run(example.text)
    if (got.length !== example.messages.length || got.some((message, i) => message !== example.messages[i])) {
      mismatches.push({ kind: 'invalid', index, message: `eksempel ${quote(example.text)} ga ${list(got)}, ventet ${list(example.messages)}` })
    }
  })
  return mismatches
}

/** A text in «», shortened to one readable line. */
function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return `«${line.length > 60 ? `${line.slice(0, 57)}…` : line}»`
}

function list(messages: string[]): string {
  if (messages.length === 0) return 'ingen funn'
  const shown = messages.slice(0, 3).map((message) => `«${message}»`)
  if (messages.length > 3) shown.push(`og ${messages.length - 3} til`)
  return shown.join(', ')
}
