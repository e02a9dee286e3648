import { posix } from 'node:path'
import { UserError } from '../errors.js'
import type { BlockKind, Document } from '../types.js'
import { commentDirectives } from './comment-directives.js'
import { anchorComments, documentMap, type MappedDocument, type PartReader } from './sourcemap.js'
import { ParagraphBuilder, assemble, attr, decodeXml, isOn, walkXml, type CommentMark, type Paragraph, type Tag } from './xml.js'
import { openZip, readZipDocument } from './zip.js'

/**
 * Word (.docx, .dotx) → Document.
 *
 * The body of the main document part is read in order; every paragraph (w:p) is a block. Headers,
 * footers, footnotes and endnotes follow the body as blocks of their own. What a reader of the
 * printed letter sees is the text: tracked deletions are left out, insertions kept; merge fields
 * (MERGEFIELD, DOCVARIABLE) and content controls still showing their placeholder text become
 * «Name» placeholders; other fields keep their shown result.
 */

const MESSAGES = {
  corrupt: 'Filen er skadet eller ikke et Word-dokument. Åpne den i Word og lagre den på nytt.',
  legacy:
    'Dokumentet er passordbeskyttet eller i gammelt format (.doc). Lagre en kopi som .docx uten passord og prøv igjen.',
  notWord: 'Filen er en zip-fil, men ikke et Word-dokument. Sjekk at du har valgt riktig fil.',
  isOdt: 'Filen er et OpenDocument-dokument, ikke et Word-dokument. Gi den endelsen .odt og prøv igjen.',
}

const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
])
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006'

/** Inline elements whose content is never shown text. */
const SKIP = new Set([
  'del',
  'moveFrom',
  'delText',
  'delInstrText',
  'pPrChange',
  'rPrChange',
  'sectPrChange',
  'tblPrChange',
  'tblPrExChange',
  'tblGridChange',
  'trPrChange',
  'tcPrChange',
  'numberingChange',
  'sdtEndPr',
])

const HEADING_NAME = /^(?:(?:heading|overskrift) [1-9]|title|tittel|subtitle|undertittel)$/i
const HEADING_ID = /^(?:(?:heading|overskrift)[1-9]|title|tittel|subtitle|undertittel)$/i
const LIST_NAME = /^(?:list bullet|list number|punktmerket liste|nummerert liste)(?: [2-9])?$/i
/** Field instructions that become a placeholder: MERGEFIELD Fornavn, DOCVARIABLE "Saks nummer". */
const MERGE_FIELD = /^\s*(?:MERGEFIELD|DOCVARIABLE)\s+(?:"([^"]*)"|([^\s\\]+))/i
/** Fields whose result repeats other text (tables of contents, indexes). */
const HIDDEN_RESULT = /^\s*(?:TOC|INDEX|TOA)\b/i

interface Style {
  name?: string
  basedOn?: string
  outlineLevel?: number
  numId?: string
}

interface Styles {
  byId: Map<string, Style>
  defaultId?: string
}

export async function loadDocx(path: string, bytes: Uint8Array, format = 'docx'): Promise<Document> {
  return readZipDocument(path, bytes, MESSAGES, (zip) => readDocument(path, zip, format))
}

/**
 * Load with a source map (which XML text each piece of the text comes from) and the comments,
 * for annotate. `parts` replaces entries of the package (its klarsprak markup removed).
 */
export function loadDocxMapped(
  path: string,
  bytes: Uint8Array,
  parts: Map<string, string> = new Map(),
  format = 'docx',
): Document & MappedDocument {
  let mapped: (Document & MappedDocument) | undefined
  readZipDocument(path, bytes, MESSAGES, (zip) => {
    mapped = readDocument(path, withParts(zip, parts), format, true) as Document & MappedDocument
    return mapped
  })
  return mapped!
}

/** A package reader that serves some parts from strings. */
export function withParts(zip: PartReader, parts: Map<string, string>): PartReader {
  if (parts.size === 0) return zip
  return {
    has: (name) => parts.has(name) || zip.has(name),
    read: (name) => (parts.has(name) ? new TextEncoder().encode(parts.get(name)) : zip.read(name)),
    text: (name) => parts.get(name) ?? zip.text(name),
  }
}

