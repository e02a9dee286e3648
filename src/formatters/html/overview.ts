import { formatNumber } from '../../checks/readability.js'
import type { FileReport } from '../../types.js'
import { barChart, columnChart, type Bar } from './charts.js'
import { escapeHtml } from './escape.js'
import type { Strings } from './strings.js'

/** Bars per document up to this many documents; beyond it, a histogram of LIX. */
const MAX_DOCUMENT_BARS = 40
const MAX_RULE_BARS = 15

/** The index of a report on several files: a sortable table and two charts. */
export function renderOverview(reports: FileReport[], s: Strings): string {
  const c = s.columns
  let out = `<section class="index" aria-labelledby="kp-index-h"><h2 id="kp-index-h">${escapeHtml(s.overview)}: ${escapeHtml(s.files(reports.length))}</h2>`
  out += `<p class="hint">${escapeHtml(s.sortHint)}</p>`
  const headers: Array<[string, boolean]> = [
    [c.path, false], [c.format, false], [c.language, false], [c.words, true], [c.lix, true], [c.band, false], [c.errors, true], [c.warnings, true], [c.missing, true],
  ]
  out += '<table class="index" id="kp-index"><thead><tr>'
  for (const [label, numeric] of headers) out += `<th scope="col"${numeric ? ' class="num"' : ''}><button type="button">${escapeHtml(label)}</button></th>`
  out += '</tr></thead><tbody>'
  reports.forEach((report, i) => {
    let errors = 0
    let warnings = 0
    for (const d of report.diagnostics) {
      if (d.severity === 'error') errors++
      else if (d.severity === 'warning') warnings++
    }
    const m = report.metrics
    const missing = report.vedtak ? report.vedtak.elements.filter((e) => e.applies && !e.present) : null
    out += `<tr><td data-v="${escapeHtml(report.path)}"><a href="#d${i + 1}">${escapeHtml(report.path)}</a>`
    if (report.error !== undefined) out += ` <span class="error-text">${escapeHtml(s.unreadable)}</span>`
    out += `</td><td>${escapeHtml(report.format)}</td><td>${escapeHtml(report.language ?? '')}</td>`
    out += `<td class="num" data-v="${m ? m.words : ''}">${m ? m.words : '&#8211;'}</td>`
    out += `<td class="num" data-v="${m?.lix ?? ''}">${m?.lix != null ? formatNumber(m.lix) : '&#8211;'}</td>`
    out += `<td data-v="${m?.lix ?? ''}">${escapeHtml(m?.lixBand ? s.lixBand(m.lixBand) : '-')}</td>`
    out += `<td class="num">${errors}</td><td class="num">${warnings}</td>`
    if (missing === null) out += '<td class="num" data-v="">&#8211;</td>'
    else {
      const labels = missing.map((e) => e.label).join(', ')
      out += `<td class="num" data-v="${missing.length}"${labels ? ` title="${escapeHtml(labels)}"` : ''}>${missing.length}</td>`
    }
    out += '</tr>'
  })
  out += '</tbody></table><div class="charts">'
  out += `<figure><figcaption>${escapeHtml(s.lixPerDocument)}</figcaption>${lixChart(reports, s)}</figure>`
  out += `<figure><figcaption>${escapeHtml(s.findingsPerRule)}</figcaption>${ruleChart(reports, s)}</figure>`
  return `${out}</div></section>`
}

function lixChart(reports: FileReport[], s: Strings): string {
  const measured = reports.filter((r) => r.metrics?.lix != null)
  if (measured.length <= MAX_DOCUMENT_BARS) {
    const bars: Bar[] = measured.map((r) => ({
      label: r.path.replace(/^.*[\\/]/, ''),
      value: r.metrics!.lix!,
      title: `${r.path}: LIX ${formatNumber(r.metrics!.lix!)} (${s.lixBand(r.metrics!.lixBand ?? '')})`,
    }))
    return barChart('kp-lix', bars, s.lixPerDocument, { max: 70, marks: [30, 40, 50, 60] })
  }
  // Too many documents for one bar each: how many fall in each five-point interval.
  const bins = new Map<number, number>()
  for (const r of measured) {
    const bin = Math.min(70, Math.floor(r.metrics!.lix! / 5) * 5)
    bins.set(bin, (bins.get(bin) ?? 0) + 1)
  }
  const low = Math.min(...bins.keys())
  const high = Math.max(...bins.keys())
  const bars: Bar[] = []
  for (let bin = low; bin <= high; bin += 5) {
    const label = bin === 70 ? '70+' : `${bin}`
    bars.push({ label, value: bins.get(bin) ?? 0, title: `LIX ${bin === 70 ? '70+' : `${bin}–${bin + 4}`}: ${bins.get(bin) ?? 0}`, emphasis: bin >= 50 })
  }
  return columnChart('kp-lix', bars, s.lixDistribution, 'LIX')
}

function ruleChart(reports: FileReport[], s: Strings): string {
  const counts = new Map<string, number>()
  for (const r of reports) for (const d of r.diagnostics) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1)
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const bars: Bar[] = sorted.slice(0, MAX_RULE_BARS).map(([rule, n]) => ({ label: rule, value: n, title: `${rule}: ${n}` }))
  const rest = sorted.slice(MAX_RULE_BARS).reduce((sum, [, n]) => sum + n, 0)
  if (rest > 0) bars.push({ label: s.otherRules, value: rest, title: `${s.otherRules}: ${rest}` })
  if (bars.length === 0) return `<p>${escapeHtml(s.noFindings)}</p>`
  return barChart('kp-rules', bars, s.findingsPerRule)
}
