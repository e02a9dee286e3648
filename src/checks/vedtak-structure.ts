import type { Analysis } from '../language/segment.js'
import type { RuleDef } from '../rules/schema.js'
import type { Finding } from '../types.js'
import { findDecision, outcomeOf, SERVICE } from '../vedtak/outcome.js'
import { blockText, classify, dataPattern, isProse, keywordPattern, layoutOf, type LetterLayout } from '../vedtak/sections.js'
import type { CheckType, Runner } from './check.js'
import { boundedRegExp } from './bounded.js'
import { norwegianRegExp } from './pattern.js'

/**
 * Order and form of a decision letter (rules/vedtak/): one rule type, a `check` key picks which
 * check. Every keyword, number and legal detail comes from the rule file, so a municipality (or a
 * new forvaltningslov) changes data, not code. Keyword lists are plain words and phrases
 * (case-insensitive, whole words, `*` at the end of a word for any ending); keys documented as
 * «regex» are JavaScript regular expressions whose `\b`/`\w` know æøå.
 */

type Compiler = (rule: RuleDef, index: number) => Runner

/** Which keys each check uses; the first ones listed are required. */
const CHECK_KEYS: Record<string, { required: string[]; optional: string[] }> = {
  'result-first': { required: ['before'], optional: ['paragraphs', 'decisions'] },
  heading: { required: ['nominal', 'references'], optional: ['templates', 'templatesNn'] },
  order: { required: ['sections'], optional: ['ignore'] },
  'legal-references': { required: ['references', 'legalSections'], optional: ['maxPerSentence', 'opening', 'exceptions'] },
  'vague-extent': { required: ['vague', 'review', 'date'], optional: ['context', 'exceptions'] },
  'complaint-deadline': {
    required: ['weeks', 'law', 'applies', 'complaint', 'numbers', 'units'],
    optional: ['exceptions', 'suggest', 'suggestNn'],
  },
}

/** Keys holding regular expressions (validated by compiling them). */
const REGEX_KEYS = ['decisions', 'references', 'review', 'date'] as const

const strings = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : [])
const map = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {})

/** Trimmed text of a span: no surrounding whitespace in a finding. */
function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return [start, end]
}

/** A list of regular expressions from a rule file as one alternation. */
const anyOf = (sources: string[], flags?: string): RegExp => dataPattern(sources.map((source) => `(?:${source})`).join('|'), flags)

// ---------------------------------------------------------------------------------------------
// result-first: the decision stands in the heading or the first paragraphs, before facts and law

interface Located {
  start: number
  end: number
  block: number
}

/** The decision: findDecision, or an earlier sentence matching one of the rule's `decisions`. */
function locateDecision(analysis: Analysis, extra: RegExp | undefined): Located | undefined {
  const found = findDecision(analysis)
  let best: Located | undefined = found
    ? { start: found.start, end: found.end, block: analysis.sentences[found.sentence]!.block }
    : undefined
  if (extra) {
    for (const sentence of analysis.sentences) {
      if (best && sentence.start >= best.start) break
      if (sentence.endWord === sentence.firstWord) continue
      if (extra.test(analysis.text.slice(sentence.start, sentence.end))) {
        best = { start: sentence.start, end: sentence.end, block: sentence.block }
        break
      }
    }
  }
  return best
}

/**
 * Paragraph number (1-based) of `block` in the body: 1 + the paragraphs of real prose before it
 * (a run of list items counts as one). Greetings, «Saksnummer: …» and other short lines of a
 * letter template are not paragraphs the reader has to get through.
 */
function paragraphNumber(analysis: Analysis, layout: LetterLayout, block: number): number {
  let count = 1
  for (let i = layout.body; i < block && i < analysis.blocks.length; i++) {
    if (!isProse(analysis, i)) continue
    if (analysis.blocks[i]!.kind === 'list-item' && i > layout.body && analysis.blocks[i - 1]!.kind === 'list-item') continue
    count++
  }
  return count
}

