import { UserError } from '../errors.js'
import { loadOdtMapped, openOdt } from '../input/odt.js'
import { AUTHOR, INITIALS, planComments } from './plan.js'
import type { AnnotateContext, AnnotateResult } from './types.js'
import { applyEdits, escapeXml, rawPosition, scanXml, type Edit } from './xml-scan.js'
import { rewriteZip } from './zip.js'

/**
 * OpenDocument text (.odt, .ott): each finding becomes an office:annotation at the start of the
 * flagged words and an office:annotation-end (paired by office:name) after them (ODF 1.2 §14.1,
 * 1.3 §14.2). With `suggest`, a safe substitution is a tracked change (ODF §5.5): a
 * text:changed-region with a text:deletion holding the old words, marked by text:change in the
 * text, and one with a text:insertion around the new words (text:change-start / text:change-end).
 * klarsprak's earlier annotations and changes are removed first; content.xml is the only part
 * rewritten. As for Word, comments go into the body only; findings in headers, footers and notes
 * are listed in the summary.
 */

const CONTENT = 'content.xml'
const DC = 'http://purl.org/dc/elements/1.1/'
const META = 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0'

export function annotateOdt(path: string, bytes: Uint8Array, context: AnnotateContext): AnnotateResult {
  const zip = openOdt(path, bytes)
  const original = zip.text(CONTENT)
  const clean = original === undefined ? undefined : stripOdt(original)
  const changed = new Map<string, string>()
  if (clean !== undefined && clean !== original) changed.set(CONTENT, clean)
  // The loader gives the right message for a file that is not a text document.
  const doc = loadOdtMapped(path, bytes, changed, context.format ?? 'odt')
  const xml = clean!
  const report = context.lint(doc)
  const plan = planComments(doc, report, { suggest: context.suggest, ruleTypes: context.ruleTypes })

  const root = /<office:document-content\b[^>]*>/.exec(xml)?.[0]
  if (!root || !root.includes('xmlns:office=') || !root.includes('xmlns:text=')) {
    throw new UserError('Dokumentet bruker et uvanlig OpenDocument-format som klarsprak ikke kan skrive kommentarer i. Lagre det på nytt i LibreOffice og prøv igjen.', path)
  }
  const localNs = `${root.includes(`xmlns:dc="${DC}"`) ? '' : ` xmlns:dc="${DC}"`}${root.includes(`xmlns:meta="${META}"`) ? '' : ` xmlns:meta="${META}"`}`
  const initials = /office:version="1\.[3-9]"/.test(root) ? `<meta:creator-initials>${INITIALS}</meta:creator-initials>` : ''
  const date = context.now.toISOString().replace(/\.\d{3}Z$/, '')

  const scan = scanXml(xml)
  const edits: Edit[] = []
  const markers: number[] = []
  const placed = plan.comments.filter((c) => c.start.part === CONTENT)
  const positions = placed.map((comment) => ({
    comment,
    start: rawPosition(scan, comment.start.slot, comment.start.offset),
    end: rawPosition(scan, comment.end.slot, comment.end.offset),
  }))
  positions.forEach(({ comment, start, end }, i) => {
    const name = `klarsprak-${i + 1}`
    const paragraphs = comment.paragraphs.map((text) => `<text:p>${escapeXml(text)}</text:p>`).join('')
    edits.push({
      start,
      end: start,
      order: 200000 + i,
      text: `<office:annotation office:name="${name}"${localNs}><dc:creator>${AUTHOR}</dc:creator><dc:date>${date}</dc:date>${initials}${paragraphs}</office:annotation>`,
    })
    edits.push({ start: end, end, order: 100000 + i, text: `<office:annotation-end office:name="${name}"/>` })
    markers.push(start, end)
  })

  // Suggestions: within one text node, with no other comment's marker inside.
  const sortedMarkers = Float64Array.from(markers).sort()
  const regions: string[] = []
  let suggestions = 0
  positions.forEach(({ comment, start, end }, i) => {
    if (comment.replacement === undefined || comment.start.slot !== comment.end.slot || end <= start) return
    if (hasMarkerInside(sortedMarkers, start, end)) return
    if (xml.slice(start, end).includes('<')) return
    const deletion = `klarsprak-ct${2 * i + 1}`
    const insertion = `klarsprak-ct${2 * i + 2}`
    const info = `<office:change-info><dc:creator>${AUTHOR}</dc:creator><dc:date>${date}</dc:date></office:change-info>`
    regions.push(
      `<text:changed-region xml:id="${deletion}" text:id="${deletion}"${localNs}><text:deletion>${info}<text:p>${xml.slice(start, end)}</text:p></text:deletion></text:changed-region>`,
      `<text:changed-region xml:id="${insertion}" text:id="${insertion}"${localNs}><text:insertion>${info}</text:insertion></text:changed-region>`,
    )
    edits.push({
      start,
      end,
      order: 0,
      text: `<text:change text:change-id="${deletion}"/><text:change-start text:change-id="${insertion}"/>${escapeXml(comment.replacement)}<text:change-end text:change-id="${insertion}"/>`,
    })
    suggestions++
  })
  if (regions.length > 0) edits.push(trackedChangesEdit(xml, regions.join('')))

  const marked = applyEdits(xml, edits)
  const replace = new Map<string, Uint8Array>()
  if (marked !== original) replace.set(CONTENT, new TextEncoder().encode(marked))
  return { bytes: rewriteZip(bytes, replace), report, comments: placed.length, suggestions, doc }
}

