import { ParseLatin } from 'parse-latin'
import type { Nodes } from 'nlcst'
import type { Block, BlockKind, Document, Placeholder } from '../types.js'
import { MAY_END, NEVER_END, isAbbreviation } from './abbreviations.js'

/** A word: a token with at least one letter (æøå included); hyphenated compounds are one word. */
export interface Word {
  start: number
  end: number
  /** Lowercase, without a final period: what rules match on. */
  key: string
  /** As written, without a final period: for case-sensitive rules. */
  exact: string
  letters: number
  /** Only whitespace separates it from the previous word of the same sentence. */
  joined: boolean
}

/** A sentence, or a heading or list item without final punctuation (each is its own unit). */
export interface Sentence {
  start: number
  end: number
  /** Half-open range into Analysis.words. */
  firstWord: number
  endWord: number
  block: number
}

export interface BlockIndex {
  kind: BlockKind
  start: number
  end: number
  part?: Block['part']
  /** Half-open range into Analysis.sentences. */
  firstSentence: number
  endSentence: number
}

export interface Analysis {
  text: string
  words: Word[]
  sentences: Sentence[]
  blocks: BlockIndex[]
}

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol' | 'space'

export interface Token {
  kind: TokenKind
  start: number
  end: number
  value: string
  /** Letters in a word token (0 for other tokens); a period never counts. */
  letters: number
  /** The nlcst nodes behind the token, when a tree is being re-segmented (retext plugin). */
  nodes?: Nodes[]
  /** A merge field: one ordinary word that no rule matches. */
  placeholder?: true
}

/** Replace the tokens inside each placeholder by one word token (one short word for metrics). */
function mergePlaceholders(tokens: Token[], placeholders: Placeholder[], text: string): Token[] {
  const out: Token[] = []
  let p = 0
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    while (p < placeholders.length && placeholders[p]!.end <= token.start) p++
    const span = placeholders[p]
    if (!span || token.end <= span.start) {
      out.push(token)
      continue
    }
    while (i + 1 < tokens.length && tokens[i + 1]!.start < span.end) i++
    out.push({ kind: 'word', start: span.start, end: span.end, value: text.slice(span.start, span.end), letters: 1, placeholder: true })
    p++
  }
  return out
}

