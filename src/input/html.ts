import { Parser } from 'htmlparser2'
import { UserError } from '../errors.js'
import type { Block, BlockKind, Directive, Document } from '../types.js'
import { parseSwitch } from './comment-directives.js'
import { decodeTextWithEncoding, withDecoding, type DecodedText } from './decode.js'

/** Never visible, or not prose: skipped with everything inside. */
const HIDDEN_ELEMENTS = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas',
  'nav', 'button', 'select', 'textarea',
])
/** ARIA landmarks that are page chrome, not the page's own text. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search'])
/** Elements whose text belongs to the block around them. Every other element ends a block. */
const INLINE_ELEMENTS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font',
  'i', 'img', 'input', 'ins', 'kbd', 'label', 'mark', 'meter', 'nobr', 'output', 'picture', 'progress', 'q',
  'rp', 'rt', 'ruby', 's', 'samp', 'slot', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'sup', 'time',
  'tt', 'u', 'var', 'wbr',
])
/** What a page's head holds; anything else in it means the head was left unclosed. */
const HEAD_CONTENT = new Set(['title', 'base', 'link', 'meta', 'style', 'script', 'noscript', 'template'])
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
/** Whitespace as HTML collapses it (not the no-break space, which is content). */
const HTML_SPACE = /[ \t\n\f\r]+/g
/** Invisible characters that would split words: soft hyphen, zero-width space. */
const INVISIBLE = /[\u00ad\u200b]/g

/**
 * Deepest element nesting read. htmlparser2 keeps its open elements in an array it shifts at the
 * front, so each element costs time in proportion to the depth: 100,000 unclosed `<div>` took
 * minutes. Real pages nest a few dozen levels; deeper is tags left unclosed by the thousand.
 */
export const MAX_HTML_DEPTH = 1000
const TOO_DEEP = `HTML-siden har elementer nestet mer enn ${MAX_HTML_DEPTH.toLocaleString('nb-NO').replace(/\s/g, '\u00a0')} nivåer dypt, trolig tagger som ikke er lukket. Lukk elementene i HTML-koden og prøv igjen.`

interface Open {
  name: string
  /** This element hides itself and its content. */
  hides: boolean
  /** The kind of text directly inside it: the nearest heading, list item or table cell decides. */
  kind: BlockKind
}

/**
 * HTML → Document: the visible prose of a web page, block by block.
 *
 * Scripts, styles, the head and page chrome (navigation, the site header and footer, search,
 * `hidden` and `aria-hidden` content, comments) are left out. Headings, paragraphs, list items and
 * table cells become blocks; inline markup flows into its block, and text directly in a `div`,
 * `section` … is a paragraph of its own. Whitespace is collapsed, so a block is one line, and the
 * blocks are joined with a blank line.
 */
