import type { Analysis } from './segment.js'
import type { Language } from '../types.js'

/** Frequent words that belong to one written standard only. */
const MARKERS: Record<Language, ReadonlySet<string>> = {
  nb: new Set(['ikke', 'jeg', 'hva', 'hvordan', 'hvis', 'hun', 'også', 'noe', 'mye', 'fra', 'være', 'bare', 'derfor', 'mer', 'hvem', 'hver', 'hele', 'et', 'en', 'de', 'blir', 'skal', 'deres', 'dere', 'hjem', 'mange', 'noen', 'kommer', 'får', 'sammen', 'etter', 'ble', 'kunne', 'hjelpen', 'tjenesten']),
  nn: new Set(['ikkje', 'eg', 'kva', 'korleis', 'viss', 'ho', 'òg', 'noko', 'mykje', 'frå', 'vere', 'berre', 'difor', 'meir', 'kven', 'kvar', 'heile', 'eit', 'ein', 'dei', 'vert', 'skal', 'dykk', 'dykkar', 'heim', 'mange', 'nokon', 'kjem', 'får', 'saman', 'etter', 'vart', 'kunne', 'hjelpa', 'tenesta', 'ei', 'sjølv', 'mellom', 'berre']),
  // No words that are also Norwegian («for», «to», «is», «be», «and»).
  en: new Set(['the', 'of', 'you', 'with', 'your', 'are', 'this', 'that', 'will', 'have', 'not', 'from', 'we', 'can', 'it', 'which', 'would', 'should', 'their', 'they']),
}

/** Word → the standards it marks, built once. */
const MARKED = new Map<string, Language[]>()
for (const language of ['nb', 'nn', 'en'] as const) {
  for (const word of MARKERS[language]) MARKED.set(word, [...(MARKED.get(word) ?? []), language])
}

/** Guess the written standard from marker words; bokmål when there is too little evidence. */
export function detectLanguage(analysis: Analysis, limit = 3000): Language {
  const counts: Record<Language, number> = { nb: 0, nn: 0, en: 0 }
  const words = analysis.words
  const end = Math.min(words.length, limit)
  for (let i = 0; i < end; i++) {
    const languages = MARKED.get(words[i]!.key)
    if (languages) for (const language of languages) counts[language]++
  }
  // Words both standards share («skal», «får» …) count for both and cancel out.
  if (counts.nn > counts.nb && counts.nn >= counts.en) return 'nn'
  if (counts.en >= 3 && counts.en > counts.nb + counts.nn) return 'en'
  return 'nb'
}
