import { posix } from 'node:path'
import { UserError } from '../errors.js'
import { loadDocxMapped, openDocx, wordParts } from '../input/docx.js'
import type { PlannedComment } from './plan.js'
import { AUTHOR, INITIALS, planComments } from './plan.js'
import type { AnnotateContext, AnnotateResult } from './types.js'
import { applyEdits, escapeXml, rawPosition, scanXml, slotRange, type Edit, type XmlScan } from './xml-scan.js'
import { rewriteZip } from './zip.js'

/**
 * Word (.docx, .dotx): each finding becomes a real comment (comments part, content type,
 * relationship, w:commentRangeStart / w:commentRangeEnd / a w:commentReference run) anchored on
 * the flagged words. Runs are split where a span starts or ends inside them, both halves keeping
 * the run's properties. With `suggest`, a safe substitution is also a tracked change (w:del +
 * w:ins). klarsprak's earlier comments and changes are removed first, so annotating an annotated
 * copy replaces them; comments by people stay. Every other part is copied byte for byte.
 * Comments go into the main document part only (LibreOffice refuses a .docx with comments in
 * footnotes; Word has none in headers): findings there are listed in the summary comment.
 */

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml'
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

export function annotateDocx(path: string, bytes: Uint8Array, context: AnnotateContext): AnnotateResult {
  const zip = openDocx(path, bytes)
  const parts = wordParts(zip)
  if (!parts) {
    loadDocxMapped(path, bytes) // throws the loader's message for what the file is instead
    throw new UserError('Filen er ikke et Word-dokument.', path)
  }
  const { main, rels } = parts
  const commentsRel = [...rels.values()].find((rel) => rel.type === 'comments')
  const commentsPath = commentsRel && zip.has(commentsRel.target) ? commentsRel.target : undefined
  const textParts = [main, ...[...rels.values()].filter((r) => r.type === 'footnotes' || r.type === 'endnotes').map((r) => r.target)]

  // 1. Remove klarsprak's earlier comments and tracked changes.
  const current = new Map<string, string>()
  const changed = new Map<string, string>()
  let ours = new Set<string>()
  if (commentsPath !== undefined) {
    const xml = zip.text(commentsPath)!
    const stripped = stripComments(xml)
    ours = stripped.ids
    current.set(commentsPath, stripped.xml)
    if (stripped.xml !== xml) changed.set(commentsPath, stripped.xml)
  }
  for (const part of textParts) {
    const xml = zip.text(part)
    if (xml === undefined) continue
    const clean = stripMarkup(xml, ours)
    current.set(part, clean)
    if (clean !== xml) changed.set(part, clean)
  }

  // 2. Read the clean text, lint it, plan the comments.
  const doc = loadDocxMapped(path, bytes, changed, context.format)
  const report = context.lint(doc)
  const plan = planComments(doc, report, { suggest: context.suggest, ruleTypes: context.ruleTypes })

  const mainXml = current.get(main)!
  const namespace = /xmlns:w="([^"]+)"/.exec(mainXml.slice(0, 4000))?.[1]
  if (namespace === undefined) throw new UserError('Dokumentet bruker et uvanlig Word-format som klarsprak ikke kan skrive kommentarer i. Lagre det på nytt i Word og prøv igjen.', path)

  // Ids: after every w:id left in the document, so comments and changes never collide.
  let nextId = 0
  for (const xml of current.values()) {
    for (const match of xml.matchAll(/\bw:id="(-?\d+)"/g)) nextId = Math.max(nextId, Number(match[1]) + 1)
  }
  const date = context.now.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const numbered = plan.comments.map((comment) => ({ comment, id: nextId++, changeIds: [0, 0] as [number, number] }))
  for (const entry of numbered) if (entry.comment.replacement !== undefined) entry.changeIds = [nextId++, nextId++]

  // 3. Mark the parts.
  const replace = new Map<string, Uint8Array>()
  const add = new Map<string, Uint8Array>()
  let suggestions = 0
  const written: typeof numbered = []
  for (const part of textParts) {
    const here = numbered.filter((entry) => entry.comment.start.part === part)
    const xml = current.get(part)
    if (xml === undefined) continue
    if (here.length === 0) {
      if (changed.has(part)) replace.set(part, utf8(xml))
      continue
    }
    const marked = markPart(xml, here, date)
    suggestions += marked.suggestions
    written.push(...here)
    replace.set(part, utf8(marked.xml))
  }

  // 4. The comments part, and the content type and relationship when it is new.
  const body = written
    .sort((a, b) => a.id - b.id)
    .map(({ comment, id }) => commentXml(id, date, comment.paragraphs))
    .join('')
  if (commentsPath !== undefined) {
    const xml = current.get(commentsPath)!
    if (written.length > 0 || changed.has(commentsPath)) replace.set(commentsPath, utf8(appendComments(xml, body)))
  } else if (written.length > 0) {
    const name = zip.has('word/comments.xml') ? 'word/klarsprak-comments.xml' : posix.join(posix.dirname(main), 'comments.xml')
    add.set(name, utf8(`${XML_DECL}<w:comments xmlns:w="${namespace}">${body}</w:comments>`))
    const types = zip.text('[Content_Types].xml')
    if (types === undefined) throw new UserError('Filen er skadet (mangler [Content_Types].xml). Åpne den i Word og lagre den på nytt.', path)
    replace.set('[Content_Types].xml', utf8(insertBefore(types, '</Types>', `<Override PartName="/${name}" ContentType="${COMMENTS_TYPE}"/>`)))
    const relsPath = posix.join(posix.dirname(main), '_rels', `${posix.basename(main)}.rels`)
    const relationship = `<Relationship Id="klarsprakComments" Type="${REL_NS}/comments" Target="${posix.relative(posix.dirname(main), name)}"/>`
    const relsXml = zip.text(relsPath)
    if (relsXml === undefined) {
      add.set(relsPath, utf8(`${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationship}</Relationships>`))
    } else {
      replace.set(relsPath, utf8(insertBefore(relsXml, '</Relationships>', relationship)))
    }
  }
  const out = rewriteZip(bytes, replace, add)
  return { bytes: out, report, comments: written.length, suggestions, doc }
}

