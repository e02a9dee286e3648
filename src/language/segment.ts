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
// Module constants: the bundle's target turns `u` literals into `new RegExp` where they stand.
const SINGLE_UPPER = /^\p{Lu}$/u
const SINGLE_LOWER = /^\p{Ll}$/u
const OPENING_QUOTE = /^[«"“]/

const parser = new ParseLatin()

/** The key of a merge field's word: never equal to a real word, so no rule matches it. */
export const PLACEHOLDER_KEY = '\u0000flettefelt'

/**
 * Segment a Document into words and sentences. Each block is parsed on its own: parse-latin is
 * quadratic on large inputs, per-block parsing keeps the cost linear. parse-latin supplies the
 * tokens; the sentence boundaries are decided here, with Norwegian rules (see `endsSentence`).
 */
export function analyse(doc: Pick<Document, 'text' | 'blocks' | 'placeholders'>, options: SegmentOptions = {}): Analysis {
  const maxPiece = options.maxPiece ?? MAX_PIECE
  const analysis: Analysis = { text: doc.text, words: [], sentences: [], blocks: [] }
  const placeholders = doc.placeholders ?? []
  let next = 0
  for (const block of doc.blocks) {
    // Placeholders are sorted: hand each block the ones inside it.
    while (next < placeholders.length && placeholders[next]!.end <= block.start) next++
    let end = next
    while (end < placeholders.length && placeholders[end]!.start < block.end) end++
    segmentBlock(doc.text, block, analysis, placeholders.slice(next, end), maxPiece)
  }
  return analysis
}

/**
 * parse-latin's merge plugins splice the token array of what they are given, so its cost grows
 * with the square of a block's length (one 4 MB paragraph: minutes). Blocks longer than this are
 * handed to it in pieces, cut where a whitespace character is followed by a letter or digit: the
 * plugins only join nodes that touch, so a run of whitespace isolates the two sides and the
 * tokens are exactly those of the whole block.
 */
export const MAX_PIECE = 16_384

export interface SegmentOptions {
  /** Longest piece handed to parse-latin at once (tests compare cut and uncut analyses). */
  maxPiece?: number
}

/**
 * A sentence (a unit of analysis) ends after this many words even without a full stop: one
 * unit's words, its text for the rules' patterns and its quote in a report stay bounded on text
 * without punctuation. Real sentences are far shorter (the long-sentence rule flags 25 words).
 */
export const MAX_SENTENCE_WORDS = 5_000

const isSpaceCode = (code: number): boolean => code === 32 || code === 10 || code === 9 || code === 13
const isWordStartCode = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index)
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7
}

/**
 * Where to end the piece of `text` that starts at `from` (before `end`): the last
 * whitespace-to-word boundary in its second half, outside merge fields; else a hard cut (a
 * «word» of thousands of characters, which is not prose), never inside a surrogate pair.
 */
export function pieceEnd(text: string, from: number, end: number, placeholders: ReadonlyArray<Placeholder>, maxPiece = MAX_PIECE): number {
  if (end - from <= maxPiece) return end
  let limit = from + maxPiece
  const floor = from + Math.floor(maxPiece / 2)
  for (let p = limit; p > floor; p--) {
    if (!isSpaceCode(text.charCodeAt(p - 1)) || !isWordStartCode(text, p)) continue
    const inside = placeholders.find((span) => span.start < p && p < span.end)
    if (!inside) return p
    p = inside.start + 1 // continue the search before the merge field
  }
  const inside = placeholders.find((span) => span.start < limit && limit < span.end)
  if (inside) limit = inside.start > from ? inside.start : inside.end
  const code = text.charCodeAt(limit)
  if (code >= 0xdc00 && code <= 0xdfff) limit++
  return Math.min(limit, end)
}

function segmentBlock(text: string, block: Block, out: Analysis, placeholders: Placeholder[], maxPiece: number): void {
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
  // Tokens of the sentence not yet finished, followed by those of the next piece. Only this
  // much of the block is held as tokens at any time.
  let pending: Token[] = []
  let from = block.start
  while (from < block.end) {
    const to = pieceEnd(text, from, block.end, placeholders, maxPiece)
    let tokens = normalise(tokenise(text, from, to))
    const inside = placeholders.filter((span) => span.start < to && span.end > from)
    if (inside.length > 0) tokens = mergePlaceholders(tokens, inside, text)
    for (const token of tokens) pending.push(token)
    from = to
    const spans = sentenceSpans(pending, MAX_SENTENCE_WORDS)
    // The last sentence may go on in the next piece (its end was judged on what follows).
    const done = from < block.end ? spans.length - 1 : spans.length
    for (let k = 0; k < done; k++) emitSentence(pending, spans[k]!, out, blockNumber)
    if (done < spans.length) pending = pending.slice(spans[done]![0])
    else pending = []
  }
  index.endSentence = out.sentences.length
}

function emitSentence(tokens: ReadonlyArray<Token>, [first, last]: [number, number], out: Analysis, blockNumber: number): void {
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

/**
 * Split tokens into sentences: [first, last] token indices, inclusive, without surrounding
 * whitespace. Shared by the linter and the retext plugin. A unit also ends before its
 * `maxWords + 1`th word.
 */
export function sentenceSpans(tokens: ReadonlyArray<Token>, maxWords = MAX_SENTENCE_WORDS): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let first = -1
  let last = -1
  let words = 0
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.kind === 'space') continue
    if (token.kind === 'word') {
      if (words === maxWords && first !== -1) {
        spans.push([first, last])
        first = -1
      }
      words = first === -1 ? 1 : words + 1
    }
    if (first === -1) {
      first = i
      if (token.kind !== 'word') words = 0
    }
    last = i
    if (!isTerminal(token)) continue
    // Closing quotes and brackets belong to the sentence they close.
    let j = i
    while (tokens[j + 1]?.kind === 'punct' && CLOSING.test(tokens[j + 1]!.value)) j++
    if (endsSentence(tokens, i, j)) {
      spans.push([first, j])
      first = -1
      words = 0
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

  if (before.kind === 'number') return nextIsCapital || OPENING_QUOTE.test(next.value)
  if (NEVER_END.has(key)) return false
  if (SINGLE_UPPER.test(core)) return false
  if (MAY_END.has(key) || SINGLE_LOWER.test(core) || isAbbreviation(key)) return nextIsCapital
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