export async function loadHtml(path: string, bytes: Uint8Array): Promise<Document> {
  const decoded = decodeHtml(bytes, path)
  const source = decoded.text
  const texts: string[] = []
  const kinds: BlockKind[] = []
  const stack: Open[] = []
  let hidden = 0
  let buffer = ''
  /** `<!-- klarsprak-… -->` comments, with the index of the first block they act on. */
  const switches: { kind: Directive['kind']; rules: string[]; block: number }[] = []

  const flush = (): void => {
    const text = buffer.replace(INVISIBLE, '').replace(HTML_SPACE, ' ').trim()
    buffer = ''
    if (text === '') return
    texts.push(text)
    kinds.push(stack[stack.length - 1]?.kind ?? 'paragraph')
  }

  /** Close the open element at `index` and everything inside it. */
  const closeFrom = (index: number): void => {
    if (index < 0) return
    while (stack.length > index) {
      const open = stack[stack.length - 1]!
      if (hidden === 0 && !INLINE_ELEMENTS.has(open.name)) flush()
      stack.pop()
      if (open.hides) hidden--
    }
  }

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        // Thrown out of the parser's write(): parsing stops here.
        if (stack.length >= MAX_HTML_DEPTH) throw new UserError(TOO_DEEP, path)
        // Body content in an unclosed head ends the head, as in a browser.
        if (stack[stack.length - 1]?.name === 'head' && !HEAD_CONTENT.has(name)) closeFrom(stack.length - 1)
        const hides = hidden > 0 || hidesContent(name, attribs, stack[stack.length - 1]?.name)
        if (hidden === 0) {
          if (name === 'br') buffer += ' '
          else if (!INLINE_ELEMENTS.has(name)) flush()
        }
        if (hides) hidden++
        stack.push({ name, hides, kind: kindOf(name) ?? stack[stack.length - 1]?.kind ?? 'paragraph' })
      },
      onclosetag(name) {
        let index = stack.length - 1
        while (index >= 0 && stack[index]!.name !== name) index--
        closeFrom(index)
      },
      ontext(data) {
        if (hidden === 0) buffer += data
      },
      oncomment(data) {
        const parsed = parseSwitch(data)
        if (!parsed) return
        // The block the comment acts on: the one after it. A comment inside a block's text
        // (between two inline elements) acts from the next block on, as «next line» would.
        const next = texts.length + (buffer.trim() === '' ? 0 : 1)
        switches.push({ ...parsed, block: next })
      },
    },
    { decodeEntities: true },
  )
  parser.write(source)
  parser.end()
  flush()

  if (texts.length === 0) throw new UserError('HTML-siden har ingen synlig tekst.', path)
  const blocks: Block[] = []
  let offset = 0
  texts.forEach((text, index) => {
    blocks.push({ kind: kinds[index]!, start: offset, end: offset + text.length, location: { paragraph: index + 1 } })
    offset += text.length + 2
  })
  const directives: Directive[] = []
  for (const { kind, rules, block } of switches) {
    const target = blocks[block]
    if (!target) continue
    const range = kind === 'disable-next-line' ? { start: target.start, end: target.end } : { start: target.start, end: target.start }
    directives.push({ kind, rules, line: 0, range })
  }
  return withDecoding({ path, format: 'html', text: texts.join('\n\n'), blocks, directives }, decoded)
}

/**
 * The page's text: a byte order mark first, then the encoding a `<meta charset>` or
 * `<meta http-equiv="Content-Type">` declares, else UTF-8 (falling back to Windows-1252 for
 * bytes that are not UTF-8, as for text files).
 */
export function decodeHtml(bytes: Uint8Array, path: string): DecodedText {
  const declared = declaredCharset(bytes)
  return decodeTextWithEncoding(bytes, path, declared === 'windows-1252' ? { declared } : {})
}

/** The encoding named by a meta tag near the top of the page, normalised (`latin1` → `windows-1252`). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096))
  const label = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]
  if (label === undefined) return undefined
  try {
    // The WHATWG label table: «iso-8859-1», «latin1», «us-ascii», «cp1252» … all mean windows-1252.
    return new TextDecoder(label).encoding
  } catch {
    return undefined
  }
}

/** Does this element hide itself and its content from the reader (or is it page chrome)? */
function hidesContent(name: string, attribs: Record<string, string>, parent: string | undefined): boolean {
  if (HIDDEN_ELEMENTS.has(name)) return true
  if (attribs.hidden !== undefined || attribs['aria-hidden']?.trim().toLowerCase() === 'true') return true
  const roles = attribs.role?.toLowerCase().split(/\s+/) ?? []
  if (roles.some((role) => CHROME_ROLES.has(role))) return true
  if (attribs.style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(attribs.style)) {
    return true
  }
  // The site's header and footer (not an article's): directly in body.
  return (name === 'header' || name === 'footer') && (parent === undefined || parent === 'body' || parent === 'html')
}

/** The kind of text an element makes, for headings, list items and table cells. */
function kindOf(name: string): BlockKind | undefined {
  if (HEADINGS.has(name)) return 'heading'
  if (name === 'li') return 'list-item'
  if (name === 'td' || name === 'th') return 'table-cell'
  return undefined
}
