import { formatNumber } from '../../checks/readability.js'
import { SEVERITY_RANK, type Block, type Diagnostic, type FileReport, type Severity } from '../../types.js'
import { columnChart, lixScale } from './charts.js'
import { escapeHtml } from './escape.js'
import type { Strings } from './strings.js'

export const ICON: Record<Severity, string> = { error: '&#10006;', warning: '&#9650;', info: '&#9679;' }

/** A finding with its number in the document (reading order, 1-based). */
interface Numbered {
  n: number
  diagnostic: Diagnostic
  /** Offsets of the highlighted words; null for findings about the whole text. */
  span: [number, number] | null
}

/** Something drawn over the text: a finding, or the words that satisfy a checklist element. */
interface Annotation {
  start: number
  end: number
  /** Finding number, or 0 for checklist evidence. */
  n: number
  severity?: Severity
  /** Checklist element index, for evidence. */
  evidence?: number
  /** A finding on a whole sentence or more: underlined only, so the words inside stay readable. */
  wide?: boolean
}

/** Spans longer than this are drawn as an underline without a background. */
const WIDE = 60

/** Findings in reading order: those on words first, by offset; then those about the whole text. */
function numberFindings(report: FileReport): Numbered[] {
  const spans: Array<Omit<Numbered, 'n'>> = []
  const whole: Array<Omit<Numbered, 'n'>> = []
  for (const diagnostic of report.diagnostics) {
    const start = diagnostic.start.offset
    const end = diagnostic.end.offset
    if (diagnostic.actual !== '' && end > start) spans.push({ diagnostic, span: [start, end] })
    else whole.push({ diagnostic, span: null })
  }
  spans.sort((a, b) => a.span![0] - b.span![0] || b.span![1] - a.span![1])
  return [...spans, ...whole].map((item, i) => ({ ...item, n: i + 1 }))
}

/** One document as an <article>: the text with its findings, the side panel, the numbered notes. */
export function renderDocument(report: FileReport, index: number, s: Strings): string {
  const id = `d${index + 1}`
  const ui = report.language === 'nn' ? 'nn' : 'nb'
  const lang = report.language ?? 'nb'
  const out: string[] = []
  out.push(`<article class="doc" id="${id}" data-ui="${ui}" lang="${lang}" aria-labelledby="${id}-h">`)
  out.push(`<h2 id="${id}-h">${escapeHtml(report.path)}</h2>`)
  if (report.error !== undefined) {
    return `${out.join('')}<p class="error-text">${escapeHtml(s.unreadable)}: ${escapeHtml(report.error)}</p></article>`
  }
  const findings = numberFindings(report)
  out.push(
    metaLine(report, s),
    '<div class="layout">',
    `<div class="letter" role="document" aria-label="${escapeHtml(s.document)}">`,
    renderText(report, findings, id, s),
    `</div><aside class="panel" aria-label="${escapeHtml(s.findings)}">`,
    renderPanel(report, findings, id, s),
    '</aside></div>',
    renderNotes(findings, id, s),
    '</article>',
  )
  // Joined, the page of one document is one flat string: its pieces die young.
  return out.join('')
}

function metaLine(report: FileReport, s: Strings): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const d of report.diagnostics) counts[d.severity]++
  const parts = [report.format, s.languageName(report.language ?? ''), report.profile ? s.profile[report.profile] : ''].filter(Boolean)
  const chips = (['error', 'warning', 'info'] as const)
    .map((severity) => `<span class="sev s-${severity}">${ICON[severity]} ${counts[severity]} ${escapeHtml(counts[severity] === 1 ? s.severity[severity] : s.severityPlural[severity])}</span>`)
    .join('')
  return `<p class="meta">${escapeHtml(parts.join(' · '))}<span class="counts">${chips}</span></p>`
}

