import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadPdf } from '../../src/input/pdf.js'
import { loadText } from '../../src/input/text.js'
import type { Document } from '../../src/types.js'
import { failure } from './documents.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DOCS = `${ROOT}fixtures/documents/`

interface Line {
  text: string
  x: number
  y: number
  size?: number
  bold?: boolean
  words?: boolean
}

interface FixtureBuilder {
  brochurePdf(pages: number): Promise<Buffer>
  linesPdf(pages: Line[][]): Promise<Buffer>
}

/** The fixture script (plain JS, no types): imported by URL so TypeScript does not resolve it. */
const builder = (): Promise<FixtureBuilder> =>
  import(new URL('../fixtures-build/pdf.js', import.meta.url).href) as Promise<FixtureBuilder>

const load = (name: string): Promise<Document> => loadPdf(`${DOCS}${name}`, readFileSync(`${DOCS}${name}`))

const textsOf = (doc: Document): string[] => doc.blocks.map((block) => doc.text.slice(block.start, block.end))

/** The blocks of a .txt fixture as the text loader sees them: kind and text, whitespace normalised. */
function txtBlocks(file: string): { kind: string; text: string }[] {
  const text = readFileSync(`${ROOT}${file}`, 'utf8')
  const doc = loadText(file, text)
  return doc.blocks.map((block) => ({ kind: block.kind, text: text.slice(block.start, block.end).replace(/\s+/g, ' ').trim() }))
}

function blocksOf(doc: Document): { kind: string; text: string }[] {
  return doc.blocks.map((block) => ({ kind: block.kind, text: doc.text.slice(block.start, block.end) }))
}

async function loadLines(pages: Line[][]): Promise<Document> {
  const { linesPdf } = await builder()
  return loadPdf('test.pdf', await linesPdf(pages))
}


describe('loadPdf: the letter', () => {
  for (const [pdf, txt] of [
    ['vedtak-hjemmesykepleie.pdf', 'fixtures/after/vedtak-hjemmesykepleie.txt'],
    ['vedtak-hjemmesykepleie-for.pdf', 'fixtures/before/vedtak-hjemmesykepleie.txt'],
  ] as const) {
    it(`${pdf} has the blocks of ${txt}`, async () => {
      const doc = await load(pdf)
      expect(doc.format).toBe('pdf')
      expect(doc.directives).toEqual([])
      expect(blocksOf(doc)).toEqual(txtBlocks(txt))
    })

    it(`${pdf}: text is the blocks joined by blank lines, no line breaks inside`, async () => {
      const doc = await load(pdf)
      expect(doc.text).toBe(textsOf(doc).join('\n\n'))
      for (const text of textsOf(doc)) expect(text).not.toMatch(/\n/)
    })
  }

  it('finds headings, paragraphs and list items (without the bullet)', async () => {
    const doc = await load('vedtak-hjemmesykepleie.pdf')
    const blocks = blocksOf(doc)
    expect(blocks).toContainEqual({ kind: 'heading', text: 'Du får hjemmesykepleie to ganger om dagen' })
    expect(blocks).toContainEqual({ kind: 'heading', text: 'Lover og regler' })
    expect(blocks).toContainEqual({ kind: 'paragraph', text: 'Dette får du hjelp til:' })
    const items = blocks.filter((block) => block.kind === 'list-item').map((block) => block.text)
    expect(items).toHaveLength(8)
    expect(items[0]).toBe('medisinene dine morgen og kveld')
    expect(items.join(' ')).not.toMatch(/•/)
    // «helse- og» keeps its hyphen and space.
    expect(items).toContain('helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav a')
  })

  it('gives every block its page and its paragraph number on that page', async () => {
    const doc = await load('vedtak-hjemmesykepleie.pdf')
    expect(doc.blocks[0]?.location).toEqual({ page: 1, paragraph: 1 })
    const ring = textsOf(doc).indexOf('Ring Kari Moen på telefon 31 00 45 62.')
    expect(doc.blocks[ring]?.location).toEqual({ page: 2, paragraph: 1 })
    expect(doc.blocks[ring + 1]?.location).toEqual({ page: 2, paragraph: 2 })
    let page = 1
    let paragraph = 0
    for (const block of doc.blocks) {
      const location = block.location!
      if (location.page !== page) {
        expect(location.page).toBe(page + 1)
        page = location.page!
        paragraph = 0
      }
      expect(location.paragraph).toBe(++paragraph)
    }
    expect(page).toBe(2)

    const before = await load('vedtak-hjemmesykepleie-for.pdf')
    const first = before.blocks.find((block) => block.location?.page === 2)!
    expect(before.text.slice(first.start, first.end)).toMatch(/^Vedtaket kan påklages/)
    expect(first.location).toEqual({ page: 2, paragraph: 1 })
  })

  it('drops the running footer and the page numbers', async () => {
    for (const name of ['vedtak-hjemmesykepleie.pdf', 'vedtak-hjemmesykepleie-for.pdf']) {
      const doc = await load(name)
      expect(doc.text).not.toMatch(/Side \d av \d/)
      expect(doc.text).not.toMatch(/Lillevik kommune – Tildelingskontoret/)
    }
  })
})