const LETTER = /\p{L}/u
const UPPER_START = /^[\p{Lu}]/u
const LOWER_START = /^\p{Ll}/u
const TERMINAL = /^(?:[.!?…]+|\.\.\.)$/
const CLOSING = /^[»"”’')\]]$/

const parser = new ParseLatin()

/** The key of a merge field's word: never equal to a real word, so no rule matches it. */
export const PLACEHOLDER_KEY = '\u0000flettefelt'

/**
 * Segment a Document into words and sentences. Each block is parsed on its own: parse-latin is
 * quadratic on large inputs, per-block parsing keeps the cost linear. parse-latin supplies the
 * tokens; the sentence boundaries are decided here, with Norwegian rules (see `endsSentence`).
 */
export function analyse(doc: Pick<Document, 'text' | 'blocks' | 'placeholders'>): Analysis {
  const analysis: Analysis = { text: doc.text, words: [], sentences: [], blocks: [] }
  const placeholders = doc.placeholders ?? []
  let next = 0
  for (const block of doc.blocks) {
    // Placeholders are sorted: hand each block the ones inside it.
    while (next < placeholders.length && placeholders[next]!.end <= block.start) next++
    let end = next
    while (end < placeholders.length && placeholders[end]!.start < block.end) end++
    segmentBlock(doc.text, block, analysis, placeholders.slice(next, end))
  }
  return analysis
}

function segmentBlock(text: string, block: Block, out: Analysis, placeholders: Placeholder[]): void {
  const index: BlockIndex = {
    kind: block.kind,
    start: block.start,
    end: block.end,
    firstSentence: out.sentences.length,
    endSentence: out.sentences.length,
  }
  if (block.part) index.part = block.part
  const blockNumber = out.blocks.length
  out.blocks.push(index)
  let tokens = normalise(tokenise(text, block.start, block.end))
  if (placeholders.length > 0) tokens = mergePlaceholders(tokens, placeholders, text)
  for (const [first, last] of sentenceSpans(tokens)) {
    const firstWord = out.words.length
    for (let i = first; i <= last; i++) {
      const token = tokens[i]!
      if (token.kind !== 'word') continue
      const exact = token.placeholder ? PLACEHOLDER_KEY : token.value.endsWith('.') ? token.value.slice(0, -1) : token.value
      const previous = tokens[i - 1]
      out.words.push({
        start: token.start,
        end: token.end,
        key: token.placeholder ? PLACEHOLDER_KEY : exact.toLowerCase(),
        exact,
        letters: token.letters,
        joined: i > first && previous!.kind === 'space' && tokens[i - 2]?.kind === 'word' && out.words.length > firstWord,
      })
    }
    out.sentences.push({ start: tokens[first]!.start, end: tokens[last]!.end, firstWord, endWord: out.words.length, block: blockNumber })
  }
  index.endSentence = out.sentences.length
}

/**
 * Split tokens into sentences: [first, last] token indices, inclusive, without surrounding
 * whitespace. Shared by the linter and the retext plugin.
 */
export function sentenceSpans(tokens: ReadonlyArray<Token>): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let first = -1
  let last = -1
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.kind === 'space') continue
    if (first === -1) first = i
    last = i
    if (!isTerminal(token)) continue
    // Closing quotes and brackets belong to the sentence they close.
    let j = i
    while (tokens[j + 1]?.kind === 'punct' && CLOSING.test(tokens[j + 1]!.value)) j++
    if (endsSentence(tokens, i, j)) {
      spans.push([first, j])
      first = -1
      i = j
    }
  }
  if (first !== -1) spans.push([first, last])
  return spans
}

function isTerminal(token: Token): boolean {
  if (token.kind === 'punct') return TERMINAL.test(token.value)
  return (token.kind === 'word' || token.kind === 'number') && token.value.endsWith('.')
}

/**
 * Does the sentence end at the terminal token `i` (closing marks up to `j`)?
 * - Never when the next word starts with a small letter («bl.a. i», «3. mars», «kr. i måneden»).
 * - «!», «?», «…»: yes otherwise.
 * - A period: not after abbreviations that introduce something («jf.», «nr.», «kl.», «f.eks.»),
 *   nor after an initial («Kari N. Hansen»); after other abbreviations («osv.», «kr.»), numbers
 *   («3.», «§ 3-2.») and single small letters («bokstav b.») only before a capitalised word;
 *   after an ordinary word before anything that is not a small letter.
 */