/** The text, block by block, with every annotation drawn in place. */
function renderText(report: FileReport, findings: Numbered[], id: string, s: Strings): string {
  // What the reader sees: Markdown without its markup (same offsets as the file's characters).
  const text = report.layout?.text ?? report.source ?? ''
  const blocks: Block[] = report.layout?.blocks ?? (text ? [{ kind: 'paragraph', start: 0, end: text.length }] : [])
  const annotations: Annotation[] = []
  for (const f of findings) {
    if (f.span) annotations.push({ start: f.span[0], end: f.span[1], n: f.n, severity: f.diagnostic.severity, wide: f.span[1] - f.span[0] > WIDE })
  }
  report.vedtak?.elements.forEach((element, k) => {
    if (element.evidence && element.evidence.end.offset > element.evidence.start.offset) {
      annotations.push({ start: element.evidence.start.offset, end: element.evidence.end.offset, n: 0, evidence: k })
    }
  })
  annotations.sort((a, b) => a.start - b.start || b.end - a.end)
  const paged = blocks.some((block) => block.location?.page !== undefined)
  const out: string[] = []
  let page: number | undefined
  let group: 'list' | 'table' | null = null
  let next = 0
  let active: Annotation[] = []
  const closeGroup = () => {
    if (group === 'list') out.push('</ul>')
    else if (group === 'table') out.push('</div>')
    group = null
  }
  for (const block of blocks) {
    const blockPage = block.location?.page
    if (paged && blockPage !== undefined && blockPage !== page) {
      closeGroup()
      page = blockPage
      out.push(`<div class="page" role="separator" aria-label="${escapeHtml(s.page(page))}">${escapeHtml(s.page(page))}</div>`)
    }
    // Annotations that reach into this block (they are sorted by start).
    active = active.filter((a) => a.end > block.start)
    while (next < annotations.length && annotations[next]!.start < block.end) {
      if (annotations[next]!.end > block.start) active.push(annotations[next]!)
      next++
    }
    const inner = segments(text, block, active, id)
    const part = block.part ? ` data-part="${escapeHtml(s.part[block.part])}"` : ''
    const wanted = block.kind === 'list-item' ? 'list' : block.kind === 'table-cell' ? 'table' : null
    if (wanted !== group) {
      closeGroup()
      if (wanted === 'list') out.push('<ul>')
      else if (wanted === 'table') out.push(`<div class="table" role="group" aria-label="${escapeHtml(s.table)}">`)
      group = wanted
    }
    if (block.kind === 'heading') out.push(`<h3${part}>${inner}</h3>`)
    else if (block.kind === 'list-item') out.push(`<li${part}>${inner}</li>`)
    else if (block.kind === 'table-cell') out.push(`<div class="cell"${part}>${inner}</div>`)
    else out.push(`<p${part}>${inner}</p>`)
  }
  closeGroup()
  return out.join('')
}

/**
 * A block's text cut at every annotation boundary. Each piece covered by findings is one <mark>
 * that lists all of them (`data-f`), coloured by the most severe; overlapping and nested findings
 * need no special case. An empty anchor marks where each finding and evidence starts (jump
 * links); the piece where a finding starts is a tab stop, the piece where it ends carries its
 * number for the printed footnotes.
 */
function segments(text: string, block: Block, active: Annotation[], id: string): string {
  // Leading and trailing white space (markup the Markdown loader blanked out) is not shown.
  let from = block.start
  let to = block.end
  while (from < to && isSpace(text.charCodeAt(from))) from++
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--
  if (active.length === 0) return escapeHtml(text.slice(from, to))
  const events: Array<[number, number, Annotation]> = [] // [offset, 0 = close | 1 = open, annotation]
  for (const a of active) {
    const start = Math.max(from, a.start)
    const end = Math.min(to, a.end)
    if (end > start) events.push([start, 1, a], [end, 0, a])
  }
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  let out = ''
  let at = from
  const open: Annotation[] = []
  let starting: Annotation[] = []
  let i = 0
  while (i <= events.length) {
    const offset = i < events.length ? events[i]![0] : to
    if (offset > at) {
      out += piece(text.slice(at, offset), open, starting, events, i, offset, id)
      starting = []
      at = offset
    }
    if (i === events.length) break
    // Apply every event at this offset: closes first (sorted), then opens.
    while (i < events.length && events[i]![0] === offset) {
      const [, kind, annotation] = events[i]!
      if (kind === 0) open.splice(open.indexOf(annotation), 1)
      else {
        open.push(annotation)
        // A finding carried over from the previous block starts there, not here.
        if (annotation.start >= block.start) starting.push(annotation)
      }
      i++
    }
  }
  return out
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160
}

