// Builds the PDF fixtures in fixtures/documents/ (klarsprak issue 3).
//
//   node test/fixtures-build/pdf.js
//
// Needs the devDependencies pdfkit (PDF writing, built-in Helvetica with WinAnsi encoding) and
// esbuild (to run src/input/text.ts, so the PDFs have exactly the blocks the .txt loader finds).
// Output is deterministic: fixed CreationDate (pdfkit derives the file ID from it), RC4 for the
// password-protected file (no random IV), and our own line layout (no pdfkit wrapping).
//
// Writes:
//   vedtak-hjemmesykepleie.pdf       fixtures/after/vedtak-hjemmesykepleie.txt as a two-page A4 letter
//   vedtak-hjemmesykepleie-for.pdf   fixtures/before/vedtak-hjemmesykepleie.txt, same layout
//   brosjyre-to-spalter.pdf          fixtures/after/brosjyre-avlastning.txt as a two-column A5 brochure
//   skannet.pdf                      one page with only a raster image (no text layer)
//   passord.pdf                      password-protected (user password «hemmelig»)
//   skadet.pdf                       vedtak-hjemmesykepleie.pdf cut off after 60 %
//
// Also exports `brochurePdf(pages)` (the brochure text repeated over `pages` pages) for the
// benchmark and tests, and `linesPdf(pages)` (hand-placed lines) for tests of layout cases.
import { textLoader } from './text-loader.js'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { constants as zlibConstants, deflateRawSync, deflateSync } from 'node:zlib'
import PDFDocument from 'pdfkit'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OUT = `${ROOT}fixtures/documents/`
const CREATED = new Date(Date.UTC(2025, 2, 25, 9, 0, 0))

const A4 = [595.28, 841.89]
const A5 = [419.53, 595.28]
const REGULAR = 'Helvetica'
const BOLD = 'Helvetica-Bold'

// ---- blocks from the .txt loader --------------------------------------------------------------

/** src/input/text.ts's loadText (see text-loader.js). */
async function loadText(path, text) {
  return (await textLoader())(path, text)
}

/**
 * The blocks of a .txt file: { kind, text (one line), group } where `group` counts blank-line
 * separated groups (blocks in one group are set without paragraph space, like an address).
 */
async function blocksOf(file) {
  const text = readFileSync(`${ROOT}${file}`, 'utf8')
  const doc = await loadText(file, text)
  let group = 0
  let previousEnd = 0
  return doc.blocks.map((block, index) => {
    if (index > 0 && /\n[ \t]*\r?\n/.test(text.slice(previousEnd, block.start))) group++
    previousEnd = block.end
    const source = text.slice(block.start, block.end)
    // Short lines broken by hand (a signature: «Kari Moen» / «fagkonsulent») keep their breaks;
    // hard-wrapped prose flows.
    const lines = source.split(/\r?\n/).map((line) => line.replace(/\s+/g, ' ').trim())
    const breaks = lines.length > 1 && lines.every((line) => line.length < 40)
    return { kind: block.kind, text: source.replace(/\s+/g, ' ').trim(), lines: breaks ? lines : undefined, group }
  })
}

// ---- layout -----------------------------------------------------------------------------------

/** A measuring-only pdfkit document (never written). */
const measurer = new PDFDocument({ autoFirstPage: false })

function widthOf(text, font, size) {
  return measurer.font(font).fontSize(size).widthOfString(text)
}

/**
 * Greedy line breaking at spaces. A dash never starts a line (it stays with the word before).
 * Words may carry soft hyphens (U+00AD): when such a word does not fit, it is split at the
 * last soft hyphen that fits, with a visible «-». Returns the lines and the hyphenated prefixes.
 */