const resultFirst: Compiler = (rule, index) => {
  const before = keywordPattern(strings(rule.options.before))
  const maxParagraphs = rule.options.paragraphs as number | undefined
  const decisions = rule.options.decisions ? anyOf(strings(rule.options.decisions)) : undefined
  return ({ analysis }, out) => {
    const decision = locateDecision(analysis, decisions)
    if (!decision) return
    const layout = layoutOf(analysis)
    if (decision.block < layout.body || decision.block >= layout.end) return
    const section = layout.sections.find((block) => block < decision.block && before.test(blockText(analysis, block)))
    if (section !== undefined) {
      out.push({ rule: index, start: decision.start, end: decision.end, data: { where: `etter «${blockText(analysis, section)}»` } })
      return
    }
    if (maxParagraphs === undefined) return
    const paragraph = paragraphNumber(analysis, layout, decision.block)
    if (paragraph > maxParagraphs) {
      out.push({ rule: index, start: decision.start, end: decision.end, data: { where: `i avsnitt ${paragraph}` } })
    }
  }
}

// ---------------------------------------------------------------------------------------------
// heading: the main heading states the outcome in plain words

const SERVICE_PATTERN = norwegianRegExp(`\\b${SERVICE}`, 'iu')

/** The service a text names, as it would stand mid-sentence («praktisk bistand», «BPA»). */
function serviceIn(text: string): string | undefined {
  const match = SERVICE_PATTERN.exec(text)
  if (!match) return undefined
  const service = match[0].replace(/\s+/g, ' ')
  return /^\p{Lu}{2,}$/u.test(service) ? service : service.charAt(0).toLowerCase() + service.slice(1)
}

const heading: Compiler = (rule, index) => {
  const nominal = keywordPattern(strings(rule.options.nominal))
  const startsNominal = boundedRegExp(`^\\s*${nominal.source}`, nominal.flags)
  const references = anyOf(strings(rule.options.references))
  const templates = { nb: map(rule.options.templates), nn: map(rule.options.templatesNn) }
  return ({ analysis, language }, out) => {
    const layout = layoutOf(analysis)
    if (layout.heading === undefined) return
    const text = blockText(analysis, layout.heading)
    const legal = references.test(text)
    if (!legal && !(startsNominal.test(text) && !outcomeOf(text))) return
    const block = analysis.blocks[layout.heading]!
    const [start, end] = trimSpan(analysis.text, block.start, block.end)
    const finding: Finding = { rule: index, start, end }
    // Suggest a heading only from a decision sentence that names the service it decides on.
    const decision = findDecision(analysis)
    const decided = decision ? serviceIn(analysis.text.slice(decision.start, decision.end)) : undefined
    const service = serviceIn(text) ?? decided
    const outcome = decided ? decision?.outcome : undefined
    const set = language === 'nn' && Object.keys(templates.nn).length > 0 ? templates.nn : templates.nb
    const template = outcome ? set[outcome] : undefined
    if (service && typeof template === 'string') finding.expected = [template.replace(/\{\{\s*tjeneste\s*\}\}/g, service)]
    out.push(finding)
  }
}

// ---------------------------------------------------------------------------------------------
// order: heading → decision → reasons → facts and assessment → complaint → contact → laws

/**
 * Longest non-decreasing subsequence of ranks; returns the positions kept (earliest on ties).
 * Ranks are section classes (a handful), so the best chain ending in each rank is kept and every
 * position looks only at those: O(positions × classes), not quadratic in the headings.
 */
function keptInOrder(ranks: readonly number[]): Set<number> {
  const length: number[] = []
  const previous: number[] = []
  // Per rank: the longest chain ending in that rank so far, and its earliest end position.
  const bestLength = new Map<number, number>()
  const bestAt = new Map<number, number>()
  const classes: number[] = [...new Set(ranks)].sort((a, b) => a - b)
  for (let i = 0; i < ranks.length; i++) {
    const rank = ranks[i]!
    let from = -1
    let longest = 0
    for (const r of classes) {
      if (r > rank) break
      const l = bestLength.get(r) ?? 0
      const at = bestAt.get(r) ?? -1
      if (l > longest || (l === longest && l > 0 && at < from)) {
        longest = l
        from = at
      }
    }
    length.push(longest + 1)
    previous.push(from)
    if (longest + 1 > (bestLength.get(rank) ?? 0)) {
      bestLength.set(rank, longest + 1)
      bestAt.set(rank, i)
    }
  }
  let best = -1
  for (let i = 0; i < ranks.length; i++) if (best === -1 || length[i]! > length[best]!) best = i
  const kept = new Set<number>()
  for (let i = best; i !== -1; i = previous[i]!) kept.add(i)
  return kept
}

