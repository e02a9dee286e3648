/**
 * A light scan of a well-formed XML part (it has already been parsed by the loader): the start
 * and end tags with their places in the string, matched to each other, and the «slots» between
 * them in the loader's counting (a self-closing tag is a start and an end). A slot's decoded
 * text offset (entities resolved, comments skipped, CDATA kept) maps back to the raw string.
 */

export interface Token {
  kind: 'open' | 'close' | 'self'
  /** Qualified name as written (w:r, text:span). */
  name: string
  start: number
  end: number
  /** Index of the enclosing open token; -1 at the root. */
  parent: number
  /** For open tokens: the index of the matching close token (and back). */
  match: number
}

export interface XmlScan {
  xml: string
  tokens: Token[]
  /** Token index of the event that ends at slot s (slot s follows the s-th event). */
  eventToken: number[]
}

export function scanXml(xml: string): XmlScan {
  const tokens: Token[] = []
  const eventToken: number[] = [-1]
  const stack: number[] = []
  let i = xml.indexOf('<')
  while (i !== -1 && i < xml.length) {
    let end: number
    if (xml.startsWith('<!--', i)) end = xml.indexOf('-->', i + 4) + 3
    else if (xml.startsWith('<![CDATA[', i)) end = xml.indexOf(']]>', i + 9) + 3
    else if (xml.startsWith('<?', i)) end = xml.indexOf('?>', i + 2) + 2
    else if (xml.startsWith('<!', i)) end = xml.indexOf('>', i + 2) + 1
    else {
      end = tagEnd(xml, i)
      const closing = xml[i + 1] === '/'
      const self = !closing && xml[end - 2] === '/'
      const nameMatch = /^[^\s/>]+/.exec(xml.slice(i + (closing ? 2 : 1), i + 200))
      const name = nameMatch ? nameMatch[0] : ''
      const index = tokens.length
      const parent = stack.length > 0 ? stack[stack.length - 1]! : -1
      if (closing) {
        const open = stack.pop() ?? -1
        tokens.push({ kind: 'close', name, start: i, end, parent: open >= 0 ? tokens[open]!.parent : -1, match: open })
        if (open >= 0) tokens[open]!.match = index
        eventToken.push(index)
      } else {
        tokens.push({ kind: self ? 'self' : 'open', name, start: i, end, parent, match: self ? index : -1 })
        if (self) eventToken.push(index, index)
        else {
          stack.push(index)
          eventToken.push(index)
        }
      }
    }
    if (end <= i) break
    i = xml.indexOf('<', end)
  }
  return { xml, tokens, eventToken }
}

/** End (exclusive) of a start or end tag beginning at `i`, quotes respected. */
function tagEnd(xml: string, i: number): number {
  let quote = ''
  for (let j = i + 1; j < xml.length; j++) {
    const c = xml[j]!
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return j + 1
  }
  return xml.length
}

/** Raw [start, end) of slot s: after the token of event s, up to the next token. */
export function slotRange(scan: XmlScan, slot: number): [number, number] {
  const token = scan.eventToken[slot]
  const start = token === undefined || token < 0 ? 0 : scan.tokens[token]!.end
  const next = token === undefined ? undefined : scan.tokens[token + 1]
  return [start, next ? next.start : scan.xml.length]
}

/** The raw position of decoded offset `offset` in slot s. */
export function rawPosition(scan: XmlScan, slot: number, offset: number): number {
  const [start, end] = slotRange(scan, slot)
  const xml = scan.xml
  let decoded = 0
  let i = start
  while (i < end) {
    if (decoded >= offset && xml[i] !== '<') return i
    const c = xml[i]!
    if (c === '<') {
      if (xml.startsWith('<![CDATA[', i)) {
        const close = xml.indexOf(']]>', i)
        const length = close - (i + 9)
        if (decoded + length >= offset && offset >= decoded) return i + 9 + (offset - decoded)
        decoded += length
        i = close + 3
      } else {
        if (decoded >= offset) return i
        const close = xml.startsWith('<!--', i) ? xml.indexOf('-->', i) + 3 : xml.indexOf('>', i) + 1
        i = close
      }
    } else if (c === '&') {
      const semi = xml.indexOf(';', i)
      const entity = xml.slice(i + 1, semi)
      decoded += entity.startsWith('#') && codePoint(entity) > 0xffff ? 2 : 1
      i = semi + 1
    } else if (c === '\r') {
      decoded++
      i += xml[i + 1] === '\n' ? 2 : 1
    } else {
      decoded++
      i++
    }
  }
  return end
}

function codePoint(entity: string): number {
  return entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10)
}

/** The innermost open token enclosing slot s. */
export function slotParent(scan: XmlScan, slot: number): number {
  const index = scan.eventToken[slot]
  if (index === undefined || index < 0) return -1
  const token = scan.tokens[index]!
  return token.kind === 'open' ? index : token.parent
}

/** Escape text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** One edit of a raw XML string: replace [start, end) (an insertion when equal) with text. */
export interface Edit {
  start: number
  end: number
  text: string
  /** Order among insertions at the same place (lower first). */
  order: number
}

/** Apply non-overlapping edits. */
export function applyEdits(xml: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order)
  let out = ''
  let at = 0
  for (const edit of sorted) {
    if (edit.start < at) continue
    out += xml.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return out + xml.slice(at)
}