function wrap(text, font, size, width) {
  const units = []
  for (const word of text.split(' ')) {
    if (units.length > 0 && /^[–—-]$/.test(word)) units[units.length - 1] += ` ${word}`
    else units.push(word)
  }
  const lines = []
  const hyphenated = []
  let line = ''
  const fits = (candidate) => widthOf(candidate, font, size) <= width
  for (let unit of units) {
    for (;;) {
      const shown = unit.replace(/\u00AD/g, '')
      const candidate = line ? `${line} ${shown}` : shown
      if (fits(candidate) || !line) {
        line = candidate
        break
      }
      // Try hyphenating at a soft hyphen, the longest prefix that fits first.
      const parts = unit.split('\u00AD')
      let done = false
      for (let k = parts.length - 1; k >= 1; k--) {
        const prefix = `${parts.slice(0, k).join('')}-`
        if (fits(`${line} ${prefix}`)) {
          lines.push(`${line} ${prefix}`)
          hyphenated.push(prefix)
          line = ''
          unit = parts.slice(k).join('\u00AD')
          done = true
          break
        }
      }
      if (done) continue
      lines.push(line)
      line = ''
    }
  }
  if (line) lines.push(line)
  return { lines, hyphenated }
}

/**
 * Lay blocks out in frames (columns) page by page. Each block is kept in one frame; a heading is
 * kept with the first lines of the next block. `geometry` gives the page size and the frames of
 * a page; `styleOf(block, index)` the font, size, leading, space before and indent.
 * Returns pages of positioned strings: { text, x, y (top of line), font, size }.
 */
function layout(blocks, geometry, styleOf, maxPages = Infinity) {
  const pages = []
  const hyphenated = []
  let page
  let frames
  let frame = 0
  let y = 0
  const newPage = () => {
    page = []
    pages.push(page)
    frames = geometry.frames(pages.length)
    frame = 0
    y = frames[0].top
  }
  newPage()

  const laid = blocks.map((block, index) => {
    const style = styleOf(block, index)
    return { block, style }
  })
  const measure = ({ block, style }, width) => {
    const indent = style.bullet ? style.bulletIndent : 0
    const lines = []
    const hy = []
    for (const part of block.lines ?? [block.text]) {
      const wrapped = wrap(part, style.font, style.size, width - indent)
      lines.push(...wrapped.lines)
      hy.push(...wrapped.hyphenated)
    }
    return { lines, hy, height: lines.length * style.leading }
  }

  for (let i = 0; i < laid.length; i++) {
    const item = laid[i]
    const { block, style } = item
    if (style.span) {
      // Full-width block at the top of a page; the frames start below it.
      const width = geometry.width
      const { lines, hy } = measure(item, width)
      hyphenated.push(...hy)
      for (const text of lines) {
        page.push({ text, x: geometry.left, y, font: style.font, size: style.size })
        y += style.leading
      }
      y += style.spaceAfter ?? 0
      if (style.picture) {
        // A photo across the page under the title (a grey box: brochures have pictures).
        page.push({ rect: [geometry.left, y, width, style.picture] })
        y += style.picture + (style.spaceAfter ?? 0)
      }
      for (const f of frames) f.top = y
      continue
    }
    for (;;) {
      const f = frames[frame]
      const atTop = y === f.top
      const before = atTop ? 0 : style.spaceBefore
      const measured = measure(item, f.width)
      let needed = before + measured.height
      const next = laid[i + 1]
      if (block.kind === 'heading' && next && !next.style.span) {
        needed += next.style.spaceBefore + 2 * next.style.leading
      }
      if (y + needed <= f.bottom || atTop) {
        y += before
        const indent = style.bullet ? style.bulletIndent : 0
        if (style.bullet) page.push({ text: style.bullet, x: f.x, y, font: style.font, size: style.size })
        for (const text of measured.lines) {
          page.push({ text, x: f.x + indent, y, font: style.font, size: style.size })
          y += style.leading
        }
        hyphenated.push(...measured.hy)
        break
      }
      if (frame + 1 < frames.length) {
        frame++
        y = frames[frame].top
      } else {
        if (pages.length >= maxPages) return { pages, hyphenated }
        newPage()
      }
    }
  }
  return { pages, hyphenated }
}

/** Write laid-out pages to a pdfkit document, with running header/footer from `decorate`. */
function render(doc, geometry, pages, decorate) {
  pages.forEach((lines, index) => {
    doc.addPage({ size: [geometry.size[0], geometry.size[1]], margins: { top: 0, bottom: 0, left: 0, right: 0 } })
    for (const line of lines) {
      if (line.rect) {
        doc.rect(...line.rect).fill('#d9dde3')
        continue
      }
      doc.font(line.font).fontSize(line.size).fillColor(line.color ?? 'black')
      if (line.words) {
        // Word by word, as some word processors write PDFs: no space characters at all.
        let x = line.x
        for (const word of line.text.split(' ')) {
          doc.text(word, x, line.y, { lineBreak: false })
          x += doc.widthOfString(`${word} `)
        }
      } else {
        doc.text(line.text, line.x, line.y, { lineBreak: false })
      }
    }
    decorate(doc, index + 1, pages.length)
  })
}