const order: Compiler = (rule, index) => {
  const entries = Object.entries(map(rule.options.sections))
  const classes = entries.map(([, keywords]) => keywordPattern([keywords].flat().map(String)))
  const ignore = rule.options.ignore ? keywordPattern(strings(rule.options.ignore)) : undefined
  return ({ analysis }, out) => {
    const layout = layoutOf(analysis)
    const found: Array<{ block: number; rank: number; text: string }> = []
    for (const block of layout.sections) {
      const text = blockText(analysis, block)
      if (ignore?.test(text)) continue
      const rank = classify(text, classes)
      if (rank !== -1) found.push({ block, rank, text })
    }
    if (found.length < 2) return
    const kept = keptInOrder(found.map((section) => section.rank))
    // For each section out of order, the neighbour to name: the last kept section after it that
    // belongs before it, else the first kept section before it that belongs after it. Found with
    // one pass each way over the kept sections per rank, not a search per section.
    const ranks = [...new Set(found.map((section) => section.rank))].sort((a, b) => a - b)
    const laterBefore: Array<number | undefined> = []
    const lastKept = new Map<number, number>()
    for (let i = found.length - 1; i >= 0; i--) {
      if (kept.has(i)) {
        if (!lastKept.has(found[i]!.rank)) lastKept.set(found[i]!.rank, i)
        continue
      }
      let best: number | undefined
      for (const rank of ranks) {
        if (rank >= found[i]!.rank) break
        const at = lastKept.get(rank)
        if (at !== undefined && (best === undefined || at > best)) best = at
      }
      laterBefore[i] = best
    }
    const earlierAfter: Array<number | undefined> = []
    const firstKept = new Map<number, number>()
    for (let i = 0; i < found.length; i++) {
      if (kept.has(i)) {
        if (!firstKept.has(found[i]!.rank)) firstKept.set(found[i]!.rank, i)
        continue
      }
      let best: number | undefined
      for (const rank of ranks) {
        if (rank <= found[i]!.rank) continue
        const at = firstKept.get(rank)
        if (at !== undefined && (best === undefined || at < best)) best = at
      }
      earlierAfter[i] = best
    }
    found.forEach((section, i) => {
      if (kept.has(i)) return
      const later = laterBefore[i]
      const earlier = earlierAfter[i]
      const relation = later !== undefined ? 'etter' : 'før'
      const other = later !== undefined ? found[later] : earlier !== undefined ? found[earlier] : undefined
      if (!other) return
      const block = analysis.blocks[section.block]!
      const [start, end] = trimSpan(analysis.text, block.start, block.end)
      out.push({
        rule: index,
        start,
        end,
        data: { section: entries[section.rank]![0], relation, other: other.text, otherSection: entries[other.rank]![0] },
      })
    })
  }
}

// ---------------------------------------------------------------------------------------------
// legal-references: no heaps of § in running text, none in the opening paragraph

interface Reference {
  start: number
  end: number
}

/** A § reference may continue a list: «§ 7-2 og § 7-5», «§§ 18, 19». */
const LIST_GAP = /^\s*(?:,|og|eller|samt)\s*$/iu
/** Between parts of one reference: «pasient- og brukerrettighetsloven (pbrl.) § 2-1 a», «jf. pbrl. § 7-5». */
const JOIN_GAP = /^[\s()]*$/u
/** A section of a law named after it: «§ 18 i forvaltningsloven», «§ 4 i kommunen si forskrift om …». */
const OF_GAP = /^\s+i\s+(?:[\p{L}\d-]+\s+){0,3}$/u

/**
 * Legal references in a sentence: matches of the rule's patterns, joined into one reference
 * where they belong together («forvaltningsloven § 18», «jf. pbrl. § 7-5», «§ 7-2 og § 7-5»).
 */
