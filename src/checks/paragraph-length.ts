import type { CheckType } from './check.js'

/** Paragraphs with too many sentences or words. Headings, list items and cells are not paragraphs. */
export const paragraphLength: CheckType = {
  type: 'paragraph-length',
  summary: 'avsnitt med for mange setninger eller ord',
  languageNeutral: true,
  keys: {
    maxSentences: { kind: 'integer', min: 1, doc: 'flere setninger enn dette gir et funn' },
    maxWords: { kind: 'integer', min: 1, doc: 'flere ord enn dette gir et funn' },
  },
  validate(options) {
    return options.maxSentences === undefined && options.maxWords === undefined
      ? [['maxSentences', 'oppgi maxSentences eller maxWords (eller begge)']]
      : []
  },
  compile(rule, index) {
    const maxSentences = (rule.options.maxSentences as number | undefined) ?? Infinity
    const maxWords = (rule.options.maxWords as number | undefined) ?? Infinity
    return ({ analysis }, out) => {
      for (const block of analysis.blocks) {
        if (block.kind !== 'paragraph' || block.endSentence === block.firstSentence) continue
        let sentences = 0
        for (let s = block.firstSentence; s < block.endSentence; s++) {
          const sentence = analysis.sentences[s]!
          if (sentence.endWord > sentence.firstWord) sentences++
        }
        const first = analysis.sentences[block.firstSentence]!
        const last = analysis.sentences[block.endSentence - 1]!
        const words = last.endWord - first.firstWord
        if (sentences <= maxSentences && words <= maxWords) continue
        out.push({
          rule: index,
          start: first.start,
          end: last.end,
          data: {
            sentences,
            words,
            maxSentences: Number.isFinite(maxSentences) ? maxSentences : '–',
            maxWords: Number.isFinite(maxWords) ? maxWords : '–',
          },
        })
      }
    }
  },
}