function newDocument(options = {}) {
  return new PDFDocument({
    autoFirstPage: false,
    pdfVersion: '1.4',
    info: { Title: options.title ?? 'Lillevik kommune', Author: 'Lillevik kommune', CreationDate: CREATED },
    ...options,
  })
}

function toBuffer(doc) {
  return new Promise((resolve, reject) => {
    const chunks = []
    doc.on('data', (chunk) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}

// ---- the letter --------------------------------------------------------------------------------

const LETTER = {
  size: A4,
  left: 62,
  width: A4[0] - 124,
  frames: () => [{ x: 62, width: A4[0] - 124, top: 64, bottom: A4[1] - 96 }],
}

const BODY = { font: REGULAR, size: 11, leading: 15, spaceBefore: 8 }

function letterStyle(blocks) {
  const firstTitle = blocks.findIndex((block, i) => block.kind === 'heading' && alone(blocks, i))
  return (block, index) => {
    if (index === 0) return { font: BOLD, size: 13, leading: 17, spaceBefore: 0 }
    const previous = blocks[index - 1]
    const sameGroup = previous && previous.group === block.group
    const gap = sameGroup ? 0 : BODY.spaceBefore
    if (block.kind === 'heading' && alone(blocks, index) && !/^med vennlig hilsen$/i.test(block.text)) {
      return index === firstTitle
        ? { font: BOLD, size: 15, leading: 19, spaceBefore: 26 }
        : { font: BOLD, size: 12.5, leading: 16, spaceBefore: 14 }
    }
    if (block.kind === 'list-item') return { ...BODY, spaceBefore: gap, bullet: '•', bulletIndent: 14 }
    // The address block stands apart from the letterhead.
    const spaceBefore = !sameGroup && /^\d{4} /.test(blocks[index + 2]?.text ?? '') ? 26 : gap
    return { ...BODY, spaceBefore }
  }
}

/** A block that is the only one in its blank-line group. */
function alone(blocks, index) {
  const group = blocks[index].group
  return blocks[index - 1]?.group !== group && blocks[index + 1]?.group !== group
}

function letterFooter(doc, page, pages) {
  const y = A4[1] - 58
  doc.font(REGULAR).fontSize(8.5).fillColor('#444444')
  doc.text('Lillevik kommune – Tildelingskontoret', 62, y, { lineBreak: false })
  const number = `Side ${page} av ${pages}`
  doc.text(number, A4[0] - 62 - doc.widthOfString(number), y, { lineBreak: false })
}

async function letterPdf(file) {
  const blocks = await blocksOf(file)
  const { pages } = layout(blocks, LETTER, letterStyle(blocks))
  if (pages.length < 2) throw new Error(`${file}: the letter should flow to a second page`)
  const doc = newDocument({ title: 'Vedtak om hjemmesykepleie' })
  render(doc, LETTER, pages, letterFooter)
  return toBuffer(doc)
}

// ---- the brochure ------------------------------------------------------------------------------

const GUTTER = 20
const COLUMN = (A5[0] - 2 * 34 - GUTTER) / 2
const BROCHURE = {
  size: A5,
  left: 34,
  width: A5[0] - 68,
  frames: () => [
    { x: 34, width: COLUMN, top: 58, bottom: A5[1] - 48 },
    { x: 34 + COLUMN + GUTTER, width: COLUMN, top: 58, bottom: A5[1] - 48 },
  ],
}

/** Where long words may be hyphenated in the narrow columns. */
const HYPHENATION = {
  funksjonsnedsettelse: 'funksjons\u00ADnedsettelse',
  avlastningsbolig: 'avlastnings\u00ADbolig',
  søknadsskjemaet: 'søknads\u00ADskjemaet',
  omsorgsstønad: 'omsorgs\u00ADstønad',
  Tildelingskontoret: 'Tildelings\u00ADkontoret',
  Statsforvalteren: 'Stats\u00ADforvalteren',
}

function brochureStyle(blocks) {
  return (block, index) => {
    const previous = blocks[index - 1]
    const sameGroup = previous && previous.group === block.group
    if (index === 0) return { font: BOLD, size: 15, leading: 19, spaceBefore: 0, spaceAfter: 12, span: true, picture: 120 }
    if (block.kind === 'heading') return { font: BOLD, size: 12, leading: 15, spaceBefore: 12 }
    const body = { font: REGULAR, size: 10.5, leading: 14.5, spaceBefore: sameGroup ? 1 : 8 }
    if (block.kind === 'list-item') return { ...body, spaceBefore: sameGroup ? 1 : 8, bullet: '•', bulletIndent: 11 }
    return body
  }
}

function brochureDecoration(doc, page) {
  doc.font(REGULAR).fontSize(8).fillColor('#555555')
  doc.text('Lillevik kommune · Helse og omsorg', 34, 26, { lineBreak: false })
  const right = 'Avlastning'
  doc.text(right, A5[0] - 34 - doc.widthOfString(right), 26, { lineBreak: false })
  const number = String(page)
  doc.text(number, (A5[0] - doc.widthOfString(number)) / 2, A5[1] - 32, { lineBreak: false })
}

async function brochureBlocks() {
  const blocks = await blocksOf('fixtures/after/brosjyre-avlastning.txt')
  return blocks.map((block) => ({
    ...block,
    text: block.text.replace(/\p{L}+/gu, (word) => HYPHENATION[word] ?? word),
    lines: undefined,
  }))
}

/** The brochure laid out in two columns; with `pages`, its text repeated to fill that many pages. */
async function brochureLayout(pages) {
  const blocks = await brochureBlocks()
  if (pages === undefined) {
    // Balance the columns of the last page, as brochures do: shorten its columns as far as
    // the text still fits on the same number of pages.
    const style = brochureStyle(blocks)
    const plain = layout(blocks, BROCHURE, style)
    const last = plain.pages.length
    for (let share = 0.4; share < 1; share += 0.05) {
      const frames = (page) =>
        BROCHURE.frames(page).map((f) => (page === last ? { ...f, bottom: f.top + share * (f.bottom - f.top) } : f))
      const balanced = layout(blocks, { ...BROCHURE, frames }, style)
      if (balanced.pages.length === last) return { blocks, ...balanced }
    }
    return { blocks, ...plain }
  }
  // Repeat the body (not the title) until the pages are full.
  const repeated = [...blocks]
  const body = blocks.slice(1).map((block) => ({ ...block, group: block.group + 1000 }))
  for (let round = 1; repeated.length < pages * 40; round++) {
    repeated.push(...body.map((block) => ({ ...block, group: block.group + round * 1000 })))
  }
  const result = layout(repeated, BROCHURE, brochureStyle(repeated), pages)
  // The last page is cut where the pages end: drop a half-filled last page's overflow.
  return { blocks: repeated, ...result, pages: result.pages.slice(0, pages) }
}

/** An N-page two-column brochure in the fixtures' style (for the benchmark and tests). */
export async function brochurePdf(pages) {
  const { pages: laid } = await brochureLayout(pages)
  const doc = newDocument({ title: 'Avlastning' })
  render(doc, BROCHURE, laid, brochureDecoration)
  return toBuffer(doc)
}

async function brochureFixture() {
  const { pages, hyphenated } = await brochureLayout()
  if (pages.length !== 2) throw new Error(`the brochure should have 2 pages, not ${pages.length}`)
  if (hyphenated.length === 0) throw new Error('the brochure should hyphenate a word across a line end')
  const doc = newDocument({ title: 'Avlastning' })
  render(doc, BROCHURE, pages, brochureDecoration)
  return { pdf: await toBuffer(doc), hyphenated }
}

/**
 * A PDF of hand-placed lines, for tests of single layout cases: `pages` is a list of pages, each
 * a list of { text, x, y (top of the line, from the top of the page), size?, bold?, words? }
 * (`words`: each word drawn on its own, without space characters).
 */
export async function linesPdf(pages, { size = A4 } = {}) {
  const geometry = { size }
  const laid = pages.map((lines) =>
    lines.map((line) => ({ font: line.bold ? BOLD : REGULAR, size: 11, ...line })),
  )
  const doc = newDocument()
  render(doc, geometry, laid, () => undefined)
  return toBuffer(doc)
}

// ---- a scan, a password, a broken file ---------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** A greyscale PNG of a «scanned page»: grey text-like stripes on white. */
function scannedPng(width = 620, height = 877) {
  let seed = 42
  const random = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0
    return seed / 2 ** 32
  }
  // Each text line: words as dark runs of random length.
  const lines = []
  for (let top = 70; top < height - 90; top += 22) {
    const words = []
    let x = 60
    const end = width - 60 - (random() < 0.2 ? Math.floor(random() * 300) : 0)
    while (x < end) {
      const length = 12 + Math.floor(random() * 50)
      words.push([x, Math.min(x + length, end)])
      x += length + 7
    }
    lines.push({ top, words })
  }
  const raw = Buffer.alloc((width + 1) * height, 0)
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1)
    raw[row] = 0 // filter: none
    raw.fill(250, row + 1, row + 1 + width)
    const line = lines.find((l) => y >= l.top && y < l.top + 9)
    if (!line) continue
    for (const [from, to] of line.words) raw.fill(70, row + 1 + from, row + 1 + to)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

async function scannedPdf() {
  const doc = newDocument({ title: 'Skannet brev' })
  doc.addPage({ size: A4, margins: { top: 0, bottom: 0, left: 0, right: 0 } })
  doc.image(scannedPng(), 0, 0, { width: A4[0], height: A4[1] })
  return toBuffer(doc)
}

async function passwordPdf() {
  const doc = newDocument({ title: 'Vedtak', userPassword: 'hemmelig', ownerPassword: 'eier' })
  doc.addPage({ size: A4, margins: { top: 0, bottom: 0, left: 0, right: 0 } })
  doc.font(REGULAR).fontSize(11).text('Du får hjemmesykepleie to ganger om dagen.', 62, 64, { lineBreak: false })
  return toBuffer(doc)
}

// ---- hostile PDFs, written by hand (tests of the loader's bounds) -----------------------------

/**
 * A PDF from object bodies: `objects[i]` is the body of object i + 1 (a string, or a Buffer for
 * binary stream data, or an array of both). Object 1 must be the catalog. Offsets in the xref
 * table are exact.
 */
export function rawPdf(objects) {
  const parts = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let length = parts[0].length
  const offsets = []
  const add = (piece) => {
    const buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(piece, 'latin1')
    parts.push(buffer)
    length += buffer.length
  }
  objects.forEach((body, i) => {
    offsets.push(length)
    add(`${i + 1} 0 obj\n`)
    for (const piece of Array.isArray(body) ? body : [body]) add(piece)
    add('\nendobj\n')
  })
  const xref = length
  const rows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  add(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}`)
  add(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return Buffer.concat(parts)
}

/** A stream object body: `dict` entries (without /Length) and the (already encoded) data. */
function streamObject(dict, data) {
  return [`<< ${dict} /Length ${data.length} >>\nstream\n`, data, '\nendstream']
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'

/** One page with `content` (a Buffer of page-description operators, deflated here). */
function onePagePdf(content, { filter = '/Filter /FlateDecode', extra = [] } = {}) {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    streamObject(filter, content),
    FONT,
    ...extra,
  ])
}

/**
 * `count` pages in one flat page tree, each with the same short line of text. With
 * `kidsByReference`, the /Kids array is an object of its own (hidden from a scan of page trees).
 */
export function manyPagesPdf(count, { kidsByReference = false } = {}) {
  const content = deflateSync(Buffer.from('BT /F1 12 Tf 72 720 Td (Du har rett til å klage.) Tj ET', 'latin1'))
  const first = kidsByReference ? 6 : 5
  const kids = []
  for (let i = 0; i < count; i++) kids.push(`${first + i} 0 R`)
  const array = `[${kids.join(' ')}]`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    // MediaBox and Resources are inherited from the page tree: short page objects.
    `<< /Type /Pages /Kids ${kidsByReference ? '5 0 R' : array} /Count ${count} /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> >>`,
    streamObject('/Filter /FlateDecode', content),
    FONT,
  ]
  if (kidsByReference) objects.push(array)
  const page = '<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>'
  for (let i = 0; i < count; i++) objects.push(page)
  return rawPdf(objects)
}

/**
 * A deflate bomb: a page whose content stream (one short text line, then spaces) inflates to
 * `decodedMB` MB from about a thousandth of that. The compressed data is one deflate block of
 * 1 MB of spaces, repeated (its back references stay inside the block), so building it costs
 * one 1 MB deflate. With `indirectFilter`, /Filter is a reference to a name object, the way a
 * file would hide the filter from a scan of stream dictionaries.
 */
export function deflateBombPdf(decodedMB, { indirectFilter = false, streams = 1 } = {}) {
  const head = deflateRawSync(Buffer.from('BT /F1 12 Tf 72 720 Td (Vedtak) Tj ET\n', 'latin1'), { finishFlush: zlibConstants.Z_SYNC_FLUSH })
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH })
  // zlib header, the blocks, a final empty block; the checksum is not checked before the end.
  const data = Buffer.concat([Buffer.from([0x78, 0x9c]), head, ...Array(decodedMB).fill(block), Buffer.from([0x03, 0x00]), Buffer.alloc(4)])
  if (indirectFilter) return onePagePdf(data, { filter: '/Filter 6 0 R', extra: ['/FlateDecode'] })
  if (streams === 1) return onePagePdf(data)
  // `streams` content streams of the page, each `decodedMB` (objects 4 and 6, 7, …).
  const more = Array.from({ length: streams - 1 }, () => streamObject('/Filter /FlateDecode', data))
  const refs = ['4 0 R', ...more.map((_, i) => `${6 + i} 0 R`)].join(' ')
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents [${refs}] >>`,
    streamObject('/Filter /FlateDecode', data),
    FONT,
    ...more,
  ])
}

