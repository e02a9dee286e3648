import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { loadDocx } from '../../src/input/docx.js'
import { loadOdt } from '../../src/input/odt.js'
import { MAX_XML_DEPTH } from '../../src/input/xml.js'
import { failure, texts } from './documents.js'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
const WORD_CORRUPT = 'Filen er skadet eller ikke et Word-dokument. Åpne den i Word og lagre den på nytt.'
const ODF_CORRUPT = 'Filen er skadet eller ikke et OpenDocument-tekstdokument. Åpne den i LibreOffice og lagre den på nytt.'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml'

function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'word/document.xml': strToU8(`<w:document ${W} ${R}><w:body>${body}</w:body></w:document>`),
  }
  for (const [name, xml] of Object.entries(extra)) files[name] = strToU8(xml)
  return zipSync(files)
}

function odt(body: string): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(
      `<office:document-content ${ODF_NS}><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ),
  })
}

const para = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`

describe('office XML: nesting depth', () => {
  it('a 2.5 KB .docx with 100,000 nested elements is refused as damaged, fast', async () => {
    const body = `${'<w:sdt><w:sdtContent>'.repeat(50_000)}${para('Hei')}${'</w:sdtContent></w:sdt>'.repeat(50_000)}`
    const bytes = docx(body)
    expect(bytes.length).toBeLessThan(10_000)
    const started = performance.now()
    expect((await failure(loadDocx('x.docx', bytes))).message).toBe(WORD_CORRUPT)
    expect(performance.now() - started).toBeLessThan(3000)
  })

  it('the same in a .odt', async () => {
    const body = `${'<text:section>'.repeat(100_000)}<text:p>Hei</text:p>${'</text:section>'.repeat(100_000)}`
    const started = performance.now()
    expect((await failure(loadOdt('x.odt', odt(body)))).message).toBe(ODF_CORRUPT)
    expect(performance.now() - started).toBeLessThan(3000)
  })

  it('nesting just under the bound is read, in linear time', async () => {
    // document, body, then (sdt, sdtContent) pairs, then p, r, t.
    const pairs = Math.floor((MAX_XML_DEPTH - 5) / 2)
    const body = `${'<w:sdt><w:sdtContent>'.repeat(pairs)}${para('Hei')}${'</w:sdtContent></w:sdt>'.repeat(pairs)}`
    const started = performance.now()
    const doc = await loadDocx('x.docx', docx(body.repeat(50)))
    expect(performance.now() - started).toBeLessThan(3000)
    expect(doc.blocks).toHaveLength(50)
    expect((await failure(loadDocx('x.docx', docx(`<w:sdt><w:sdtContent>${body}</w:sdtContent></w:sdt>`)))).message).toBe(
      WORD_CORRUPT,
    )
  })

  it('namespaces are still resolved by scope: a prefix bound on an inner element, rebound, and unbound', async () => {
    const inner = `<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:r><x:t>Indre</x:t></x:r></x:p>`
    const other = `<x:p xmlns:x="urn:other"><x:r><x:t>Ikke Word</x:t></x:r></x:p>`
    const doc = await loadDocx('x.docx', docx(`${inner}${other}${para('Ytre')}`))
    expect(texts(doc)).toEqual(['Indre', 'Ytre'])
    expect((await failure(loadDocx('x.docx', docx('<y:p/>')))).message).toBe(WORD_CORRUPT)
  })
})

describe('Word: fields and content controls that never end', () => {
  it('30,000 unended fields, each showing its result, load in linear time', async () => {
    const field = (n: number): string =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${n % 10}</w:t></w:r>`
    const body = `<w:p>${Array.from({ length: 30_000 }, (_, i) => field(i)).join('')}</w:p>`
    const started = performance.now()
    const doc = await loadDocx('x.docx', docx(body))
    expect(performance.now() - started).toBeLessThan(3000)
    expect(doc.text).toHaveLength(30_000)
  })

  it('a merge field inside a shown field is a placeholder; inside a hidden one it is not', async () => {
    const begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    const instr = (text: string): string => `<w:r><w:instrText>${text}</w:instrText></w:r>`
    const sep = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    const shown = `<w:p>${begin}${instr('IF 1 = 1')}${sep}${begin}${instr('MERGEFIELD Navn')}${sep}<w:r><w:t>x</w:t></w:r>${end}${end}</w:p>`
    expect((await loadDocx('x.docx', docx(shown))).text).toBe('«Navn»')
    const hidden = `<w:p>${begin}${instr('TOC')}${sep}${begin}${instr('MERGEFIELD Navn')}${sep}${end}${end}<w:r><w:t>Tekst</w:t></w:r></w:p>`
    expect((await loadDocx('x.docx', docx(hidden))).text).toBe('Tekst')
  })
})

describe('Word: relationships that point at parts already read', () => {
  const rels = (targets: Record<string, [string, string]>): string =>
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Object.entries(targets)
      .map(([id, [type, target]]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`)
      .join('')}</Relationships>`
  const body = `${para('Vi viser til søknaden vedrørende hjelp.')}<w:sectPr><w:headerReference r:id="rH1"/><w:headerReference r:id="rH2"/><w:footerReference r:id="rF1"/></w:sectPr>`

  it('a header relationship targeting document.xml (and the footer at the header) is not read again', async () => {
    const doc = await loadDocx(
      'x.docx',
      docx(body, {
        'word/_rels/document.xml.rels': rels({ rH1: ['header', 'document.xml'], rH2: ['header', 'header1.xml'], rF1: ['footer', 'header1.xml'] }),
        'word/header1.xml': `<w:hdr ${W}>${para('Lillevik kommune')}</w:hdr>`,
      }),
    )
    expect(texts(doc)).toEqual(['Vi viser til søknaden vedrørende hjelp.', 'Lillevik kommune'])
  })

  it('only parts of the expected content type are read', async () => {
    const types = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
      <Override PartName="/word/document.xml" ContentType="${WML}.document.main+xml"/>
      <Override PartName="/word/header1.xml" ContentType="${WML}.header+xml"/>
      <Override PartName="/word/copy.xml" ContentType="${WML}.document.main+xml"/>
      <Override PartName="/word/footnotes.xml" ContentType="${WML}.footnotes+xml"/></Types>`
    const doc = await loadDocx(
      'x.docx',
      docx(body, {
        '[Content_Types].xml': types,
        'word/_rels/document.xml.rels': rels({ rH1: ['header', 'copy.xml'], rH2: ['header', 'header1.xml'], rF1: ['footer', 'footnotes.xml'] }),
        'word/header1.xml': `<w:hdr ${W}>${para('Lillevik kommune')}</w:hdr>`,
        'word/copy.xml': `<w:document ${W}><w:body>${para('Vi viser til søknaden vedrørende hjelp.')}</w:body></w:document>`,
        'word/footnotes.xml': `<w:footnotes ${W}><w:footnote w:id="1">${para('En fotnote.')}</w:footnote></w:footnotes>`,
      }),
    )
    // The copy of the body is not a header; the footnotes are read once, as notes, not as a footer.
    expect(texts(doc)).toEqual(['Vi viser til søknaden vedrørende hjelp.', 'Lillevik kommune', 'En fotnote.'])
    expect(doc.blocks.at(-1)!.part).toBe('note')
  })
})

