import { UserError } from '../errors.js'
import type { Document } from '../types.js'

/** The encodings klarsprak reads text files in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedText {
  text: string
  /** What the bytes turned out to be (for the CLI to mention a legacy encoding). */
  encoding: TextEncoding
  /**
   * One-line notices for the user, present only when there is something to say: the encoding
   * was guessed (Windows-1252, UTF-16 without byte order mark), or invalid UTF-8 was replaced.
   */
  notices?: string[]
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
const MIXED = (invalid: number): string =>
  `teksten er for det meste UTF-8, men har ${count(invalid)} ugyldige tegn, så den er trolig satt sammen av filer i ulike tegnsett. Lagre filen som UTF-8 og prøv igjen.`
const GUESSED_1252 =
  'er ikke UTF-8 og er lest som Windows-1252 (gjettet). Lagre filen som UTF-8 hvis æ, ø og å ser feil ut.'
const GUESSED_UTF16 = (encoding: string): string =>
  `er lest som ${encoding.toUpperCase()} uten byte order mark (gjettet). Lagre filen som UTF-8 for å være sikker.`
const REPLACED = (invalid: number, line: number): string =>
  `har ${invalid === 1 ? 'ett ugyldig UTF-8-tegn' : `${count(invalid)} ugyldige UTF-8-tegn`} (første på linje ${line}), erstattet med «\ufffd». Lagre filen som UTF-8 på nytt for å rette det.`

/**
 * A UTF-8 file with this few invalid sequences is read as UTF-8 (each replaced by U+FFFD, with a
 * notice): at most {@link MAX_STRAY_INVALID}, or at most this share of the non-ASCII sequences.
 */
const MAX_STRAY_SHARE = 0.01
const MAX_STRAY_INVALID = 10
/** Without a byte order mark, UTF-16 is recognised by NUL bytes in every other byte. */
const UTF16_ZERO_SHARE = 0.3
const UTF16_OTHER_ZERO_SHARE = 0.01

function count(n: number): string {
  return n.toLocaleString('nb-NO').replace(/\s/g, '\u00a0')
}

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

/** Record on a Document how its bytes were decoded: the encoding and any notices. */
export function withDecoding(doc: Document, decoded: DecodedText): Document {
  doc.encoding = decoded.encoding
  if (decoded.notices !== undefined) doc.notices = [...(doc.notices ?? []), ...decoded.notices]
  return doc
}

/** {@link decodeText}, also saying which encoding the bytes were in. */
export function decodeTextWithEncoding(bytes: Uint8Array, path: string, options: DecodeOptions = {}): DecodedText {
  if (bytes.length === 0) throw new UserError(EMPTY, path)
  const decoded = decodeBytes(bytes, path, options.declared)
  if (decoded.text.trim() === '') throw new UserError(EMPTY, path)
  return decoded
}

function decodeBytes(bytes: Uint8Array, path: string, declared: TextEncoding | undefined): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', path)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', path)
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  if (!bom && bytes.includes(0)) {
    const endian = utf16Pattern(bytes)
    if (endian !== undefined) return { ...utf16(bytes, endian, path), notices: [GUESSED_UTF16(endian)] }
  }
  if (bytes.includes(0) || controlShare(bytes) > MAX_CONTROL_SHARE) throw new UserError(BINARY, path)
  if (declared === 'windows-1252' && !bom) return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
  try {
    return { text: withoutBom(utf8.decode(bytes)), encoding: 'utf-8' }
  } catch {
    // Not valid UTF-8: a UTF-8 file with a few stray bytes, or a legacy single-byte file.
  }
  const { valid, invalid, firstInvalid } = utf8Sequences(bytes)
  const few = invalid <= MAX_STRAY_INVALID || invalid <= MAX_STRAY_SHARE * (valid + invalid)
  if ((bom || valid > invalid) && few) {
    const text = withoutBom(new TextDecoder('utf-8').decode(bytes))
    return { text, encoding: 'utf-8', notices: [REPLACED(invalid, lineOf(bytes, firstInvalid))] }
  }
  if (bom) throw new UserError(UNDECODABLE, path)
  if (valid > invalid) throw new UserError(MIXED(invalid), path)
  // Mostly not UTF-8 (a handful of byte pairs in a Windows-1252 text can happen to be valid UTF-8,
  // «Å» before «»» for one): a legacy single-byte file, if it is clean Windows-1252 text.
  if (!isWindows1252Text(bytes)) throw new UserError(UNDECODABLE, path)
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', notices: [GUESSED_1252] }
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', path: string): DecodedText {
  const text = new TextDecoder(encoding).decode(bytes)
  let control = 0
  const sniffed = Math.min(text.length, SNIFF_BYTES)
  for (let i = 0; i < sniffed; i++) if (isControl(text.charCodeAt(i))) control++
  if (text.includes('\0') || control > MAX_CONTROL_SHARE * sniffed) throw new UserError(BINARY, path)
  return { text, encoding }
}

/**
 * UTF-16 without a byte order mark? Text in the Latin range has a zero high byte in every
 * character: zeros in (nearly) every odd byte and (almost) no even one is little-endian, and the
 * other way round big-endian. Binary data has its zeros anywhere.
 */
function utf16Pattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  // UTF-16 comes in whole code units.
  if (bytes.length % 2 !== 0) return undefined
  const pairs = Math.min(bytes.length, SNIFF_BYTES) / 2
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  if (oddZeros >= UTF16_ZERO_SHARE * pairs && evenZeros <= UTF16_OTHER_ZERO_SHARE * pairs) return 'utf-16le'
  if (evenZeros >= UTF16_ZERO_SHARE * pairs && oddZeros <= UTF16_OTHER_ZERO_SHARE * pairs) return 'utf-16be'
  return undefined
}

/**
 * Counts the well-formed multi-byte UTF-8 sequences and the invalid ones (each maximal invalid
 * subpart once, as a decoder replaces them), and where the first invalid one is.
 */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0
  let invalid = 0
  let firstInvalid = -1
  const continuation = (i: number, low = 0x80, high = 0xbf): boolean =>
    i < bytes.length && bytes[i]! >= low && bytes[i]! <= high
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!
    if (lead < 0x80) {
      i++
      continue
    }
    let length = 0
    let low = 0x80
    let high = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) length = 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      if (lead === 0xe0) low = 0xa0
      if (lead === 0xed) high = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      if (lead === 0xf0) low = 0x90
      if (lead === 0xf4) high = 0x8f
    }
    // The longest well-formed prefix: the first continuation byte has the lead's own range.
    let taken = 1
    if (length > 0 && continuation(i + 1, low, high)) {
      taken = 2
      while (taken < length && continuation(i + taken)) taken++
    }
    if (length > 0 && taken === length) {
      valid++
    } else {
      if (firstInvalid === -1) firstInvalid = i
      invalid++
    }
    i += taken
  }
  return { valid, invalid, firstInvalid }
}

/** The 1-based line (`\r\n`, `\n` or `\r` ending a line) of a byte offset. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++
  }
  return line
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