/** Open a Word package (UserError when it is not one), for annotate's own reading. */
export function openDocx(path: string, bytes: Uint8Array): PartReader {
  return openZip(path, bytes, MESSAGES)
}

/** The main document part's name and its relationships (annotate adds to them). */
export function wordParts(zip: PartReader): { main: string; rels: Map<string, { type: string; target: string }> } | undefined {
  const main = mainPart(zip)
  return main === undefined ? undefined : { main, rels: relationships(zip, main) }
}

function readDocument(path: string, zip: PartReader, format: string, mapped = false): Document {
  const mainPath = mainPart(zip)
  const main = mainPath === undefined ? undefined : zip.read(mainPath)
  if (mainPath === undefined || main === undefined) {
    const odt = zip.has('content.xml') && zip.has('mimetype')
    throw new UserError(odt ? MESSAGES.isOdt : MESSAGES.notWord, path)
  }
  const rels = relationships(zip, mainPath)
  const target = (type: string, fallback: string): string | undefined =>
    [...rels.values()].find((rel) => rel.type === type)?.target ?? (zip.has(fallback) ? fallback : undefined)

  const stylesPath = target('styles', 'word/styles.xml')
  const styles = parseStyles(stylesPath === undefined ? undefined : zip.text(stylesPath))

  const bodyXml = decodeXml(main)
  const body = new WordPart(styles, 'body', bodyXml.includes('lastRenderedPageBreak'), mapped ? mainPath : undefined)
  walkXml(bodyXml, body)
  // An Excel or PowerPoint file also has an officeDocument relationship: its root is no w:document.
  if (!body.isWordDocument) throw new UserError(MESSAGES.notWord, path)

  const extra: Paragraph[] = []
  const types = contentTypes(zip)
  // Each part is read at most once, and only when it is of the kind the relationship says: a
  // header relationship pointing at the main part (or at a part already read) would repeat it.
  const done = new Set([mainPath.toLowerCase()])
  const readPart = (partPath: string | undefined, kind: PartKind, contentType: string): void => {
    if (partPath === undefined || done.has(partPath.toLowerCase())) return
    const type = types.get(partPath.toLowerCase())
    if (type !== undefined && !type.endsWith(`.${contentType}+xml`)) return
    done.add(partPath.toLowerCase())
    const xml = zip.text(partPath)
    if (xml === undefined) return
    const part = new WordPart(styles, kind, false)
    walkXml(xml, part)
    const role: Paragraph['part'] = kind === 'notes' ? 'note' : kind === 'body' ? undefined : kind
    // A loop, not push(...): a part can hold more paragraphs than a call takes arguments.
    for (const paragraph of part.paragraphs) extra.push(role ? { ...paragraph, part: role } : paragraph)
  }
  for (const kind of ['header', 'footer'] as const) {
    for (const id of body.references[kind]) {
      const rel = rels.get(id)
      if (rel && rel.type === kind) readPart(rel.target, kind, kind)
    }
  }
  readPart(target('footnotes', 'word/footnotes.xml'), 'notes', 'footnotes')
  readPart(target('endnotes', 'word/endnotes.xml'), 'notes', 'endnotes')

  const doc = assemble(path, format, body.paragraphs, extra, body.paged)
  const paragraphs = [...body.paragraphs, ...extra]
  const hasMarks = paragraphs.some((paragraph) => paragraph.marks !== undefined)
  if (!mapped && !hasMarks) return doc
  // Comments: their anchors are in the text; their texts in the comments part.
  const map = documentMap(doc.blocks, paragraphs)
  const commentsPath = target('comments', 'word/comments.xml')
  const commentsXml = commentsPath === undefined ? undefined : zip.text(commentsPath)
  const comments = anchorComments(commentsXml === undefined ? new Map() : parseComments(commentsXml), map.marks)
  doc.directives = commentDirectives(comments, doc.blocks)
  if (mapped) Object.assign(doc, { map, comments })
  return doc
}