function utf8(xml: string): Uint8Array {
  // Written as UTF-8 whatever the part was: the declaration must say so.
  return new TextEncoder().encode(xml.replace(/^(<\?xml[^>]*encoding=["'])UTF-16(["'])/i, '$1UTF-8$2'))
}

function insertBefore(xml: string, close: string, text: string): string {
  const at = xml.lastIndexOf(close)
  if (at !== -1) return xml.slice(0, at) + text + xml.slice(at)
  // An empty root written as <Types …/>.
  const name = close.slice(2, -1)
  return xml.replace(new RegExp(`<${name}(\\s[^>]*)?/>`), (tag) => `${tag.slice(0, -2)}>${text}${close}`)
}

function appendComments(xml: string, body: string): string {
  return insertBefore(xml, '</w:comments>', body)
}

function commentXml(id: number, date: string, paragraphs: string[]): string {
  const ps = paragraphs.map(
    (text, i) => `<w:p>${i === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`,
  )
  return `<w:comment w:id="${id}" w:author="${AUTHOR}" w:date="${date}" w:initials="${INITIALS}">${ps.join('')}</w:comment>`
}

// ---- removing klarsprak's earlier markup ----------------------------------------------------

const AUTHOR_ATTR = /\bw:author="([^"]*)"/

/** comments.xml without klarsprak's comments; their ids. */
export function stripComments(xml: string): { xml: string; ids: Set<string> } {
  const ids = new Set<string>()
  const out = xml.replace(/<w:comment(?=[\s>/])[^>]*?(?:\/>|>[\s\S]*?<\/w:comment>)/g, (comment) => {
    const tag = comment.slice(0, comment.indexOf('>') + 1)
    if (AUTHOR_ATTR.exec(tag)?.[1] !== AUTHOR) return comment
    const id = /\bw:id="([^"]*)"/.exec(tag)?.[1]
    if (id !== undefined) ids.add(id)
    return ''
  })
  return { xml: out, ids }
}

/** A text part without the anchors of the given comments and without klarsprak's tracked changes. */
export function stripMarkup(xml: string, ids: Set<string>): string {
  let out = xml
  if (ids.size > 0) {
    const idOf = (tag: string): string | undefined => /\bw:id="([^"]*)"/.exec(tag)?.[1]
    out = out.replace(/<w:commentRange(?:Start|End)\b[^>]*\/>/g, (tag) => (ids.has(idOf(tag) ?? '') ? '' : tag))
    out = out.replace(/<w:r(?=[\s>])[^>]*>(?:(?!<\/w:r>)[\s\S])*?<w:commentReference\b[^>]*\/>(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g, (run) => {
      const reference = /<w:commentReference\b[^>]*\/>/.exec(run)![0]
      return ids.has(idOf(reference) ?? '') ? '' : run
    })
  }
  if (!out.includes(`w:author="${AUTHOR}"`)) return out
  // Our insertions go; our deletions come back as text.
  out = replaceElements(out, 'w:ins', () => '')
  out = replaceElements(out, 'w:del', (inner) =>
    inner.replace(/<(\/?)w:delText(?=[\s>/])/g, '<$1w:t').replace(/<(\/?)w:delInstrText(?=[\s>/])/g, '<$1w:instrText'),
  )
  return out
}

