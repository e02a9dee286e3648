import type { CheckType } from './check.js'

/** Sentences with too many words. */
export const sentenceLength: CheckType = {
  type: 'sentence-length',
  summary: 'setninger med for mange ord',
  languageNeutral: true,
  keys: {
    max: { kind: 'integer', required: true, min: 1, doc: 'flere ord enn dette gir et funn' },
    errorMax: { kind: 'integer', min: 1, doc: 'flere ord enn dette gir feil (error)' },
  },
  validate(options) {
    const { max, errorMax } = options as { max: number; errorMax?: number }
    return errorMax !== undefined && errorMax <= max ? [['errorMax', 'må være større enn max']] : []
  },
  compile(rule, index) {
    const max = rule.options.max as number
    const errorMax = rule.options.errorMax as number | undefined
    return ({ analysis }, out) => {
      for (const sentence of analysis.sentences) {
        const count = sentence.endWord - sentence.firstWord
        if (count <= max) continue
        out.push({
          rule: index,
          start: sentence.start,
          end: sentence.end,
          data: { count, max },
          ...(errorMax !== undefined && count > errorMax ? { severity: 'error' as const } : {}),
        })
      }
    }
  },
}
