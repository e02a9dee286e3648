import { readFileSync } from 'node:fs'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { loadOdt } from '../../src/input/odt.js'
import { loadText } from '../../src/input/text.js'
import type { Document } from '../../src/types.js'
import { DOCUMENTS, failure, fixtureWith, placeholders, texts } from './documents.js'

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ')
const CORRUPT = 'Filen er skadet eller ikke et OpenDocument-tekstdokument. Åpne den i LibreOffice og lagre den på nytt.'

const fixture = (name: string): Promise<Document> => fixtureWith(loadOdt, name)


/** A minimal .odt: mimetype, content.xml with `body` in office:text, optional styles.xml. */
function odt(body: string, styles?: string, mimetype = 'application/vnd.oasis.opendocument.text'): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    mimetype: [strToU8(mimetype), { level: 0 }],
    'content.xml': strToU8(
      `<office:document-content ${NS} office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ),
  }
  if (styles !== undefined) {
    files['styles.xml'] = strToU8(`<office:document-styles ${NS} office:version="1.3">${styles}</office:document-styles>`)
  }
  return zipSync(files)
}

function inline(body: string, styles?: string): Promise<Document> {
  return loadOdt('test.odt', odt(body, styles))
}


describe('OpenDocument: the same letter as the .txt', () => {
  it.each([
    ['vedtak-hjemmesykepleie.odt', 'fixtures/after/vedtak-hjemmesykepleie.txt'],
    ['vedtak-hjemmesykepleie-for.odt', 'fixtures/before/vedtak-hjemmesykepleie.txt'],
  ])('%s: body blocks have the texts and kinds of the .txt blocks', async (name, txt) => {
    const doc = await fixture(name)
    const source = loadText(txt, readFileSync(new URL(`../../${txt}`, import.meta.url), 'utf8'))
    const body = doc.blocks.slice(0, source.blocks.length)
    expect(texts({ ...doc, blocks: body })).toEqual(texts(source))
    expect(body.map((b) => b.kind)).toEqual(source.blocks.map((b) => b.kind))
    // Header and footer of the master page follow the body, without a page.
    expect(texts(doc).slice(source.blocks.length)).toEqual(['Lillevik kommune', 'Side 1'])
    expect(doc.blocks.slice(source.blocks.length).map((b) => b.location)).toEqual([
      { paragraph: source.blocks.length + 1 },
      { paragraph: source.blocks.length + 2 },
    ])
  })

  it('the .odt and the .docx give the same Document text', async () => {
    const { loadDocx } = await import('../../src/input/docx.js')
    for (const name of ['vedtak-hjemmesykepleie', 'vedtak-hjemmesykepleie-for', 'vedtak-sporede-endringer']) {
      const docxPath = `${DOCUMENTS}${name}.docx`
      const word = await loadDocx(docxPath, readFileSync(docxPath))
      const open = await fixture(`${name}.odt`)
      expect(open.text).toBe(word.text)
      expect(open.blocks).toEqual(word.blocks)
    }
  })

  it('text:tab and text:line-break are spaces; list items from text:list', async () => {
    const doc = await fixture('vedtak-hjemmesykepleie.odt')
    expect(doc.format).toBe('odt')
    expect(texts(doc)).toContain('Dato: 25. mars 2025')
    expect(texts(doc)).toContain('Kari Moen fagkonsulent')
    const items = doc.blocks.filter((b) => b.kind === 'list-item').map((b) => doc.text.slice(b.start, b.end))
    expect(items).toHaveLength(8)
    expect(items[0]).toBe('medisinene dine morgen og kveld')
  })
})

describe('OpenDocument: pages and paragraphs', () => {
  it('a soft page break before a heading: it is page 2, paragraph 1', async () => {
    const doc = await fixture('vedtak-hjemmesykepleie.odt')
    const index = texts(doc).indexOf('Dette har vi lagt vekt på')
    expect(doc.blocks[index - 1]!.location).toEqual({ page: 1, paragraph: 16 })
    expect(doc.blocks[index]!.location).toEqual({ page: 2, paragraph: 1 })
  })

  it('a soft page break inside a paragraph: the next paragraph is page 2, paragraph 1', async () => {
    const doc = await fixture('vedtak-hjemmesykepleie-for.odt')
    const index = texts(doc).findIndex((t) => t.startsWith('Det fremgår av epikrise'))
    expect(doc.blocks[index]!.location).toEqual({ page: 1, paragraph: 10 })
    expect(doc.blocks[index + 1]!.location).toEqual({ page: 2, paragraph: 1 })
  })

  it('without soft page breaks, paragraphs are numbered through the document', async () => {
    const doc = await fixture('vedtak-sporede-endringer.odt')
    expect(doc.blocks.map((b) => b.location)).toEqual([1, 2, 3, 4, 5].map((paragraph) => ({ paragraph })))
  })
})

describe('OpenDocument: tracked changes', () => {
  it('deleted text (text:tracked-changes) is not text; inserted text is', async () => {
    const doc = await fixture('vedtak-sporede-endringer.odt')
    expect(texts(doc)).toEqual([
      'Vedtak om hjemmesykepleie',
      'Du får hjemmesykepleie to ganger om dagen.',
      'Hjelpen starter fredag 28. mars 2025. Den er gratis.',
      'Vi ser på hjelpen din igjen før 30. juni 2025.',
      'Ring oss hvis du har spørsmål.',
    ])
    expect(doc.text).not.toMatch(/meddeles|herved|vederlagsfritt|påklages|Kari Moen/)
  })
})

describe('OpenDocument: templates and fields', () => {
  it('mail-merge fields are «Name» placeholders', async () => {
    const doc = await fixture('mal-flettefelt.ott')
    expect(texts(doc)).toEqual([
      'Vedtak om hjemmesykepleie',
      'Hei «Fornavn» «Etternavn»!',
      'Adresse: «Adresse»',
      'Saksnummer: «Saksnummer»',
      'Vedtaket gjelder fra «Vedtaksdato».',
      'Du får «Tjeneste».',
      'Tjeneste',
      'Hjemmesykepleie',
      'Du kan klage på vedtaket.',
      'Se forvaltningsloven § 28.',
    ])
    // Offsets cover «Name» exactly.
    expect(placeholders(doc)).toEqual(['«Fornavn»', '«Etternavn»', '«Adresse»', '«Saksnummer»', '«Vedtaksdato»', '«Tjeneste»'])
  })

  it('kinds: a paragraph in the Title style is a heading; table cells; the footnote after the body', async () => {
    const doc = await fixture('mal-flettefelt.ott')
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
    ])
    expect(doc.blocks.at(-1)!.location).toEqual({ paragraph: 10 })
    // The footnote's citation number is not part of the sentence.
    expect(texts(doc)[8]).toBe('Du kan klage på vedtaket.')
  })

  it('white space: runs collapse, text:s counts, layout white space between elements is not text', async () => {
    const doc = await inline(`
      <text:p>  Hei   <text:span>du</text:span> <text:s text:c="2"/>der
      </text:p>
      <text:list>
        <text:list-item>
          <text:p>punkt</text:p>
        </text:list-item>
      </text:list>
      <text:p>Her<text:note text:note-class="endnote">
          <text:note-citation>i</text:note-citation>
          <text:note-body><text:p>Sluttnote.</text:p></text:note-body>
        </text:note> slutter det.</text:p>`)
    expect(doc.text).toBe('Hei du   der\n\npunkt\n\nHer slutter det.\n\nSluttnote.')
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'list-item', 'paragraph', 'paragraph'])
  })

  it('comments, numbering labels, indexes, hidden fields and frame titles are not text; text boxes are', async () => {
    const doc = await inline(
      '<text:table-of-content><text:index-body><text:p>Innhold 1</text:p></text:index-body></text:table-of-content>' +
        '<text:p>Tekst<office:annotation><dc:creator>Kari</dc:creator><text:p>En kommentar.</text:p></office:annotation> her.</text:p>' +
        '<text:list><text:list-item><text:p><text:number>1.</text:number>Første punkt</text:p></text:list-item></text:list>' +
        '<text:p>Verdi<text:variable-set text:name="x" text:display="none">skjult</text:variable-set>.</text:p>' +
        '<text:p>Anker<draw:frame><svg:title>Logo</svg:title><draw:text-box><text:p>I rammen.</text:p></draw:text-box></draw:frame></text:p>',
    )
    expect(texts(doc)).toEqual(['Tekst her.', 'Første punkt', 'Verdi.', 'Anker', 'I rammen.'])
  })

  it('headers: all master pages, hidden ones left out', async () => {
    const styles =
      '<office:master-styles><style:master-page style:name="Standard">' +
      '<style:header><text:p>Topptekst</text:p></style:header><style:header-left style:display="false"><text:p>Skjult</text:p></style:header-left>' +
      '<style:footer-first><text:p>Bunntekst side 1</text:p></style:footer-first>' +
      '</style:master-page></office:master-styles>'
    const doc = await inline('<text:h text:outline-level="1">Tittel</text:h><text:p>Brødtekst.</text:p>', styles)
    expect(texts(doc)).toEqual(['Tittel', 'Brødtekst.', 'Topptekst', 'Bunntekst side 1'])
    expect(doc.blocks.map((b) => b.location)).toEqual([1, 2, 3, 4].map((paragraph) => ({ paragraph })))
  })
})

describe('OpenDocument: files it cannot read', () => {
  it('passord.odt: encrypted', async () => {
    const error = await failure(fixture('passord.odt'))
    expect(error.message).toBe('Dokumentet er passordbeskyttet. Lagre en kopi uten passord og prøv igjen.')
    expect(error.file).toBe(`${DOCUMENTS}passord.odt`)
  })

  it('a damaged file', async () => {
    const bytes = readFileSync(`${DOCUMENTS}vedtak-hjemmesykepleie.odt`)
    expect((await failure(loadOdt('x.odt', bytes.subarray(0, bytes.length - 200)))).message).toBe(CORRUPT)
    expect((await failure(loadOdt('x.odt', strToU8('ren tekst')))).message).toBe(CORRUPT)
  })

  it('malformed XML', async () => {
    const bytes = zipSync({ 'content.xml': strToU8(`<office:document-content ${NS}><office:body>`) })
    expect((await failure(loadOdt('x.odt', bytes))).message).toBe(CORRUPT)
  })

  it('a zip without content.xml', async () => {
    const bytes = zipSync({ 'notater.txt': strToU8('Hei') })
    expect((await failure(loadOdt('x.odt', bytes))).message).toBe(
      'Filen er en zip-fil, men ikke et OpenDocument-tekstdokument. Sjekk at du har valgt riktig fil.',
    )
  })

  it('another OpenDocument format (wrong mimetype)', async () => {
    const bytes = odt('<text:p>Celle</text:p>', undefined, 'application/vnd.oasis.opendocument.spreadsheet')
    expect((await failure(loadOdt('x.odt', bytes))).message).toBe(
      'Filen er et OpenDocument-dokument, men ikke et tekstdokument (regneark). Lagre teksten som .odt og prøv igjen.',
    )
  })

  it('a Word document named .odt', async () => {
    const bytes = readFileSync(`${DOCUMENTS}vedtak-hjemmesykepleie.docx`)
    expect((await failure(loadOdt('x.odt', bytes))).message).toBe(
      'Filen er et Word-dokument, ikke et OpenDocument-dokument. Gi den endelsen .docx og prøv igjen.',
    )
  })

  it('an OLE compound file (old format or encrypted Office file)', async () => {
    const bytes = readFileSync(`${DOCUMENTS}passord.docx`)
    expect((await failure(loadOdt('x.odt', bytes))).message).toBe(
      'Dokumentet er passordbeskyttet eller i gammelt format (.doc). Lagre en kopi som .odt uten passord og prøv igjen.',
    )
  })
})
