import type { Analysis } from '../language/segment.js'
import { CONDITIONS, conditionHolds, decisionOf, recordElement, sentenceTexts, subjectMatches, type Condition } from '../vedtak/elements.js'
import type { VedtakElementResult } from '../types.js'
import type { CheckType } from './check.js'
import { atBoundary, norwegianRegExp, norwegianise } from './pattern.js'

const ELEMENT_ID = /^[a-z][a-z0-9-]*$/

/** A regex-safe copy of a literal text («Statsforvalteren i Vestfold og Telemark»). */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** `{{name}}` in a pattern stands for the configured name (the appeal body), matched literally. */
function withName(source: string, name: unknown): string {
  return source.replace(/\{\{\s*name\s*\}\}/g, () => (typeof name === 'string' ? escapeRegex(name.trim()).replace(/\s+/g, '\\s+') : '(?!)'))
}

/**
 * Split a pattern at its top-level `|` into alternatives (not inside groups or classes), so
 * each can be filed by whether it starts with `\b`.
 */
export function alternatives(source: string): string[] {
  const parts: string[] = []
  let depth = 0
  let inClass = false
  let start = 0
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') {
      i++
      continue
    }
    if (inClass) {
      if (ch === ']') inClass = false
    } else if (ch === '[') inClass = true
    else if (ch === '(') depth++
    else if (ch === ')') depth--
    else if (ch === '|' && depth === 0) {
      parts.push(source.slice(start, i))
      start = i + 1
    }
  }
  parts.push(source.slice(start))
  return parts
}

/** The patterns of one key: those that start with a word boundary, and the others. */
interface PatternSet {
  bounded?: RegExp
  free?: RegExp
}

/**
 * Compile the patterns of one key for speed. A leading `\b` is a look-around that V8 must try at
 * every position of every sentence (measured: ~2 µs per sentence even for a one-word pattern; the
 * 21 element rules took 3.5 ms per letter), so alternatives that start with it are joined without
 * it and the boundary is checked in code at the match (0.4 ms per letter). The others are joined
 * as they are. Case-insensitive.
 */
function compileList(sources: string[], name: unknown): PatternSet {
  const bounded: string[] = []
  const free: string[] = []
  for (const source of sources) {
    for (const alternative of alternatives(withName(source, name))) {
      if (alternative.startsWith('\\b')) bounded.push(alternative.slice(2))
      else free.push(alternative)
    }
  }
  const join = (list: string[]): string => list.map((source) => `(?:${source})`).join('|')
  const set: PatternSet = {}
  if (bounded.length > 0) set.bounded = norwegianRegExp(join(bounded), 'giu')
  if (free.length > 0) set.free = norwegianRegExp(join(free), 'iu')
  return set
}

/** Does any pattern of the set match the text? */
function matches(set: PatternSet, text: string): boolean {
  if (set.free?.test(text)) return true
  const regex = set.bounded
  if (!regex) return false
  regex.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = regex.exec(text)) !== null) {
    const at = match.index
    if (atBoundary(text, at)) return true
    regex.lastIndex = at + 1
  }
  return false
}

const LIST_KEYS = ['detect', 'require', 'exclude', 'unless'] as const

/** Where a finding about a missing element points: the decision, else the first heading, else the first sentence. */
function anchorOf(analysis: Analysis): { start: number; end: number } | undefined {
  const decision = decisionOf(analysis)
  if (decision) return { start: decision.start, end: decision.end }
  const heading = analysis.blocks.find((block) => block.kind === 'heading' && !block.part && block.endSentence > block.firstSentence)
  const sentence = analysis.sentences[heading ? heading.firstSentence : 0]
  return sentence ? { start: sentence.start, end: sentence.end } : undefined
}

/**
 * One element a decision letter must (error) or should (warning) contain: klagefrist, omfang …
 * It records the element in the letter's checklist and reports it when it is required but missing.
 */
