import { UserError } from '../errors.js'

/** The encodings klarsprak reads text files in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedText {
  text: string
  /** What the bytes turned out to be (for the CLI to mention a legacy encoding). */
  encoding: TextEncoding
}

export interface DecodeOptions {
  /**
   * An encoding the file declares itself (an HTML `<meta charset>`). A byte order mark still wins;
   * without one, the declaration is followed instead of guessing.
   */
  declared?: TextEncoding
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** How much of the file the binary check looks at. */
const SNIFF_BYTES = 8192
/** More control characters than this share of the sniffed bytes: not text. */
const MAX_CONTROL_SHARE = 0.1

const BINARY = 'ser ut som en binærfil, ikke tekst. Sjekk at du har valgt riktig fil.'
const EMPTY = 'er tom.'
const UNDECODABLE =
  'teksten kan ikke leses: den er verken UTF-8 eller Windows-1252. Lagre filen som UTF-8 og prøv igjen.'

/**
 * Windows-1252 characters at 0x80–0x9F (0 = undefined there). Node's own
 * `TextDecoder('windows-1252')` decodes these as Latin-1 control characters since 20.18.3
 * (nodejs/node#60888), so the mapping is applied here.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
]

/**
 * Bytes → string. UTF-8 (with or without BOM), UTF-16 with BOM, and — for bytes that are not
 * UTF-8 — Windows-1252/ISO-8859-1, as letter templates from older Windows systems are saved.
 * Binary files, empty files and text in any other encoding are refused rather than mangled.
 */
export function decodeText(bytes: Uint8Array, path: string): string {
  return decodeTextWithEncoding(bytes, path).text
}

/** {@link decodeText}, also saying which encoding the bytes were in. */
export function decodeTextWithEncoding(bytes: Uint8Array, path: string, options: DecodeOptions = {}): DecodedText {
  if (bytes.length === 0) throw new UserError(EMPTY, path)
  const decoded = decodeBytes(bytes, path, options.declared)
  if (decoded.text.trim() === '') throw new UserError(EMPTY, path)
  return decoded
}

function decodeBytes(bytes: Uint8Array, path: string, declared: TextEncoding | undefined): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le', path)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be', path)
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  if (bytes.includes(0) || controlShare(bytes) > MAX_CONTROL_SHARE) throw new UserError(BINARY, path)
  if (declared === 'windows-1252' && !bom) return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
  try {
    const text = utf8.decode(bytes)
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' }
  } catch {
    // Not UTF-8: a legacy single-byte file, if it is clean Windows-1252 text.
  }
  if (bom || !isWindows1252Text(bytes)) throw new UserError(UNDECODABLE, path)
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', path: string): DecodedText {
  const text = new TextDecoder(encoding).decode(bytes.subarray(2))
  let control = 0
  const sniffed = Math.min(text.length, SNIFF_BYTES)
  for (let i = 0; i < sniffed; i++) if (isControl(text.charCodeAt(i))) control++
  if (text.includes('\0') || control > MAX_CONTROL_SHARE * sniffed) throw new UserError(BINARY, path)
  return { text, encoding }
}

/** Share of control characters (other than tab, LF, FF, CR) in the first bytes. */
function controlShare(bytes: Uint8Array): number {
  const sniffed = Math.min(bytes.length, SNIFF_BYTES)
  let control = 0
  for (let i = 0; i < sniffed; i++) if (isControl(bytes[i]!)) control++
  return control / sniffed
}

/** C0 control characters and DEL, except tab, LF, FF and CR. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f
}

/**
 * Could these (non-UTF-8) bytes be a text saved in Windows-1252? No control characters and none
 * of the five bytes Windows-1252 leaves undefined (where DOS code pages put Å and Ø).
 */
function isWindows1252Text(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (isControl(byte) || (byte >= 0x80 && byte <= 0x9f && CP1252_HIGH[byte - 0x80] === 0)) return false
  }
  return true
}

/** Windows-1252 (also what ISO-8859-1 means in practice) → string. */
export function decodeWindows1252(bytes: Uint8Array): string {
  // Latin-1 for every byte, then the 0x80–0x9F block mapped. Correct whether or not the Node
  // version's own decoder maps that block.
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\x80-\x9f]/g, (ch) => String.fromCharCode(CP1252_HIGH[ch.charCodeAt(0) - 0x80] || ch.charCodeAt(0)))
}