// The defect was a RangeError (push(...) with 130,000 arguments), not time: no time bound here.
describe('office notes with very many paragraphs', { timeout: 30_000 }, () => {
  it('Word footnotes with 130,000 paragraphs load without RangeError', async () => {
    const notes = `<w:footnotes ${W}><w:footnote w:id="1">${para('a').repeat(130_000)}</w:footnote></w:footnotes>`
    const doc = await loadDocx('x.docx', docx(para('Brødtekst.'), { 'word/footnotes.xml': notes }))
    expect(doc.blocks).toHaveLength(130_001)
  })

  it('Word text box paragraphs nested in one paragraph (130,000) load without RangeError', async () => {
    const box = `<w:r><w:txbxContent>${para('a').repeat(130_000)}</w:txbxContent></w:r>`
    const doc = await loadDocx('x.docx', docx(`<w:p>${box}</w:p>`))
    expect(doc.blocks).toHaveLength(130_000)
  })

  it('an ODF note with 130,000 paragraphs loads without RangeError', async () => {
    const note = `<text:note text:note-class="footnote"><text:note-body>${'<text:p>Ja.</text:p>'.repeat(130_000)}</text:note-body></text:note>`
    const doc = await loadOdt('x.odt', odt(`<text:p>Her${note} er det.</text:p>`))
    expect(doc.blocks).toHaveLength(130_001)
  })
})
