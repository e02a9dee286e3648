import { readFileSync } from 'node:fs'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { loadDocx } from '../../src/input/docx.js'
import { loadText } from '../../src/input/text.js'
import type { Document } from '../../src/types.js'
import { DOCUMENTS, failure, fixtureWith, placeholders, texts } from './documents.js'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

const fixture = (name: string): Promise<Document> => fixtureWith(loadDocx, name)


/** A minimal .docx (no package relationships: the loader falls back to word/document.xml). */
function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
  }
  for (const [name, xml] of Object.entries(extra)) files[name] = strToU8(xml)
  return zipSync(files)
}

function inline(body: string, extra?: Record<string, string>): Promise<Document> {
  return loadDocx('test.docx', docx(body, extra))
}


describe('Word: the same letter as the .txt', () => {
  it.each([
    ['vedtak-hjemmesykepleie.docx', 'fixtures/after/vedtak-hjemmesykepleie.txt'],
    ['vedtak-hjemmesykepleie-for.docx', 'fixtures/before/vedtak-hjemmesykepleie.txt'],
  ])('%s: body blocks have the texts and kinds of the .txt blocks', async (name, txt) => {
    const doc = await fixture(name)
    const source = loadText(txt, readFileSync(new URL(`../../${txt}`, import.meta.url), 'utf8'))
    const body = doc.blocks.slice(0, source.blocks.length)
    expect(texts({ ...doc, blocks: body })).toEqual(texts(source))
    expect(body.map((b) => b.kind)).toEqual(source.blocks.map((b) => b.kind))
    // Header and footer follow the body as blocks of their own, without a page.
    expect(texts(doc).slice(source.blocks.length)).toEqual(['Lillevik kommune', 'Side 1'])
    expect(doc.blocks.slice(source.blocks.length).map((b) => b.location)).toEqual([
      { paragraph: source.blocks.length + 1 },
      { paragraph: source.blocks.length + 2 },
    ])
  })

  it('joins blocks with a blank line, no line breaks inside a block', async () => {
    const doc = await fixture('vedtak-hjemmesykepleie.docx')
    expect(doc.format).toBe('docx')
    expect(doc.directives).toEqual([])
    expect(doc.text.split('\n\n')).toEqual(texts(doc))
    for (const block of doc.blocks) expect(doc.text.slice(block.start, block.end)).not.toMatch(/\n|^\s|\s$/)
    // A tab after «Dato:» and a line break in the signature are spaces.
    expect(texts(doc)).toContain('Dato: 25. mars 2025')
    expect(texts(doc)).toContain('Kari Moen fagkonsulent')
  })

  it('headings by style name «heading 1» and «Overskrift 1», and by outline level through the style chain', async () => {
    const after = await fixture('vedtak-hjemmesykepleie.docx')
    const before = await fixture('vedtak-hjemmesykepleie-for.docx')
    const headings = (doc: Document): string[] =>
      doc.blocks.filter((b) => b.kind === 'heading').map((b) => doc.text.slice(b.start, b.end))
    expect(headings(after)).toContain('Du får hjemmesykepleie to ganger om dagen')
    expect(headings(before)).toContain('Vedtak vedrørende helsetjenester i hjemmet (hjemmesykepleie)')
    // «Brevhode» is based on the level-2 heading style.
    expect(headings(before)).toContain('Arne Bakken')
  })

  it('list items from numbering', async () => {
    const doc = await fixture('vedtak-hjemmesykepleie.docx')
    const items = doc.blocks.filter((b) => b.kind === 'list-item').map((b) => doc.text.slice(b.start, b.end))
    expect(items.slice(0, 3)).toEqual([
      'medisinene dine morgen og kveld',
      'sjekk av vekt og hevelse i beina',
      'beskjed til fastlegen hvis noe er galt',
    ])
  })
})

