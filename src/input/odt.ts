import { UserError } from '../errors.js'
import type { BlockKind, Document } from '../types.js'
import { commentDirectives } from './comment-directives.js'
import { anchorComments, documentMap, type MappedDocument, type PartReader } from './sourcemap.js'
import { ParagraphBuilder, assemble, attr, walkXml, type Paragraph, type Tag } from './xml.js'
import { openZip, readZipDocument } from './zip.js'

/**
 * OpenDocument text (.odt, .ott) → Document.
 *
 * content.xml's body is read in order: text:h is a heading, text:p a paragraph, a list item or a
 * table cell by where it stands. The headers and footers of the master pages (styles.xml), then
 * footnotes and endnotes, follow the body as blocks of their own. Tracked deletions
 * (text:tracked-changes) are not text; insertions are in the body and are. Mail-merge fields
 * become «Name» placeholders.
 */

const MESSAGES = {
  corrupt:
    'Filen er skadet eller ikke et OpenDocument-tekstdokument. Åpne den i LibreOffice og lagre den på nytt.',
  legacy:
    'Dokumentet er passordbeskyttet eller i gammelt format (.doc). Lagre en kopi som .odt uten passord og prøv igjen.',
  encrypted: 'Dokumentet er passordbeskyttet. Lagre en kopi uten passord og prøv igjen.',
  notOdt: 'Filen er en zip-fil, men ikke et OpenDocument-tekstdokument. Sjekk at du har valgt riktig fil.',
  isWord: 'Filen er et Word-dokument, ikke et OpenDocument-dokument. Gi den endelsen .docx og prøv igjen.',
  notText: (kind: string): string =>
    `Filen er et OpenDocument-dokument, men ikke et tekstdokument (${kind}). Lagre teksten som .odt og prøv igjen.`,
}

const TEXT_MIMETYPE = /^application\/vnd\.oasis\.opendocument\.text(?:-template|-master|-master-template|-web)?$/
const ODF_MIMETYPE = /^application\/vnd\.oasis\.opendocument\.([\w-]+)$/
const OTHER_KINDS: Record<string, string> = {
  spreadsheet: 'regneark',
  presentation: 'presentasjon',
  graphics: 'tegning',
  formula: 'formel',
  chart: 'diagram',
  image: 'bilde',
  database: 'database',
}

const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0'
const TABLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0'
const OFFICE_NS = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0'
const STYLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0'
const DRAW_NS = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0'
const KNOWN_NS = new Set([TABLE_NS, OFFICE_NS, STYLE_NS, DRAW_NS])

/** text: elements whose content is not shown text (or repeats other text). */
const SKIP_TEXT = new Set([
  'tracked-changes',
  'note-citation',
  'ruby-text',
  'number',
  'table-of-content',
  'illustration-index',
  'table-index',
  'object-index',
  'user-index',
  'alphabetical-index',
  'bibliography',
  'sequence-decls',
  'variable-decls',
  'user-field-decls',
  'dde-connection-decls',
])

/** text: elements that hold paragraphs, not characters: whitespace in them is layout. */
const STRUCTURE = new Set([
  'list',
  'list-item',
  'list-header',
  'numbered-paragraph',
  'note',
  'note-body',
  'section',
  'soft-page-break',
])

/** Mail-merge and variable fields, with the attribute that names them. */
const FIELDS = new Map<string, string | undefined>([
  ['database-display', 'column-name'],
  ['user-field-get', 'name'],
  ['variable-get', 'name'],
  ['placeholder', undefined],
])

const TITLE_NAME = /^(?:title|tittel|subtitle|undertittel)$/i

interface Style {
  parent?: string
  displayName?: string
}

export async function loadOdt(path: string, bytes: Uint8Array, format = 'odt'): Promise<Document> {
  return readZipDocument(path, bytes, MESSAGES, (zip) => readDocument(path, zip, format))
}