/** comments.xml → id → author and text (paragraphs joined by line breaks). */
function parseComments(xml: string): Map<string, { author: string; text: string }> {
  const comments = new Map<string, { author: string; text: string }>()
  let current: { author: string; text: string } | undefined
  let inText = false
  let paragraphs = 0
  walkXml(xml, {
    open(tag) {
      if (!W_NS.has(tag.uri)) return
      if (tag.local === 'comment') {
        current = { author: attr(tag, 'author') ?? '', text: '' }
        paragraphs = 0
        const id = attr(tag, 'id')
        if (id !== undefined) comments.set(id, current)
      } else if (tag.local === 'p' && current) {
        if (paragraphs++ > 0) current.text += '\n'
      } else if (tag.local === 't') {
        inText = true
      } else if ((tag.local === 'tab' || tag.local === 'br') && current) {
        current.text += ' '
      }
    },
    close(tag) {
      if (!W_NS.has(tag.uri)) return
      if (tag.local === 't') inText = false
      else if (tag.local === 'comment') current = undefined
    },
    text(text) {
      if (inText && current) current.text += text
    },
  })
  return comments
}

/** Where the main document part is: from the package relationships, else word/document.xml. */
function mainPart(zip: PartReader): string | undefined {
  const xml = zip.text('_rels/.rels')
  if (xml !== undefined) {
    for (const rel of parseRels(xml, '').values()) {
      if (rel.type === 'officeDocument' && zip.has(rel.target)) return rel.target
    }
  }
  return zip.has('word/document.xml') ? 'word/document.xml' : undefined
}

/**
 * The content type of each part named in [Content_Types].xml's overrides (lower case part name,
 * no leading slash). Parts without an override are taken as they come.
 */
