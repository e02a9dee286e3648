import type { CheckType } from './check.js'

/** A LIX above the threshold for the whole text. LIX is an indicator, so this is one finding. */
export const readability: CheckType = {
  type: 'readability',
  summary: 'lesbarhetsindeks (LIX) for hele teksten',
  languageNeutral: true,
  wholeText: true,
  keys: {
    max: { kind: 'number', required: true, min: 0, doc: 'høyeste LIX uten funn' },
    minWords: { kind: 'integer', min: 1, doc: 'kortere tekster får ikke LIX-funn (standard: 100)' },
  },
  compile(rule, index) {
    const max = rule.options.max as number
    const minWords = (rule.options.minWords as number | undefined) ?? 100
    return ({ analysis, metrics }, out) => {
      if (metrics.lix === null || metrics.words < minWords || metrics.lix <= max) return
      // The span is the body the figure was measured on: no running headers or footers.
      const body = analysis.blocks.filter((block) => block.part !== 'header' && block.part !== 'footer' && block.endSentence > block.firstSentence)
      const first = analysis.sentences[body[0]?.firstSentence ?? -1]
      const last = analysis.sentences[(body.at(-1)?.endSentence ?? 0) - 1]
      if (!first || !last) return
      out.push({
        rule: index,
        start: first.start,
        end: last.end,
        data: { lix: formatNumber(metrics.lix), band: metrics.lixBand ?? '', max: formatNumber(max) },
      })
    }
  },
}

/** Norwegian decimal comma. */
export function formatNumber(value: number): string {
  return String(value).replace('.', ',')
}