/** Load with a source map and the comments (for annotate); `parts` replaces package entries. */
export function loadOdtMapped(
  path: string,
  bytes: Uint8Array,
  parts: Map<string, string> = new Map(),
  format = 'odt',
): Document & MappedDocument {
  let mapped: (Document & MappedDocument) | undefined
  readZipDocument(path, bytes, MESSAGES, (zip) => {
    const reader: PartReader =
      parts.size === 0
        ? zip
        : {
            has: (name) => parts.has(name) || zip.has(name),
            read: (name) => (parts.has(name) ? new TextEncoder().encode(parts.get(name)) : zip.read(name)),
            text: (name) => parts.get(name) ?? zip.text(name),
          }
    mapped = readDocument(path, reader, format, true) as Document & MappedDocument
    return mapped
  })
  return mapped!
}

/** Open an OpenDocument package (UserError when it is not a zip), for annotate's own reading. */
export function openOdt(path: string, bytes: Uint8Array): PartReader {
  return openZip(path, bytes, MESSAGES)
}

function readDocument(path: string, zip: PartReader, format: string, mapped = false): Document {
  const manifest = zip.text('META-INF/manifest.xml')
  if (manifest !== undefined && /<(?:[\w.-]+:)?encryption-data\b/.test(manifest)) {
    throw new UserError(MESSAGES.encrypted, path)
  }
  const mimetype = zip.text('mimetype')?.trim()
  const other = mimetype === undefined || TEXT_MIMETYPE.test(mimetype) ? undefined : ODF_MIMETYPE.exec(mimetype)
  if (other) {
    const kind = other[1]!.replace(/-template$/, '')
    throw new UserError(MESSAGES.notText(OTHER_KINDS[kind] ?? kind), path)
  }
  const content = zip.text('content.xml')
  if (content === undefined || (mimetype !== undefined && !TEXT_MIMETYPE.test(mimetype))) {
    throw new UserError(zip.has('word/document.xml') ? MESSAGES.isWord : MESSAGES.notOdt, path)
  }

  const styles = new Map<string, Style>()
  const stylesXml = zip.text('styles.xml')
  const pages = new OdfPart(styles, 'styles')
  if (stylesXml !== undefined) walkXml(stylesXml, pages)
  const body = new OdfPart(styles, 'content', mapped)
  walkXml(content, body)

  // After the body, in the order the Word loader uses: headers, footers, footnotes, endnotes.
  const as = (part: Paragraph['part'], paragraphs: Paragraph[]): Paragraph[] => paragraphs.map((paragraph) => ({ ...paragraph, part }))
  const extra = [
    ...as('header', pages.headers),
    ...as('footer', pages.footers),
    ...as('note', body.footnotes),
    ...as('note', body.endnotes),
  ]
  const doc = assemble(path, format, body.paragraphs, extra, body.paged)
  if (!mapped && body.comments.size === 0) return doc
  const map = documentMap(doc.blocks, [...body.paragraphs, ...extra])
  const comments = anchorComments(body.comments, map.marks)
  doc.directives = commentDirectives(comments, doc.blocks)
  if (mapped) Object.assign(doc, { map, comments })
  return doc
}

const DC_NS = 'http://purl.org/dc/elements/1.1/'
/** Elements whose direct text annotate can mark: text may be split there by inline elements. */
const MARKABLE = new Set(['p', 'h', 'span', 'a'])

/** An office:annotation being read: its name, author and text. */
interface Annotation {
  name: string
  author: string
  text: string
  depth: number
  paragraphs: number
  inCreator: boolean
  inParagraph: number
}

interface OpenParagraph {
  builder: ParagraphBuilder
  heading: boolean
  styleName?: string
  inCell: boolean
  inList: boolean
  /** Text boxes anchored in the paragraph, emitted after it. */
  nested: Paragraph[]
}

/** Where paragraphs go: the body, a note, a header or footer; each with its own list/table depth. */
interface Context {
  target: Paragraph[]
  cells: number
  lists: number
}

interface MergeField {
  name?: string
  shown: string
}

