import { constants, inflateRawSync } from 'node:zlib'
import { MAX_DECODED_MB, MAX_STREAM_MB } from './pdf-limits.js'

const MB = 1024 * 1024

/** The stream dictionary names FlateDecode as its (first) filter. */
const FLATE = /\/Filter\s*(?:\[\s*)?\/FlateDecode\b/
const IMAGE = /\/Subtype\s*\/Image\b/
const OBJECT_STREAM = /\/Type\s*\/ObjStm\b/
const KIDS = /\/Kids\s*\[([^\]]*)\]/g
const REFERENCE = /\d+\s+\d+\s+R\b/g
const PAGES_NODE = /\/Type\s*\/Pages\b/g

export interface Scan {
  /** A Flate stream, or all of them together, inflate past the bounds. */
  decoded?: 'stream' | 'total'
  /**
   * Page references in the page tree: references in /Kids arrays less those to inner nodes
   * (every revision of the tree in the file counted).
   */
  pages: number
}

/**
 * What a PDF asks for, from its raw bytes, before pdf.js opens it. pdf.js keeps a decoded
 * stream whole in memory (a 4.8 MB deflate bomb became 6.4 GB), and opening a page tree of
 * 200,000 references took it minutes (it fetches every page object to find the last page).
 *
 * Each Flate stream is inflated with node:zlib up to what is left of the budget, and dropped
 * (object streams are searched for page-tree nodes first). The scan sees stream dictionaries with
 * a direct /Filter /FlateDecode and /Kids arrays written out, the way writers put them. Images
 * are left out (a high-resolution scan is legitimately large, and is decoded only to find fonts).
 * What the scan cannot see (a filter given by reference, other filters, /Kids by reference) is
 * bounded by the worker's memory watchdog and time limit, and pdf.js's page count is checked too.
 */
export function scanPdf(bytes: Uint8Array): Scan {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const text = buffer.toString('latin1')
  const objectStreams: string[] = []
  let total = 0
  let at = 0
  for (;;) {
    const keyword = text.indexOf('stream', at)
    if (keyword < 0) break
    at = keyword + 6
    if (text.startsWith('end', keyword - 3)) continue
    // «<< … >> stream»: the dictionary ends right before the keyword.
    const dictEnd = text.lastIndexOf('>>', keyword)
    if (dictEnd < 0 || text.slice(dictEnd + 2, keyword).trim() !== '') continue
    const dictStart = text.lastIndexOf('obj', dictEnd)
    const dict = text.slice(dictStart < 0 ? Math.max(0, dictEnd - 4096) : dictStart, dictEnd)
    if (!FLATE.test(dict) || IMAGE.test(dict)) continue
    let start = at
    if (text.startsWith('\r\n', start)) start += 2
    else if (text[start] === '\n' || text[start] === '\r') start += 1
    const end = text.indexOf('endstream', start)
    const data = buffer.subarray(start, end < 0 ? buffer.length : end)
    at = Math.max(at, start + data.length)
    const room = Math.min(MAX_STREAM_MB * MB, MAX_DECODED_MB * MB - total)
    if (room <= 0) return { decoded: 'total', pages: 0 }
    let decoded: Buffer
    try {
      // As pdf.js reads it: past the 2-byte zlib header, without checking the checksum at the
      // end, and a truncated stream as far as it goes. (A checked inflate would give up on a
      // bomb with a wrong checksum, and count nothing.)
      decoded = inflateRawSync(data.subarray(2), { maxOutputLength: room, finishFlush: constants.Z_SYNC_FLUSH })
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        return { decoded: room < MAX_STREAM_MB * MB ? 'total' : 'stream', pages: 0 }
      }
      // Any other zlib error: not ours to judge (pdf.js reads damaged streams as far as it can).
      continue
    }
    total += decoded.length
    if (OBJECT_STREAM.test(dict)) objectStreams.push(decoded.toString('latin1'))
  }
  let references = 0
  let inner = 0
  for (const part of [text, ...objectStreams]) {
    for (const kids of part.matchAll(KIDS)) references += kids[1]!.match(REFERENCE)?.length ?? 0
    inner += part.match(PAGES_NODE)?.length ?? 0
  }
  // Every node but the root is one reference in its parent's /Kids.
  return { pages: Math.max(0, references - Math.max(0, inner - 1)) }
}