describe('loadPdf: the two-column brochure', () => {
  it('reads the left column before the right one, page by page', async () => {
    const doc = await load('brosjyre-to-spalter.pdf')
    expect(blocksOf(doc)).toEqual(txtBlocks('fixtures/after/brosjyre-avlastning.txt'))
    const texts = textsOf(doc)
    // Page 1: «Sammen med deg …» ends the left column, «Slik kan du søke» starts the right one.
    const leftEnd = texts.indexOf('Sammen med deg finner vi ut hva som passer best.')
    const rightStart = texts.indexOf('Slik kan du søke')
    expect(leftEnd).toBeGreaterThan(0)
    expect(rightStart).toBe(leftEnd + 1)
    expect(doc.blocks[rightStart]?.location).toEqual({ page: 1, paragraph: rightStart + 1 })
    // Page 2 has both columns too.
    const second = doc.blocks.filter((block) => block.location?.page === 2).map((block) => doc.text.slice(block.start, block.end))
    expect(second[0]).toBe('Du kan klage')
    expect(second.at(-1)).toBe('Ring Tildelingskontoret på telefon 31 00 45 00.')
  })

  it('puts the title over both columns first', async () => {
    const doc = await load('brosjyre-to-spalter.pdf')
    expect(blocksOf(doc)[0]).toEqual({ kind: 'heading', text: 'Avlastning: en pause for deg som gir tung omsorg' })
  })

  it('drops the running header and the page numbers', async () => {
    const doc = await load('brosjyre-to-spalter.pdf')
    expect(doc.text).not.toMatch(/Helse og omsorg/)
    for (const text of textsOf(doc)) {
      expect(text).not.toBe('Avlastning')
      expect(text).not.toMatch(/^\d+$/)
    }
  })

  it('rejoins the words hyphenated across a line end', async () => {
    // The fixture really has them hyphenated at a line end:
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(`${DOCS}brosjyre-to-spalter.pdf`)), verbosity: 0 }).promise
    const raw: string[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent()
      for (const item of content.items) if ('str' in item) raw.push(item.str)
    }
    await pdf.destroy()
    expect(raw.some((str) => str.endsWith(' Stats-'))).toBe(true)
    expect(raw.some((str) => str.endsWith(' omsorgs-'))).toBe(true)

    const doc = await load('brosjyre-to-spalter.pdf')
    expect(doc.text).toContain('sender vi klagen til Statsforvalteren.')
    expect(doc.text).toContain('søke om omsorgsstønad.')
    expect(doc.text).not.toMatch(/Stats-|omsorgs-/)
  })
})