/** Replace klarsprak's `name` elements (not nested in themselves) by what `inner` makes of their content. */
function replaceElements(xml: string, name: string, inner: (content: string) => string): string {
  const open = new RegExp(`<${name}(?=[\\s>])[^>]*>`, 'g')
  const close = `</${name}>`
  let out = ''
  let at = 0
  for (let match = open.exec(xml); match; match = open.exec(xml)) {
    const tag = match[0]
    if (tag.endsWith('/>') || AUTHOR_ATTR.exec(tag)?.[1] !== AUTHOR) continue
    const end = xml.indexOf(close, open.lastIndex)
    if (end === -1) break
    out += xml.slice(at, match.index) + inner(xml.slice(open.lastIndex, end))
    at = end + close.length
    open.lastIndex = at
  }
  return out + xml.slice(at)
}

// ---- marking a part -------------------------------------------------------------------------

interface Numbered {
  comment: PlannedComment
  id: number
  changeIds: [number, number]
}

/** Boundary classes at one place: suggestion ends, comment ends, comment starts, suggestion starts. */
const ORDER = { suggestionEnd: 0, commentEnd: 1, commentStart: 2, suggestionStart: 3 } as const

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1)
}

function markPart(xml: string, entries: Numbered[], date: string): { xml: string; suggestions: number } {
  const scan = scanXml(xml)
  const edits: Edit[] = []
  const splits = new Map<number, { edit: Edit; markers: Array<{ order: number; text: string }>; run: number }>()
  const fixedTags = new Set<number>()
  const markup: string[] = []
  const markerIndex = new Map<string, number>()
  const sentinel = (text: string): string => {
    markup.push(text)
    if (/^[SE]\d+$/.test(text)) markerIndex.set(text, markup.length - 1)
    return `\u0000${markup.length - 1}\u0000`
  }
  const place = (slot: number, offset: number, order: number, text: string, seq: number): void => {
    const found = resolvePlace(scan, slot, offset)
    if (!found) return
    const marker = sentinel(text)
    const key = order * 100000 + seq
    if (found.kind === 'at') {
      edits.push({ start: found.pos, end: found.pos, text: marker, order: key })
      return
    }
    let split = splits.get(found.pos)
    if (!split) {
      split = { edit: { start: found.pos, end: found.pos, text: '', order: 0 }, markers: [], run: found.run }
      splits.set(found.pos, split)
      edits.push(split.edit)
      if (!fixedTags.has(found.t)) {
        fixedTags.add(found.t)
        const tag = scan.tokens[found.t]!
        const raw = xml.slice(tag.start, tag.end)
        if (!/xml:space\s*=\s*["']preserve["']/.test(raw)) edits.push({ start: tag.start, end: tag.end, text: `<${tag.name} xml:space="preserve">`, order: 0 })
      }
    }
    split.markers.push({ order: key, text: marker })
  }
  entries.forEach(({ comment, id, changeIds }, seq) => {
    const start = comment.start
    const end = comment.end
    place(start.slot, start.offset, ORDER.commentStart, `<w:commentRangeStart w:id="${id}"/>`, seq)
    place(end.slot, end.offset, ORDER.commentEnd, `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`, seq)
    if (comment.replacement !== undefined) {
      place(start.slot, start.offset, ORDER.suggestionStart, `S${seq}`, seq)
      place(end.slot, end.offset, ORDER.suggestionEnd, `E${seq}`, seq)
    }
  })
  for (const split of splits.values()) {
    const run = scan.tokens[split.run]!
    const tTag = scan.tokens[split.run + 1 + rPrLength(scan, split.run)]
    const rPr = rPrOf(scan, split.run)
    const tName = tTag && localName(tTag.name) === 't' ? tTag.name : 'w:t'
    const runName = run.name
    split.markers.sort((a, b) => a.order - b.order)
    split.edit.text = `</${tName}></${runName}>${split.markers.map((m) => m.text).join('')}${xml.slice(run.start, run.end)}${rPr}<${tName} xml:space="preserve">`
  }
  let marked = applyEdits(xml, edits)

  // Suggestions: the runs between the two markers become a deletion, followed by an insertion.
  // Marker places are found in one pass; regions are replaced from the last to the first.
  const at = new Map<number, [number, number]>()
  for (const match of marked.matchAll(/\u0000(\d+)\u0000/g)) at.set(Number(match[1]), [match.index, match.index + match[0].length])
  const changes: Array<{ from: number; to: number; text: string }> = []
  entries.forEach(({ comment, changeIds }, seq) => {
    if (comment.replacement === undefined) return
    const a = at.get(markerIndex.get(`S${seq}`) ?? -1)
    const b = at.get(markerIndex.get(`E${seq}`) ?? -1)
    if (!a || !b || b[0] < a[1]) return
    const region = marked.slice(a[1], b[0])
    const rPr = plainRuns(region)
    if (rPr === undefined) return
    const deleted = region.replace(/<(\/?)w:t(?=[\s>/])/g, '<$1w:delText')
    const text = `<w:del w:id="${changeIds[0]}" w:author="${AUTHOR}" w:date="${date}">${deleted}</w:del><w:ins w:id="${changeIds[1]}" w:author="${AUTHOR}" w:date="${date}"><w:r>${rPr}<w:t xml:space="preserve">${escapeXml(comment.replacement)}</w:t></w:r></w:ins>`
    changes.push({ from: a[1], to: b[0], text })
  })
  marked = applyEdits(marked, changes.map((change) => ({ start: change.from, end: change.to, text: change.text, order: 0 })))
  const suggestions = changes.length
  // eslint-disable-next-line no-control-regex
  marked = marked.replace(/\u0000(\d+)\u0000/g, (_, index: string) => {
    const text = markup[Number(index)]!
    return /^[SE]\d+$/.test(text) ? '' : text
  })
  return { xml: marked, suggestions }
}

/**
 * Where markup goes for a place inside the text of a w:t: before or after its run when the place
 * is at the run's edge, else a split of the run at that character.
 */
function resolvePlace(scan: XmlScan, slot: number, offset: number): { kind: 'at' | 'split'; pos: number; run: number; t: number } | undefined {
  const t = scan.eventToken[slot]
  if (t === undefined || t < 0) return undefined
  const tTag = scan.tokens[t]!
  if (tTag.kind !== 'open' || localName(tTag.name) !== 't') return undefined
  const run = tTag.parent
  const runTag = scan.tokens[run]
  if (!runTag || localName(runTag.name) !== 'r') return undefined
  const pos = rawPosition(scan, slot, offset)
  const [textStart, textEnd] = slotRange(scan, slot)
  const firstContent = run + 1 + rPrLength(scan, run)
  if (pos <= textStart && firstContent === t) return { kind: 'at', pos: runTag.start, run, t }
  if (pos >= textEnd && tTag.match + 1 === runTag.match) return { kind: 'at', pos: scan.tokens[runTag.match]!.end, run, t }
  return { kind: 'split', pos, run, t }
}

/** Number of tokens of the run's w:rPr (0 when it has none). */
function rPrLength(scan: XmlScan, run: number): number {
  const next = scan.tokens[run + 1]
  if (!next || localName(next.name) !== 'rPr' || next.kind === 'close') return 0
  return next.kind === 'self' ? 1 : next.match - run
}

function rPrOf(scan: XmlScan, run: number): string {
  const length = rPrLength(scan, run)
  if (length === 0) return ''
  const first = scan.tokens[run + 1]!
  const last = scan.tokens[run + length]!
  return scan.xml.slice(first.start, last.end)
}

/**
 * Is the region nothing but whole runs holding text (w:rPr and w:t only)? Then the first run's
 * properties, for the inserted run; undefined when the region holds anything else.
 */
function plainRuns(region: string): string | undefined {
  if (region.includes('\u0000') || region.trim() === '') return undefined
  const scan = scanXml(region)
  let rPr: string | undefined
  for (let i = 0; i < scan.tokens.length; i++) {
    const token = scan.tokens[i]!
    if (token.parent !== -1 || token.kind !== 'open' || localName(token.name) !== 'r' || token.match < 0) return undefined
    const inner = i + 1 + rPrLength(scan, i)
    for (let j = inner; j < token.match; j++) {
      const child = scan.tokens[j]!
      if (localName(child.name) !== 't') return undefined
    }
    rPr ??= rPrOf(scan, i)
    i = token.match
  }
  const between = region.replace(/<w:r(?=[\s>])[\s\S]*?<\/w:r>/g, '')
  if (between.trim() !== '') return undefined
  return rPr ?? ''
}