function contentTypes(zip: PartReader): Map<string, string> {
  const types = new Map<string, string>()
  const xml = zip.text('[Content_Types].xml')
  if (xml === undefined) return types
  walkXml(xml, {
    open(tag) {
      const name = attr(tag, 'PartName')
      const type = attr(tag, 'ContentType')
      if (tag.local === 'Override' && name !== undefined && type !== undefined) {
        types.set(posix.normalize(name.replace(/^\//, '')).toLowerCase(), type.toLowerCase())
      }
    },
    close() {},
    text() {},
  })
  return types
}

interface Relationship {
  /** Last segment of the relationship type: styles, header, footnotes … */
  type: string
  /** Resolved part name inside the zip. */
  target: string
}

function relationships(zip: PartReader, partPath: string): Map<string, Relationship> {
  const dir = posix.dirname(partPath)
  const xml = zip.text(posix.join(dir, '_rels', `${posix.basename(partPath)}.rels`))
  return xml === undefined ? new Map() : parseRels(xml, dir)
}

function parseRels(xml: string, dir: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>()
  walkXml(xml, {
    open(tag) {
      if (tag.local !== 'Relationship' || attr(tag, 'TargetMode') === 'External') return
      const id = attr(tag, 'Id')
      const type = attr(tag, 'Type')
      const target = attr(tag, 'Target')
      if (id === undefined || type === undefined || target === undefined) return
      const resolved = target.startsWith('/') ? target.slice(1) : posix.join(dir, target)
      rels.set(id, { type: type.slice(type.lastIndexOf('/') + 1), target: posix.normalize(resolved) })
    },
    close() {},
    text() {},
  })
  return rels
}

function parseStyles(xml: string | undefined): Styles {
  const styles: Styles = { byId: new Map() }
  if (xml === undefined) return styles
  let current: Style | undefined
  let inPPr = false
  walkXml(xml, {
    open(tag) {
      if (!W_NS.has(tag.uri)) return
      switch (tag.local) {
        case 'style': {
          const id = attr(tag, 'styleId')
          current = undefined
          if (attr(tag, 'type') !== 'paragraph' || id === undefined) return
          current = {}
          styles.byId.set(id, current)
          if (isDefault(attr(tag, 'default'))) styles.defaultId = id
          return
        }
        case 'name':
          if (current) current.name = attr(tag, 'val')
          return
        case 'basedOn':
          if (current) current.basedOn = attr(tag, 'val')
          return
        case 'pPr':
          inPPr = true
          return
        case 'outlineLvl':
          if (current && inPPr) current.outlineLevel = Number(attr(tag, 'val'))
          return
        case 'numId':
          if (current && inPPr) current.numId = attr(tag, 'val')
      }
    },
    close(tag) {
      if (!W_NS.has(tag.uri)) return
      if (tag.local === 'pPr') inPPr = false
      else if (tag.local === 'style') current = undefined
    },
    text() {},
  })
  return styles
}

function isDefault(value: string | undefined): boolean {
  return value !== undefined && /^(?:1|true|on)$/i.test(value)
}

type PartKind = 'body' | 'header' | 'footer' | 'notes'

/** Paragraph properties and context, as known when the paragraph ends. */
interface OpenParagraph {
  builder: ParagraphBuilder
  styleId?: string
  numId?: string
  outlineLevel?: number
  inCell: boolean
  /** Paragraphs nested inside this one (text boxes), emitted after it. */
  nested: Paragraph[]
  /** A section break in the paragraph properties that starts a new page. */
  sectionBreak: boolean
  /** The paragraph mark is a tracked deletion: the paragraph runs on into the next one. */
  markDeleted?: boolean
}

interface Field {
  /** The instruction so far (complex fields collect it from w:instrText). */
  instruction: string
  phase: 'instruction' | 'result'
  /** The result is not shown: a placeholder stands instead, or the field repeats other text. */
  hideResult: boolean
  merge?: string
  /** Does a field around this one hide its text? Only the innermost field changes, so this holds. */
  outerHidden: boolean
}

interface ContentControl {
  name?: string
  placeholder: boolean
  active: boolean
  /** Is a control around this one active? (Only the innermost control changes.) */
  outerActive: boolean
}

/** One XML part (document body, header, footer, notes) → paragraphs. */
class WordPart {
  readonly paragraphs: Paragraph[] = []
  readonly references = { header: [] as string[], footer: [] as string[] }
  /** Did the body have page breaks of the kind counted? */
  paged = false
  /** Is the root element w:document? */
  isWordDocument = false

  private readonly stack: string[] = []
  private skip = 0
  private page = 1
  private readonly openParagraphs: OpenParagraph[] = []
  /** Table cell depth, per text box context. */
  private readonly cells: number[] = [0]
  private readonly fields: Field[] = []
  private readonly controls: ContentControl[] = []
  /** A block-level placeholder control waits for its first paragraph. */
  private pendingPlaceholder: string | undefined
  private runHidden = false
  /** A paragraph whose mark was deleted, waiting to be joined to the next. */
  private carried: OpenParagraph | undefined
  /** mc:AlternateContent: has a branch been taken? */
  private readonly alternates: boolean[] = []
  /** Source map: tags seen so far, and decoded characters since the last one. */
  private slot = 0
  private slotOffset = 0
  /** Comment marks met between paragraphs, placed at the start of the next one. */
  private pendingMarks: Array<Omit<CommentMark, 'offset'>> = []

  constructor(
    private readonly styles: Styles,
    private readonly kind: PartKind,
    /** Count w:lastRenderedPageBreak (true) or explicit breaks (false). */
    private readonly rendered: boolean,
    /** The part's zip entry name, when a source map is wanted. */
    private readonly partName?: string,
  ) {}

  private get paragraph(): OpenParagraph | undefined {
    return this.openParagraphs[this.openParagraphs.length - 1]
  }

  private parent(levels = 1): string | undefined {
    return this.stack[this.stack.length - 1 - levels]
  }

  open(tag: Tag): void {
    this.slot++
    this.slotOffset = 0
    if (this.skip > 0) {
      this.skip++
      return
    }
    if (tag.uri === MC_NS) {
      this.alternateContent(tag)
      return
    }
    if (!W_NS.has(tag.uri)) {
      this.stack.push('')
      return
    }
    const local = tag.local
    if (this.stack.length === 0 && local === 'document') this.isWordDocument = true
    // w:pPr/w:rPr/w:del: the paragraph mark is deleted (not pushed yet, so parent(0) is the parent).
    if ((local === 'del' || local === 'moveFrom') && this.parent(0) === 'rPr' && this.parent(1) === 'pPr') {
      const paragraph = this.paragraph
      if (paragraph) paragraph.markDeleted = true
    }
    if (SKIP.has(local) || (this.kind === 'notes' && isSpecialNote(tag))) {
      this.skip = 1
      return
    }
    this.stack.push(local)
    const paragraph = this.paragraph
    switch (local) {
      case 'p':
        this.startParagraph()
        return
      case 'tc':
        this.flushCarried()
        this.cells[this.cells.length - 1]!++
        return
      case 'tbl':
        this.flushCarried()
        return
      case 'txbxContent':
        this.cells.push(0)
        return
      case 'pStyle':
        if (paragraph && this.parent() === 'pPr') paragraph.styleId = attr(tag, 'val')
        return
      case 'numId':
        if (paragraph && this.parent(2) === 'pPr') paragraph.numId = attr(tag, 'val')
        return
      case 'outlineLvl':
        if (paragraph && this.parent() === 'pPr') paragraph.outlineLevel = Number(attr(tag, 'val'))
        return
      case 'pageBreakBefore':
        if (paragraph && this.parent() === 'pPr' && isOn(tag) && this.explicitBreaks && this.hasContent()) this.breakPage()
        return
      case 'type':
        // w:sectPr/w:type in a paragraph's properties: the section ends here.
        if (paragraph && this.parent() === 'sectPr' && this.parent(2) === 'pPr') {
          paragraph.sectionBreak = !/^(?:continuous|nextColumn)$/.test(attr(tag, 'val') ?? '')
        }
        return
      case 'sectPr':
        // A section break in paragraph properties without w:type is a next-page break.
        if (paragraph && this.parent() === 'pPr') paragraph.sectionBreak = true
        return
      case 'headerReference':
      case 'footerReference': {
        const id = attr(tag, 'id')
        if (id !== undefined && this.kind === 'body') {
          this.references[local === 'headerReference' ? 'header' : 'footer'].push(id)
        }
        return
      }
      case 'r':
        this.runHidden = false
        return
      case 'vanish':
        if (this.parent() === 'rPr' && this.parent(2) === 'r' && isOn(tag)) this.runHidden = true
        return
      case 'tab':
      case 'ptab':
      case 'cr':
        if (this.parent() === 'r' && this.visible()) paragraph?.builder.space()
        return
      case 'br':
        if (this.parent() !== 'r') return
        if (attr(tag, 'type') === 'page' && this.explicitBreaks) this.breakPage()
        if (this.visible()) paragraph?.builder.space()
        return
      case 'lastRenderedPageBreak':
        if (this.rendered && this.kind === 'body') this.breakPage()
        return
      case 'noBreakHyphen':
        if (this.visible()) paragraph?.builder.append('-')
        return
      case 'fldSimple':
        this.startField(attr(tag, 'instr') ?? '', 'result')
        return
      case 'fldChar':
        this.fieldChar(attr(tag, 'fldCharType'))
        return
      case 'sdt':
        this.controls.push({ placeholder: false, active: false, outerActive: this.controlActive() })
        return
      case 'alias':
      case 'tag': {
        const control = this.controls[this.controls.length - 1]
        const value = attr(tag, 'val')
        if (control && this.parent() === 'sdtPr' && value) {
          // The alias (title) names the field; the tag only when there is no alias.
          if (local === 'alias' || control.name === undefined) control.name = value
        }
        return
      }
      case 'showingPlcHdr': {
        const control = this.controls[this.controls.length - 1]
        if (control && this.parent() === 'sdtPr' && isOn(tag)) control.placeholder = true
        return
      }
      case 'sdtContent':
        this.controlContent()
        return
      case 'commentRangeStart':
      case 'commentRangeEnd': {
        const id = attr(tag, 'id')
        if (id === undefined) return
        const kind = local === 'commentRangeStart' ? 'start' : 'end'
        const last = this.paragraphs.at(-1)
        // Between paragraphs: a start belongs to the next paragraph, an end to the last one.
        if (paragraph) paragraph.builder.mark(id, kind)
        else if (kind === 'end' && last) (last.marks ??= []).push({ id, kind, offset: last.text.length })
        else this.pendingMarks.push({ id, kind })
        return
      }
    }
  }

  close(tag: Tag): void {
    this.slot++
    this.slotOffset = 0
    if (this.skip > 0) {
      this.skip--
      return
    }
    if (tag.uri === MC_NS) {
      if (tag.local === 'AlternateContent') this.alternates.pop()
      return
    }
    const local = this.stack.pop()
    if (this.stack.length === 0) this.flushCarried()
    switch (local) {
      case 'p':
        this.endParagraph()
        return
      case 'tc':
        this.flushCarried()
        this.cells[this.cells.length - 1]!--
        return
      case 'tbl':
        this.flushCarried()
        return
      case 'txbxContent':
        this.cells.pop()
        return
      case 'fldSimple':
        this.fields.pop()
        return
      case 'r':
        this.runHidden = false
        return
      case 'sdt':
        this.controls.pop()
        this.pendingPlaceholder = undefined
        return
    }
  }

  text(text: string): void {
    const from = this.slotOffset
    this.slotOffset += text.length
    if (this.skip > 0) return
    const local = this.stack[this.stack.length - 1]
    if (local === 't') {
      const source = this.partName === undefined ? undefined : { part: this.partName, slot: this.slot, from, to: from + text.length }
      if (this.visible()) this.paragraph?.builder.append(text, source)
    } else if (local === 'instrText') {
      const field = this.fields[this.fields.length - 1]
      if (field && field.phase === 'instruction') field.instruction += text
    }
  }

  private get explicitBreaks(): boolean {
    return !this.rendered && this.kind === 'body'
  }

  private breakPage(): void {
    this.page++
    this.paged = true
  }

  /** Has any text of the body been met yet? */
  private hasContent(): boolean {
    return this.paragraphs.length > 0 || this.openParagraphs.some((p) => p.builder.page !== undefined)
  }

  /**
   * Is text at this point shown to the reader? With `outerOnly`, leave the innermost field out.
   * O(1): each field and control knows whether those around it hide (no walk over the stacks,
   * which a crafted file can make as long as it likes).
   */
  private visible(outerOnly = false): boolean {
    if (this.runHidden) return false
    const field = this.fields[this.fields.length - 1]
    if (field && (field.outerHidden || (!outerOnly && hides(field)))) return false
    return !this.controlActive()
  }

  private controlActive(): boolean {
    const control = this.controls[this.controls.length - 1]
    return control !== undefined && (control.outerActive || control.active)
  }

  private alternateContent(tag: Tag): void {
    // Take the first mc:Choice; skip the other choices and the fallback (they repeat it).
    if (tag.local === 'AlternateContent') {
      this.alternates.push(false)
    } else if (tag.local === 'Choice' || tag.local === 'Fallback') {
      const taken = this.alternates[this.alternates.length - 1]
      if (taken === undefined) return
      if (taken) this.skip = 1
      else this.alternates[this.alternates.length - 1] = true
    }
  }

  private startParagraph(): void {
    const inCell = this.cells[this.cells.length - 1]! > 0
    let carried = this.carried
    if (carried && (carried.inCell !== inCell || this.paragraph)) {
      this.flushCarried()
      carried = undefined
    }
    this.carried = undefined
    const builder = carried?.builder ?? new ParagraphBuilder(() => this.page)
    this.openParagraphs.push({ builder, inCell, nested: carried?.nested ?? [], sectionBreak: false })
    for (const mark of this.pendingMarks.splice(0)) builder.mark(mark.id, mark.kind)
    if (this.pendingPlaceholder !== undefined) {
      builder.placeholder(this.pendingPlaceholder)
      this.pendingPlaceholder = undefined
    }
  }

  private endParagraph(): void {
    const state = this.openParagraphs.pop()
    if (!state) return
    if (state.markDeleted && !this.paragraph) {
      // Accepting the deletion joins this paragraph to the next: keep building.
      this.carried = state
      return
    }
    this.emit(state)
  }

  private emit(state: OpenParagraph): void {
    const paragraph = state.builder.finish(this.kindOf(state), this.page)
    const target = this.paragraph?.nested ?? this.paragraphs
    if (paragraph) target.push(paragraph)
    for (const nested of state.nested) target.push(nested)
    if (state.sectionBreak && this.explicitBreaks) this.breakPage()
  }

  /** A paragraph with a deleted mark that has no next paragraph to join stands alone. */
  private flushCarried(): void {
    const carried = this.carried
    this.carried = undefined
    if (carried) this.emit(carried)
  }

  private kindOf(state: OpenParagraph): BlockKind {
    if (state.inCell) return 'table-cell'
    const chain = this.styleChain(state.styleId)
    if (this.isHeading(state, chain)) return 'heading'
    if (state.numId !== undefined) return state.numId === '0' ? 'paragraph' : 'list-item'
    for (const style of chain) {
      if (style.numId !== undefined) return style.numId === '0' ? 'paragraph' : 'list-item'
      if (style.name !== undefined && LIST_NAME.test(style.name)) return 'list-item'
    }
    return 'paragraph'
  }

  private isHeading(state: OpenParagraph, chain: Style[]): boolean {
    if (state.outlineLevel !== undefined && !Number.isNaN(state.outlineLevel)) return state.outlineLevel < 9
    for (const style of chain) {
      if (style.name !== undefined && HEADING_NAME.test(style.name)) return true
      if (style.outlineLevel !== undefined && !Number.isNaN(style.outlineLevel)) return style.outlineLevel < 9
    }
    // No styles part, or a style it does not define: go by the id (Word's «Heading1», «Overskrift1»).
    return chain.length === 0 && state.styleId !== undefined && HEADING_ID.test(state.styleId)
  }

  /** The paragraph's style and the styles it is based on (guarding against cycles). */
  private styleChain(styleId: string | undefined): Style[] {
    const chain: Style[] = []
    let id = styleId ?? this.styles.defaultId
    while (id !== undefined && chain.length < 20) {
      const style = this.styles.byId.get(id)
      if (!style || chain.includes(style)) break
      chain.push(style)
      id = style.basedOn
    }
    return chain
  }

  private startField(instruction: string, phase: Field['phase']): void {
    const outer = this.fields[this.fields.length - 1]
    const field: Field = { instruction, phase, hideResult: false, outerHidden: outer !== undefined && (outer.outerHidden || hides(outer)) }
    this.fields.push(field)
    if (phase === 'result') this.fieldResult(field)
  }

  private fieldChar(type: string | undefined): void {
    const field = this.fields[this.fields.length - 1]
    if (type === 'begin') {
      this.startField('', 'instruction')
    } else if (type === 'separate') {
      if (field && field.phase === 'instruction') {
        field.phase = 'result'
        this.fieldResult(field)
      }
    } else if (type === 'end') {
      // A merge field without a result still stands for its value.
      if (field && field.phase === 'instruction') {
        field.phase = 'result'
        this.fieldResult(field)
      }
      this.fields.pop()
    }
  }

  /** The instruction is complete: a merge field shows as «Name». */
  private fieldResult(field: Field): void {
    const merge = MERGE_FIELD.exec(field.instruction)
    if (merge) {
      field.hideResult = true
      if (this.visible(true)) this.paragraph?.builder.placeholder(merge[1] ?? merge[2] ?? '')
    } else if (HIDDEN_RESULT.test(field.instruction)) {
      field.hideResult = true
    }
  }

  private controlContent(): void {
    const control = this.controls[this.controls.length - 1]
    if (!control || !control.placeholder || this.controlActive()) return
    const name = control.name ?? 'Felt'
    const paragraph = this.paragraph
    if (paragraph) {
      if (this.visible()) paragraph.builder.placeholder(name)
    } else {
      this.pendingPlaceholder = name
    }
    control.active = true
  }
}

/** Does a field hide what follows: still in its instruction, or a result that is not shown? */
function hides(field: Field): boolean {
  return field.phase !== 'result' || field.hideResult
}

function isSpecialNote(tag: Tag): boolean {
  if (tag.local !== 'footnote' && tag.local !== 'endnote') return false
  const type = attr(tag, 'type')
  return type !== undefined && type !== 'normal'
}
