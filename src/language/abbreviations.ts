/**
 * Norwegian abbreviations that take a period. Keys are lowercase, without the final period.
 *
 * NEVER_END: abbreviations that introduce what follows (a number, a § reference, a name), so a
 * sentence never ends at their period: «jf. § 3-2», «nr. 6», «kl. 09.00», «f.eks. dusj».
 * MAY_END: abbreviations that can close a sentence («… bad, dusj osv. Du får …», «250 kr. Du …»):
 * their period ends a sentence only when a capitalised word follows.
 */
export const NEVER_END = new Set([
  'adr', 'ang', 'avd', 'bl.a', 'bl.annet', 'dvs', 'd.v.s', 'dr', 'eks', 'ekskl', 'el', 'ev', 'evt',
  'f', 'f.eks', 'f.o.m', 'fr', 'hr', 'ifm', 'iflg', 'iht', 'inkl', 'innst', 'jf', 'jfr',
  'kap', 'kl', 'ca', 'mht', 'mtp', 'nr', 'obs', 'ot.prp', 'p.t', 'pga', 'pkt', 'pr', 'prof', 'prop',
  'ref', 'resp', 'sml', 'ss', 'st', 'st.meld', 'str', 't.o.m', 'tilsv', 'tlf', 'vedk',
  'vedr', 'vs', 'gnr', 'bnr', 'fnr', 'org.nr', 'orgnr', 'tel', 'mob',
])

export const MAY_END = new Set([
  'osv', 'o.s.v', 'mv', 'm.v', 'mm', 'm.m', 'mfl', 'm.fl', 'o.l', 'etc', 'kr', 'fvl', 'pbrl',
  'hol', 'hpl', 'sol', 'ktr', 'stk', 'mnd', 'min', 'sek', 'pst', 'mill', 'mrd', 'jan', 'feb',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'des', 'art', 'bet', 'tab', 'fig',
])

/** Is `key` (lowercase, no final period) an abbreviation that owns its period? */
export function isAbbreviation(key: string): boolean {
  return NEVER_END.has(key) || MAY_END.has(key) || /^\p{L}(?:\.\p{L}+)+$/u.test(key)
}
