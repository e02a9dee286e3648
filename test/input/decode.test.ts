import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.js'
import { decodeText, decodeTextWithEncoding, decodeWindows1252 } from '../../src/input/decode.js'
import { loadDocument } from '../../src/input/index.js'

const DOCUMENTS = new URL('../../fixtures/documents/', import.meta.url)
const fixture = (name: string): Uint8Array => readFileSync(new URL(name, DOCUMENTS))

const BINARY = 'ser ut som en binærfil, ikke tekst. Sjekk at du har valgt riktig fil.'
const EMPTY = 'er tom.'
const UNDECODABLE =
  'teksten kan ikke leses: den er verken UTF-8 eller Windows-1252. Lagre filen som UTF-8 og prøv igjen.'
const GUESSED_1252 =
  'er ikke UTF-8 og er lest som Windows-1252 (gjettet). Lagre filen som UTF-8 hvis æ, ø og å ser feil ut.'

const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'))

/** The UserError decoding throws, for its message and file. */
function failure(bytes: Uint8Array, path = 'brev.txt'): UserError {
  try {
    decodeText(bytes, path)
  } catch (error) {
    if (error instanceof UserError) return error
    throw error
  }
  throw new Error('decoded without an error')
}

describe('decodeText: encodings', () => {
  const utf8 = readFileSync(new URL('vedtak-utf8.txt', DOCUMENTS), 'utf8')
  const after = readFileSync(new URL('../../fixtures/after/vedtak-praktisk-bistand.txt', import.meta.url), 'utf8')

  it('the reference letter is the «after» letter with one en dash', () => {
    expect(utf8).toBe(after.replace('mellom klokka 9 og 14', 'klokka 9–14'))
    expect(utf8).toMatch(/[æøå]/)
  })

  it('reads UTF-8, with and without a byte order mark', () => {
    expect(decodeTextWithEncoding(fixture('vedtak-utf8.txt'), 'a.txt')).toEqual({ text: utf8, encoding: 'utf-8' })
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...fixture('vedtak-utf8.txt')])
    expect(decodeTextWithEncoding(bom, 'a.txt')).toEqual({ text: utf8, encoding: 'utf-8' })
  })

  it('reads a Windows-1252 letter as exactly the same text: æøå and the en dash survive', () => {
    const bytes = fixture('vedtak-windows-1252.txt')
    expect(bytes.includes(0x96)).toBe(true)
    const decoded = decodeTextWithEncoding(bytes, 'vedtak-windows-1252.txt')
    expect(decoded.encoding).toBe('windows-1252')
    expect(decoded.text).toBe(utf8)
    expect(decoded.text).toContain('Du når henne på hverdager klokka 9–14.')
    expect(decodeText(bytes, 'vedtak-windows-1252.txt')).toBe(utf8)
  })

  it('reads UTF-16 with a byte order mark, little- and big-endian', () => {
    expect(decodeTextWithEncoding(fixture('vedtak-utf16.txt'), 'a.txt')).toEqual({ text: utf8, encoding: 'utf-16le' })
    const be = Buffer.from(utf8, 'utf16le').swap16()
    expect(decodeTextWithEncoding(new Uint8Array([0xfe, 0xff, ...be]), 'a.txt')).toEqual({
      text: utf8,
      encoding: 'utf-16be',
    })
  })

  it('maps the whole 0x80–0x9F block of Windows-1252, whatever the Node version', () => {
    const bytes = new Uint8Array([0x80, 0x82, 0x84, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x8a, 0x9f])
    expect(decodeWindows1252(bytes)).toBe('€‚„…‘’“”–—ŠŸ')
    expect(decodeTextWithEncoding(bytes, 'a.txt')).toEqual({
      text: '€‚„…‘’“”–—ŠŸ',
      encoding: 'windows-1252',
      notices: [GUESSED_1252],
    })
  })

  it('reads ISO-8859-1 «Søknad» (a subset of Windows-1252) through the loader', async () => {
    const doc = await loadDocument('latin1.txt', new Uint8Array([0x53, 0xf8, 0x6b, 0x6e, 0x61, 0x64, 0x0d, 0x0a]))
    expect(doc.text).toBe('Søknad\r\n')
    expect(doc.blocks).toHaveLength(1)
  })

  it('prefers UTF-8 when the bytes are valid UTF-8', () => {
    expect(decodeTextWithEncoding(new TextEncoder().encode('Søknad – «ja»'), 'a.txt')).toEqual({
      text: 'Søknad – «ja»',
      encoding: 'utf-8',
    })
  })

  it('follows a declared Windows-1252 encoding (an HTML meta tag) unless there is a byte order mark', () => {
    const bytes = new TextEncoder().encode('æ')
    expect(decodeTextWithEncoding(bytes, 'a.html', { declared: 'windows-1252' })).toEqual({
      text: 'Ã¦',
      encoding: 'windows-1252',
    })
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('æ')])
    expect(decodeTextWithEncoding(bom, 'a.html', { declared: 'windows-1252' })).toEqual({ text: 'æ', encoding: 'utf-8' })
  })
})

