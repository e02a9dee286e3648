import { CHECKS } from '../checks/registry.js'
import { metricsLine, SEVERITY_LABEL } from '../formatters/stylish.js'
import { printable, printableLines } from '../formatters/terminal.js'
import type { RuleDef } from '../rules/schema.js'
import type { FileReport } from '../types.js'

/** `klarsprak rules`: one line per rule. Rule texts come from files: printed without controls. */
export function listRules(rules: RuleDef[]): string {
  let width = 10
  for (const rule of rules) width = Math.max(width, rule.id.length)
  const lines = rules.map((rule) => `${printable(rule.id).padEnd(width)}  ${SEVERITY_LABEL[rule.level].padEnd(8)}  ${printable(rule.description)}`)
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
  return printableLines(`${parts.join('\n')}\n`)
}

/** `klarsprak stats` output, file by file (pure): memory stays flat in the number of files. */
export interface StatsStream {
  start(): string
  file(report: FileReport, index: number): string
  end(files: number): string
}

/** `klarsprak stats`: metrics only, as text or as JSON (indented, like JSON.stringify(…, null, 2)). */
export function statsStream(format: string, version: string): StatsStream {
  if (format === 'json') {
    const tool = JSON.stringify({ name: 'klarsprak', version }, null, 2).replace(/\n/g, '\n  ')
    return {
      start: () => `{\n  "tool": ${tool},\n  "files": [`,
      file: (report, index) => {
        const entry = report.error !== undefined
          ? { path: report.path, error: report.error }
          : { path: report.path, format: report.format, language: report.language, metrics: report.metrics }
        // JSON strings hold no raw line feeds: every \n is layout, indented one level deeper.
        return `${index > 0 ? ',' : ''}\n    ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`
      },
      end: (files) => (files === 0 ? ']\n}\n' : '\n  ]\n}\n'),
    }
  }
  return {
    start: () => '',
    file: (report) => {
      const lines = [printable(report.path)]
      if (report.error !== undefined) {
        lines.push(`  ✖ ${printable(report.error)}`)
      } else {
        const m = report.metrics!
        lines.push(`  ${metricsLine(m)}`)
        lines.push(
          `  lange ord: ${m.longWords} · lengste setning: ${m.maxSentenceLength} ord · avsnitt: ${m.paragraphs} · OVIX: ${m.ovix === null ? '–' : String(m.ovix).replace('.', ',')}`,
        )
      }
      return `${lines.join('\n')}\n`
    },
    end: (files) => (files === 0 ? '\n' : ''),
  }
}
