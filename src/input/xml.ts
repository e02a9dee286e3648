import { SaxesParser, type SaxesTagPlain } from 'saxes'
import type { Block, BlockKind, Document, Placeholder } from '../types.js'

/**
 * Shared helpers for the office loaders (Word, OpenDocument): a namespace-aware streaming XML
 * walk (saxes), a paragraph text builder and the assembly of paragraphs into a Document.
 * Only the office loaders import this module, so saxes is loaded only when such a file is met.
 */

export interface Attribute {
  name: string
  prefix: string
  local: string
  uri: string
  value: string
}

/** An element, its name and attributes resolved against the namespaces in scope. */
export interface Tag {
  name: string
  prefix: string
  local: string
  uri: string
  attributes: Record<string, Attribute>
}

/** The XML of a part is not well formed: the loader turns this into a UserError. */
export class MalformedXml extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MalformedXml'
  }
}

/**
 * Deepest element nesting read. Real documents nest a few levels per table, text box or content
 * control (Word's own limit on nested tables keeps them far below this); deeper is a damaged or
 * crafted file.
 */
export const MAX_XML_DEPTH = 1000

export interface XmlHandler {
  open(tag: Tag): void
  close(tag: Tag): void
  text(text: string): void
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace'
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/'
const NO_BINDINGS: string[] = []

/**
 * Walk an XML document, namespaces resolved. Throws MalformedXml on bad XML and on nesting deeper
 * than {@link MAX_XML_DEPTH}.
 *
 * Namespaces are resolved here, not by saxes: saxes' `xmlns` mode looks each prefix up through
 * the open elements, which is quadratic in the nesting depth (100,000 nested elements: minutes).
 * Here every prefix has its own stack of bindings, so a lookup is O(1).
 */
export function walkXml(xml: string, handler: XmlHandler): void {
  const parser = new SaxesParser({ xmlns: false, position: false })
  const bindings = new Map<string, string[]>([
    ['xml', [XML_NS]],
    ['xmlns', [XMLNS_NS]],
  ])
  const open: Tag[] = []
  /** The prefixes each open element declares, to unbind them when it closes. */
  const declared: string[][] = []

  const resolve = (prefix: string): string => {
    const stack = bindings.get(prefix)
    if (stack !== undefined && stack.length > 0) return stack[stack.length - 1]!
    if (prefix === '') return ''
    throw new MalformedXml(`unbound namespace prefix: ${prefix}`)
  }

  parser.on('error', (error) => {
    throw new MalformedXml(error.message)
  })
  parser.on('opentag', (plain: SaxesTagPlain) => {
    if (open.length >= MAX_XML_DEPTH) throw new MalformedXml(`elements nested deeper than ${MAX_XML_DEPTH}`)
    let ownPrefixes = NO_BINDINGS
    for (const name in plain.attributes) {
      const prefix = name === 'xmlns' ? '' : name.startsWith('xmlns:') ? name.slice(6) : undefined
      if (prefix === undefined) continue
      const uri = plain.attributes[name]!
      if (prefix !== '' && uri === '') throw new MalformedXml(`empty namespace for prefix ${prefix}`)
      let stack = bindings.get(prefix)
      if (stack === undefined) bindings.set(prefix, (stack = []))
      stack.push(uri)
      if (ownPrefixes === NO_BINDINGS) ownPrefixes = []
      ownPrefixes.push(prefix)
    }
    const attributes: Record<string, Attribute> = {}
    for (const name in plain.attributes) {
      const value = plain.attributes[name]!
      const [prefix, local] = split(name)
      const uri = name === 'xmlns' || prefix === 'xmlns' ? XMLNS_NS : prefix === '' ? '' : resolve(prefix)
      attributes[name] = { name, prefix, local, uri, value }
    }
    const [prefix, local] = split(plain.name)
    const tag: Tag = { name: plain.name, prefix, local, uri: resolve(prefix), attributes }
    open.push(tag)
    declared.push(ownPrefixes)
    handler.open(tag)
  })
  parser.on('closetag', () => {
    // saxes has checked that the end tag matches the open element.
    const tag = open.pop()!
    for (const prefix of declared.pop()!) bindings.get(prefix)!.pop()
    handler.close(tag)
  })
  parser.on('text', (text) => handler.text(text))
  parser.on('cdata', (text) => handler.text(text))
  parser.write(xml).close()
}

/** «w:p» → [«w», «p»]; «p» → [«», «p»]. */
function split(name: string): [string, string] {
  const colon = name.indexOf(':')
  return colon === -1 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)]
}

/** An attribute by local name, whatever its prefix. */
export function attr(tag: Tag, local: string): string | undefined {
  const attributes = tag.attributes
  for (const name in attributes) {
    const attribute = attributes[name]!
    if (attribute.local === local) return attribute.value
  }
  return undefined
}

/** Is an on/off property switched on? (`<w:vanish/>`, `<w:vanish w:val="false"/>`) */
export function isOn(tag: Tag): boolean {
  const value = attr(tag, 'val')
  return value === undefined || !/^(?:false|0|off)$/i.test(value)
}

/** XML bytes → string: UTF-8 unless a UTF-16 byte order mark says otherwise. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return new TextDecoder('utf-8').decode(bytes)
}

/** One paragraph as extracted, before it gets its place in the Document text. */
export interface Paragraph {
  kind: BlockKind
  text: string
  /** Offsets relative to `text`. */
  placeholders: Placeholder[]
  /** The page the paragraph starts on. */
  page: number
  /** Set for paragraphs outside the body. */
  part?: Block['part']
  /** Where the text comes from in the XML (only when the loader keeps a source map). */
  segments?: TextSegment[]
  /** Comment anchors met in the paragraph (offsets relative to `text`). */
  marks?: CommentMark[]
}

