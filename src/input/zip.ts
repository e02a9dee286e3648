import { unzipSync, type UnzipFileInfo } from 'fflate'
import { UserError } from '../errors.js'
import type { Document } from '../types.js'
import { MalformedXml, decodeXml } from './xml.js'

/**
 * Reading the entries of an office document's zip container (Word, OpenDocument) with fflate.
 * Only the entries a loader asks for are inflated, and their declared sizes are checked first,
 * so a zip bomb is refused before any memory is spent on it.
 */

/** Most a document may unpack to, all entries read together. */
export const MAX_UNPACKED = 200 * 1024 * 1024

/** The first bytes of an OLE compound file (CFB): encrypted Office files, .doc, StarOffice. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export interface ZipMessages {
  /** Not a zip, or a damaged one. */
  corrupt: string
  /** An OLE compound file: password-protected Office file or an old binary format. */
  legacy: string
}

export function isCfb(bytes: Uint8Array): boolean {
  return CFB_SIGNATURE.every((byte, i) => bytes[i] === byte)
}

export class Zip {
  /** Entry names by lower case name (package part names are case-insensitive). */
  private readonly entries = new Map<string, UnzipFileInfo>()
  private unpacked = 0

  constructor(
    private readonly path: string,
    private readonly bytes: Uint8Array,
    private readonly messages: ZipMessages,
  ) {
    this.unzip((info) => {
      this.entries.set(info.name.toLowerCase(), info)
      return false
    })
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase())
  }

  /** The bytes of an entry, undefined when there is none. */
  read(name: string): Uint8Array | undefined {
    const info = this.entries.get(name.toLowerCase())
    if (!info) return undefined
    if (info.originalSize > MAX_UNPACKED - this.unpacked) {
      throw new UserError(
        `Teksten i dokumentet pakkes ut til over ${MAX_UNPACKED / 1024 / 1024} MB, så filen er trolig skadet. ` +
          'Lagre en kopi på nytt og prøv igjen.',
        this.path,
      )
    }
    this.unpacked += info.originalSize
    const files = this.unzip((file) => file.name === info.name)
    return files[info.name]
  }

  /** An entry decoded as (XML) text, undefined when there is none. */
  text(name: string): string | undefined {
    const bytes = this.read(name)
    return bytes === undefined ? undefined : decodeXml(bytes)
  }

  private unzip(filter: (info: UnzipFileInfo) => boolean): Record<string, Uint8Array> {
    try {
      return unzipSync(this.bytes, { filter })
    } catch (error) {
      if (error instanceof UserError) throw error
      throw new UserError(this.messages.corrupt, this.path)
    }
  }
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