describe('loadPdf: layout cases', () => {
  it('keeps a paragraph that runs on to the next page as one block on its first page', async () => {
    const doc = await loadLines([
      [
        { text: 'Overskrift', x: 60, y: 60, size: 14, bold: true },
        { text: 'Vi har fått søknaden din om hjemmesykepleie, og vi har sett på', x: 60, y: 90 },
        { text: 'hva du trenger hjelp til i hverdagen. Hjelpen starter', x: 60, y: 105 },
      ],
      [
        { text: 'mandag 3. mars. Ring oss hvis du lurer på noe.', x: 60, y: 60 },
        { text: 'Neste avsnitt starter her.', x: 60, y: 90 },
      ],
    ])
    expect(blocksOf(doc)).toEqual([
      { kind: 'heading', text: 'Overskrift' },
      {
        kind: 'paragraph',
        text: 'Vi har fått søknaden din om hjemmesykepleie, og vi har sett på hva du trenger hjelp til i hverdagen. Hjelpen starter mandag 3. mars. Ring oss hvis du lurer på noe.',
      },
      { kind: 'paragraph', text: 'Neste avsnitt starter her.' },
    ])
    expect(doc.blocks.map((block) => block.location)).toEqual([
      { page: 1, paragraph: 1 },
      { page: 1, paragraph: 2 },
      { page: 2, paragraph: 1 },
    ])
  })

  it('rejoins hyphenated words but keeps «helse- og», «e-post» and «§ 3-2»', async () => {
    const doc = await loadLines([
      [
        { text: 'Du får tilbud om kommunale helse- og omsorgs-', x: 60, y: 60 },
        { text: 'tjenester etter helse- og omsorgstjenesteloven § 3-', x: 60, y: 75 },
        { text: '2 første ledd. Du kan sende oss en e-', x: 60, y: 90 },
        { text: 'post eller ringe til NAV-', x: 60, y: 105 },
        { text: 'kontoret. Pasient-', x: 60, y: 120 },
        { text: 'og brukerombudet kan hjelpe deg.', x: 60, y: 135 },
      ],
    ])
    expect(textsOf(doc)).toEqual([
      'Du får tilbud om kommunale helse- og omsorgstjenester etter helse- og omsorgstjenesteloven § 3-2 første ledd. Du kan sende oss en e-post eller ringe til NAV-kontoret. Pasient- og brukerombudet kan hjelpe deg.',
    ])
  })

  it('puts spaces between words drawn one by one', async () => {
    const doc = await loadLines([
      [
        { text: 'Du har rett til å se papirene i saken din. Pasient- og', x: 60, y: 60, words: true },
        { text: 'brukerombudet kan hjelpe deg gratis med klagen.', x: 60, y: 75, words: true },
      ],
    ])
    expect(textsOf(doc)).toEqual(['Du har rett til å se papirene i saken din. Pasient- og brukerombudet kan hjelpe deg gratis med klagen.'])
  })

  it('finds list items with dashes and numbers, but not a date at a line start', async () => {
    const doc = await loadLines([
      [
        { text: 'Hjelpen starter fredag', x: 60, y: 60 },
        { text: '28. mars 2025, og du må gjøre dette:', x: 60, y: 75 },
        { text: '1. Fyll ut skjemaet.', x: 60, y: 90 },
        { text: '2. Send det til oss.', x: 60, y: 105 },
        { text: '– Ring oss hvis du', x: 60, y: 120 },
        { text: 'trenger hjelp.', x: 72, y: 135 },
      ],
    ])
    expect(blocksOf(doc)).toEqual([
      { kind: 'paragraph', text: 'Hjelpen starter fredag 28. mars 2025, og du må gjøre dette:' },
      { kind: 'list-item', text: 'Fyll ut skjemaet.' },
      { kind: 'list-item', text: 'Send det til oss.' },
      { kind: 'list-item', text: 'Ring oss hvis du trenger hjelp.' },
    ])
  })

  it('reads a short right column after a long left one', async () => {
    const left = [
      'Avlastning betyr at vi tar over omsorgen',
      'en periode, slik at du får en pause. Du',
      'kan hvile, jobbe eller gjøre noe du liker,',
      'og da orker du mer når du kommer tilbake',
      'til hverdagen med den du gir omsorg til.',
      'Vi finner ut sammen med deg hva som',
      'passer best for dere begge.',
    ]
    const doc = await loadLines([
      [
        ...left.map((text, i) => ({ text, x: 40, y: 100 + 15 * i })),
        { text: 'Du får svar innen fire uker.', x: 310, y: 100 },
      ],
    ])
    expect(textsOf(doc)).toEqual([left.join(' '), 'Du får svar innen fire uker.'])
  })

  it('keeps a single-column page one column, with a date on the right of the first line', async () => {
    const body = [
      'Vi har fått søknaden din om hjemmesykepleie, og vi har sett på hva du trenger',
      'hjelp til i hverdagen. Du får hjelp to ganger om dagen, morgen og kveld. Vi gir',
      'deg medisinene dine og ser til at du har det bra. Hjelpen er gratis for deg.',
    ]
    const doc = await loadLines([
      [
        { text: 'Lillevik kommune', x: 60, y: 60 },
        { text: 'Dato: 25.03.2025', x: 440, y: 60 },
        ...body.map((text, i) => ({ text, x: 60, y: 90 + 15 * i })),
      ],
    ])
    expect(textsOf(doc)).toEqual(['Lillevik kommune', 'Dato: 25.03.2025', body.join(' ')])
  })

  it('drops page numbers in the margin in their usual forms', async () => {
    const body = (text: string): Line => ({ text, x: 60, y: 100 })
    const doc = await loadLines([
      [body('Første side.'), { text: '- 1 -', x: 290, y: 800 }],
      [body('Andre side.'), { text: 'Side 2', x: 290, y: 800 }],
      [{ text: '3', x: 520, y: 40 }, body('Tredje side.')],
    ])
    expect(textsOf(doc)).toEqual(['Første side.', 'Andre side.', 'Tredje side.'])
    expect(doc.blocks.map((block) => block.location?.page)).toEqual([1, 2, 3])
  })

  it('keeps a line that starts most pages when it is body text, not a header', async () => {
    const page = (n: number): Line[] => [
      { text: 'Slik gjør du det', x: 60, y: 60, size: 13, bold: true },
      { text: `Dette er side ${n} av veiledningen, og den forklarer ett steg.`, x: 60, y: 80 },
    ]
    const doc = await loadLines([page(1), page(2), page(3)])
    expect(textsOf(doc).filter((text) => text === 'Slik gjør du det')).toHaveLength(3)
  })
})

