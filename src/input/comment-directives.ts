import type { Block, Directive } from '../types.js'
import type { DocumentComment } from './sourcemap.js'

/**
 * Directives from Word and OpenDocument comments. The comment's whole text is the directive:
 * `klarsprak-disable-next-line nb/kanselliord` (the next paragraph), `klarsprak-disable …` /
 * `klarsprak-enable …` (from the comment on), or «klarsprak: ignorer» on the flagged words.
 * Comments are never part of the checked text, so the directive itself is never flagged.
 */
const SWITCH = /^klarsprak-(disable-next-line|disable|enable)(?:\s+(.*))?$/is
const IGNORE = /^klarsprak:\s*ignorer\b(?:\s+(.*))?$/is

/** The author klarsprak writes its own comments as; they are never read as directives. */
export const KLARSPRAK_AUTHOR = 'klarsprak'

export function commentDirectives(comments: DocumentComment[], blocks: Block[]): Directive[] {
  const directives: Directive[] = []
  for (const comment of comments) {
    if (comment.author === KLARSPRAK_AUTHOR || comment.start === undefined) continue
    const text = comment.text.trim()
    const start = comment.start
    const end = comment.end ?? start
    const ignore = IGNORE.exec(text)
    if (ignore) {
      directives.push({ kind: 'ignore', rules: rulesOf(ignore[1]), line: 0, range: { start, end } })
      continue
    }
    const parsed = parseSwitch(text)
    if (!parsed) continue
    const { kind, rules } = parsed
    if (kind === 'disable-next-line') {
      // «Next line» in a word processor: the paragraph after the one the comment is in.
      let index = -1
      for (let i = 0; i < blocks.length && blocks[i]!.start <= start; i++) index = i
      const next = blocks[index + 1]
      if (next) directives.push({ kind, rules, line: 0, range: { start: next.start, end: next.end } })
    } else {
      directives.push({ kind, rules, line: 0, range: { start, end } })
    }
  }
  return directives
}

/** `klarsprak-disable-next-line a, b` / `klarsprak-disable` / `klarsprak-enable` as a comment's whole text. */
export function parseSwitch(text: string): { kind: 'disable' | 'enable' | 'disable-next-line'; rules: string[] } | undefined {
  const match = SWITCH.exec(text.trim())
  if (!match) return undefined
  return { kind: match[1]!.toLowerCase() as 'disable' | 'enable' | 'disable-next-line', rules: rulesOf(match[2]) }
}

function rulesOf(list: string | undefined): string[] {
  return (list ?? '').split(/[\s,]+/).filter((rule) => rule.length > 0)
}
