import type { Analysis } from '../language/segment.js'
import type { Metrics } from '../types.js'

/** A word is long when it has more than this many letters (LIX convention). */
export const LONG_WORD_LETTERS = 6
/** A sentence is long when it has more than this many words. */
export const LONG_SENTENCE_WORDS = 20

/** Scandinavian LIX bands, upper bounds exclusive. */
const LIX_BANDS: ReadonlyArray<[number, string]> = [
  [30, 'svært lettlest'],
  [40, 'lettlest'],
  [50, 'middels'],
  [60, 'vanskelig'],
  [Infinity, 'svært vanskelig'],
]

export function lixBand(lix: number): string {
  return LIX_BANDS.find(([limit]) => lix < limit)![1]
}

const round1 = (value: number): number => Math.round(value * 10) / 10

/**
 * Readability figures for one text. Counting convention (pinned by tests):
 * - a word is a token with at least one letter; numbers, dates and § references are not words;
 * - a sentence is any unit with at least one word: a sentence, a heading or a list item;
 * - a long word has more than 6 letters (digits, hyphens and periods are not letters);
 * - LIX = words / sentences + 100 × long words / words;
 * - paragraphs are paragraph blocks with at least one word (not headings, list items or cells);
 * - running headers and footers of Word/ODF documents are left out (they repeat on every page);
 * - OVIX = log(words) / log(2 − log(distinct words) / log(words)), null when every word is
 *   distinct or there are fewer than two words (the formula is undefined there).
 */
export function computeMetrics(analysis: Analysis): Metrics {
  const { words, sentences, blocks } = analysis
  let wordCount = 0
  let longWords = 0
  const types = new Set<string>()
  let sentenceCount = 0
  let maxSentenceLength = 0
  let longSentences = 0
  let paragraphs = 0
  for (const block of blocks) {
    // Running headers and footers repeat on every page: they are not what the reader reads.
    if (block.part === 'header' || block.part === 'footer') continue
    let blockWords = 0
    for (let s = block.firstSentence; s < block.endSentence; s++) {
      const sentence = sentences[s]!
      const length = sentence.endWord - sentence.firstWord
      if (length === 0) continue
      sentenceCount++
      blockWords += length
      if (length > maxSentenceLength) maxSentenceLength = length
      if (length > LONG_SENTENCE_WORDS) longSentences++
      for (let w = sentence.firstWord; w < sentence.endWord; w++) {
        const word = words[w]!
        if (word.letters > LONG_WORD_LETTERS) longWords++
        types.add(word.key)
      }
    }
    wordCount += blockWords
    if (block.kind === 'paragraph' && blockWords > 0) paragraphs++
  }
  const lix = wordCount > 0 ? round1(wordCount / sentenceCount + (100 * longWords) / wordCount) : null
  return {
    words: wordCount,
    sentences: sentenceCount,
    longWords,
    lix,
    lixBand: lix === null ? null : lixBand(lix),
    meanSentenceLength: sentenceCount > 0 ? round1(wordCount / sentenceCount) : null,
    maxSentenceLength,
    longSentences,
    paragraphs,
    ovix: ovix(wordCount, types.size),
  }
}

export function ovix(tokens: number, types: number): number | null {
  if (tokens < 2 || types >= tokens) return null
  const value = Math.log(tokens) / Math.log(2 - Math.log(types) / Math.log(tokens))
  return Number.isFinite(value) ? round1(value) : null
}