describe('loadPdf: errors', () => {
  it('says when the PDF is a scan without text', async () => {
    const error = await failure(load('skannet.pdf'))
    expect(error.message).toBe('PDF-en har ikke tekst (skannet?). Kjør tekstgjenkjenning (OCR) først, eller bruk originalfilen.')
    expect(error.file).toBe(`${DOCS}skannet.pdf`)
  })

  it('says when the PDF is password-protected', async () => {
    const error = await failure(load('passord.pdf'))
    expect(error.message).toBe('PDF-filen er passordbeskyttet. Lagre en kopi uten passord og prøv igjen.')
  })

  it('says when the PDF is damaged, truncated or not a PDF', async () => {
    const message = 'PDF-filen er skadet eller ufullstendig. Åpne og lagre den på nytt, eller lag en ny PDF.'
    expect((await failure(load('skadet.pdf'))).message).toBe(message)
    expect((await failure(loadPdf('tekst.pdf', new TextEncoder().encode('Dette er ikke en PDF.')))).message).toBe(message)
    expect((await failure(loadPdf('tom.pdf', new Uint8Array(0)))).message).toBe(message)
    const broken = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n')
    expect((await failure(loadPdf('rot.pdf', broken))).message).toBe(message)
  })

  it('leaves the bytes it was given intact', async () => {
    const bytes = readFileSync(`${DOCS}vedtak-hjemmesykepleie.pdf`)
    const copy = Buffer.from(bytes)
    await loadPdf('a.pdf', bytes)
    expect(bytes.byteLength).toBe(copy.byteLength)
    expect(Buffer.compare(bytes, copy)).toBe(0)
  })
})

describe('loadPdf: cost', () => {
  it('imports pdf.js lazily, inside the reader in the worker, not when a module is imported', () => {
    for (const file of ['pdf.ts', 'pdf-runner.ts', 'pdf-worker.ts', 'pdf-read.ts']) {
      expect(readFileSync(`${ROOT}src/input/${file}`, 'utf8')).not.toMatch(/^import\s[^\n]*['"]pdfjs-dist/m)
    }
    const reader = readFileSync(`${ROOT}src/input/pdf-read.ts`, 'utf8')
    expect(reader).toMatch(/^\s+return await import\('pdfjs-dist\/legacy\/build\/pdf\.mjs'\)/m)
  })

  it('reads a 20-page two-column brochure page by page, all of it and nothing else', async () => {
    const { brochurePdf } = await builder()
    const pdf = await brochurePdf(20)
    const [doc, again] = await Promise.all([loadPdf('stor.pdf', pdf), loadPdf('stor.pdf', pdf)])
    expect(again.text).toBe(doc.text)
    const known = new Map(txtBlocks('fixtures/after/brosjyre-avlastning.txt').map((block) => [block.text, block.kind]))
    const pages = new Set<number>()
    for (const block of blocksOf(doc)) expect(known.get(block.text), block.text).toBe(block.kind)
    for (const block of doc.blocks) pages.add(block.location!.page!)
    expect([...pages]).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(doc.blocks.length).toBeGreaterThan(300)
  })
})
