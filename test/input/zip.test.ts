import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { loadDocx } from '../../src/input/docx.js'
import { loadOdt } from '../../src/input/odt.js'
import { failure } from './documents.js'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const WORD_CORRUPT = 'Filen er skadet eller ikke et Word-dokument. Åpne den i Word og lagre den på nytt.'

interface RawEntry {
  name: string
  /** The bytes as stored in the zip (raw deflate for method 8). */
  data: Uint8Array
  method: 0 | 8
  /** The uncompressed size the headers declare. */
  size: number
}

/** A zip written by hand, so the headers can say what a test needs them to say. */
function writeZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(entry.method, 8)
    local.writeUInt32LE(entry.data.length, 18)
    local.writeUInt32LE(entry.size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(entry.method, 10)
    central.writeUInt32LE(entry.data.length, 20)
    central.writeUInt32LE(entry.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, Buffer.from(entry.data))
    centrals.push(central, name)
    offset += 30 + name.length + entry.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

const deflated = (name: string, text: string): RawEntry => {
  const data = strToU8(text)
  return { name, data: new Uint8Array(deflateRawSync(data)), method: 8, size: data.length }
}

/**
 * One raw deflate block (fixed Huffman codes) that inflates to `megabytes` MB of zeros from about
 * 1/160 of that: a literal 0, then back-references of length 258 at distance 1 (13 bits each).
 * A single stream, as a crafted file would have, so an inflater without an output bound runs on
 * through all of it.
 */
function zeros(megabytes: number): Uint8Array {
  const copies = Math.ceil((megabytes * 1024 * 1024 - 1) / 258)
  const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + 7) / 8) + 1)
  let bit = 0
  const put = (value: number, length: number, huffman: boolean): void => {
    for (let i = 0; i < length; i++) {
      const b = huffman ? (value >> (length - 1 - i)) & 1 : (value >> i) & 1
      if (b) out[bit >> 3]! |= 1 << (bit & 7)
      bit++
    }
  }
  put(1, 1, false) // BFINAL
  put(1, 2, false) // BTYPE 01: fixed Huffman codes
  put(0b00110000, 8, true) // literal 0
  for (let i = 0; i < copies; i++) {
    put(0b11000101, 8, true) // length 258 (symbol 285)
    put(0, 5, true) // distance 1
  }
  put(0, 7, true) // end of block
  return out.subarray(0, (bit + 7) >> 3)
}

describe('office zip: entries that lie about their size', () => {
  it('an entry that declares 1 KB but inflates to 500 MB (a 3 MB file) is refused as damaged, fast', async () => {
    const bomb = zeros(500)
    expect(bomb.length).toBeLessThan(3.5 * 1024 * 1024)
    const bytes = writeZip([{ name: 'word/document.xml', data: bomb, method: 8, size: 1024 }])
    const started = performance.now()
    expect((await failure(loadDocx('x.docx', bytes))).message).toBe(WORD_CORRUPT)
    expect(performance.now() - started).toBeLessThan(3000)
  })

  it('the same in an ODF file, in a part read after others', async () => {
    const bytes = writeZip([
      { name: 'mimetype', data: strToU8('application/vnd.oasis.opendocument.text'), method: 0, size: 39 },
      { name: 'content.xml', data: zeros(100), method: 8, size: 4096 },
    ])
    const started = performance.now()
    expect((await failure(loadOdt('x.odt', bytes))).message).toMatch(/^Filen er skadet/)
    expect(performance.now() - started).toBeLessThan(3000)
  })

  it('the generated stream is valid deflate of the size it says', () => {
    const inflated = inflateRawSync(zeros(2))
    expect(inflated.length).toBe(1 + Math.ceil((2 * 1024 * 1024 - 1) / 258) * 258)
    expect(inflated.every((byte) => byte === 0)).toBe(true)
  })

  it('an honest declaration over the 200 MB limit is refused before inflating', async () => {
    const bytes = writeZip([{ name: 'word/document.xml', data: zeros(10), method: 8, size: 300 * 1024 * 1024 }])
    const started = performance.now()
    expect((await failure(loadDocx('x.docx', bytes))).message).toMatch(/over 200 MB/)
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('an entry that inflates to exactly its declared size is read', async () => {
    const xml = `<w:document ${W}><w:body><w:p><w:r><w:t>Vi viser til søknaden din.</w:t></w:r></w:p></w:body></w:document>`
    const doc = await loadDocx('x.docx', writeZip([deflated('word/document.xml', xml)]))
    expect(doc.text).toBe('Vi viser til søknaden din.')
  })

  it('a stored entry whose sizes disagree, an entry past the end, and a cut deflate stream are damaged', async () => {
    const xml = strToU8(`<w:document ${W}><w:body/></w:document>`)
    const stored = writeZip([{ name: 'word/document.xml', data: xml, method: 0, size: xml.length + 5 }])
    expect((await failure(loadDocx('x.docx', stored))).message).toBe(WORD_CORRUPT)
    const whole = deflated('word/document.xml', `<w:document ${W}><w:body>${'<w:p/>'.repeat(1000)}</w:body></w:document>`)
    const cut = writeZip([{ ...whole, data: whole.data.subarray(0, whole.data.length >> 1) }])
    expect((await failure(loadDocx('x.docx', cut))).message).toBe(WORD_CORRUPT)
    const bytes = writeZip([whole])
    // The central directory says the data is longer than the file.
    const view = new DataView(bytes.buffer)
    const central = bytes.length - 22 - 46 - 'word/document.xml'.length
    view.setUint32(central + 20, 10_000_000, true)
    expect((await failure(loadDocx('x.docx', bytes))).message).toBe(WORD_CORRUPT)
  })
})

describe('office zip: number of entries', () => {
  it('more than 10,000 entries are refused, fast', async () => {
    const files: Record<string, Uint8Array> = {
      'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>Hei</w:t></w:r></w:p></w:body></w:document>`),
    }
    for (let i = 0; i < 10_000; i++) files[`word/media/x${i}.bin`] = new Uint8Array(0)
    const bytes = zipSync(files, { level: 0 })
    const started = performance.now()
    expect((await failure(loadDocx('x.docx', bytes))).message).toBe(
      'Dokumentet har over 10\u00a0000 deler i zip-filen, så filen er trolig skadet. Lagre en kopi på nytt og prøv igjen.',
    )
    expect(performance.now() - started).toBeLessThan(2000)
    delete files['word/media/x0.bin']
    expect((await loadDocx('x.docx', zipSync(files, { level: 0 }))).text).toBe('Hei')
  })
})
