import { norwegianRegExp } from '../checks/pattern.js'
import type { Analysis } from '../language/segment.js'
import type { VedtakElementResult, VedtakResult } from '../types.js'
import { findDecision, type Decision } from './outcome.js'

/**
 * THE order of the checklist of a decision letter (issue 4; V1–V21 in the domain guide). Rules
 * run in file order, so each `vedtak-element` runner inserts its result at its place in this
 * list. Element ids not listed here (a municipality's own) come last, in the order they ran.
 */
export const ELEMENT_ORDER: readonly string[] = [
  'vedtak',
  'utfall',
  'tjeneste',
  'omfang',
  'innhold',
  'start',
  'varighet',
  'hjemmel',
  'fakta',
  'begrunnelse',
  'klagerett',
  'klagefrist',
  'klageinstans',
  'klagemate',
  'klagehjelp',
  'innsyn',
  'kontakt',
  'betaling',
  'forhandsvarsel',
  'utsatt-iverksetting',
  'venteliste',
]

const RANK = new Map(ELEMENT_ORDER.map((id, index) => [id, index]))
const rankOf = (id: string): number => RANK.get(id) ?? ELEMENT_ORDER.length

/** Record one element's result at its place in the canonical order (replacing one with its id). */
export function recordElement(vedtak: VedtakResult, element: VedtakElementResult): void {
  const { elements } = vedtak
  const existing = elements.findIndex((e) => e.id === element.id)
  if (existing !== -1) elements.splice(existing, 1)
  const rank = rankOf(element.id)
  let at = elements.length
  while (at > 0 && rankOf(elements[at - 1]!.id) > rank) at--
  elements.splice(at, 0, element)
}

/**
 * When an element is required:
 * - `always`;
 * - `reduction`: a service is reduced or stopped (outcome redusert or stanset);
 * - `longterm-refusal`: a long-term stay (langtidsopphold, sykehjemsplass) is refused;
 * - `not-refusal`: the outcome is not avslag (a grant, a partial grant, a reduction or a stop: the
 *   letter changes something, so it must say from when);
 * - `grant`: a service is given from now on (not avslag, not stanset): there is an extent, a
 *   content, a duration and a price to state.
 * An unknown outcome (no decision sentence found) counts as a grant, so nothing is missed.
 */
export const CONDITIONS = ['always', 'reduction', 'longterm-refusal', 'not-refusal', 'grant'] as const
export type Condition = (typeof CONDITIONS)[number]

/** A long-term stay in an institution, in bokmål and nynorsk (`sykehjem` alone may be a short stay). */
const LONGTERM_SOURCE = [
  'langtidsopph(?:old|ald)\\w*',
  'langtidsplass\\w*',
  'fast (?:sykehjemsplass|sjukeheimsplass|plass)',
  'sykehjemsplass\\w*',
  'sjukeheimsplass\\w*',
  '(?:plass|opphold|opphald) (?:på|i) (?:et |eit |\\w+ )?(?:sykehjem|sjukeheim)\\w*',
  'heldøgns\\w*',
  'heildøgns\\w*',
].join('|')
const LONGTERM = norwegianRegExp(`\\b(?:${LONGTERM_SOURCE})`, 'iu')

const decisions = new WeakMap<Analysis, Decision | null>()

/** The letter's decision, found once per document whatever the number of element rules. */
export function decisionOf(analysis: Analysis): Decision | undefined {
  let decision = decisions.get(analysis)
  if (decision === undefined) {
    decision = findDecision(analysis) ?? null
    decisions.set(analysis, decision)
  }
  return decision ?? undefined
}

const normalised = new WeakMap<Analysis, string[]>()

/**
 * Each sentence's text with every run of whitespace as one space, so patterns need not care about
 * hard-wrapped lines. Computed once per document and shared by every element rule.
 */
export function sentenceTexts(analysis: Analysis): string[] {
  let texts = normalised.get(analysis)
  if (!texts) {
    const { text } = analysis
    texts = analysis.sentences.map((sentence) => text.slice(sentence.start, sentence.end).replace(/\s+/g, ' '))
    normalised.set(analysis, texts)
  }
  return texts
}

/**
 * Is the letter about something? Its subject is what its headings and the paragraph with the
 * decision say («Du får ikke fast plass på sykehjem», «Vedtak om omsorgsstønad»).
 */
export function subjectMatches(analysis: Analysis, test: (text: string) => boolean): boolean {
  const texts = sentenceTexts(analysis)
  for (const block of analysis.blocks) {
    if (block.kind !== 'heading') continue
    for (let i = block.firstSentence; i < block.endSentence; i++) if (test(texts[i]!)) return true
  }
  const decision = decisionOf(analysis)
  if (!decision) return false
  const block = analysis.blocks[analysis.sentences[decision.sentence]!.block]!
  for (let i = block.firstSentence; i < block.endSentence; i++) if (test(texts[i]!)) return true
  return false
}

/** Does an element with this condition apply to the letter? */
export function conditionHolds(condition: Condition, analysis: Analysis, outcome: string | undefined): boolean {
  switch (condition) {
    case 'always':
      return true
    case 'reduction':
      return outcome === 'redusert' || outcome === 'stanset'
    case 'longterm-refusal':
      return outcome === 'avslag' && subjectMatches(analysis, (text) => LONGTERM.test(text))
    case 'not-refusal':
      return outcome !== 'avslag'
    case 'grant':
      return outcome !== 'avslag' && outcome !== 'stanset'
  }
}