function referencesIn(text: string, start: number, end: number, pattern: RegExp, exceptions: Set<string>): Reference[][] {
  const slice = text.slice(start, end)
  const matches: Reference[] = []
  pattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = pattern.exec(slice)) !== null) {
    if (match[0] === '') {
      pattern.lastIndex = match.index + 1
      continue
    }
    if (exceptions.has(match[0].toLowerCase())) continue
    matches.push({ start: start + match.index, end: start + match.index + match[0].length })
  }
  const groups: Reference[][] = []
  for (const ref of matches) {
    const group = groups.at(-1)
    const last = group?.at(-1)
    if (group && last) {
      const gap = text.slice(last.end, ref.start)
      const next = text.slice(ref.start, ref.end)
      const startsJf = /^(?:jf|jfr|sml)\b/iu.test(next)
      const hasSection = group.some((r) => text.slice(r.start, r.end).includes('§'))
      const joins =
        (JOIN_GAP.test(gap) && !startsJf) ||
        (next.startsWith('§') && hasSection && LIST_GAP.test(gap)) ||
        (!next.startsWith('§') && !startsJf && text.slice(last.start, last.end).includes('§') && OF_GAP.test(gap))
      if (joins) {
        group.push(ref)
        continue
      }
    }
    groups.push([ref])
  }
  return groups
}

