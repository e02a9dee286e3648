import type { Language } from '../../types.js'

/** The report's own words, in bokmål and nynorsk (an English document gets the bokmål interface). */
export interface Strings {
  title: string
  generated: string
  overview: string
  files: (n: number) => string
  columns: { path: string; format: string; language: string; words: string; lix: string; band: string; errors: string; warnings: string; missing: string }
  sortHint: string
  lixPerDocument: string
  lixDistribution: string
  findingsPerRule: string
  otherRules: string
  severity: { error: string; warning: string; info: string }
  severityPlural: { error: string; warning: string; info: string }
  findings: string
  findingsCount: (n: number) => string
  noFindings: string
  byRule: string
  allFindings: string
  footnotes: string
  wholeText: string
  moreFindings: (n: number) => string
  suggestion: string
  rewrite: string
  why: string
  source: string
  close: string
  readability: string
  lixBand: (band: string) => string
  words: string
  sentences: string
  perSentence: string
  longSentences: string
  sentenceLengths: string
  sentenceLengthsLabel: (n: number, long: number) => string
  wordsUnit: string
  wordsPerSentenceAxis: string
  sentencesUnit: (n: number) => string
  checklist: string
  outcome: string
  missing: string
  present: string
  showWords: string
  allPresent: string
  page: (n: number) => string
  part: { header: string; footer: string; note: string }
  table: string
  line: (line: number, column: number) => string
  unreadable: string
  keyboard: string
  legend: string
  languageName: (language: string) => string
  profile: { vedtak: string; general: string }
  document: string
}

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember']

/** «4. desember 2026 kl. 18.05 UTC»: in UTC, so the report does not depend on the machine's zone. */
export function formatDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0')
  return `${date.getUTCDate()}. ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} kl. ${two(date.getUTCHours())}.${two(date.getUTCMinutes())} UTC`
}