/** content.xml (body, notes) or styles.xml (styles, master page headers and footers) → paragraphs. */
class OdfPart {
  readonly paragraphs: Paragraph[] = []
  readonly footnotes: Paragraph[] = []
  readonly endnotes: Paragraph[] = []
  readonly headers: Paragraph[] = []
  readonly footers: Paragraph[] = []
  paged = false

  private readonly stack: string[] = []
  private skip = 0
  private page = 1
  private readonly openParagraphs: OpenParagraph[] = []
  private readonly contexts: Context[]
  /** Paragraphs are read in office:body (content.xml) or in a header or footer (styles.xml). */
  private reading = 0
  private field: MergeField | undefined
  /** The class of the note being read (its body follows its citation). */
  private noteClass: 'footnote' | 'endnote' = 'footnote'
  /** Comments (office:annotation) by name: author and text. */
  readonly comments = new Map<string, { author: string; text: string }>()
  private annotation: Annotation | undefined
  private unnamed = 0
  /** Source map: tags seen so far, and decoded characters since the last one. */
  private slot = 0
  private slotOffset = 0

  constructor(
    private readonly styles: Map<string, Style>,
    private readonly part: 'content' | 'styles',
    private readonly mapped = false,
  ) {
    this.contexts = [{ target: this.paragraphs, cells: 0, lists: 0 }]
  }

  private get context(): Context {
    return this.contexts[this.contexts.length - 1]!
  }

  private get paragraph(): OpenParagraph | undefined {
    return this.openParagraphs[this.openParagraphs.length - 1]
  }

  open(tag: Tag): void {
    this.slot++
    this.slotOffset = 0
    if (this.annotation) {
      this.annotationOpen(tag)
      return
    }
    if (this.skip > 0) {
      this.skip++
      return
    }
    const { uri, local } = tag
    if (uri === OFFICE_NS && (local === 'annotation' || local === 'annotation-end') && this.reading > 0) {
      this.annotationStart(tag)
      return
    }
    if (isHidden(tag)) {
      this.skip = 1
      return
    }
    // text: elements by local name; others by namespace and name («#» marks them as not text).
    this.stack.push(uri === TEXT_NS ? local : KNOWN_NS.has(uri) ? `${uri}#${local}` : '#')
    if (uri === STYLE_NS) {
      this.styleElement(tag)
      return
    }
    if (uri === OFFICE_NS) {
      if (local === 'body' && this.part === 'content') this.reading++
      return
    }
    if (uri === TABLE_NS) {
      if (local === 'table-cell' || local === 'covered-table-cell') this.context.cells++
      return
    }
    if (uri === DRAW_NS) {
      if (local === 'text-box') {
        this.contexts.push({ target: this.paragraph?.nested ?? this.context.target, cells: 0, lists: 0 })
      }
      return
    }
    if (uri !== TEXT_NS || this.reading === 0) return
    const paragraph = this.paragraph
    switch (local) {
      case 'p':
      case 'h':
        this.openParagraphs.push({
          builder: new ParagraphBuilder(() => this.page),
          heading: local === 'h',
          styleName: attr(tag, 'style-name'),
          inCell: this.context.cells > 0,
          inList: this.context.lists > 0,
          nested: [],
        })
        return
      case 'list-item':
      case 'numbered-paragraph':
        this.context.lists++
        return
      case 'note-body':
        this.contexts.push({ target: this.noteTarget, cells: 0, lists: 0 })
        return
      case 'note':
        this.noteClass = attr(tag, 'note-class') === 'endnote' ? 'endnote' : 'footnote'
        return
      case 's': {
        const count = Number(attr(tag, 'c') ?? '1')
        const spaces = Number.isInteger(count) && count > 0 && count < 1000 ? count : 1
        if (paragraph && !this.field) paragraph.builder.append(' '.repeat(spaces))
        return
      }
      case 'tab':
      case 'line-break':
        if (!this.field) paragraph?.builder.space()
        return
      case 'soft-page-break':
        if (this.part === 'content' && this.contexts.length === 1) {
          this.page++
          this.paged = true
        }
        return
    }
    if (FIELDS.has(local) && paragraph && !this.field) {
      const nameAttribute = FIELDS.get(local)
      this.field = { name: nameAttribute === undefined ? undefined : attr(tag, nameAttribute), shown: '' }
    }
  }

