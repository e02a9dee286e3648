import { boundedRegExp } from '../checks/bounded.js'
import type { Document, Placeholder } from '../types.js'

/**
 * Merge fields in letter templates, as the case systems write them. A template's fields are not
 * prose: nothing is flagged inside one, and each counts as one ordinary word.
 */
export const DEFAULT_PLACEHOLDER_PATTERNS: readonly string[] = [
  // Word's display of a MERGEFIELD: «Fornavn», «Saksbehandler_navn» (one token; «a b» is a quote).
  '«[\\p{L}_][\\p{L}\\p{N}_.:-]*»',
  '\\{\\{[^{}\\n]{1,80}\\}\\}', // {{felt}}
  '\\[\\[[^[\\]\\n]{1,80}\\]\\]', // [[felt]]
  '<<[^<>\\n]{1,80}>>', // <<felt>>
  '\\$\\{[^{}\\n]{1,80}\\}', // ${felt}
]

export function compilePlaceholderPatterns(patterns: readonly string[]): RegExp[] {
  return patterns.map((pattern) => boundedRegExp(pattern, 'gu'))
}

const DEFAULTS = compilePlaceholderPatterns(DEFAULT_PLACEHOLDER_PATTERNS)

/** All non-overlapping placeholder spans in `text`, sorted; earlier and longer spans win. */
export function findPlaceholders(text: string, patterns: readonly RegExp[] = DEFAULTS, known: Placeholder[] = []): Placeholder[] {
  const found: Placeholder[] = [...known]
  for (const pattern of patterns) {
    pattern.lastIndex = 0
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0] === '') {
        pattern.lastIndex++
        continue
      }
      found.push({ start: match.index, end: match.index + match[0].length })
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Placeholder[] = []
  for (const span of found) {
    const last = merged[merged.length - 1]
    if (last && span.start < last.end) continue
    merged.push(span)
  }
  return merged
}

/** The Document with pattern-found placeholders added to those its loader found. */
export function withPlaceholders(doc: Document, patterns?: readonly RegExp[]): Document {
  const placeholders = findPlaceholders(doc.text, patterns, doc.placeholders ?? [])
  return placeholders.length === 0 ? doc : { ...doc, placeholders }
}