const LANGUAGE_NAMES: Record<string, string> = { nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' }

const NB: Strings = {
  title: 'Klarspråkrapport',
  generated: 'Laget',
  overview: 'Oversikt',
  files: (n) => `${n} ${n === 1 ? 'fil' : 'filer'}`,
  columns: { path: 'Fil', format: 'Format', language: 'Språk', words: 'Ord', lix: 'LIX', band: 'Nivå', errors: 'Feil', warnings: 'Advarsler', missing: 'Mangler i vedtaket' },
  sortHint: 'Trykk på en kolonneoverskrift for å sortere tabellen.',
  lixPerDocument: 'LIX per dokument',
  lixDistribution: 'Antall dokumenter per LIX-intervall',
  findingsPerRule: 'Funn per regel',
  otherRules: 'andre regler',
  severity: { error: 'feil', warning: 'advarsel', info: 'merknad' },
  severityPlural: { error: 'feil', warning: 'advarsler', info: 'merknader' },
  findings: 'Funn',
  findingsCount: (n) => `${n} funn`,
  noFindings: 'Ingen funn.',
  byRule: 'Funn etter regel',
  allFindings: 'Alle funn',
  footnotes: 'Funn (nummerert som i teksten)',
  wholeText: 'hele teksten',
  moreFindings: (n) => `… og ${n} til (se «Alle funn»)`,
  suggestion: 'Forslag',
  rewrite: 'skriv om eller stryk',
  why: 'Hvorfor',
  source: 'Kilde',
  close: 'Lukk',
  readability: 'Lesbarhet',
  lixBand: (band) => band,
  words: 'ord',
  sentences: 'setninger',
  perSentence: 'ord per setning i snitt',
  longSentences: 'setninger over 20 ord',
  sentenceLengths: 'Setningslengder',
  sentenceLengthsLabel: (n, long) => `Setningslengder: ${n} setninger, ${long} over 20 ord.`,
  wordsUnit: 'ord',
  wordsPerSentenceAxis: 'ord i setningen (skravert: over 20)',
  sentencesUnit: (n) => `${n} ${n === 1 ? 'setning' : 'setninger'}`,
  checklist: 'Innhold i vedtaket',
  outcome: 'Utfall',
  missing: 'Mangler',
  present: 'Finnes',
  showWords: 'vis ordene',
  allPresent: 'Alt innholdet som trengs, er med.',
  page: (n) => `Side ${n}`,
  part: { header: 'Topptekst', footer: 'Bunntekst', note: 'Fotnote' },
  table: 'Tabell',
  line: (line, column) => `linje ${line}, kolonne ${column}`,
  unreadable: 'Kunne ikke leses',
  keyboard: 'Tastatur: Tab går til neste markering, Enter eller mellomrom viser funnet, Esc lukker, n og p går til neste og forrige funn.',
  legend: 'Markeringer',
  languageName: (language) => LANGUAGE_NAMES[language] ?? language,
  profile: { vedtak: 'vedtaksbrev', general: 'vanlig tekst' },
  document: 'Dokument',
}

const NN: Strings = {
  ...NB,
  title: 'Klarspråkrapport',
  generated: 'Laga',
  overview: 'Oversyn',
  columns: { ...NB.columns, language: 'Språk', warnings: 'Åtvaringar', missing: 'Manglar i vedtaket' },
  sortHint: 'Trykk på ei kolonneoverskrift for å sortere tabellen.',
  lixDistribution: 'Talet på dokument per LIX-intervall',
  otherRules: 'andre reglar',
  severity: { error: 'feil', warning: 'åtvaring', info: 'merknad' },
  severityPlural: { error: 'feil', warning: 'åtvaringar', info: 'merknader' },
  noFindings: 'Ingen funn.',
  byRule: 'Funn etter regel',
  footnotes: 'Funn (nummererte som i teksten)',
  wholeText: 'heile teksten',
  moreFindings: (n) => `… og ${n} til (sjå «Alle funn»)`,
  rewrite: 'skriv om eller stryk',
  why: 'Kvifor',
  source: 'Kjelde',
  readability: 'Lesbarheit',
  lixBand: (band) => NN_BANDS[band] ?? band,
  sentences: 'setningar',
  perSentence: 'ord per setning i snitt',
  longSentences: 'setningar over 20 ord',
  sentenceLengthsLabel: (n, long) => `Setningslengder: ${n} setningar, ${long} over 20 ord.`,
  sentencesUnit: (n) => `${n} ${n === 1 ? 'setning' : 'setningar'}`,
  wordsPerSentenceAxis: 'ord i setninga (skravert: over 20)',
  missing: 'Manglar',
  present: 'Finst',
  showWords: 'vis orda',
  allPresent: 'Alt innhaldet som trengst, er med.',
  part: { header: 'Topptekst', footer: 'Botntekst', note: 'Fotnote' },
  unreadable: 'Kunne ikkje lesast',
  keyboard: 'Tastatur: Tab går til neste markering, Enter eller mellomrom viser funnet, Esc lukkar, n og p går til neste og førre funn.',
  legend: 'Markeringar',
  profile: { vedtak: 'vedtaksbrev', general: 'vanleg tekst' },
}

/** The LIX bands of metrics/readability.ts in nynorsk. */
const NN_BANDS: Record<string, string> = {
  'svært lettlest': 'svært lettlesen',
  lettlest: 'lettlesen',
  middels: 'middels',
  vanskelig: 'vanskeleg',
  'svært vanskelig': 'svært vanskeleg',
}

/** Interface text for a document: nynorsk for nynorsk documents, bokmål otherwise. */
export function stringsFor(language: Language | undefined): Strings {
  return language === 'nn' ? NN : NB
}

/** The words the script needs in the page (popup), per interface language. */
export function scriptStrings(): Record<'nb' | 'nn', { finding: string; findings: string; why: string; source: string; close: string }> {
  return {
    nb: { finding: 'Funn', findings: '{n} funn her', why: NB.why, source: NB.source, close: NB.close },
    nn: { finding: 'Funn', findings: '{n} funn her', why: NN.why, source: NN.source, close: NN.close },
  }
}
