import type { Directive } from '../types.js'

/**
 * `<!-- klarsprak-disable-next-line nb/passiv, nb/kanselliord -->`, `<!-- klarsprak-disable -->`,
 * `<!-- klarsprak-enable -->`. The same comment syntax works in .txt and .md files.
 */
const DIRECTIVE = /^\s*<!--\s*klarsprak-(disable-next-line|disable|enable)\b([^>]*?)\s*-->\s*$/

/** Parse a whole line as a directive; undefined when the line is not one. */
export function parseDirective(lineText: string, line: number): Directive | undefined {
  const match = DIRECTIVE.exec(lineText)
  if (!match) return undefined
  const rules = (match[2] ?? '')
    .split(/[\s,]+/)
    .filter((rule) => rule.length > 0)
  return { kind: match[1] as Directive['kind'], rules, line }
}
