import { formatNumber } from '../../checks/readability.js'
import { escapeHtml } from './escape.js'

/** Inline SVG charts: bars drawn with attributes only (no style attributes, which the CSP forbids). */

export interface Bar {
  label: string
  value: number
  /** Text for the bar's tooltip and for screen readers. */
  title: string
  /** A second fill for bars that stand out (e.g. long sentences), with a hatch as the non-colour cue. */
  emphasis?: boolean
}

const HATCH = '<defs><pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#994455"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern></defs>'

/** Vertical bars (a histogram): one column per bar, the value above it. */
export function columnChart(id: string, bars: Bar[], label: string, unit: string): string {
  const width = 340
  const height = 150
  const top = 18
  const bottom = 34
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  const slot = width / Math.max(1, bars.length)
  const plot = height - top - bottom
  let out = `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t" xmlns="http://www.w3.org/2000/svg"><title id="${id}-t">${escapeHtml(label)}</title>`
  if (bars.some((bar) => bar.emphasis)) out += HATCH.replace('{id}', `${id}-h`)
  bars.forEach((bar, i) => {
    const h = Math.round((bar.value / max) * plot)
    const x = Math.round(i * slot + slot * 0.15)
    const w = Math.max(1, Math.round(slot * 0.7))
    const y = top + plot - h
    const fill = bar.emphasis ? `url(#${id}-h)` : '#4b6f96'
    out += `<g><title>${escapeHtml(bar.title)}</title><rect x="${x}" y="${y}" width="${w}" height="${Math.max(h, bar.value > 0 ? 1 : 0)}" fill="${fill}"/>`
    out += `<text x="${x + w / 2}" y="${y - 4}" text-anchor="middle">${bar.value}</text>`
    out += `<text class="small" x="${x + w / 2}" y="${height - bottom + 14}" text-anchor="middle">${escapeHtml(bar.label)}</text></g>`
  })
  out += `<line x1="0" y1="${top + plot + 0.5}" x2="${width}" y2="${top + plot + 0.5}" stroke="#888"/>`
  out += `<text x="${width / 2}" y="${height - 4}" text-anchor="middle">${escapeHtml(unit)}</text></svg>`
  return out
}

/** Horizontal bars with a label on the left, for one row per document or rule. */
export function barChart(id: string, bars: Bar[], label: string, options: { max?: number; marks?: number[] } = {}): string {
  const width = 420
  const labelWidth = 185
  const row = 18
  const top = options.marks ? 16 : 4
  const height = top + bars.length * row + 4
  const max = Math.max(1, options.max ?? 0, ...bars.map((bar) => bar.value))
  const plot = width - labelWidth - 40
  let out = `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t" xmlns="http://www.w3.org/2000/svg"><title id="${id}-t">${escapeHtml(label)}</title>`
  for (const mark of options.marks ?? []) {
    const x = labelWidth + Math.round((mark / max) * plot) + 0.5
    out += `<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${height}" stroke="#999" stroke-dasharray="3 3"/><text x="${x}" y="11" text-anchor="middle">${mark}</text>`
  }
  bars.forEach((bar, i) => {
    const y = top + i * row
    const w = Math.max(bar.value > 0 ? 1 : 0, Math.round((bar.value / max) * plot))
    out += `<g><title>${escapeHtml(bar.title)}</title><text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(truncate(bar.label, 25))}</text>`
    out += `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 6}" fill="#4b6f96"/>`
    out += `<text x="${labelWidth + w + 4}" y="${y + 13}">${escapeHtml(formatNumber(bar.value))}</text></g>`
  })
  return `${out}</svg>`
}

/** LIX on the scale of its bands, with the document's value marked. */
export function lixScale(id: string, lix: number, label: string): string {
  const width = 280
  const max = 70
  const bands: Array<[number, number, string]> = [
    [0, 30, '#d6e6d9'],
    [30, 40, '#e6efd9'],
    [40, 50, '#f3eccb'],
    [50, 60, '#f2dccb'],
    [60, 70, '#eecbd0'],
  ]
  const x = (value: number) => Math.round((Math.min(value, max) / max) * (width - 20)) + 10
  let out = `<svg viewBox="0 0 ${width} 46" width="${width}" height="46" role="img" aria-labelledby="${id}-t" xmlns="http://www.w3.org/2000/svg"><title id="${id}-t">${escapeHtml(label)}</title>`
  for (const [from, to, fill] of bands) out += `<rect x="${x(from)}" y="8" width="${x(to) - x(from)}" height="14" fill="${fill}" stroke="#fff"/>`
  for (const tick of [30, 40, 50, 60]) out += `<text x="${x(tick)}" y="36" text-anchor="middle">${tick}</text>`
  const at = x(lix)
  out += `<path d="M${at - 6} 2 L${at + 6} 2 L${at} 12 Z" fill="#1a1a1a"/><line x1="${at}" y1="8" x2="${at}" y2="24" stroke="#1a1a1a" stroke-width="2"/>`
  return `${out}</svg>`
}

function truncate(text: string, length: number): string {
  return text.length > length ? `…${text.slice(text.length - length + 1)}` : text
}
