import { norwegianRegExp } from '../checks/pattern.js'
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

/** A change to the service itself, not to the person («De har redusert kraft i armene» is not one). */
const CHANGE = (verbs: string): RegExp =>
  norwegianRegExp(`\\b(?:${verbs})\\b[^.!?]{0,60}\\b${SERVICE}|\\b${SERVICE}\\w*[^.!?]{0,40}\\b(?:${verbs})\\b`, 'iu')

const PATTERNS: ReadonlyArray<[Outcome, RegExp]> = [
  ['redusert', CHANGE('reduserer|redusere|reduseres|redusert|redusera|reduksjon|får (?:nå |no )?(?:mindre|færre)')],
  ['stanset', CHANGE('stanser|stansar|stanse|stanses|stanset|stansa|avslutter|avsluttar|avslutte|avsluttes|avsluttet|avslutta|opphører|opphøyrer|tar slutt')],
  ['delvis', norwegianRegExp('\\bdelvis\\s+(?:innvilget|innvilga|godkjent|godkjend)\\b|\\bfår\\s+(?:delvis|noe av|noko av)\\b|\\b(?:ikke|ikkje) (?:alt|all hjelpa|all hjelpen|så mye|så mykje|så mange timar|så mange timer) (?:du|de) (?:søkte|søkt|bad) om\\b', 'iu')],
  ['avslag', norwegianRegExp('\\b(?:avslått|avslåtte|avslege|avslegen|avslag|avslås|får ikke|får ikkje|får dessverre ikke|får dessverre ikkje|kan ikke gi deg|kan ikkje gi deg|innvilges ikke|vert ikkje innvilga|blir ikke innvilget)\\b', 'iu')],
  ['innvilget', norwegianRegExp(`\\b(?:innvilget|innvilga|innvilges|godkjent|godkjend|du får\\b.{0,80}\\b${SERVICE}|vi har bestemt at du (?:skal )?få)`, 'iu')],
]

/** A sentence that states a decision at all (whatever the outcome). */
const DECIDES = norwegianRegExp(
  `\\b(?:søknaden|søknad|vedtak(?:et)?|vi har bestemt|vi har vedteke|vi har vedtatt|du får|de får|vi (?:reduserer|stanser|stansar|avslutter|avsluttar)|hjelpen|hjelpa|tenesta|tjenesten|innvilges|innvilga|avslås|reduseres|stanses)\\b`,
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
  // Several checks ask; the answer for one document never changes.
  if (decisions.has(analysis)) return decisions.get(analysis) ?? undefined
  const decision = searchDecision(analysis)
  decisions.set(analysis, decision ?? null)
  return decision
}

const decisions = new WeakMap<Analysis, Decision | null>()

function searchDecision(analysis: Analysis): Decision | undefined {
  const { sentences, text } = analysis
  for (let i = 0; i < sentences.length; i++) {
    const sentence: Sentence = sentences[i]!
    if (sentence.endWord === sentence.firstWord) continue
    const outcome = outcomeOf(text.slice(sentence.start, sentence.end))
    if (!outcome) continue
    return { outcome: refine(outcome, analysis, i), start: sentence.start, end: sentence.end, sentence: i }
  }
  return undefined
}

/** How many sentences after a plain «Du får …» may say that it is partial, a reduction or a stop. */
const REFINE_WINDOW = 4

/**
 * A heading «Du får hjemmehjelp 3 timer i uka» is often followed by what makes it partial
 * («Søknaden din er delvis innvilget») or a reduction: the more specific outcome wins. A grant is
 * never turned into a refusal this way («Du får ikke hjelp til vindusvask» in a grant letter).
 */
function refine(outcome: Outcome, analysis: Analysis, index: number): Outcome {
  if (outcome !== 'innvilget') return outcome
  const { sentences, text } = analysis
  for (let i = index + 1; i < Math.min(sentences.length, index + 1 + REFINE_WINDOW); i++) {
    const sentence = sentences[i]!
    const next = outcomeOf(text.slice(sentence.start, sentence.end))
    if (next === 'delvis' || next === 'redusert' || next === 'stanset') return next
  }
  return outcome
}