/** One page with one line of `count` separate text items, each a word apart from the next. */
export function longLinePdf(count) {
  // Tiny type, 3 em apart: too far for pdf.js to merge the items, close enough for one line,
  // and all on the page (pdf.js drops text outside it).
  const size = 500 / count / 3
  const ops = [`BT /F1 ${size.toFixed(6)} Tf`]
  for (let i = 0; i < count; i++) ops.push(`1 0 0 1 ${(20 + i * 3 * size).toFixed(4)} 700 Tm (a) Tj`)
  ops.push('ET')
  return onePagePdf(deflateSync(Buffer.from(ops.join('\n'), 'latin1')))
}

/** One page with `count` text items, each placed on its own (slow for any layout reader). */
export function manyItemsPdf(count) {
  const ops = ['BT /F1 4 Tf']
  for (let i = 0; i < count; i++) ops.push(`1 0 0 1 ${20 + ((i * 7) % 550)} ${20 + ((i * 13) % 800)} Tm (ord) Tj`)
  ops.push('ET')
  return onePagePdf(deflateSync(Buffer.from(ops.join('\n'), 'latin1')))
}

// ---- main --------------------------------------------------------------------------------------

export async function buildAll() {
  mkdirSync(OUT, { recursive: true })
  const written = []
  const write = (name, bytes) => {
    if (bytes.length > 100 * 1024) throw new Error(`${name} is ${bytes.length} bytes (keep fixtures under 100 KB)`)
    writeFileSync(`${OUT}${name}`, bytes)
    written.push(`${name} (${bytes.length} bytes)`)
  }
  const after = await letterPdf('fixtures/after/vedtak-hjemmesykepleie.txt')
  write('vedtak-hjemmesykepleie.pdf', after)
  write('vedtak-hjemmesykepleie-for.pdf', await letterPdf('fixtures/before/vedtak-hjemmesykepleie.txt'))
  const brochure = await brochureFixture()
  write('brosjyre-to-spalter.pdf', brochure.pdf)
  write('skannet.pdf', await scannedPdf())
  write('passord.pdf', await passwordPdf())
  write('skadet.pdf', after.subarray(0, Math.floor(after.length * 0.6)))
  return { written, hyphenated: brochure.hyphenated }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { written, hyphenated } = await buildAll()
  for (const line of written) console.log(`fixtures/documents/${line}`)
  console.log(`brochure hyphenated: ${hyphenated.join(', ')}`)
}
