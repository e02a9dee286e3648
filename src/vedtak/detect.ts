import type { Analysis } from '../language/segment.js'
import { norwegianRegExp } from '../checks/pattern.js'
import { SERVICE } from './outcome.js'

/** A decision in so many words: «Søknaden din om … er innvilget», «Vi har bestemt at …». */
const STRONG_DECISION = norwegianRegExp(
  [
    '\\bsøknaden\\b[^.!?]{0,120}\\b(?:er|blir|vert|vart|blei)\\s+(?:delvis\\s+)?(?:innvilget|innvilga|avslått|avslege|avslegen|godkjent|godkjend)\\b',
    '\\bvi har (?:bestemt|vedtatt|vedteke|avgjort|kome fram til|kommet fram til) (?:at|å)\\b',
    '\\b(?:vi|kommunen)\\s+(?:reduserer|stanser|stansar|avslutter|avsluttar)\\b',
    '\\b(?:innvilges|avslås|reduseres|stanses)\\b',
  ].join('|'),
  'iu',
)

/** «Du får … hjemmehjelp»: a decision in a letter, but a brochure may say it too. */
const WEAK_DECISION = norwegianRegExp(`\\b(?:du|dere|de) får(?: ikke| ikkje)?\\b[^.!?]{0,80}\\b${SERVICE}`, 'iu')

/** Signs of a letter about a decision, one point each. */
const SIGNALS: readonly RegExp[] = [
  norwegianRegExp('\\b(?:klag(?:e|en|a|er|ar)|klagefrist(?:en)?|klagerett)\\b', 'iu'), // complaint information
  norwegianRegExp('\\bvedtak\\b', 'iu'), // a heading naming a decision (checked on headings only)
  /^(?:saksnummer|saksnr\.?|vår ref\.?|vår referanse|dykkar ref\.?|deres ref\.?)\s*:/iu, // case number line
  /^med (?:vennlig|venleg) hilsen|^med (?:vennleg|venleg) helsing/iu, // letter closing
]

/**
 * Is this a decision letter? A decision sentence is needed, and enough signs of a letter about
 * it: a strong decision («Søknaden … er innvilget») counts 2, a «Du får … <tjeneste>» 1; complaint
 * information, a heading with «vedtak», a case-number line and a letter closing 1 each. Three
 * points make a decision letter, so a brochure saying «du får hjemmesykepleie» and «du kan klage»
 * is not one.
 */
export function detectVedtak(analysis: Analysis): boolean {
  const { text, sentences, blocks } = analysis
  let decision = 0
  const found = new Set<number>()
  for (const sentence of sentences) {
    const slice = text.slice(sentence.start, sentence.end)
    if (decision < 2) {
      if (STRONG_DECISION.test(slice)) decision = 2
      else if (decision === 0 && WEAK_DECISION.test(slice)) decision = 1
    }
    const block = blocks[sentence.block]!
    SIGNALS.forEach((signal, i) => {
      if (found.has(i) || (i === 1 && block.kind !== 'heading')) return
      if (signal.test(slice)) found.add(i)
    })
  }
  return decision > 0 && decision + found.size >= 3
}