function piece(
  content: string,
  open: Annotation[],
  starting: Annotation[],
  events: Array<[number, number, Annotation]>,
  nextEvent: number,
  endOffset: number,
  id: string,
): string {
  const escaped = escapeHtml(content)
  if (open.length === 0) return escaped
  const findings = open.filter((a) => a.n > 0)
  // The first finding starting here names the mark; other starts get an empty anchor before it.
  const named = findings.length > 0 ? starting.find((a) => a.n > 0) : undefined
  let anchors = ''
  for (const a of starting) if (a !== named) anchors += `<span class="a" id="${id}-${a.n > 0 ? `f${a.n}` : `e${a.evidence}`}"></span>`
  const evidence = open.some((a) => a.n === 0) ? ' ev' : ''
  if (findings.length === 0) return `${anchors}<span class="${evidence.trim()}">${escaped}</span>`
  // The colour is that of the most severe short finding here; under wide ones only, no background.
  const narrow = findings.filter((a) => !a.wide)
  const colouring = narrow.length > 0 ? narrow : findings
  let severity: Severity = 'info'
  for (const a of colouring) if (SEVERITY_RANK[a.severity!] > SEVERITY_RANK[severity]) severity = a.severity!
  let classes = `s-${severity}`
  if (narrow.length === 0) classes += ' wide'
  else {
    if (narrow.length > 1) classes += ' many'
    // Inside a wide finding: its own line under the short one's, so neither cue is lost.
    let wide: Severity | undefined
    for (const a of findings) if (a.wide && (!wide || SEVERITY_RANK[a.severity!] > SEVERITY_RANK[wide])) wide = a.severity!
    if (wide) classes += ` w-${wide}`
  }
  const numbers = findings.map((a) => a.n).sort((x, y) => x - y)
  // Findings whose last piece this is: they close at endOffset.
  const ending: number[] = []
  for (let k = nextEvent; k < events.length && events[k]![0] === endOffset; k++) {
    const [, kind, a] = events[k]!
    if (kind === 0 && a.n > 0) ending.push(a.n)
  }
  // A tab stop where a finding starts; the script adds the button role and ARIA state.
  const tab = named ? ` id="${id}-f${named.n}" tabindex="0"` : ''
  const end = ending.length > 0 ? ` data-end="${ending.sort((x, y) => x - y).join(',')}"` : ''
  return `${anchors}<mark class="${classes}${evidence}" data-f="${numbers.join(' ')}"${tab}${end}>${escaped}</mark>`
}

