import { CHECKS } from '../checks/registry.js'
import { metricsLine, SEVERITY_LABEL } from '../formatters/stylish.js'
import type { RuleDef } from '../rules/schema.js'
import type { FileReport } from '../types.js'

/** `klarsprak rules`: one line per rule. */
export function listRules(rules: RuleDef[]): string {
  const width = Math.max(...rules.map((rule) => rule.id.length), 10)
  const lines = rules.map((rule) => `${rule.id.padEnd(width)}  ${SEVERITY_LABEL[rule.level].padEnd(8)}  ${rule.description}`)
  return `${lines.join('\n')}\n\n${rules.length} regler. Se en regel med «klarsprak explain <regel>».\n`
}

/** `klarsprak explain <rule>`: why, source, settings and examples. */
export function explainRule(rule: RuleDef): string {
  const check = CHECKS.get(rule.type)!
  const settings = Object.entries(rule.options)
    .filter(([, value]) => typeof value !== 'object')
    .map(([key, value]) => `  ${key}: ${String(value)}  (${check.keys[key]?.doc ?? ''})`)
  const terms = rule.type === 'substitution'
    ? Object.entries(rule.options.swap as Record<string, string | string[]>).map(
        ([term, suggestion]) => `  ${term} → ${[suggestion].flat().join(', ') || '(skriv om eller stryk)'}`,
      )
    : rule.type === 'existence'
      ? (rule.options.tokens as string[]).map((term) => `  ${term}`)
      : []
  const parts = [
    `${rule.id} (${SEVERITY_LABEL[rule.level]}, ${rule.type}: ${check.summary})`,
    '',
    rule.description,
    '',
    `Hvorfor: ${rule.note}`,
    `Kilde: ${rule.source}`,
    `Fil: ${rule.file}`,
  ]
  if (settings.length > 0) parts.push('', 'Innstillinger:', ...settings)
  if (terms.length > 0) parts.push('', `Ord og uttrykk (${terms.length}):`, ...terms)
  parts.push('', 'Eksempler uten funn:', ...rule.examples.valid.map((text) => `  ✔ ${text}`))
  parts.push('', 'Eksempler med funn:')
  for (const example of rule.examples.invalid) {
    parts.push(`  ✘ ${example.text}`, ...example.messages.map((message) => `      ${message}`))
  }
  return `${parts.join('\n')}\n`
}

/** `klarsprak stats`: metrics only. */
export function statsReport(reports: FileReport[], format: string, version: string): string {
  if (format === 'json') {
    const files = reports.map((report) =>
      report.error !== undefined
        ? { path: report.path, error: report.error }
        : { path: report.path, format: report.format, language: report.language, metrics: report.metrics },
    )
    return `${JSON.stringify({ tool: { name: 'klarsprak', version }, files }, null, 2)}\n`
  }
  const lines: string[] = []
  for (const report of reports) {
    lines.push(report.path)
    if (report.error !== undefined) {
      lines.push(`  ✖ ${report.error}`)
      continue
    }
    const m = report.metrics!
    lines.push(`  ${metricsLine(m)}`)
    lines.push(
      `  lange ord: ${m.longWords} · lengste setning: ${m.maxSentenceLength} ord · avsnitt: ${m.paragraphs} · OVIX: ${m.ovix === null ? '–' : String(m.ovix).replace('.', ',')}`,
    )
  }
  return `${lines.join('\n')}\n`
}