const legalReferences: Compiler = (rule, index) => {
  const pattern = anyOf(strings(rule.options.references), 'giu')
  const legalSections = keywordPattern(strings(rule.options.legalSections))
  const maxPerSentence = (rule.options.maxPerSentence as number | undefined) ?? 1
  const opening = rule.options.opening !== false
  const exceptions = new Set(strings(rule.options.exceptions).map((word) => word.toLowerCase()))
  return ({ analysis }, out) => {
    const layout = layoutOf(analysis)
    const { blocks, sentences, text } = analysis
    const sectionSet = new Set(layout.sections)
    // Blocks in a legal section at the end: from its heading on, when no other section follows.
    let legalFrom = layout.end
    for (let k = layout.sections.length - 1; k >= 0; k--) {
      const block = layout.sections[k]!
      if (!legalSections.test(blockText(analysis, block))) break
      legalFrom = block
    }
    let openingBlock = -1
    for (let i = layout.body; i < layout.end; i++) {
      if (sectionSet.has(i) || blocks[i]!.kind === 'heading' || blocks[i]!.part) continue
      openingBlock = i
      break
    }
    for (let i = layout.body; i < legalFrom; i++) {
      const block = blocks[i]!
      if (sectionSet.has(i) || block.kind === 'heading' || block.part) continue
      for (let s = block.firstSentence; s < block.endSentence; s++) {
        const sentence = sentences[s]!
        const groups = referencesIn(text, sentence.start, sentence.end, pattern, exceptions)
        const inOpening = opening && i === openingBlock && groups.length > 0
        if (!inOpening && groups.length <= maxPerSentence) continue
        out.push({
          rule: index,
          start: groups[0]![0]!.start,
          end: groups.at(-1)!.at(-1)!.end,
          data: { count: groups.length, where: inOpening ? 'første avsnitt' : 'samme setning' },
        })
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// vague-extent: «etter behov», «inntil videre» when the letter gives no review or end date

const vagueExtent: Compiler = (rule, index) => {
  const vague = keywordPattern(strings(rule.options.vague), 'giu')
  const context = rule.options.context ? keywordPattern(strings(rule.options.context)) : undefined
  const exceptions = rule.options.exceptions ? keywordPattern(strings(rule.options.exceptions)) : undefined
  const date = `(?:${rule.options.date as string})`
  const review = anyOf(strings(rule.options.review).map((source) => source.replaceAll('{date}', date)))
  return ({ analysis }, out) => {
    const { text, sentences } = analysis
    const layout = layoutOf(analysis)
    const from = analysis.blocks[layout.body]?.start ?? 0
    const to = analysis.blocks[layout.end]?.start ?? text.length
    const found: Finding[] = []
    for (const sentence of sentences) {
      if (sentence.start < from || sentence.start >= to || sentence.endWord === sentence.firstWord) continue
      const slice = text.slice(sentence.start, sentence.end)
      vague.lastIndex = 0
      if (!vague.test(slice)) continue
      if ((context && !context.test(slice)) || exceptions?.test(slice)) continue
      vague.lastIndex = 0
      let match: RegExpExecArray | null
      while ((match = vague.exec(slice)) !== null) {
        found.push({ rule: index, start: sentence.start + match.index, end: sentence.start + match.index + match[0].length })
      }
    }
    // Only a vague phrase needs the (costly, whole-text) search for a review or end date.
    // A loop, not push(...found): spreading a huge array overflows the call stack.
    if (found.length > 0 && !review.test(text)) for (const finding of found) out.push(finding)
  }
}

// ---------------------------------------------------------------------------------------------
// complaint-deadline: the complaint deadline the law gives (pbrl. § 7-5: four weeks)

const complaintDeadline: Compiler = (rule, index) => {
  const weeks = rule.options.weeks as number
  const applies = keywordPattern(strings(rule.options.applies))
  const complaint = keywordPattern(strings(rule.options.complaint))
  const exceptions = rule.options.exceptions ? keywordPattern(strings(rule.options.exceptions)) : undefined
  const numbers = new Map(Object.entries(map(rule.options.numbers)).map(([word, value]) => [word.toLowerCase(), Number(value)]))
  const units = new Map(Object.entries(map(rule.options.units)).map(([word, value]) => [word.toLowerCase(), Number(value)]))
  const alternatives = (words: Iterable<string>): string =>
    [...words].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  const span = norwegianRegExp(`\\b(\\d+|${alternatives(numbers.keys())})\\s+(${alternatives(units.keys())})\\b`, 'giu')
  const suggest = { nb: rule.options.suggest as string | undefined, nn: (rule.options.suggestNn ?? rule.options.suggest) as string | undefined }
  return ({ analysis, language }, out) => {
    const { text, sentences } = analysis
    if (!applies.test(text)) return
    for (const sentence of sentences) {
      const slice = text.slice(sentence.start, sentence.end)
      if (!complaint.test(slice) || exceptions?.test(slice)) continue
      span.lastIndex = 0
      let match: RegExpExecArray | null
      while ((match = span.exec(slice)) !== null) {
        const count = /^\d+$/.test(match[1]!) ? Number(match[1]) : numbers.get(match[1]!.toLowerCase())
        const days = units.get(match[2]!.toLowerCase())
        if (count === undefined || days === undefined || count * days === weeks * 7) continue
        const finding: Finding = { rule: index, start: sentence.start + match.index, end: sentence.start + match.index + match[0].length }
        const suggestion = language === 'nn' ? suggest.nn : suggest.nb
        if (suggestion) finding.expected = [suggestion]
        out.push(finding)
      }
    }
  }
}

const COMPILERS: Record<string, Compiler> = {
  'result-first': resultFirst,
  heading,
  order,
  'legal-references': legalReferences,
  'vague-extent': vagueExtent,
  'complaint-deadline': complaintDeadline,
}

/** Order and form checks for decision letters; `check` picks one. */
export const vedtakStructure: CheckType = {
  type: 'vedtak-structure',
  summary: 'rekkefølge og form i vedtaksbrev (check: result-first, heading, order, legal-references, vague-extent, complaint-deadline)',
  keys: {
    check: { kind: 'string', required: true, doc: `hvilken sjekk: ${Object.keys(CHECK_KEYS).join(', ')}` },
    before: { kind: 'string-list', doc: 'result-first: overskrifter vedtaket må stå før (Vurdering, Begrunnelse, Lovgrunnlag …)' },
    paragraphs: { kind: 'integer', min: 1, doc: 'result-first: vedtaket må stå innen så mange avsnitt av brødteksten' },
    decisions: { kind: 'string-list', doc: 'result-first: regex for flere vedtakssetninger («Du innvilges …»)' },
    nominal: { kind: 'string-list', doc: 'heading: overskrifter som begynner slik, sier ikke utfallet («Vedtak om»)' },
    references: { kind: 'string-list', doc: 'heading, legal-references: regex for lovhenvisninger (§, jf., …loven)' },
    templates: { kind: 'swap', doc: 'heading: utfall → forslag til overskrift, {{tjeneste}} for tjenesten (bokmål)' },
    templatesNn: { kind: 'swap', doc: 'heading: utfall → forslag til overskrift (nynorsk)' },
    sections: { kind: 'swap', doc: 'order: del → nøkkelord i overskriften, i anbefalt rekkefølge' },
    ignore: { kind: 'string-list', doc: 'order: overskrifter med disse ordene plasseres ikke' },
    legalSections: { kind: 'string-list', doc: 'legal-references: overskrifter for lovdelen til slutt («Lover og regler»)' },
    maxPerSentence: { kind: 'integer', min: 1, doc: 'legal-references: flest lovhenvisninger i én setning' },
    opening: { kind: 'boolean', doc: 'legal-references: flagg lovhenvisninger i første avsnitt (standard: true)' },
    exceptions: { kind: 'string-list', doc: 'legal-references: treff som ikke er lover; vague-extent, complaint-deadline: setninger med disse ordene hoppes over' },
    vague: { kind: 'string-list', doc: 'vague-extent: vage ord om omfang og varighet' },
    context: { kind: 'string-list', doc: 'vague-extent: setningen må handle om tjenesten (ett av disse ordene)' },
    review: { kind: 'string-list', doc: 'vague-extent: regex for sluttdato eller ny vurdering; {date} er en dato' },
    date: { kind: 'string', doc: 'vague-extent: regex for en dato' },
    weeks: { kind: 'integer', min: 1, doc: 'complaint-deadline: klagefristen i uker' },
    law: { kind: 'string', doc: 'complaint-deadline: lovbestemmelsen for fristen («pasient- og brukerrettighetsloven § 7-5»)' },
    applies: { kind: 'string-list', doc: 'complaint-deadline: brevet må nevne ett av disse (loven eller tjenesten)' },
    complaint: { kind: 'string-list', doc: 'complaint-deadline: ord for klage' },
    numbers: { kind: 'swap', doc: 'complaint-deadline: tallord → tall' },
    units: { kind: 'swap', doc: 'complaint-deadline: tidsord → antall dager' },
    suggest: { kind: 'string', doc: 'complaint-deadline: forslag (bokmål)' },
    suggestNn: { kind: 'string', doc: 'complaint-deadline: forslag (nynorsk)' },
  },
  validate(options) {
    const problems: Array<[string, string]> = []
    const check = options.check as string
    const spec = CHECK_KEYS[check]
    if (!spec) return [['check', `ukjent sjekk «${check}»; bruk en av: ${Object.keys(CHECK_KEYS).join(', ')}`]]
    for (const key of spec.required) if (options[key] === undefined) problems.push(['check', `«${check}» trenger nøkkelen «${key}»`])
    for (const key of Object.keys(options)) {
      if (key !== 'check' && !spec.required.includes(key) && !spec.optional.includes(key)) {
        problems.push([key, `brukes ikke av «${check}» (den bruker ${[...spec.required, ...spec.optional].join(', ')})`])
      }
    }
    for (const key of REGEX_KEYS) {
      const sources = key === 'date' ? (options.date === undefined ? [] : [options.date as string]) : strings(options[key])
      for (const source of sources) {
        try {
          dataPattern(source.replaceAll('{date}', '(?:x)'))
        } catch (error) {
          problems.push([key, `ugyldig regulært uttrykk «${source}»: ${(error as Error).message}`])
        }
      }
    }
    for (const key of ['numbers', 'units'] as const) {
      for (const [word, value] of Object.entries(map(options[key]))) {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) problems.push([key, `«${word}» må ha et heltall over 0`])
      }
    }
    for (const key of ['templates', 'templatesNn', 'sections'] as const) {
      for (const [name, value] of Object.entries(map(options[key]))) {
        const ok = typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))
        if (!ok) problems.push([key, `«${name}» må ha en tekst eller en liste med tekster`])
      }
    }
    return problems
  },
  compile(rule, index) {
    return COMPILERS[rule.options.check as string]!(rule, index)
  },
}