/** Side panel: readability, sentence lengths, the checklist, findings by rule. */
function renderPanel(report: FileReport, findings: Numbered[], id: string, s: Strings): string {
  const out: string[] = []
  const metrics = report.metrics
  if (metrics) {
    out.push(`<h3>${escapeHtml(s.readability)}</h3><dl>`)
    if (metrics.lix !== null) {
      out.push(`<dt>LIX</dt><dd><strong>${formatNumber(metrics.lix)}</strong> (${escapeHtml(s.lixBand(metrics.lixBand ?? ''))})</dd>`)
    }
    out.push(`<dt>${escapeHtml(s.words)}</dt><dd>${metrics.words}</dd>`)
    out.push(`<dt>${escapeHtml(s.sentences)}</dt><dd>${metrics.sentences}</dd>`)
    if (metrics.meanSentenceLength !== null) out.push(`<dt>${escapeHtml(s.perSentence)}</dt><dd>${formatNumber(metrics.meanSentenceLength)}</dd>`)
    out.push(`<dt>${escapeHtml(s.longSentences)}</dt><dd>${metrics.longSentences}</dd></dl>`)
    if (metrics.lix !== null) out.push(lixScale(`${id}-lix`, metrics.lix, `LIX ${formatNumber(metrics.lix)}: ${s.lixBand(metrics.lixBand ?? '')}`))
    const lengths = report.layout?.sentenceWords
    if (lengths && lengths.length > 0) {
      out.push(`<h3>${escapeHtml(s.sentenceLengths)}</h3>${sentenceChart(lengths, `${id}-len`, s, metrics.longSentences)}`)
    }
  }
  if (report.vedtak) out.push(checklist(report, id, s))
  out.push(`<h3>${escapeHtml(s.byRule)}</h3>`)
  if (findings.length === 0) return out.join('') + `<p>${escapeHtml(s.noFindings)}</p>`
  const byRule = new Map<string, Numbered[]>()
  for (const f of findings) {
    const list = byRule.get(f.diagnostic.ruleId)
    if (list) list.push(f)
    else byRule.set(f.diagnostic.ruleId, [f])
  }
  const groups = [...byRule].sort((a, b) => worst(b[1]) - worst(a[1]) || b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
  const LIMIT = 100
  for (const [ruleId, list] of groups) {
    const severity = list[0]!.diagnostic.severity
    const description = report.layout?.rules[ruleId]?.description
    out.push(`<details${groups.length <= 6 ? ' open' : ''}><summary><span class="icon s-${severity}" aria-hidden="true">${ICON[severity]}</span> <code>${escapeHtml(ruleId)}</code> (${list.length})`)
    if (description) out.push(`<span class="desc">${escapeHtml(description)}</span>`)
    // Jump links by finding number; the number is the one in the text's footnotes.
    out.push('</summary><p class="jump">')
    for (const f of list.slice(0, LIMIT)) out.push(`<a href="#${id}-${f.span ? 'f' : 'n'}${f.n}">${f.n}</a> `)
    out.push('</p>')
    if (list.length > LIMIT) out.push(`<p class="hint">${escapeHtml(s.moreFindings(list.length - LIMIT))}</p>`)
    out.push('</details>')
  }
  return out.join('')
}

function worst(list: Numbered[]): number {
  return Math.max(...list.map((f) => SEVERITY_RANK[f.diagnostic.severity]))
}

const LENGTH_BINS: Array<[number, number]> = [[1, 5], [6, 10], [11, 15], [16, 20], [21, 25], [26, 30], [31, 40], [41, Infinity]]

function sentenceChart(lengths: number[], id: string, s: Strings, long: number): string {
  const counts = LENGTH_BINS.map(() => 0)
  for (const length of lengths) {
    const bin = LENGTH_BINS.findIndex(([, high]) => length <= high)
    counts[bin]!++
  }
  const bars = LENGTH_BINS.map(([low, high], i) => {
    const label = high === Infinity ? `${low}+` : `${low}\u2013${high}`
    return { label, value: counts[i]!, title: `${label} ${s.wordsUnit}: ${s.sentencesUnit(counts[i]!)}`, emphasis: low > 20 }
  })
  return columnChart(id, bars, s.sentenceLengthsLabel(lengths.length, long), s.wordsPerSentenceAxis)
}

function checklist(report: FileReport, id: string, s: Strings): string {
  const vedtak = report.vedtak!
  const elements = vedtak.elements.map((element, k) => ({ element, k })).filter(({ element }) => element.applies)
  const out: string[] = [`<h3>${escapeHtml(s.checklist)}</h3>`]
  if (vedtak.outcome) out.push(`<p>${escapeHtml(s.outcome)}: ${escapeHtml(vedtak.outcome)}</p>`)
  const missing = elements.filter(({ element }) => !element.present)
  const present = elements.filter(({ element }) => element.present)
  if (missing.length === 0) out.push(`<p>${escapeHtml(s.allPresent)}</p>`)
  out.push('<ul class="checklist">')
  for (const { element } of missing) {
    out.push(`<li><span class="no">&#10008; ${escapeHtml(s.missing)}:</span> ${escapeHtml(element.label)} <span class="sev s-${element.level}">(${escapeHtml(s.severity[element.level])})</span><span class="basis">${escapeHtml(element.basis)}</span></li>`)
  }
  for (const { element, k } of present) {
    const link = element.evidence ? ` &#8211; <a href="#${id}-e${k}" title="${escapeHtml(element.evidence.text)}">${escapeHtml(s.showWords)}</a>` : ''
    out.push(`<li><span class="yes">&#10004;</span> ${escapeHtml(element.label)}${link}</li>`)
  }
  return out.join('') + `</ul>`
}

/** Every finding, numbered as in the text: the footnotes when printed, and the popup's source. */
function renderNotes(findings: Numbered[], id: string, s: Strings): string {
  if (findings.length === 0) return ''
  const out: string[] = [`<section class="notes" aria-labelledby="${id}-notes"><h3 id="${id}-notes">${escapeHtml(s.footnotes)}</h3><ol>`]
  for (const { n, diagnostic: d, span } of findings) {
    out.push(`<li id="${id}-n${n}" data-rule="${escapeHtml(d.ruleId)}"><div class="note-main">`)
    out.push(`<span class="sev s-${d.severity}">${ICON[d.severity]} ${escapeHtml(s.severity[d.severity])}</span> ${escapeHtml(d.message)}`)
    const suggestion = suggestionOf(d, s)
    if (suggestion) out.push(`<span class="sug">${escapeHtml(s.suggestion)}: ${escapeHtml(suggestion)}</span>`)
    const where = d.location ?? (span ? s.line(d.start.line, d.start.column) : s.wholeText)
    // The place is also the way back to the words in the text.
    const place = span ? `<a class="where" href="#${id}-f${n}">${escapeHtml(where)}</a>` : `<span class="where">${escapeHtml(where)}</span>`
    out.push(` ${place} <code>${escapeHtml(d.ruleId)}</code></div></li>`)
  }
  return out.join('') + `</ol></section>`
}

/** The suggestion, unless the message already names it («Skriv heller «om» enn …»). */
function suggestionOf(d: Diagnostic, s: Strings): string | undefined {
  if (!d.expected) return undefined
  if (d.expected.length === 0) return s.rewrite
  if (d.message.includes(`«${d.expected[0]}»`)) return undefined
  return d.expected.map((e) => `«${e}»`).join(' / ')
}
