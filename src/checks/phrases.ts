import type { Analysis } from '../language/segment.js'
import type { Finding } from '../types.js'

/**
 * One matcher for every word and phrase of every substitution and existence rule: a hash lookup
 * on the first word, then a comparison of the following words. One walk over the words of a
 * document, whatever the number of rules (PERFORMANCE.md: one search per rule is 140× slower).
 */

/** A term of a rule file, as the rule compiler hands it over. */
export interface PhraseTerm {
  rule: number
  /** Term syntax: `foreta|foretar (en|ei) vurdering` — see README «Rule files». */
  term: string
  expected?: string[]
  exception: boolean
  ignorecase: boolean
  skipSentenceStart: boolean
}

interface Candidate {
  rule: number
  /** Allowed keys for each word after the first. */
  rest: ReadonlyArray<ReadonlySet<string>>
  expected?: string[]
  exception: boolean
  skipSentenceStart: boolean
}

export class TermSyntaxError extends Error {}

/** Normalise a word of a term the way words of the text are normalised (see segment.ts). */
export function normaliseKey(word: string, ignorecase: boolean): string {
  const core = word.length > 1 && word.endsWith('.') ? word.slice(0, -1) : word
  return ignorecase ? core.toLowerCase() : core
}

/** Expand optional slots: `a (b|c) d` → [[a],[b,c],[d]] and [[a],[d]]. */
export function expandTerm(term: string, ignorecase: boolean): string[][][] {
  const slots = term.trim().split(/\s+/)
  let variants: string[][][] = [[]]
  for (const slot of slots) {
    const optional = slot.startsWith('(') && slot.endsWith(')')
    const body = optional ? slot.slice(1, -1) : slot
    if (body === '' || /[()]/.test(body)) throw new TermSyntaxError(`ugyldig ord «${slot}» i «${term}»`)
    const alternatives = body.split('|').map((alt) => normaliseKey(alt, ignorecase))
    if (alternatives.some((alt) => alt === '')) throw new TermSyntaxError(`tomt alternativ i «${term}»`)
    const next = variants.map((variant) => [...variant, alternatives])
    variants = optional ? [...variants, ...next] : next
  }
  return variants.filter((variant) => variant.length > 0)
}

export class PhraseMatcher {
  private readonly folded = new Map<string, Candidate[]>()
  private readonly exact = new Map<string, Candidate[]>()
  private readonly ruleCount: number

  constructor(terms: PhraseTerm[], ruleCount: number) {
    this.ruleCount = ruleCount
    for (const term of terms) {
      for (const variant of expandTerm(term.term, term.ignorecase)) {
        const [first, ...rest] = variant
        const candidate: Candidate = {
          rule: term.rule,
          rest: rest.map((alternatives) => new Set(alternatives)),
          exception: term.exception,
          skipSentenceStart: term.skipSentenceStart,
          ...(term.expected ? { expected: term.expected } : {}),
        }
        const map = term.ignorecase ? this.folded : this.exact
        for (const key of first!) {
          const list = map.get(key)
          if (list) list.push(candidate)
          else map.set(key, [candidate])
        }
      }
    }
    // Longest first; on equal length an exception wins over the term it protects.
    const order = (a: Candidate, b: Candidate): number =>
      b.rest.length - a.rest.length || Number(b.exception) - Number(a.exception)
    for (const list of this.folded.values()) list.sort(order)
    for (const list of this.exact.values()) list.sort(order)
  }

  run(analysis: Analysis, out: Finding[]): void {
    const { words, sentences } = analysis
    // Per rule: the first word index it may match at again (after a match or an exception).
    const blockedUntil = new Array<number>(this.ruleCount).fill(0)
    for (const sentence of sentences) {
      for (let i = sentence.firstWord; i < sentence.endWord; i++) {
        const word = words[i]!
        const folded = this.folded.get(word.key)
        const exact = this.exact.get(word.exact)
        if (!folded && !exact) continue
        const sentenceStart = i === sentence.firstWord
        for (const list of [folded, exact]) {
          if (!list) continue
          for (const candidate of list) {
            if (blockedUntil[candidate.rule]! > i) continue
            const length = matchLength(candidate, analysis, i, sentence.endWord, list === exact)
            if (length === 0) continue
            if (candidate.skipSentenceStart && sentenceStart && !candidate.exception) continue
            blockedUntil[candidate.rule] = i + length
            if (candidate.exception) continue
            const finding: Finding = { rule: candidate.rule, start: word.start, end: words[i + length - 1]!.end }
            if (candidate.expected) {
              finding.expected =
                sentenceStart && /^\p{Lu}/u.test(word.exact)
                  ? candidate.expected.map(capitalise)
                  : candidate.expected
            }
            out.push(finding)
          }
        }
      }
    }
  }
}

/** Number of words matched at `i`, or 0. Following words must be joined by whitespace only. */
function matchLength(candidate: Candidate, analysis: Analysis, i: number, end: number, exact: boolean): number {
  const { rest } = candidate
  if (i + rest.length >= end) return 0
  for (let k = 0; k < rest.length; k++) {
    const word = analysis.words[i + 1 + k]!
    if (!word.joined || !rest[k]!.has(exact ? word.exact : word.key)) return 0
  }
  return rest.length + 1
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