export const vedtakElement: CheckType = {
  type: 'vedtak-element',
  summary: 'et element et vedtaksbrev må eller bør ha (sjekklisten): finnes det, og hvor?',
  languageNeutral: true,
  keys: {
    element: { kind: 'string', required: true, doc: 'elementets id i sjekklisten, f.eks. klagefrist' },
    label: { kind: 'string', required: true, doc: 'navnet i sjekklisten, f.eks. «Klagefrist»' },
    basis: { kind: 'string', required: true, doc: 'hjemmel eller kilde i klartekst, f.eks. «forvaltningsloven § 27»' },
    detect: {
      kind: 'string-list',
      required: true,
      doc: 'regulære uttrykk (JavaScript, \\w og \\b kjenner æøå) som kjøres på hver setning og overskrift; ett treff = elementet finnes. {{name}} står for «name»',
    },
    require: { kind: 'string-list', doc: 'treffet teller bare når setningen også passer med ett av disse (f.eks. tall + enhet for omfang)' },
    exclude: { kind: 'string-list', doc: 'setninger som passer med ett av disse, teller aldri (nesten-treff)' },
    when: {
      kind: 'string',
      doc: 'når elementet kreves: always (standard), reduction (hjelp redusert eller stanset), longterm-refusal (avslag på langtidsopphold), not-refusal (ikke avslag), grant (noe innvilges videre: ikke avslag eller stans)',
    },
    unless: {
      kind: 'string-list',
      doc: 'elementet kreves ikke når brevets emne (overskriftene og avsnittet med vedtaket) passer med ett av disse, f.eks. omsorgsstønad for betaling',
    },
    name: { kind: 'string', doc: 'et navn til meldingen og til {{name}} i mønstrene, f.eks. klageinstansen «Statsforvalteren i Vestfold og Telemark»' },
  },
  validate(options) {
    const problems: Array<[string, string]> = []
    if (typeof options.element === 'string' && !ELEMENT_ID.test(options.element)) {
      problems.push(['element', 'må være små bokstaver, tall og bindestrek, f.eks. klagefrist'])
    }
    if (options.when !== undefined && !CONDITIONS.includes(options.when as Condition)) {
      problems.push(['when', `må være en av: ${CONDITIONS.join(', ')}`])
    }
    for (const key of LIST_KEYS) {
      const sources = options[key] as string[] | undefined
      sources?.forEach((source, index) => {
        if (/\{\{\s*name\s*\}\}/.test(source) && typeof options.name !== 'string') {
          problems.push([key, `mønster ${index + 1} bruker {{name}}, men regelen har ikke «name»`])
          return
        }
        try {
          new RegExp(norwegianise(withName(source, options.name)), 'iu')
        } catch (error) {
          problems.push([key, `mønster ${index + 1} er ikke et gyldig regulært uttrykk: ${(error as Error).message}`])
        }
      })
    }
    return problems
  },
  compile(rule, index) {
    const { options } = rule
    const id = options.element as string
    const label = options.label as string
    const basis = options.basis as string
    const when = (options.when as Condition | undefined) ?? 'always'
    const detect = compileList(options.detect as string[], options.name)
    const require = options.require ? compileList(options.require as string[], options.name) : undefined
    const exclude = options.exclude ? compileList(options.exclude as string[], options.name) : undefined
    const unless = options.unless ? compileList(options.unless as string[], options.name) : undefined
    return (context, out) => {
      const { analysis, vedtak } = context
      const outcome = vedtak ? vedtak.outcome : decisionOf(analysis)?.outcome
      const applies = conditionHolds(when, analysis, outcome) && !(unless && subjectMatches(analysis, (text) => matches(unless, text)))
      const texts = sentenceTexts(analysis)
      let evidence: { start: number; end: number } | undefined
      for (let i = 0; i < texts.length; i++) {
        const text = texts[i]!
        if (!matches(detect, text)) continue
        if (require && !matches(require, text)) continue
        if (exclude && matches(exclude, text)) continue
        const sentence = analysis.sentences[i]!
        evidence = { start: sentence.start, end: sentence.end }
        break
      }
      if (vedtak) {
        const result: VedtakElementResult = { id, label, applies, present: evidence !== undefined, basis, level: rule.level }
        if (evidence) result.evidence = evidence
        recordElement(vedtak, result)
      }
      if (!applies || evidence) return
      const anchor = anchorOf(analysis)
      if (anchor) out.push({ rule: index, start: anchor.start, end: anchor.end })
    }
  },
}
