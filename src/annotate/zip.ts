import { crc32, deflateRawSync } from 'node:zlib'
import { BadZip, readCentralDirectory } from '../input/zip.js'

/**
 * Rewriting a zip package while keeping every entry that is not replaced byte for byte: its
 * local record (header, compressed data, data descriptor) is copied as it is, and its central
 * directory record too, with only the offset moved. Replaced and added entries are deflated.
 */

export class ZipFormatError extends Error {}

interface Entry {
  name: string
  /** The central directory record, as read. */
  central: Uint8Array
  localOffset: number
  /** Where the local record ends (the next record or the central directory). */
  localEnd: number
  time: number
  date: number
}

/** The entries in the order of their data, from the loaders' central-directory reader. */
function readEntries(bytes: Uint8Array): { entries: Entry[]; comment: Uint8Array } {
  let directory
  try {
    directory = readCentralDirectory(bytes, '')
  } catch (error) {
    if (error instanceof BadZip) throw new ZipFormatError(error.message)
    throw error
  }
  const entries = directory.entries.map((entry): Entry => {
    // The copy is written with 32-bit offsets: a zip64 package is not rewritten.
    if (entry.offset >= 0xffffffff || entry.size >= 0xffffffff || entry.compressedSize >= 0xffffffff) throw new ZipFormatError('zip64')
    if (entry.offset >= directory.offset) throw new ZipFormatError('bad local offset')
    return { name: entry.name, central: entry.record, localOffset: entry.offset, localEnd: 0, time: entry.time, date: entry.date }
  })
  entries.sort((a, b) => a.localOffset - b.localOffset)
  entries.forEach((entry, i) => {
    entry.localEnd = entries[i + 1]?.localOffset ?? directory.offset
  })
  return { entries, comment: directory.comment }
}

/** The names of a zip's entries, in the order of their data. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  return readEntries(bytes).entries.map((entry) => entry.name)
}

/** The raw local record of an entry (header + compressed data), for byte comparison in tests. */
export function rawZipEntry(bytes: Uint8Array, name: string): Uint8Array | undefined {
  const entry = readEntries(bytes).entries.find((e) => e.name === name)
  return entry && bytes.subarray(entry.localOffset, entry.localEnd)
}

/**
 * A copy of the zip with `replace` entries (matched case-insensitively) given new contents and
 * `add` entries appended. Everything else is copied byte for byte.
 */
export function rewriteZip(bytes: Uint8Array, replace: Map<string, Uint8Array>, add: Map<string, Uint8Array> = new Map()): Uint8Array {
  const { entries, comment } = readEntries(bytes)
  const wanted = new Map([...replace].map(([name, data]) => [name.toLowerCase(), data]))
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  const time = entries[0]?.time ?? 0
  const date = entries[0]?.date ?? 0x21
  for (const entry of entries) {
    const data = wanted.get(entry.name.toLowerCase())
    if (data === undefined) {
      const local = bytes.subarray(entry.localOffset, entry.localEnd)
      const central = Uint8Array.from(entry.central)
      new DataView(central.buffer).setUint32(42, offset, true)
      locals.push(local)
      centrals.push(central)
      offset += local.length
    } else {
      const [local, central] = newEntry(entry.name, data, offset, entry.time, entry.date)
      locals.push(local)
      centrals.push(central)
      offset += local.length
    }
  }
  for (const [name, data] of add) {
    const [local, central] = newEntry(name, data, offset, time, date)
    locals.push(local)
    centrals.push(central)
    offset += local.length
  }
  const cdSize = centrals.reduce((sum, c) => sum + c.length, 0)
  const end = new Uint8Array(22 + comment.length)
  const view = new DataView(end.buffer)
  view.setUint32(0, 0x06054b50, true)
  view.setUint16(8, centrals.length, true)
  view.setUint16(10, centrals.length, true)
  view.setUint32(12, cdSize, true)
  view.setUint32(16, offset, true)
  view.setUint16(20, comment.length, true)
  end.set(comment, 22)
  return Buffer.concat([...locals, ...centrals, end])
}

function newEntry(name: string, data: Uint8Array, offset: number, time: number, date: number): [Uint8Array, Uint8Array] {
  const nameBytes = new TextEncoder().encode(name)
  const compressed = deflateRawSync(data)
  const crc = crc32(data) >>> 0
  // Bit 11: the name is UTF-8.
  const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : 0x0800
  const local = new Uint8Array(30 + nameBytes.length + compressed.length)
  const lv = new DataView(local.buffer)
  lv.setUint32(0, 0x04034b50, true)
  lv.setUint16(4, 20, true)
  lv.setUint16(6, flags, true)
  lv.setUint16(8, 8, true)
  lv.setUint16(10, time, true)
  lv.setUint16(12, date, true)
  lv.setUint32(14, crc, true)
  lv.setUint32(18, compressed.length, true)
  lv.setUint32(22, data.length, true)
  lv.setUint16(26, nameBytes.length, true)
  local.set(nameBytes, 30)
  local.set(compressed, 30 + nameBytes.length)
  const central = new Uint8Array(46 + nameBytes.length)
  const cv = new DataView(central.buffer)
  cv.setUint32(0, 0x02014b50, true)
  cv.setUint16(4, 20, true)
  cv.setUint16(6, 20, true)
  cv.setUint16(8, flags, true)
  cv.setUint16(10, 8, true)
  cv.setUint16(12, time, true)
  cv.setUint16(14, date, true)
  cv.setUint32(16, crc, true)
  cv.setUint32(20, compressed.length, true)
  cv.setUint32(24, data.length, true)
  cv.setUint16(28, nameBytes.length, true)
  cv.setUint32(42, offset, true)
  central.set(nameBytes, 46)
  return [local, central]
}