  private get noteTarget(): Paragraph[] {
    return this.noteClass === 'endnote' ? this.endnotes : this.footnotes
  }

  close(tag: Tag): void {
    this.slot++
    this.slotOffset = 0
    if (this.annotation) {
      this.annotationClose(tag)
      return
    }
    if (this.skip > 0) {
      this.skip--
      return
    }
    this.stack.pop()
    const { uri, local } = tag
    if (uri === STYLE_NS) {
      if (isHeaderOrFooter(local)) {
        this.reading--
        this.contexts.pop()
      }
      return
    }
    if (uri === OFFICE_NS) {
      if (local === 'body' && this.part === 'content') this.reading--
      return
    }
    if (uri === TABLE_NS) {
      if (local === 'table-cell' || local === 'covered-table-cell') this.context.cells--
      return
    }
    if (uri === DRAW_NS) {
      if (local === 'text-box') this.contexts.pop()
      return
    }
    if (uri !== TEXT_NS || this.reading === 0) return
    switch (local) {
      case 'p':
      case 'h':
        this.endParagraph()
        return
      case 'list-item':
      case 'numbered-paragraph':
        this.context.lists--
        return
      case 'note-body':
        this.contexts.pop()
        return
    }
    if (FIELDS.has(local) && this.field) {
      const field = this.field
      this.field = undefined
      const name = field.name ?? field.shown.trim().replace(/^<(.*)>$/s, '$1')
      this.paragraph?.builder.placeholder(name)
    }
  }

  text(text: string): void {
    const from = this.slotOffset
    this.slotOffset += text.length
    const annotation = this.annotation
    if (annotation) {
      if (annotation.inCreator) annotation.author += text
      else if (annotation.inParagraph > 0) annotation.text += text
      return
    }
    if (this.skip > 0 || this.reading === 0) return
    const paragraph = this.paragraph
    if (!paragraph) return
    if (this.field) {
      this.field.shown += text
      return
    }
    // Characters count inside text: inline elements only, not between paragraphs or notes.
    const innermost = this.stack[this.stack.length - 1]
    if (innermost === undefined || innermost.includes('#') || STRUCTURE.has(innermost)) return
    if (this.mapped && this.part === 'content' && MARKABLE.has(innermost) && this.inBody()) {
      this.appendMapped(paragraph.builder, text, from)
      return
    }
    // ODF white space: runs collapse to one space, none at the start or after a space.
    let collapsed = text.replace(/[ \t\r\n]+/g, ' ')
    if (collapsed.startsWith(' ') && paragraph.builder.atSpace()) collapsed = collapsed.slice(1)
    paragraph.builder.append(collapsed)
  }

  /** Text of the body, not of a note (annotate writes comments in the body only). */
  private inBody(): boolean {
    const target = this.context.target
    return target !== this.footnotes && target !== this.endnotes
  }

  /** The same white-space collapsing, piece by piece, each piece with its source. */
  private appendMapped(builder: ParagraphBuilder, text: string, from: number): void {
    const pieces = /[ \t\r\n]+|[^ \t\r\n]+/g
    for (let match = pieces.exec(text); match; match = pieces.exec(text)) {
      const piece = match[0]
      const source = { part: 'content.xml', slot: this.slot, from: from + match.index, to: from + match.index + piece.length }
      if (/^[ \t\r\n]/.test(piece)) {
        if (!builder.atSpace()) builder.append(' ', source)
      } else {
        builder.append(piece, source)
      }
    }
  }

