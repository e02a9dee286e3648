import type { Block } from '../types.js'
import type { CommentMark, Paragraph, TextSegment } from './xml.js'

/**
 * A source-mapped office document: which XML text each piece of the extracted text comes from,
 * and where comment ranges start and end. Built only when asked for (annotate), so a plain
 * check never pays for it.
 */
export interface SourceMap {
  /** Sorted by `start`; offsets into Document.text. */
  segments: TextSegment[]
  /** Comment range marks with offsets into Document.text. */
  marks: CommentMark[]
}

/** Paragraph-relative maps → document offsets; `paragraphs` in the order `assemble` placed them. */
export function documentMap(blocks: Block[], paragraphs: Paragraph[]): SourceMap {
  const segments: TextSegment[] = []
  const marks: CommentMark[] = []
  paragraphs.forEach((paragraph, index) => {
    const base = blocks[index]!.start
    for (const s of paragraph.segments ?? []) segments.push({ ...s, start: s.start + base, end: s.end + base })
    for (const m of paragraph.marks ?? []) marks.push({ ...m, offset: m.offset + base })
  })
  return { segments, marks }
}

/** A comment as read from the document: who wrote it, its text, and its range in the text. */
export interface DocumentComment {
  id: string
  author: string
  text: string
  /** Offsets into Document.text; undefined when the comment has no anchor in the checked text. */
  start?: number
  end?: number
}

/** Comment range marks + comment texts → comments with ranges. */
export function anchorComments(
  texts: Map<string, { author: string; text: string }>,
  marks: CommentMark[],
): DocumentComment[] {
  const comments: DocumentComment[] = []
  const byId = new Map<string, DocumentComment>()
  for (const [id, { author, text }] of texts) {
    const comment: DocumentComment = { id, author, text }
    comments.push(comment)
    byId.set(id, comment)
  }
  for (const mark of marks) {
    const comment = byId.get(mark.id)
    if (!comment) continue
    if (mark.kind === 'start') comment.start ??= mark.offset
    else comment.end = mark.offset
  }
  for (const comment of comments) {
    if (comment.start !== undefined && comment.end === undefined) comment.end = comment.start
    if (comment.end !== undefined && comment.start === undefined) comment.start = comment.end
  }
  return comments
}

/** What a loader needs from a package: the Zip, or the Zip with some parts replaced (annotate). */
export interface PartReader {
  has(name: string): boolean
  read(name: string): Uint8Array | undefined
  text(name: string): string | undefined
}

/** A loaded office document with what annotate needs besides the text. */
export interface MappedDocument {
  map: SourceMap
  comments: DocumentComment[]
}
