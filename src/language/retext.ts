import type { Nodes, Paragraph, Root, Sentence, SentenceContent } from 'nlcst'
import { toString } from 'nlcst-to-string'
import { countLetters, normalise, sentenceSpans, type Token, type TokenKind } from './segment.js'

/**
 * A unified plugin for retext pipelines: re-segment the sentences retext-latin made, with
 * klarsprak's Norwegian rules (abbreviations, dates, ordinals and § references never end a
 * sentence). `unified().use(retextLatin).use(retextNorwegianSentences)`.
 *
 * The linter itself does not build trees (see segment.ts); this gives other retext tools the
 * same sentence boundaries.
 */
export default function retextNorwegianSentences() {
  return (tree: Root): void => {
    for (const paragraph of tree.children) {
      if (paragraph.type === 'ParagraphNode') paragraph.children = resegment(paragraph)
    }
  }
}

function resegment(paragraph: Paragraph): Paragraph['children'] {
  const leaves: Token[] = []
  let offset = 0
  const add = (node: Nodes): void => {
    const value = toString(node)
    const kind = kindOf(node, value)
    leaves.push({ kind, start: offset, end: offset + value.length, value, letters: kind === 'word' ? countLetters(value) : 0, nodes: [node] })
    offset += value.length
  }
  for (const child of paragraph.children) {
    if (child.type === 'SentenceNode') child.children.forEach(add)
    else add(child)
  }
  const tokens = normalise(leaves)
  const children: Paragraph['children'] = []
  let next = 0
  const outside = (until: number): void => {
    for (; next < until; next++) for (const node of tokens[next]!.nodes ?? []) children.push(node as Paragraph['children'][number])
  }
  for (const [first, last] of sentenceSpans(tokens)) {
    outside(first)
    const content = tokens.slice(first, last + 1).flatMap((token) => (token.nodes ?? []) as SentenceContent[])
    const sentence: Sentence = { type: 'SentenceNode', children: content }
    const start = content[0]?.position?.start
    const end = content.at(-1)?.position?.end
    if (start && end) sentence.position = { start, end }
    children.push(sentence)
    next = last + 1
  }
  outside(tokens.length)
  return children
}

function kindOf(node: Nodes, value: string): TokenKind {
  switch (node.type) {
    case 'WordNode':
      return countLetters(value) > 0 ? 'word' : 'number'
    case 'WhiteSpaceNode':
      return 'space'
    case 'PunctuationNode':
      return 'punct'
    default:
      return 'symbol'
  }
}