describe('Word: pages and paragraphs', () => {
  it('a rendered page break before a paragraph: it is page 2, paragraph 1', async () => {
    const doc = await fixture('vedtak-hjemmesykepleie.docx')
    const at = (text: string) => doc.blocks[texts(doc).indexOf(text)]!.location
    expect(at('Lillevik kommune')).toEqual({ page: 1, paragraph: 1 })
    expect(at('Dette må du gjøre')).toEqual({ page: 1, paragraph: 15 })
    expect(at('Dette har vi lagt vekt på')).toEqual({ page: 2, paragraph: 1 })
    expect(doc.blocks[texts(doc).indexOf('Dette har vi lagt vekt på') + 1]!.location).toEqual({ page: 2, paragraph: 2 })
  })

  it('a page break inside a paragraph: the paragraph stays on its first page, the next is page 2', async () => {
    const doc = await fixture('vedtak-hjemmesykepleie-for.docx')
    const index = texts(doc).findIndex((t) => t.startsWith('Det fremgår av epikrise'))
    expect(doc.blocks[index]!.location).toEqual({ page: 1, paragraph: 10 })
    expect(doc.blocks[index + 1]!.location).toEqual({ page: 2, paragraph: 1 })
  })

  it('without page information, paragraphs are numbered through the document', async () => {
    const doc = await fixture('vedtak-sporede-endringer.docx')
    expect(doc.blocks.map((b) => b.location)).toEqual([1, 2, 3, 4, 5].map((paragraph) => ({ paragraph })))
  })

  it('explicit page breaks count when Word left no rendered ones', async () => {
    const doc = await inline(
      '<w:p><w:r><w:t>En.</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>To.</w:t><w:br w:type="page"/><w:t>Tre.</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>Fire.</w:t></w:r></w:p>' +
        '<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>Fem.</w:t></w:r></w:p>' +
        '<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>Seks.</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>Sju.</w:t></w:r></w:p>',
    )
    expect(texts(doc)).toEqual(['En.', 'To. Tre.', 'Fire.', 'Fem.', 'Seks.', 'Sju.'])
    expect(doc.blocks.map((b) => b.location)).toEqual([
      { page: 1, paragraph: 1 },
      { page: 1, paragraph: 2 },
      { page: 2, paragraph: 1 },
      { page: 3, paragraph: 1 },
      { page: 3, paragraph: 2 },
      { page: 4, paragraph: 1 },
    ])
  })

  it('rendered page breaks win over explicit ones (Word writes both for one break)', async () => {
    const doc = await inline(
      '<w:p><w:r><w:t>En.</w:t><w:br w:type="page"/></w:r></w:p>' +
        '<w:p><w:r><w:lastRenderedPageBreak/><w:t>To.</w:t></w:r></w:p>',
    )
    expect(doc.blocks.map((b) => b.location)).toEqual([
      { page: 1, paragraph: 1 },
      { page: 2, paragraph: 1 },
    ])
  })
})

describe('Word: tracked changes', () => {
  it('deleted and moved-away text is not text; inserted and moved-to text is', async () => {
    const doc = await fixture('vedtak-sporede-endringer.docx')
    expect(texts(doc)).toEqual([
      'Vedtak om hjemmesykepleie',
      'Du får hjemmesykepleie to ganger om dagen.',
      'Hjelpen starter fredag 28. mars 2025. Den er gratis.',
      'Vi ser på hjelpen din igjen før 30. juni 2025.',
      'Ring oss hvis du har spørsmål.',
    ])
    expect(doc.text).not.toMatch(/meddeles|herved|vederlagsfritt|påklages/)
    // The old properties of a formatting change (a heading style) do not count.
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph', 'paragraph'])
  })
})

describe('Word: tracked paragraph marks', () => {
  it('a deleted paragraph mark joins the paragraph to the next', async () => {
    const del = 'w:id="1" w:author="K" w:date="2025-03-24T10:00:00Z"'
    const doc = await inline(
      `<w:p><w:pPr><w:rPr><w:del ${del}/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Første del </w:t></w:r><w:del ${del}><w:r><w:delText>slettet.</w:delText></w:r></w:del></w:p>` +
        `<w:p><w:del ${del}><w:r><w:delText xml:space="preserve">Mer slettet </w:delText></w:r></w:del><w:r><w:t>og resten.</w:t></w:r></w:p>` +
        `<w:p><w:pPr><w:rPr><w:del ${del}/></w:rPr></w:pPr><w:r><w:t>Siste avsnitt.</w:t></w:r></w:p>`,
    )
    // The last paragraph has nothing to join: it stands alone.
    expect(texts(doc)).toEqual(['Første del og resten.', 'Siste avsnitt.'])
  })
})

