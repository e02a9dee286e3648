import type { Analysis, Sentence } from '../language/segment.js'

/** What a decision letter decides. */
export type Outcome = 'innvilget' | 'delvis' | 'avslag' | 'redusert' | 'stanset'

export interface Decision {
  outcome: Outcome
  /** The sentence (or heading) that states it. */
  start: number
  end: number
  /** Index of that sentence in Analysis.sentences. */
  sentence: number
}

/** Services a health and care decision is about (bokmål and nynorsk). */
export const SERVICE =
  '(?:hjemmesykepleie|heimesjukepleie|helsetjenester i hjemmet|helsetenester i heimen|praktisk bistand|hjemmehjelp|heimehjelp|brukerstyrt personlig assistanse|brukarstyrt personleg assistanse|bpa|avlastning\\w*|avlasting\\w*|omsorgsstønad|korttidsopphold\\w*|korttidsopphald\\w*|langtidsopphold\\w*|langtidsopphald\\w*|sykehjemsplass\\w*|sjukeheimsplass\\w*|plass på sykehjem|plass på sjukeheim|trygghetsalarm|tryggleiksalarm|støttekontakt|dagtilbud|dagtilbod|(?:fast |ny )?plass|hjelp|tenester|tjenester)'

const PATTERNS: ReadonlyArray<[Outcome, RegExp]> = [
  ['redusert', new RegExp(`\\b(?:reduserer|reduseres|redusert|redusera|reduksjon|får (?:nå |no )?(?:mindre|færre|færre)|får .{0,40}\\b(?:i staden for|i stedet for)\\b)`, 'iu')],
  ['stanset', new RegExp(`\\b(?:stanser|stansar|stanses|stanset|stansa|avslutter|avsluttar|avsluttes|avsluttet|avslutta|opphører|opphøyrer|tar slutt)\\b`, 'iu')],
  ['delvis', /\bdelvis\s+(?:innvilget|innvilga|godkjent|godkjend)\b|\bfår\s+(?:delvis|noe av|noko av)\b/iu],
  ['avslag', new RegExp(`\\b(?:avslått|avslåtte|avslege|avslegen|avslag|får ikke|får ikkje|får dessverre ikke|får dessverre ikkje|kan ikke gi deg|kan ikkje gi deg|innvilges ikke|vert ikkje innvilga|blir ikke innvilget)\\b`, 'iu')],
  ['innvilget', new RegExp(`\\b(?:innvilget|innvilga|innvilges|godkjent|godkjend|du får\\b.{0,80}\\b${SERVICE}|vi har bestemt at du (?:skal )?få)`, 'iu')],
]

/** A sentence that states a decision at all (whatever the outcome). */
const DECIDES = new RegExp(
  `\\b(?:søknaden|søknad|vedtak(?:et)?|vi har bestemt|vi har vedteke|vi har vedtatt|du får|de får|vi (?:reduserer|stanser|stansar|avslutter|avsluttar)|hjelpen|tenesta|tjenesten)\\b`,
  'iu',
)

/** Outcome of one sentence, most specific first (a reduction also «gives» a service). */
export function outcomeOf(text: string): Outcome | undefined {
  if (!DECIDES.test(text)) return undefined
  for (const [outcome, pattern] of PATTERNS) if (pattern.test(text)) return outcome
  return undefined
}

/**
 * The letter's decision: the first sentence that decides something, headings included
 * («Du får ikke omsorgsstønad»). Undefined when no sentence does.
 */
export function findDecision(analysis: Analysis): Decision | undefined {
  const { sentences, text } = analysis
  for (let i = 0; i < sentences.length; i++) {
    const sentence: Sentence = sentences[i]!
    if (sentence.endWord === sentence.firstWord) continue
    const outcome = outcomeOf(text.slice(sentence.start, sentence.end))
    if (outcome) return { outcome, start: sentence.start, end: sentence.end, sentence: i }
  }
  return undefined
}