  /** office:annotation starts a comment (its range runs to office:annotation-end); -end closes it. */
  private annotationStart(tag: Tag): void {
    const builder = this.paragraph?.builder
    if (tag.local === 'annotation-end') {
      const name = attr(tag, 'name')
      if (name !== undefined) builder?.mark(name, 'end')
      this.skip = 1
      return
    }
    const named = attr(tag, 'name')
    const name = named ?? `#${++this.unnamed}`
    builder?.mark(name, 'start')
    // A comment without a name marks one point.
    if (named === undefined) builder?.mark(name, 'end')
    this.annotation = { name, author: '', text: '', depth: 1, paragraphs: 0, inCreator: false, inParagraph: 0 }
  }

  private annotationOpen(tag: Tag): void {
    const annotation = this.annotation!
    annotation.depth++
    if (tag.uri === DC_NS && tag.local === 'creator') annotation.inCreator = true
    else if (tag.uri === TEXT_NS && (tag.local === 'p' || tag.local === 'h')) {
      if (annotation.paragraphs++ > 0) annotation.text += '\n'
      annotation.inParagraph++
    } else if (tag.uri === TEXT_NS && (tag.local === 's' || tag.local === 'tab' || tag.local === 'line-break')) {
      annotation.text += ' '
    }
  }

  private annotationClose(tag: Tag): void {
    const annotation = this.annotation!
    if (--annotation.depth === 0) {
      this.annotation = undefined
      this.comments.set(annotation.name, { author: annotation.author.trim(), text: annotation.text })
      return
    }
    if (tag.uri === DC_NS && tag.local === 'creator') annotation.inCreator = false
    else if (tag.uri === TEXT_NS && (tag.local === 'p' || tag.local === 'h')) annotation.inParagraph--
  }

  private endParagraph(): void {
    const state = this.openParagraphs.pop()
    if (!state) return
    const paragraph = state.builder.finish(this.kindOf(state), this.page)
    const target = this.paragraph?.nested ?? this.context.target
    if (paragraph) target.push(paragraph)
    for (const nested of state.nested) target.push(nested)
  }

  private kindOf(state: OpenParagraph): BlockKind {
    if (state.inCell) return 'table-cell'
    if (state.heading || this.isTitle(state.styleName)) return 'heading'
    return state.inList ? 'list-item' : 'paragraph'
  }

  /** A paragraph in the Title or Subtitle style (or one derived from them) is a heading. */
  private isTitle(styleName: string | undefined): boolean {
    let name = styleName
    for (let depth = 0; name !== undefined && depth < 20; depth++) {
      const style = this.styles.get(name)
      if (TITLE_NAME.test(name) || (style?.displayName !== undefined && TITLE_NAME.test(style.displayName))) return true
      name = style?.parent
    }
    return false
  }

  /** Paragraph styles (for titles) and, in styles.xml, the master pages' headers and footers. */
  private styleElement(tag: Tag): void {
    const local = tag.local
    if (local === 'style') {
      const name = attr(tag, 'name')
      if (name !== undefined && attr(tag, 'family') === 'paragraph') {
        this.styles.set(name, { parent: attr(tag, 'parent-style-name'), displayName: attr(tag, 'display-name') })
      }
    } else if (isHeaderOrFooter(local)) {
      const shown = attr(tag, 'display') !== 'false' && this.part === 'styles'
      this.reading += shown ? 1 : 0
      if (!shown) {
        // Read nothing inside a hidden header: balance the close handler.
        this.stack.pop()
        this.skip = 1
        return
      }
      this.contexts.push({ target: local.startsWith('header') ? this.headers : this.footers, cells: 0, lists: 0 })
    }
  }
}

/** Content the reader does not see: comments, deleted text, hidden fields, generated indexes. */
function isHidden(tag: Tag): boolean {
  if (tag.uri === OFFICE_NS) return tag.local.startsWith('annotation')
  if (tag.uri !== TEXT_NS) return false
  return (
    SKIP_TEXT.has(tag.local) ||
    attr(tag, 'display') === 'none' ||
    (tag.local === 'hidden-text' && attr(tag, 'is-hidden') === 'true')
  )
}

function isHeaderOrFooter(local: string): boolean {
  return /^(?:header|footer)(?:-left|-first)?$/.test(local)
}
