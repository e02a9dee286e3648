import type { Analysis } from '../language/segment.js'

/** A sentence that decides something: «Søknaden din om … er innvilget», «Vi har bestemt at …». */
const DECISION = new RegExp(
  [
    '\\bsøknaden\\b[^.!?]{0,120}\\b(?:er|blir|vart|blei)\\s+(?:delvis\\s+)?(?:innvilget|innvilga|avslått|avslått|avslege|avslegen|godkjent|godkjend)\\b',
    '\\bvi har (?:bestemt|vedtatt|vedteke|avgjort|avgjort|kome fram til|kommet fram til) at\\b',
    '\\b(?:du|dere|de) får(?: ikke| ikkje)?\\b[^.!?]{0,80}\\b(?:hjemmesykepleie|heimesjukepleie|helsetjenester i hjemmet|helsetenester i heimen|praktisk bistand|hjemmehjelp|heimehjelp|brukerstyrt|brukarstyrt|bpa|avlastning|avlasting|omsorgsstønad|korttidsopphold|korttidsopphald|langtidsopphold|langtidsopphald|sykehjemsplass|sjukeheimsplass|trygghetsalarm|tryggleiksalarm|støttekontakt|plass)',
    '\\b(?:vi|kommunen)\\s+(?:reduserer|stanser|stansar|avslutter|avsluttar)\\b',
    '\\binnvilges\\b|\\bavslås\\b',
  ].join('|'),
  'iu',
)

/** A heading or sentence that names the document a decision («Vedtak om …», «Vedtak:»). */
const VEDTAK_WORD = /\bvedtak\b/iu
const COMPLAINT = /\bklage\b/iu

/**
 * Is this a decision letter? It needs a decision sentence, and either a heading naming it a
 * «vedtak» or information about complaining: a brochure saying «Du kan søke om …» is not one.
 */
export function detectVedtak(analysis: Analysis): boolean {
  const { text, sentences, blocks } = analysis
  let decision = false
  let complaint = false
  for (const sentence of sentences) {
    const slice = text.slice(sentence.start, sentence.end)
    if (!decision && DECISION.test(slice)) decision = true
    if (!complaint && COMPLAINT.test(slice) && /\bvedtak/iu.test(slice)) complaint = true
    if (decision && complaint) return true
  }
  if (!decision) return false
  return blocks.some((block) => block.kind === 'heading' && VEDTAK_WORD.test(text.slice(block.start, block.end)))
}