describe('Word: templates, fields and content controls', () => {
  it('merge fields and placeholder content controls are «Name» placeholders', async () => {
    const doc = await fixture('mal-flettefelt.dotx')
    expect(texts(doc)).toEqual([
      'Vedtak om hjemmesykepleie',
      'Hei «Fornavn»!',
      'Saksnummer: «Saksnummer»',
      'Vedtaket gjelder fra «Vedtaksdato».',
      'Du får hjelp med medisinene dine.',
      '«Begrunnelse»',
      'Tjeneste',
      'Hjemmesykepleie',
      'Du kan klage på vedtaket.',
      'Les mer på lillevik.kommune.no.',
      'Se forvaltningsloven § 28.',
    ])
    // Offsets cover «Name» exactly.
    expect(placeholders(doc)).toEqual(['«Fornavn»', '«Saksnummer»', '«Vedtaksdato»', '«Begrunnelse»'])
    expect(doc.text).not.toMatch(/Klikk|25\/1311/)
  })

  it('kinds: title heading, table cells, footnote after the body', async () => {
    const doc = await fixture('mal-flettefelt.dotx')
    expect(doc.blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'table-cell',
      'table-cell',
      'paragraph',
      'paragraph',
      'paragraph',
    ])
    expect(doc.blocks.at(-1)!.location).toEqual({ paragraph: 11 })
  })

  it('field instructions: quoted names, result of other fields kept, TOC results left out', async () => {
    const field = (instruction: string, result: string): string =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r>` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
    const doc = await inline(
      // A table of contents: one field whose result spans two paragraphs.
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Innhold 1</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>Innhold 2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
        `<w:p><w:r><w:t xml:space="preserve">Til </w:t></w:r>${field(' MERGEFIELD "Fullt navn" ', '«Fullt navn»')}<w:r><w:t>, </w:t></w:r>${field(' DATE \\@ "d. MMMM yyyy" ', '25. mars 2025')}</w:p>` +
        `<w:p><w:fldSimple w:instr=" DOCVARIABLE Mottaker "/></w:p>`,
    )
    expect(texts(doc)).toEqual(['Til «Fullt navn», 25. mars 2025', '«Mottaker»'])
    expect(placeholders(doc)).toEqual(['«Fullt navn»', '«Mottaker»'])
  })

  it('run content: hidden text, hyphens, symbols, text boxes once', async () => {
    const doc = await inline(
      '<w:p><w:r><w:t xml:space="preserve">helse</w:t><w:noBreakHyphen/><w:t xml:space="preserve"> og omsorgs</w:t><w:softHyphen/><w:t>tjenester</w:t><w:sym w:font="Wingdings" w:char="F0E0"/></w:r>' +
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>skjult</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>Ramme:</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>I tekstboksen.</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>I tekstboksen.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
    )
    expect(texts(doc)).toEqual(['helse- og omsorgstjenester', 'Ramme:', 'I tekstboksen.'])
  })

  it('outline level in the paragraph, numbering switched off, list styles', async () => {
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Punkt"><w:name w:val="List Bullet"/></w:style><w:style w:type="paragraph" w:styleId="Nummer"><w:name w:val="Egen liste"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style></w:styles>`
    const doc = await inline(
      '<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Overskrift</w:t></w:r></w:p>' +
        '<w:p><w:pPr><w:pStyle w:val="Punkt"/></w:pPr><w:r><w:t>punkt</w:t></w:r></w:p>' +
        '<w:p><w:pPr><w:pStyle w:val="Nummer"/></w:pPr><w:r><w:t>nummer</w:t></w:r></w:p>' +
        '<w:p><w:pPr><w:pStyle w:val="Nummer"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>uten nummer</w:t></w:r></w:p>' +
        '<w:p><w:pPr><w:pStyle w:val="Overskrift2"/></w:pPr><w:r><w:t>Udefinert stil</w:t></w:r></w:p>',
      { 'word/styles.xml': styles },
    )
    // A style the styles part does not define: its id tells («Heading2», «Overskrift2»), as without one.
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'list-item', 'list-item', 'paragraph', 'heading'])
    const bare = await inline('<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Tittel</w:t></w:r></w:p>')
    expect(bare.blocks[0]!.kind).toBe('heading')
  })

  it('an empty document has no blocks', async () => {
    const doc = await inline('<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>')
    expect(doc.text).toBe('')
    expect(doc.blocks).toEqual([])
    expect(doc.placeholders).toBeUndefined()
  })
})