/** Add changed regions to text:tracked-changes, creating it first in office:text when missing. */
function trackedChangesEdit(xml: string, regions: string): Edit {
  const close = xml.indexOf('</text:tracked-changes>')
  if (close !== -1) return { start: close, end: close, order: 0, text: regions }
  const empty = /<text:tracked-changes\b[^>]*\/>/.exec(xml)
  if (empty) return { start: empty.index, end: empty.index + empty[0].length, order: 0, text: `${empty[0].slice(0, -2)}>${regions}</text:tracked-changes>` }
  const text = /<office:text\b[^>]*>/.exec(xml)!
  let at = text.index + text[0].length
  // office:forms comes first in office:text (ODF schema order).
  const forms = /^\s*<office:forms\b[^>]*?(?:\/>|>[\s\S]*?<\/office:forms>)/.exec(xml.slice(at))
  if (forms) at += forms[0].length
  return { start: at, end: at, order: 0, text: `<text:tracked-changes text:track-changes="false">${regions}</text:tracked-changes>` }
}

/** content.xml without klarsprak's annotations and tracked changes (its deletions restored). */
export function stripOdt(xml: string): string {
  let out = xml
  const names = new Set<string>()
  out = out.replace(/<office:annotation(?=[\s>])[^>]*>[\s\S]*?<\/office:annotation>/g, (annotation) => {
    const creator = /<dc:creator>([^<]*)<\/dc:creator>/.exec(annotation)?.[1]
    if (creator !== AUTHOR) return annotation
    const name = /office:name="([^"]*)"/.exec(annotation.slice(0, annotation.indexOf('>')))?.[1]
    if (name !== undefined) names.add(name)
    return ''
  })
  if (names.size > 0) {
    out = out.replace(/<office:annotation-end\b[^>]*\/>/g, (tag) => (names.has(/office:name="([^"]*)"/.exec(tag)?.[1] ?? '') ? '' : tag))
  }
  if (!out.includes('<text:changed-region')) return out
  const insertions = new Set<string>()
  const deletions = new Map<string, string>()
  out = out.replace(/<text:changed-region\b[^>]*>[\s\S]*?<\/text:changed-region>/g, (region) => {
    const creator = /<dc:creator>([^<]*)<\/dc:creator>/.exec(region)?.[1]
    if (creator !== AUTHOR) return region
    const id = /text:id="([^"]*)"/.exec(region)?.[1] ?? /xml:id="([^"]*)"/.exec(region)?.[1]
    if (id === undefined) return region
    if (region.includes('<text:insertion')) insertions.add(id)
    else {
      const deleted = /<text:deletion>[\s\S]*?<\/office:change-info>\s*<text:p(?:\s[^>]*)?>([\s\S]*?)<\/text:p>/.exec(region)?.[1]
      deletions.set(id, deleted ?? '')
    }
    return ''
  })
  out = out.replace(/<text:change-start text:change-id="([^"]*)"\/>[\s\S]*?<text:change-end text:change-id="\1"\/>/g, (whole, id: string) =>
    insertions.has(id) ? '' : whole,
  )
  out = out.replace(/<text:change text:change-id="([^"]*)"\/>/g, (whole, id: string) => deletions.get(id) ?? whole)
  return out
}

/** Is any marker strictly between start and end? (binary search on sorted markers) */
function hasMarkerInside(markers: Float64Array, start: number, end: number): boolean {
  let low = 0
  let high = markers.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (markers[mid]! <= start) low = mid + 1
    else high = mid
  }
  return low < markers.length && markers[low]! < end
}
