import { createHash } from 'node:crypto'
import type { FileReport } from '../types.js'
import { renderDocument, ICON } from './html/document.js'
import { escapeHtml, jsonForScript } from './html/escape.js'
import { renderOverview } from './html/overview.js'
import { SCRIPT } from './html/script.js'
import { scriptStrings, formatDate, stringsFor } from './html/strings.js'
import { CSS } from './html/style.js'
import type { Formatter } from './types.js'

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/**
 * Nothing may load or run but the page's own stylesheet and script, both named by hash:
 * no network, no inline handlers, no plugins, no forms, no <base>.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${hash(CSS)}`,
  `script-src ${hash(SCRIPT)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/**
 * The annotated report: one self-contained HTML page with each document's text, every finding
 * highlighted in place, a side panel per document and, for several files, an index first.
 * Pure: the clock comes from the context.
 */
export const html: Formatter = (reports, context) => {
  // The page speaks nynorsk only when every document is nynorsk; each document in its own.
  const nynorsk = reports.length > 0 && reports.every((r) => r.language === 'nn')
  const s = stringsFor(nynorsk ? 'nn' : 'nb')
  const parts: string[] = []
  parts.push(
    '<!DOCTYPE html>',
    `<html lang="${nynorsk ? 'nn' : 'nb'}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="klarsprak ${escapeHtml(context.toolVersion)}">`,
    `<title>${escapeHtml(s.title)}${reports.length === 1 ? ` &#8211; ${escapeHtml(reports[0]!.path)}` : ''}</title>`,
    `<style>${CSS}</style></head><body>`,
  )
  const { summary } = context
  parts.push(
    '<header class="top">',
    `<h1>${escapeHtml(s.title)}</h1>`,
    `<p>${escapeHtml(s.generated)} ${escapeHtml(formatDate(context.now))} · klarsprak ${escapeHtml(context.toolVersion)} · ${escapeHtml(s.files(summary.files))} · `,
    `${summary.errors} ${escapeHtml(s.severityPlural.error)}, ${summary.warnings} ${escapeHtml(s.severityPlural.warning)}, ${summary.infos} ${escapeHtml(s.severityPlural.info)}</p>`,
    `<ul class="legend" aria-label="${escapeHtml(s.legend)}">`,
    ...(['error', 'warning', 'info'] as const).map(
      (severity) => `<li><mark class="s-${severity}">${ICON[severity]} ${escapeHtml(s.severity[severity])}</mark></li>`,
    ),
    '</ul>',
    `<p class="hint">${escapeHtml(s.keyboard)}</p>`,
    '</header><main>',
  )
  if (reports.length > 1) parts.push(renderOverview(reports, s))
  reports.forEach((report, i) => parts.push((renderDocument(report, i, stringsFor(report.language)))))
  parts.push('</main>')
  parts.push(
    '<div class="pop" id="kp-pop" role="dialog" aria-modal="false" aria-labelledby="kp-pop-title" tabindex="-1" hidden>',
    '<div class="pop-head"><h2 id="kp-pop-title"></h2><button type="button" class="pop-close">×</button></div><div class="pop-body"></div></div>',
  )
  parts.push(`<script type="application/json" id="kp-data">${jsonForScript({ rules: ruleTexts(reports), strings: scriptStrings() })}</script>`)
  parts.push(`<script>${SCRIPT}</script></body></html>\n`)
  return parts.join('\n')
}

/** Why and where from, once per rule (not once per finding, as in JSON). */
function ruleTexts(reports: FileReport[]): Record<string, { note: string; source: string }> {
  const rules: Record<string, { note: string; source: string }> = {}
  for (const report of reports) {
    for (const d of report.diagnostics) {
      if (rules[d.ruleId]) continue
      rules[d.ruleId] = { note: d.note, source: report.layout?.rules[d.ruleId]?.source ?? '' }
    }
  }
  return Object.fromEntries(Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : 1)))
}