describe('Word: files it cannot read', () => {
  it.each([
    ['skadet.docx', 'Filen er skadet eller ikke et Word-dokument. Åpne den i Word og lagre den på nytt.'],
    ['ikke-word.docx', 'Filen er en zip-fil, men ikke et Word-dokument. Sjekk at du har valgt riktig fil.'],
    [
      'passord.docx',
      'Dokumentet er passordbeskyttet eller i gammelt format (.doc). Lagre en kopi som .docx uten passord og prøv igjen.',
    ],
  ])('%s', async (name, message) => {
    const error = await failure(fixture(name))
    expect(error.message).toBe(message)
    expect(error.file).toBe(`${DOCUMENTS}${name}`)
  })

  it('not a zip at all, or empty', async () => {
    for (const bytes of [strToU8('Hei, dette er tekst.'), new Uint8Array(0)]) {
      expect((await failure(loadDocx('x.docx', bytes))).message).toBe(
        'Filen er skadet eller ikke et Word-dokument. Åpne den i Word og lagre den på nytt.',
      )
    }
  })

  it('malformed XML', async () => {
    const bytes = zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p></w:body>`) })
    expect((await failure(loadDocx('x.docx', bytes))).message).toBe(
      'Filen er skadet eller ikke et Word-dokument. Åpne den i Word og lagre den på nytt.',
    )
  })

  it('an Excel workbook named .docx', async () => {
    const bytes = zipSync({
      '_rels/.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
    })
    expect((await failure(loadDocx('x.docx', bytes))).message).toBe(
      'Filen er en zip-fil, men ikke et Word-dokument. Sjekk at du har valgt riktig fil.',
    )
  })

  it('an OpenDocument file named .docx', async () => {
    const bytes = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.text'),
      'content.xml': strToU8('<x/>'),
    })
    expect((await failure(loadDocx('x.docx', bytes))).message).toBe(
      'Filen er et OpenDocument-dokument, ikke et Word-dokument. Gi den endelsen .odt og prøv igjen.',
    )
  })

  it('a zip bomb: an entry declared larger than 200 MB is refused before inflating', async () => {
    const bytes = docx('<w:p><w:r><w:t>Hei</w:t></w:r></w:p>')
    // Patch the uncompressed size in every central directory header to 300 MB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let i = 0; i + 4 <= bytes.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 300 * 1024 * 1024, true)
    }
    expect((await failure(loadDocx('x.docx', bytes))).message).toMatch(/over 200 MB/)
  })
})

describe('Word: fixture script', () => {
  it('the committed fixtures are what test/fixtures-build/office.js writes', async () => {
    const script = new URL('../fixtures-build/office.js', import.meta.url).href
    const { officeFixtures } = (await import(script)) as { officeFixtures: () => Record<string, Uint8Array> }
    for (const [name, bytes] of Object.entries(officeFixtures())) {
      expect(Buffer.compare(readFileSync(`${DOCUMENTS}${name}`), Buffer.from(bytes)), name).toBe(0)
    }
  })

  it('wordLetter(5) is a five-page letter', async () => {
    const script = new URL('../fixtures-build/office.js', import.meta.url).href
    const { wordLetter } = (await import(script)) as { wordLetter: (pages: number) => Buffer }
    const doc = await loadDocx('brev.docx', wordLetter(5))
    const pages = new Set(doc.blocks.map((b) => b.location?.page).filter((p) => p !== undefined))
    expect([...pages]).toEqual([1, 2, 3, 4, 5])
    expect(doc.blocks.filter((b) => b.location?.page === 5)[0]!.location).toEqual({ page: 5, paragraph: 1 })
  })
})
