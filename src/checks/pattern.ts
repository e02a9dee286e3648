import { toSuggestions } from '../rules/schema.js'
import type { Finding } from '../types.js'
import type { CheckType } from './check.js'

/**
 * `\b` in JavaScript only knows ASCII letters; in rule patterns it means a Norwegian word
 * boundary, where æ, ø and å are letters.
 */
const WORD_BOUNDARY = '(?:(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}]))'

export function compilePattern(source: string, ignorecase: boolean): RegExp {
  const rewritten = source.replace(/(?<!\\)((?:\\\\)*)\\b/g, `$1${WORD_BOUNDARY}`)
  return new RegExp(rewritten, ignorecase ? 'dgiu' : 'dgu')
}

/** Regular expressions over each sentence: nominalisations, passive constructions. */
export const pattern: CheckType = {
  type: 'pattern',
  summary: 'regulære uttrykk over hver setning (med unntaksliste)',
  keys: {
    pattern: { kind: 'string', required: true, doc: 'JavaScript-regex; \\b er ordgrense med æøå; (?<span>…) markerer delen som flagges' },
    ignorecase: { kind: 'boolean', doc: 'skill ikke mellom store og små bokstaver (standard: true)' },
    exceptions: { kind: 'string-list', doc: 'treff (det flaggede) som ikke skal flagges' },
    suggest: { kind: 'suggestions', doc: 'fast forslag' },
  },
  validate(options) {
    try {
      compilePattern(options.pattern as string, options.ignorecase !== false)
      return []
    } catch (error) {
      return [['pattern', `ugyldig regulært uttrykk: ${(error as Error).message}`]]
    }
  },
  compile(rule, index) {
    const regex = compilePattern(rule.options.pattern as string, rule.options.ignorecase !== false)
    const exceptions = new Set(((rule.options.exceptions as string[] | undefined) ?? []).map((e) => e.toLowerCase()))
    const expected = toSuggestions(rule.options.suggest)
    return ({ analysis }, out) => {
      const { text } = analysis
      for (const sentence of analysis.sentences) {
        if (sentence.endWord === sentence.firstWord) continue
        const slice = text.slice(sentence.start, sentence.end)
        regex.lastIndex = 0
        let match: RegExpExecArray | null
        while ((match = regex.exec(slice)) !== null) {
          if (match[0] === '') {
            regex.lastIndex++
            continue
          }
          const span = match.indices?.groups?.span ?? match.indices![0]!
          const flagged = slice.slice(span[0], span[1])
          if (exceptions.has(flagged.toLowerCase())) continue
          const finding: Finding = { rule: index, start: sentence.start + span[0], end: sentence.start + span[1] }
          if (expected) finding.expected = expected
          out.push(finding)
        }
      }
    }
  },
}
