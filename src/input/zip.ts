import { Inflate } from 'fflate'
import { UserError } from '../errors.js'
import type { Document } from '../types.js'
import { MalformedXml, decodeXml } from './xml.js'

/**
 * Reading the entries of an office document's zip container (Word, OpenDocument).
 *
 * The central directory is read here; only the entries a loader asks for are inflated, with
 * fflate's streaming inflate, chunk by chunk. Their declared sizes are checked first, so an
 * honest zip bomb is refused before any memory is spent on it, and the inflate stops as soon as
 * an entry grows past the size it declares (a dishonest one) or past the limit for the whole
 * document: no entry ever inflates further than it said it would.
 */

/** Most a document may unpack to, all entries read together. */
export const MAX_UNPACKED = 200 * 1024 * 1024
/** Most entries a document's zip may have (Word and LibreOffice write a few dozen, a few hundred with images). */
export const MAX_ENTRIES = 10_000
/** Compressed bytes fed to the inflater at a time: at most about 1,000 times this comes out per step. */
const INFLATE_CHUNK = 16 * 1024

/** The first bytes of an OLE compound file (CFB): encrypted Office files, .doc, StarOffice. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const ZIP64_END_LOCATOR = 0x07064b50
const ZIP64_END = 0x06064b50
const CENTRAL_HEADER = 0x02014b50
const LOCAL_HEADER = 0x04034b50

export interface ZipMessages {
  /** Not a zip, or a damaged one. */
  corrupt: string
  /** An OLE compound file: password-protected Office file or an old binary format. */
  legacy: string
}

export function isCfb(bytes: Uint8Array): boolean {
  return CFB_SIGNATURE.every((byte, i) => bytes[i] === byte)
}

/** One entry of the central directory, as read. */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated. */
  method: number
  flags: number
  compressedSize: number
  size: number
  /** Offset of the local file header. */
  offset: number
  /** The entry's central directory record as it stands in the file (for rewriting byte for byte). */
  record: Uint8Array
  /** MS-DOS time and date of the entry. */
  time: number
  date: number
}
type Entry = ZipEntry

/** A zip's central directory: its entries, where it starts, and the archive comment. */
export interface CentralDirectory {
  entries: ZipEntry[]
  /** Offset of the first central directory record (the local records end here). */
  offset: number
  comment: Uint8Array
}

/** The zip is damaged: the Zip turns this into a UserError with the loader's message. */
export class BadZip extends Error {}

export class Zip {
  /** Entries by lower case name (package part names are case-insensitive). */
  private readonly entries = new Map<string, Entry>()
  private unpacked = 0

  constructor(
    private readonly path: string,
    private readonly bytes: Uint8Array,
    private readonly messages: ZipMessages,
  ) {
    this.guard(() => {
      for (const entry of readCentralDirectory(bytes, path).entries) this.entries.set(entry.name.toLowerCase(), entry)
    })
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase())
  }

  /** The bytes of an entry, undefined when there is none. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name.toLowerCase())
    if (!entry) return undefined
    const room = MAX_UNPACKED - this.unpacked
    if (entry.size > room) throw this.tooLarge()
    const bytes = this.guard(() => this.extract(entry))
    this.unpacked += bytes.length
    return bytes
  }

  /** An entry decoded as (XML) text, undefined when there is none. */
  text(name: string): string | undefined {
    const bytes = this.read(name)
    return bytes === undefined ? undefined : decodeXml(bytes)
  }

  private extract(entry: Entry): Uint8Array {
    const { bytes } = this
    if (entry.flags & 1) throw new BadZip('encrypted entry')
    if (entry.offset + 30 > bytes.length || u32(bytes, entry.offset) !== LOCAL_HEADER) throw new BadZip('local header')
    const start = entry.offset + 30 + u16(bytes, entry.offset + 26) + u16(bytes, entry.offset + 28)
    const end = start + entry.compressedSize
    if (end > bytes.length) throw new BadZip('entry past the end')
    const data = bytes.subarray(start, end)
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw new BadZip('stored size')
      return data.slice()
    }
    if (entry.method !== 8) throw new BadZip(`compression method ${entry.method}`)
    return this.inflate(data, entry.size)
  }

  /** Inflate, stopping as soon as the output passes `declared` (the entry lied) or the document's room. */
  private inflate(data: Uint8Array, declared: number): Uint8Array {
    const chunks: Uint8Array[] = []
    let length = 0
    let done = false
    const inflater = new Inflate((chunk, final) => {
      length += chunk.length
      if (length > declared) throw new BadZip('entry larger than declared')
      chunks.push(chunk)
      if (final) done = true
    })
    for (let at = 0; at < data.length && !done; at += INFLATE_CHUNK) {
      const end = Math.min(at + INFLATE_CHUNK, data.length)
      inflater.push(data.subarray(at, end), end === data.length)
    }
    if (data.length === 0) inflater.push(data, true)
    if (!done) throw new BadZip('deflate stream cut short')
    if (chunks.length === 1) return chunks[0]!
    const out = new Uint8Array(length)
    let offset = 0
    for (const chunk of chunks) {
      out.set(chunk, offset)
      offset += chunk.length
    }
    return out
  }

  private tooLarge(): UserError {
    return new UserError(
      `Teksten i dokumentet pakkes ut til over ${MAX_UNPACKED / 1024 / 1024} MB, så filen er trolig skadet. ` +
        'Lagre en kopi på nytt og prøv igjen.',
      this.path,
    )
  }

  private guard<T>(read: () => T): T {
    try {
      return read()
    } catch (error) {
      if (error instanceof UserError) throw error
      // BadZip, or fflate's own errors on a damaged deflate stream.
      throw new UserError(this.messages.corrupt, this.path)
    }
  }
}