describe('decodeText: bad input', () => {
  it('refuses a binary file with a text extension', () => {
    const error = failure(fixture('binaer.txt'), 'binaer.txt')
    expect(error.message).toBe(BINARY)
    expect(error.format()).toBe(`binaer.txt: ${BINARY}`)
  })

  it('refuses control characters without NUL bytes beyond about 10 %', () => {
    const text = 'Vi viser til søknaden din om hjemmehjelp.'
    const noisy = new TextEncoder().encode(text).map((byte, i) => (i % 5 === 0 ? 0x01 : byte))
    expect(failure(noisy).message).toBe(BINARY)
    const fewControls = new TextEncoder().encode(`${text}\u001b${text}`)
    expect(decodeText(fewControls, 'a.txt')).toBe(`${text}\u001b${text}`)
  })

  it('refuses binary data behind a UTF-16 byte order mark', () => {
    expect(failure(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00])).message).toBe(BINARY)
  })

  it('refuses an empty file, and one with only whitespace', () => {
    expect(failure(fixture('tom.txt'), 'tom.txt').format()).toBe('tom.txt: er tom.')
    expect(failure(new TextEncoder().encode(' \n\t\r\n')).message).toBe(EMPTY)
    expect(failure(new Uint8Array([0xef, 0xbb, 0xbf])).message).toBe(EMPTY)
    expect(failure(new Uint8Array([0xff, 0xfe, 0x20, 0x00])).message).toBe(EMPTY)
  })

  it('refuses text that is neither UTF-8 nor Windows-1252 (a DOS code page 850 letter)', () => {
    expect(failure(fixture('ugyldig-tekst.txt'), 'ugyldig-tekst.txt').message).toBe(UNDECODABLE)
  })

  it.each([
    ['an undefined Windows-1252 byte', [0x53, 0xf8, 0x81, 0x6b]],
    ['a control character in Latin-1 text', [0x53, 0xf8, 0x1b, 0x6b, 0x6e, 0x61, 0x64, 0x20, 0x6f, 0x6d]],
    ['Windows-1252 text after a UTF-8 byte order mark', [0xef, 0xbb, 0xbf, ...latin1(`${'Søknad om støtte. '.repeat(12)}`)]],
  ])('refuses %s', (_name, bytes) => {
    expect(failure(new Uint8Array(bytes)).message).toBe(UNDECODABLE)
  })
})

