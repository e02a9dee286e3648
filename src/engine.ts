import type { CheckContext, Runner } from './checks/check.js'
import { PhraseMatcher, type PhraseTerm } from './checks/phrases.js'
import { CHECKS } from './checks/registry.js'
import { detectLanguage } from './language/detect.js'
import { analyse, type Analysis } from './language/segment.js'
import { computeMetrics } from './metrics/readability.js'
import { detectVedtak } from './vedtak/detect.js'
import { findDecision } from './vedtak/outcome.js'
import type { RuleDef } from './rules/schema.js'
import type { Document, Finding, Language, Metrics, Profile, Severity, VedtakResult } from './types.js'

/**
 * Findings per rule and document: at most this many, or one per WORDS_PER_FINDING words of a
 * longer text. A pattern that matches nearly everywhere («.», «\\w+») would otherwise turn a
 * text into a report many times its size; with the cap the report stays linear in the text.
 * Real letters stay far below it, and a long report keeps the findings of a common word (the
 * suite pins a 1,200-finding document; a 1 MB report has 7,585 «kanselliord»).
 */
export const MAX_FINDINGS_PER_RULE = 2000
export const WORDS_PER_FINDING = 10

/** The cap on one rule's findings in a document of `words` words. */
export function findingLimit(words: number): number {
  return Math.max(MAX_FINDINGS_PER_RULE, Math.floor(words / WORDS_PER_FINDING))
}

/**
 * Keep the first `findingLimit(words)` findings of each rule (by position); for each rule over
 * the cap, one more finding at its first omitted one, level info, saying how many were left out.
 */
export function capFindings(findings: Finding[], words: number): Finding[] {
  const limit = findingLimit(words)
  const counts = new Map<number, number>()
  for (const finding of findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1)
  let over = false
  for (const count of counts.values()) if (count > limit) over = true
  if (!over) return findings
  const seen = new Map<number, number>()
  const kept: Finding[] = []
  for (const finding of findings) {
    const n = (seen.get(finding.rule) ?? 0) + 1
    seen.set(finding.rule, n)
    if (n <= limit) kept.push(finding)
    else if (n === limit + 1) {
      const omitted = counts.get(finding.rule)! - limit
      kept.push({
        rule: finding.rule,
        start: finding.start,
        end: finding.end,
        severity: 'info',
        message: `Regelen ga ${omitted} treff til i dokumentet; bare de ${limit} første vises. Et mønster som treffer nesten overalt, bør gjøres strengere.`,
      })
    }
  }
  return kept
}

/** A rule's setting from configuration: off, another level, and/or other options. */
export interface RuleSetting {
  level?: Severity | 'off'
  options?: Record<string, unknown>
}

export interface LintResult {
  analysis: Analysis
  metrics: Metrics
  language: Language
  profile: Profile
  findings: Finding[]
  /** The decision-letter review, when the profile is `vedtak`. */
  vedtak?: VedtakResult
}

export interface LintSettings {
  /** Force a language instead of detecting it. */
  language?: Language
  /** Review as a decision letter or as general text; detected when not given. */
  profile?: Profile
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
  private readonly compiled = new Map<string, Compiled>()

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

  /** Does `rule` apply to a text in `language` reviewed with `profile`? */
  applies(rule: RuleDef, language: Language, profile: Profile): boolean {
    if (rule.profile === 'vedtak' && profile !== 'vedtak') return false
    return rule.language === 'any' || rule.language === language || CHECKS.get(rule.type)!.languageNeutral === true
  }

  private compile(language: Language, profile: Profile): Compiled {
    const key = `${language}:${profile}`
    let compiled = this.compiled.get(key)
    if (compiled) return compiled
    const terms: PhraseTerm[] = []
    const runners: Runner[] = []
    this.rules.forEach((rule, index) => {
      if (!this.applies(rule, language, profile)) return
      const check = CHECKS.get(rule.type)!
      if (check.terms) for (const term of check.terms(rule, index)) terms.push(term)
      if (check.compile) runners.push(check.compile(rule, index))
    })
    compiled = { matcher: new PhraseMatcher(terms, this.rules.length), runners }
    this.compiled.set(key, compiled)
    return compiled
  }

  lint(doc: Pick<Document, 'text' | 'blocks' | 'placeholders'>, settings: LintSettings | Language = {}): LintResult {
    const { language, profile } = typeof settings === 'string' ? { language: settings, profile: undefined } : settings
    const analysis = analyse(doc)
    const metrics = computeMetrics(analysis)
    const lang = language ?? detectLanguage(analysis)
    const detected = profile === 'general' ? false : detectVedtak(analysis)
    const chosen = profile ?? (detected ? 'vedtak' : 'general')
    const { matcher, runners } = this.compile(lang, chosen)
    const findings: Finding[] = []
    matcher.run(analysis, findings)
    const context: CheckContext = { analysis, metrics, language: lang, profile: chosen }
    if (chosen === 'vedtak') {
      const outcome = findDecision(analysis)?.outcome
      context.vedtak = { detected, elements: [], ...(outcome ? { outcome } : {}) }
    }
    for (const runner of runners) runner(context, findings)
    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule - b.rule)
    const result: LintResult = { analysis, metrics, language: lang, profile: chosen, findings: capFindings(findings, metrics.words) }
    if (context.vedtak) result.vedtak = context.vedtak
    return result
  }
}