/**
 * The central directory (zip64 included), refusing more than MAX_ENTRIES. Throws BadZip when it
 * is damaged. Shared by the loaders and by `annotate`, which rewrites the zip.
 */
export function readCentralDirectory(bytes: Uint8Array, path: string): CentralDirectory {
  // The end record: 22 bytes plus a comment of at most 65,535 bytes, at the end of the file.
  let end = bytes.length - 22
  const stop = Math.max(0, bytes.length - 22 - 0xffff)
  while (end >= stop && u32(bytes, end) !== END_OF_CENTRAL_DIRECTORY) end--
  if (end < stop) throw new BadZip('no end of central directory')
  let count = u16(bytes, end + 10)
  let offset = u32(bytes, end + 16)
  const comment = bytes.subarray(end + 22, end + 22 + u16(bytes, end + 20))
  if (end >= 20 && u32(bytes, end - 20) === ZIP64_END_LOCATOR) {
    const zip64 = u64(bytes, end - 12)
    if (zip64 + 56 <= bytes.length && u32(bytes, zip64) === ZIP64_END) {
      count = u64(bytes, zip64 + 32)
      offset = u64(bytes, zip64 + 48)
    }
  }
  if (count > MAX_ENTRIES) {
    throw new UserError(
      `Dokumentet har over ${MAX_ENTRIES.toLocaleString('nb-NO').replace(/\s/g, '\u00a0')} deler i zip-filen, så filen er trolig skadet. Lagre en kopi på nytt og prøv igjen.`,
      path,
    )
  }
  const entries: Entry[] = []
  const directoryOffset = offset
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || u32(bytes, offset) !== CENTRAL_HEADER) throw new BadZip('central header')
    const nameLength = u16(bytes, offset + 28)
    const extraLength = u16(bytes, offset + 30)
    const commentLength = u16(bytes, offset + 32)
    const next = offset + 46 + nameLength + extraLength + commentLength
    if (next > bytes.length) throw new BadZip('central header past the end')
    const entry: Entry = {
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: u16(bytes, offset + 10),
      flags: u16(bytes, offset + 8),
      compressedSize: u32(bytes, offset + 20),
      size: u32(bytes, offset + 24),
      offset: u32(bytes, offset + 42),
      record: bytes.subarray(offset, next),
      time: u16(bytes, offset + 12),
      date: u16(bytes, offset + 14),
    }
    zip64Sizes(entry, bytes.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength))
    entries.push(entry)
    offset = next
  }
  return { entries, offset: directoryOffset, comment }
}

/** Sizes and offset that do not fit 32 bits are in the zip64 extra field, in this order. */
function zip64Sizes(entry: Entry, extra: Uint8Array): void {
  if (entry.size !== 0xffffffff && entry.compressedSize !== 0xffffffff && entry.offset !== 0xffffffff) return
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = u16(extra, at)
    const length = u16(extra, at + 2)
    if (id === 1) {
      let field = at + 4
      const take = (): number => {
        if (field + 8 > at + 4 + length) throw new BadZip('zip64 field')
        const value = u64(extra, field)
        field += 8
        return value
      }
      if (entry.size === 0xffffffff) entry.size = take()
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take()
      if (entry.offset === 0xffffffff) entry.offset = take()
      return
    }
    at += 4 + length
  }
  throw new BadZip('zip64 sizes missing')
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8)
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
}

/** A 64-bit little-endian number; beyond 2^53 it cannot be a real offset or size in a file we read. */
function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 0x100000000
}

/** Open a document's zip; a CFB file or anything that is not a readable zip is a UserError. */
export function openZip(path: string, bytes: Uint8Array, messages: ZipMessages): Zip {
  if (isCfb(bytes)) throw new UserError(messages.legacy, path)
  // Every zip starts with a local file header («PK\x03\x04») or, when empty, the end record.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new UserError(messages.corrupt, path)
  return new Zip(path, bytes, messages)
}

/**
 * Open an office document's zip and read it; malformed XML anywhere inside is reported as a
 * damaged file, like a damaged zip.
 */
export function readZipDocument(path: string, bytes: Uint8Array, messages: ZipMessages, read: (zip: Zip) => Document): Document {
  const zip = openZip(path, bytes, messages)
  try {
    return read(zip)
  } catch (error) {
    if (error instanceof MalformedXml) throw new UserError(messages.corrupt, path)
    throw error
  }
}