describe('decodeText: a UTF-8 file with a few stray bytes', () => {
  const letter = 'Vi viser til søknaden din om praktisk bistand.\nDu får hjelp én gang i uka på hverdager.\n'
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
  const withStray = (text: string, stray: number[], at: number): Uint8Array => {
    const bytes = utf8(text)
    return new Uint8Array([...bytes.subarray(0, at), ...stray, ...bytes.subarray(at)])
  }

  it('one stray byte: read as UTF-8 with U+FFFD, every æøå intact, and a notice naming the line', () => {
    const at = utf8(letter).indexOf(0x0a) + 4
    const decoded = decodeTextWithEncoding(withStray(letter, [0xf8], at), 'brev.txt')
    expect(decoded.encoding).toBe('utf-8')
    expect(decoded.text).toBe(`${letter.slice(0, letter.indexOf('\n') + 4)}\ufffd${letter.slice(letter.indexOf('\n') + 4)}`)
    expect(decoded.text).toContain('søknaden')
    expect(decoded.notices).toEqual([
      'har ett ugyldig UTF-8-tegn (første på linje 2), erstattet med «\ufffd». Lagre filen som UTF-8 på nytt for å rette det.',
    ])
  })

  it('through the loader: the Document carries the encoding and the notice; findings keep æøå', async () => {
    const doc = await loadDocument('brev.txt', withStray(letter, [0xe5], 3))
    expect(doc.encoding).toBe('utf-8')
    expect(doc.text).toContain('søknaden din')
    expect(doc.notices).toHaveLength(1)
    const md = await loadDocument('brev.md', withStray(letter, [0xe5], 3))
    expect(md.notices).toHaveLength(1)
  })

  it('up to 10 invalid sequences, or 1 % of the non-ASCII ones, are tolerated; a truncated sequence counts once', () => {
    const long = 'Søknad om støtte på æøå. '.repeat(100) // 600 valid multi-byte sequences
    const bytes = utf8(long)
    // 10 stray bytes and one truncated 2-byte sequence (a lead without its continuation) → 11 invalid: 1.8 %.
    const eleven = new Uint8Array([...bytes.subarray(0, 100), ...Array(10).fill(0xff), 0xc3, ...bytes.subarray(100)])
    expect(() => decodeText(eleven, 'a.txt')).toThrow(/for det meste UTF-8, men har 11 ugyldige tegn/)
    const ten = new Uint8Array([...bytes.subarray(0, 100), ...Array(9).fill(0xff), 0xc3, ...bytes.subarray(100)])
    const decoded = decodeTextWithEncoding(ten, 'a.txt')
    expect(decoded.notices?.[0]).toMatch(/^har 10 ugyldige UTF-8-tegn \(første på linje 1\)/)
    expect(decoded.text.split('\ufffd')).toHaveLength(11)
    // Under 1 % of a larger file: 20 invalid among 3,000 valid sequences.
    const big = utf8(long.repeat(5))
    const twenty = new Uint8Array([...big.subarray(0, 50), ...Array(20).fill(0xfe), ...big.subarray(50)])
    expect(decodeTextWithEncoding(twenty, 'a.txt').encoding).toBe('utf-8')
  })

  it('a UTF-8 byte order mark with a stray byte is UTF-8 with the notice', () => {
    const decoded = decodeTextWithEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x53, 0xf8, 0x6b]), 'a.txt')
    expect(decoded).toMatchObject({ text: 'S\ufffdk', encoding: 'utf-8' })
    expect(decoded.notices).toHaveLength(1)
  })

  it('Windows-1252 text where one byte pair happens to be valid UTF-8 («Å» before «»») is still Windows-1252', () => {
    const bytes = latin1('«Søknad om bistand» fra Ås kommune, «Å»: det er søknad nr. 2 på én uke.')
    const decoded = decodeTextWithEncoding(bytes, 'a.txt')
    expect(decoded.encoding).toBe('windows-1252')
    expect(decoded.text).toBe('«Søknad om bistand» fra Ås kommune, «Å»: det er søknad nr. 2 på én uke.')
    expect(decoded.notices).toEqual([GUESSED_1252])
  })
})

describe('decodeText: UTF-16 without a byte order mark', () => {
  const letter = 'Vi viser til søknaden din.\r\nDu får hjelp på hverdager – klokka 9–14.\r\n'

  it('little- and big-endian are recognised by the zero bytes, with a notice that it was guessed', () => {
    const le = new Uint8Array(Buffer.from(letter, 'utf16le'))
    expect(decodeTextWithEncoding(le, 'a.txt')).toEqual({
      text: letter,
      encoding: 'utf-16le',
      notices: ['er lest som UTF-16LE uten byte order mark (gjettet). Lagre filen som UTF-8 for å være sikker.'],
    })
    const be = new Uint8Array(Buffer.from(letter, 'utf16le').swap16())
    expect(decodeTextWithEncoding(be, 'a.txt')).toMatchObject({ text: letter, encoding: 'utf-16be' })
  })

  it('binary data with zeros is still binary', () => {
    const bytes = new Uint8Array(4000).map((_, i) => (i % 2 === 1 ? 0 : i % 7 === 0 ? 0 : 0x41 + (i % 26)))
    expect(failure(bytes).message).toBe(BINARY)
    const zerosEverywhere = new Uint8Array(4000).map((_, i) => (i % 3 === 0 ? 0 : 0x41))
    expect(failure(zerosEverywhere).message).toBe(BINARY)
  })
})
