import type { Runner } from './checks/check.js'
import { PhraseMatcher, type PhraseTerm } from './checks/phrases.js'
import { CHECKS } from './checks/registry.js'
import { detectLanguage } from './language/detect.js'
import { analyse, type Analysis } from './language/segment.js'
import { computeMetrics } from './metrics/readability.js'
import type { RuleDef } from './rules/schema.js'
import type { Document, Finding, Language, Metrics, Severity } from './types.js'

/** A rule's setting from configuration: off, another level, and/or other options. */
export interface RuleSetting {
  level?: Severity | 'off'
  options?: Record<string, unknown>
}

export interface LintResult {
  analysis: Analysis
  metrics: Metrics
  language: Language
  findings: Finding[]
}

interface Compiled {
  matcher: PhraseMatcher
  runners: Runner[]
}

/**
 * The rules in force (after configuration), compiled once per language and reused for every
 * document: one phrase matcher for all word rules, one runner per other rule.
 */
export class Engine {
  readonly rules: RuleDef[]
  private readonly compiled = new Map<Language, Compiled>()

  constructor(rules: RuleDef[], settings: Record<string, RuleSetting> = {}) {
    this.rules = rules.flatMap((rule) => {
      const setting = settings[rule.id]
      if (setting?.level === 'off') return []
      return [
        {
          ...rule,
          level: setting?.level ?? rule.level,
          options: { ...rule.options, ...(setting?.options ?? {}) },
        },
      ]
    })
  }

  /** Does `rule` apply to a text in `language`? */
  applies(rule: RuleDef, language: Language): boolean {
    return rule.language === 'any' || rule.language === language || CHECKS.get(rule.type)!.languageNeutral === true
  }

  private compile(language: Language): Compiled {
    let compiled = this.compiled.get(language)
    if (compiled) return compiled
    const terms: PhraseTerm[] = []
    const runners: Runner[] = []
    this.rules.forEach((rule, index) => {
      if (!this.applies(rule, language)) return
      const check = CHECKS.get(rule.type)!
      if (check.terms) terms.push(...check.terms(rule, index))
      if (check.compile) runners.push(check.compile(rule, index))
    })
    compiled = { matcher: new PhraseMatcher(terms, this.rules.length), runners }
    this.compiled.set(language, compiled)
    return compiled
  }

  lint(doc: Pick<Document, 'text' | 'blocks' | 'placeholders'>, language?: Language): LintResult {
    const analysis = analyse(doc)
    const metrics = computeMetrics(analysis)
    const lang = language ?? detectLanguage(analysis)
    const { matcher, runners } = this.compile(lang)
    const findings: Finding[] = []
    matcher.run(analysis, findings)
    const context = { analysis, metrics }
    for (const runner of runners) runner(context, findings)
    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule - b.rule)
    return { analysis, metrics, language: lang, findings }
  }
}