/** Where a piece of text comes from: the `slot`-th gap between tags of an XML part. */
export interface TextSource {
  /** Zip entry name of the part. */
  part: string
  /** Number of start and end tags (a self-closing tag counts twice) before the text. */
  slot: number
  /** Offsets in the slot's decoded text (entities resolved, comments left out). */
  from: number
  to: number
}

/** A piece of paragraph (later: document) text and where it comes from. */
export interface TextSegment extends TextSource {
  start: number
  end: number
}

/** A comment's range start or end, as met in the text. */
export interface CommentMark {
  id: string
  kind: 'start' | 'end'
  offset: number
}

const SPACE = /\s/

/**
 * Builds the text of one paragraph. Tabs and line breaks become a single «soft» space (none at the
 * start, none after whitespace); the result is trimmed, so a block never starts or ends in space.
 */
export class ParagraphBuilder {
  private text = ''
  private readonly placeholders: Placeholder[] = []
  private segments: TextSegment[] | undefined
  private marks: CommentMark[] | undefined
  /** Page of the first visible character. */
  page: number | undefined

  constructor(private readonly pageOf: () => number) {}

  /** Append text; `source` says where it comes from (source-mapped loads only). */
  append(text: string, source?: TextSource): void {
    if (text.length === 0) return
    if (this.page === undefined && /\S/.test(text)) this.page = this.pageOf()
    if (source) (this.segments ??= []).push({ ...source, start: this.text.length, end: this.text.length + text.length })
    this.text += text
  }

  /** A comment's range starts or ends here. */
  mark(id: string, kind: CommentMark['kind']): void {
    ;(this.marks ??= []).push({ id, kind, offset: this.text.length })
  }

  /** A tab or a line break: one space between words. */
  space(): void {
    if (this.text.length > 0 && !SPACE.test(this.text[this.text.length - 1]!)) this.text += ' '
  }

  /** Does the text so far end in whitespace (or is it empty)? */
  atSpace(): boolean {
    return this.text.length === 0 || SPACE.test(this.text[this.text.length - 1]!)
  }

  /** A merge field: «Name» in the text, listed as a placeholder. */
  placeholder(name: string): void {
    const start = this.text.length
    this.append(`«${name.trim() || 'Felt'}»`)
    this.placeholders.push({ start, end: this.text.length })
  }

  finish(kind: BlockKind, fallbackPage: number): Paragraph | undefined {
    const trimmed = this.text.trim()
    if (trimmed.length === 0) return undefined
    const lead = this.text.length - this.text.trimStart().length
    const paragraph: Paragraph = {
      kind,
      text: trimmed,
      placeholders: this.placeholders.map((p) => ({ start: p.start - lead, end: p.end - lead })),
      page: this.page ?? fallbackPage,
    }
    const length = trimmed.length
    if (this.segments) {
      // Trimmed white space drops out of the map; a segment cut by the trim keeps its source.
      paragraph.segments = []
      for (const s of this.segments) {
        const start = Math.max(0, s.start - lead)
        const end = Math.min(length, s.end - lead)
        if (end <= start) continue
        const exact = s.to - s.from === s.end - s.start
        const from = exact ? s.from + (start - (s.start - lead)) : s.from
        const to = exact ? s.to - (s.end - lead - end) : s.to
        paragraph.segments.push({ ...s, start, end, from, to })
      }
    }
    if (this.marks) {
      paragraph.marks = this.marks.map((m) => ({ ...m, offset: Math.min(length, Math.max(0, m.offset - lead)) }))
    }
    return paragraph
  }
}

/**
 * Paragraphs → Document. Body paragraphs come first; `extra` (headers, footers, notes) follow
 * without a page, their paragraph numbers continuing the document-wide count. With `paged`,
 * body paragraphs are numbered per page; otherwise through the document.
 */
export function assemble(
  path: string,
  format: string,
  body: Paragraph[],
  extra: Paragraph[],
  paged: boolean,
): Document {
  const parts: string[] = []
  const blocks: Block[] = []
  const placeholders: Placeholder[] = []
  let offset = 0
  let page = 0
  let onPage = 0

  const add = (paragraph: Paragraph, location: Block['location']): void => {
    if (parts.length > 0) offset += 2
    parts.push(paragraph.text)
    for (const p of paragraph.placeholders) placeholders.push({ start: offset + p.start, end: offset + p.end })
    const block: Block = { kind: paragraph.kind, start: offset, end: offset + paragraph.text.length, location }
    if (paragraph.part) block.part = paragraph.part
    blocks.push(block)
    offset += paragraph.text.length
  }

  body.forEach((paragraph, index) => {
    if (paged) {
      if (paragraph.page !== page) {
        page = paragraph.page
        onPage = 0
      }
      add(paragraph, { page, paragraph: ++onPage })
    } else {
      add(paragraph, { paragraph: index + 1 })
    }
  })
  extra.forEach((paragraph, index) => add(paragraph, { paragraph: body.length + index + 1 }))

  const document: Document = { path, format, text: parts.join('\n\n'), blocks, directives: [] }
  if (placeholders.length > 0) document.placeholders = placeholders
  return document
}
