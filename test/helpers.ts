import { Engine } from '../src/engine.js'
import { loadText } from '../src/input/text.js'
import { analyse } from '../src/language/segment.js'
import { buildReport } from '../src/report.js'
import { expect } from 'vitest'
import { parseRuleFile, RuleFileError } from '../src/rules/load.js'
import type { RuleDef } from '../src/rules/schema.js'
import type { FileReport, Language, Profile } from '../src/types.js'

/** Sentences of a text as strings. */
export function sentencesOf(text: string): string[] {
  const analysis = analyse(loadText('test.txt', text))
  return analysis.sentences.map((sentence) => text.slice(sentence.start, sentence.end))
}

/** Lint a text with the given rules only (as a decision letter when `profile` is `vedtak`). */
export function lintWith(rules: RuleDef[], text: string, language: Language = 'nb', profile?: Profile): FileReport {
  const engine = new Engine(rules)
  const doc = loadText('test.txt', text)
  return buildReport(doc, engine.lint(doc, profile ? { language, profile } : language), engine.rules)
}

/** `L:C-L:C: message` for each diagnostic, the format rule examples use. */
export function messagesOf(report: FileReport): string[] {
  return report.diagnostics.map((d) => `${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column}: ${d.message}`)
}

/** A rule from inline YAML (examples added when missing). */
export function ruleFromYaml(yaml: string, id = 'test/regel'): RuleDef {
  const withExamples = yaml.includes('examples:')
    ? yaml
    : `${yaml}\nexamples:\n  valid: ["Ok."]\n  invalid:\n    - text: "x"\n      messages: ["x"]\n`
  return parseRuleFile(withExamples, `${id}.yml`, id, 'nb')
}

export const HEAD = `level: warning
description: Test
message: "Skriv heller {{expected}} enn {{actual}}"
note: Test.
source: Test`

/** A municipal rule file (an existence rule for «Fylkesmannen») with examples that hold. */
export const MUNICIPAL_RULE = `type: existence
level: error
description: Gammelt navn
message: "Skriv Statsforvalteren, ikke {{actual}}"
note: Navnet ble endret i 2021.
source: Kommunen
tokens: [Fylkesmannen]
examples:
  valid: ["Send klagen til Statsforvalteren."]
  invalid:
    - text: "Send klagen til Fylkesmannen."
      messages: ["1:17-1:29: Skriv Statsforvalteren, ikke «Fylkesmannen»"]
`

/** The problems a rule file gives, as `line:col: message` without the file name. */
export function ruleFileProblems(source: string): string[] {
  try {
    parseRuleFile(source, 'regel.yml', 'kommune/regel')
    return []
  } catch (error) {
    expect(error).toBeInstanceOf(RuleFileError)
    return (error as RuleFileError).problems.map((p) => `${p.line}:${p.column}: ${p.message}`)
  }
}