function endsSentence(tokens: ReadonlyArray<Token>, i: number, j: number): boolean {
  const spaceAfter = tokens[j + 1]
  if (!spaceAfter) return true
  if (spaceAfter.kind !== 'space') return false
  const next = tokens[j + 2]
  if (!next) return true
  if (LOWER_START.test(next.value)) return false
  const terminal = tokens[i]!
  if (terminal.kind === 'punct' && terminal.value !== '.') return true

  const before = terminal.kind === 'punct' ? tokens[i - 1] : terminal
  if (!before || before.end !== terminal.start && before !== terminal) return true
  if (before.kind !== 'word' && before.kind !== 'number') return true
  const core = before.value.endsWith('.') ? before.value.slice(0, -1) : before.value
  const key = core.toLowerCase()
  const nextIsCapital = UPPER_START.test(next.value)

  if (before.kind === 'number') return nextIsCapital || /^[«"“]/.test(next.value)
  if (NEVER_END.has(key)) return false
  if (/^\p{Lu}$/u.test(core)) return false
  if (MAY_END.has(key) || /^\p{Ll}$/u.test(core) || isAbbreviation(key)) return nextIsCapital
  return true
}

/**
 * parse-latin's tokens for one block, with document offsets. Only its tokenizer and word-level
 * plugins run (`tokenizeSentence`: they join «e-post», «12.03.2024», «f.eks»); its paragraph and
 * sentence plugins are skipped because sentence boundaries are decided here.
 */
function tokenise(text: string, start: number, end: number): Token[] {
  const sentence = parser.tokenizeSentence(text.slice(start, end)) as { children: Nodes[] }
  const tokens: Token[] = []
  for (const node of sentence.children) {
    const from = node.position!.start.offset! + start
    const to = node.position!.end.offset! + start
    if (node.type === 'WordNode') {
      const value = text.slice(from, to)
      const letters = countLetters(value)
      tokens.push({ kind: letters > 0 ? 'word' : 'number', start: from, end: to, value, letters })
    } else {
      const kind: TokenKind = node.type === 'WhiteSpaceNode' ? 'space' : node.type === 'PunctuationNode' ? 'punct' : 'symbol'
      tokens.push({ kind, start: from, end: to, value: (node as { value: string }).value, letters: 0 })
    }
  }
  return tokens
}

/** Letters in a word: fast paths for ASCII and Latin-1/Latin Extended (æøå), Unicode otherwise. */
export function countLetters(value: string): number {
  let letters = 0
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 0x80) {
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) letters++
    } else if (code >= 0xc0 && code <= 0x24f) {
      if (code !== 0xd7 && code !== 0xf7) letters++ // × and ÷ are the only non-letters here
    } else if (LETTER.test(value[i]!)) {
      letters++
    }
  }
  return letters
}

/**
 * Make periods consistent: an abbreviation or a number owns the period right after it
 * («nr.», «3.»), any other word never does («gratis.» → «gratis» + «.»). parse-latin attaches
 * them by its own, English-oriented rules.
 */
export function normalise(tokens: Token[]): Token[] {
  const out: Token[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.kind !== 'word' && token.kind !== 'number') {
      out.push(token)
      continue
    }
    const value = token.value
    if (value.length > 1 && value.charCodeAt(value.length - 1) === 46 /* . */) {
      const core = value.slice(0, -1)
      if (ownsPeriod(token, core)) {
        out.push(token)
      } else {
        const [word, period] = splitNodes(token.nodes)
        out.push({ ...token, end: token.end - 1, value: core, ...word })
        out.push({ kind: 'punct', start: token.end - 1, end: token.end, value: '.', letters: 0, ...period })
      }
      continue
    }
    const next = tokens[i + 1]
    if (next && next.value === '.' && next.kind === 'punct' && next.start === token.end && ownsPeriod(token, value)) {
      out.push({ ...token, end: next.end, value: value + '.', ...mergeNodes(token.nodes, next.nodes) })
      i++
      continue
    }
    out.push(token)
  }
  return out
}

function ownsPeriod(token: Token, core: string): boolean {
  return token.kind === 'number' || isAbbreviation(core.toLowerCase())
}

/** A WordNode ending in «.» → the word without it and the period, for the tree version. */
function splitNodes(nodes: Nodes[] | undefined): [{ nodes?: Nodes[] }, { nodes?: Nodes[] }] {
  const node = nodes?.[0]
  if (!nodes || nodes.length !== 1 || node?.type !== 'WordNode') return [{}, {}]
  const period = node.children.at(-1)!
  return [{ nodes: [{ ...node, children: node.children.slice(0, -1) }] }, { nodes: [period as Nodes] }]
}

/** A word and the period after it → one WordNode, for the tree version. */
function mergeNodes(word: Nodes[] | undefined, period: Nodes[] | undefined): { nodes?: Nodes[] } {
  const node = word?.[0]
  if (!word || !period || node?.type !== 'WordNode') return {}
  const children = [...node.children, ...(period as typeof node.children)]
  const merged: Nodes = { type: 'WordNode', children }
  if (node.position && period[0]?.position) merged.position = { start: node.position.start, end: period[0].position.end }
  return { nodes: [merged] }
}
