// Builds the Word and OpenDocument fixtures in fixtures/documents/ (klarsprak issue 3).
//
//   node test/fixtures-build/office.js
//
// Needs fflate (zip writing; a dependency) and the devDependency esbuild (to run
// src/input/text.ts, so the documents have exactly the blocks the .txt loader finds). The files
// are real OOXML and ODF packages ([Content_Types].xml, relationships, styles, numbering,
// manifest, «mimetype» first and stored) that Word and LibreOffice open. Output is
// deterministic: fixed zip timestamps and document dates, no random parts.
//
// Writes:
//   vedtak-hjemmesykepleie.docx / .odt          fixtures/after/vedtak-hjemmesykepleie.txt
//   vedtak-hjemmesykepleie-for.docx / .odt      fixtures/before/vedtak-hjemmesykepleie.txt
//     Headings in style «heading 1» (after) or «Overskrift 1» (before), address and letterhead
//     lines in «Brevhode» (based on the level-2 heading), list items numbered, a header
//     «Lillevik kommune», a footer «Side <PAGE>», and a rendered page break (Word
//     w:lastRenderedPageBreak, ODF text:soft-page-break) so the letter has two pages: before the
//     heading «Dette har vi lagt vekt på» (after), inside the paragraph «Det fremgår av …» (before).
//   vedtak-sporede-endringer.docx / .odt        a short letter with tracked changes
//   mal-flettefelt.dotx                         template: MERGEFIELD, DOCVARIABLE (complex field),
//                                               content controls, a table, a footnote
//   mal-flettefelt.ott                          template: database-display and other fields
//   vedtak-rotete.docx / .odt                   for annotate: a flagged phrase over differently
//                                               formatted runs, hyperlink, merge fields, table,
//                                               header, footer, footnote, a person's tracked
//                                               changes and comment
//   vedtak-unntak.docx / .odt                   findings silenced from comments (klarsprak: ignorer,
//                                               klarsprak-disable-next-line, -disable / -enable)
//   skadet.docx                                 vedtak-hjemmesykepleie.docx cut off after 60 %
//   ikke-word.docx                              a valid zip with unrelated files
//   passord.docx                                an OLE compound file header (what Word writes
//                                               for a password-protected document)
//   passord.odt                                 manifest with encryption data
//
// Also exports `wordLetter(pages, before?)`: the after (or before) letter repeated over `pages` pages as a .docx
// (a Buffer), for the benchmark; and `officeFixtures()` (name → bytes, nothing written), which
// a test compares with the committed files.
import { textLoader } from './text-loader.js'
import { zipSync, strToU8 } from 'fflate'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OUT = `${ROOT}fixtures/documents/`
/** Zip entry times are local DOS times: build the date from local parts so every time zone agrees. */
const MTIME = new Date(2025, 2, 25, 12, 0, 0)
const ISO_DATE = '2025-03-25T12:00:00Z'

// ---- blocks from the .txt loader --------------------------------------------------------------

const loadText = await textLoader()

/**
 * The letter as blocks: { kind, lines, letterhead }. `lines` are the block's source lines (joined
 * with a space, or with a line break when they are all short, like «Kari Moen / fagkonsulent»);
 * `letterhead` marks a heading that shares its blank-line group with other blocks (address,
 * date, signature lines), set in the «Brevhode» style.
 */
function letterOf(file) {
  const source = readFileSync(`${ROOT}${file}`, 'utf8')
  const doc = loadText(file, source)
  const groups = []
  let start = 0
  for (const part of source.split(/(\n[ \t]*\r?\n)/)) {
    if (part.trim() !== '' && !/^\n[ \t]*\r?\n$/.test(part)) groups.push([start, start + part.length])
    start += part.length
  }
  return doc.blocks.map((block) => {
    const text = source.slice(block.start, block.end)
    const group = groups.find(([s, e]) => block.start >= s && block.end <= e)
    const alone = group !== undefined && source.slice(group[0], group[1]).trim() === text.trim()
    const lines = text.split('\n').map((line) => line.trim())
    return {
      kind: block.kind,
      lines,
      breaks: lines.length > 1 && lines.every((line) => line.length < 40),
      letterhead: block.kind === 'heading' && !alone,
    }
  })
}

const AFTER = letterOf('fixtures/after/vedtak-hjemmesykepleie.txt')
const BEFORE = letterOf('fixtures/before/vedtak-hjemmesykepleie.txt')

/** Where the rendered page break falls: before a block, or inside it after its first sentence. */
const PAGE_BREAK_AFTER = { text: 'Dette har vi lagt vekt på', inside: false }
const PAGE_BREAK_BEFORE = { text: 'Det fremgår av epikrise', inside: true }

// ---- shared -----------------------------------------------------------------------------------

function esc(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** A zip from [name, content, stored?] entries, in order, with fixed timestamps. */
function zip(entries) {
  const files = {}
  for (const [name, content, stored] of entries) {
    const data = typeof content === 'string' ? strToU8(content) : content
    files[name] = [data, { level: stored ? 0 : 6, mtime: MTIME }]
  }
  return Buffer.from(zipSync(files, { mtime: MTIME }))
}

/** Split a paragraph into sentence-sized runs, so the loaders must join runs. */
function sentences(text) {
  const parts = text.split(/(?<=[.!?]) (?=[A-ZÆØÅ])/)
  return parts.map((part, i) => (i < parts.length - 1 ? `${part} ` : part))
}

/** Lines that hold a label and a value («Dato: 25. mars 2025») get a tab after the colon. */
const LABEL = /^((?:Dato|Saksnummer|Vår ref\.):) (.*)$/

// ---- Word -------------------------------------------------------------------------------------

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const NS = `xmlns:w="${W}" xmlns:r="${R}"`
const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

function wText(text) {
  return `<w:t xml:space="preserve">${esc(text)}</w:t>`
}

function wRun(inner) {
  return `<w:r>${inner}</w:r>`
}

function wPara(properties, content) {
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${content}</w:p>`
}

const SECTION = (header, footer) =>
  `<w:sectPr>${header ? '<w:headerReference w:type="default" r:id="rIdHeader1"/>' : ''}${
    footer ? '<w:footerReference w:type="default" r:id="rIdFooter1"/>' : ''
  }<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>`

/** The body content of one letter block. `pageBreak`: 'before' or 'inside' (after the first sentence). */
function wordBlock(block, headingStyle, pageBreak) {
  let properties = ''
  if (block.kind === 'heading') properties = `<w:pStyle w:val="${block.letterhead ? 'Brevhode' : headingStyle}"/>`
  if (block.kind === 'list-item') {
    properties = '<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
  }
  const breakMark = pageBreak === 'before' ? '<w:lastRenderedPageBreak/>' : ''
  if (block.breaks) {
    const inner = block.lines.map((line, i) => `${i > 0 ? '<w:br/>' : ''}${wText(line)}`).join('')
    return wPara(properties, wRun(breakMark + inner))
  }
  const text = block.lines.join(' ')
  const label = LABEL.exec(text)
  if (label) return wPara(properties, wRun(`${breakMark}${wText(label[1])}<w:tab/>${wText(label[2])}`))
  const runs = sentences(text).map((part, i) => {
    const mark = (i === 0 && pageBreak === 'before') || (i === 1 && pageBreak === 'inside') ? '<w:lastRenderedPageBreak/>' : ''
    return wRun(mark + wText(part))
  })
  return wPara(properties, runs.join(''))
}

function wordStyles(norwegian) {
  const heading = (level) =>
    norwegian
      ? // Norwegian names and no outline level: the loader must go by the style name.
        `<w:style w:type="paragraph" w:styleId="Overskrift${level}"><w:name w:val="Overskrift ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="${level === 1 ? 28 : 24}"/></w:rPr></w:style>`
      : `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="${level - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${level === 1 ? 28 : 24}"/></w:rPr></w:style>`
  const base = norwegian ? 'Overskrift2' : 'Heading2'
  return `${XML_DECL}<w:styles ${NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="nb-NO"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
${heading(1)}
${heading(2)}
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Brevhode"><w:name w:val="Brevhode"/><w:basedOn w:val="${base}"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:rPr><w:b w:val="0"/><w:sz w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="right" w:pos="9072"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`
}

const NUMBERING = `${XML_DECL}<w:numbering ${NS}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/></w:rPr></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`

const FIELD_PAGE_COMPLEX =
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
const FIELD_PAGE_SIMPLE = '<w:fldSimple w:instr=" PAGE   \\* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple>'

/**
 * A complete .docx (or .dotx) package. parts: { body, styles, header?, footer?, footnotes?, title }.
 */
function wordPackage({ body, styles, header, footer, footnotes, title, template = false, comments, links = [] }) {
  const main = `${CT}.${template ? 'template' : 'document'}.main+xml`
  const overrides = [
    ['/word/document.xml', main],
    ['/word/styles.xml', `${CT}.styles+xml`],
    ['/word/numbering.xml', `${CT}.numbering+xml`],
    ['/word/settings.xml', `${CT}.settings+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ]
  const rels = [
    ['rIdStyles', 'styles', 'styles.xml'],
    ['rIdNumbering', 'numbering', 'numbering.xml'],
    ['rIdSettings', 'settings', 'settings.xml'],
  ]
  const parts = []
  if (comments) {
    overrides.push(['/word/comments.xml', `${CT}.comments+xml`])
    rels.push(['rIdComments', 'comments', 'comments.xml'])
    parts.push(['word/comments.xml', `${XML_DECL}<w:comments ${NS}>${comments}</w:comments>`])
  }
  if (header) {
    overrides.push(['/word/header1.xml', `${CT}.header+xml`])
    rels.push(['rIdHeader1', 'header', 'header1.xml'])
    parts.push(['word/header1.xml', `${XML_DECL}<w:hdr ${NS}>${header}</w:hdr>`])
  }
  if (footer) {
    overrides.push(['/word/footer1.xml', `${CT}.footer+xml`])
    rels.push(['rIdFooter1', 'footer', 'footer1.xml'])
    parts.push(['word/footer1.xml', `${XML_DECL}<w:ftr ${NS}>${footer}</w:ftr>`])
  }
  if (footnotes) {
    overrides.push(['/word/footnotes.xml', `${CT}.footnotes+xml`], ['/word/endnotes.xml', `${CT}.endnotes+xml`])
    rels.push(['rIdFootnotes', 'footnotes', 'footnotes.xml'], ['rIdEndnotes', 'endnotes', 'endnotes.xml'])
    const separators = (tag) =>
      `<w:${tag} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:separator/></w:r></w:p></w:${tag}><w:${tag} w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:${tag}>`
    parts.push(
      ['word/footnotes.xml', `${XML_DECL}<w:footnotes ${NS}>${separators('footnote')}${footnotes}</w:footnotes>`],
      ['word/endnotes.xml', `${XML_DECL}<w:endnotes ${NS}>${separators('endnote')}</w:endnotes>`],
    )
  }
  const notesSettings = footnotes
    ? '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>'
    : ''
  const settings = `${XML_DECL}<w:settings ${NS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/><w:hyphenationZone w:val="425"/><w:characterSpacingControl w:val="doNotCompress"/>${notesSettings}<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="nb-NO"/></w:settings>`

  const contentTypes = `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides
    .map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`)
    .join('')}</Types>`
  const packageRels = `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`
  const documentRels = `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`)
    .join('')}${links
    .map(([id, target]) => `<Relationship Id="${id}" Type="${REL}/hyperlink" Target="${esc(target)}" TargetMode="External"/>`)
    .join('')}</Relationships>`
  const core = `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(title)}</dc:title><dc:creator>Lillevik kommune</dc:creator><cp:lastModifiedBy>Lillevik kommune</cp:lastModifiedBy><dc:language>nb-NO</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">${ISO_DATE}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${ISO_DATE}</dcterms:modified></cp:coreProperties>`
  const app = `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>${template ? '' : 'Normal.dotm'}</Template><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity><AppVersion>16.0000</AppVersion></Properties>`
  const document = `${XML_DECL}<w:document ${NS}><w:body>${body}${SECTION(Boolean(header), Boolean(footer))}</w:body></w:document>`

  return zip([
    ['[Content_Types].xml', contentTypes],
    ['_rels/.rels', packageRels],
    ['docProps/core.xml', core],
    ['docProps/app.xml', app],
    ['word/document.xml', document],
    ['word/_rels/document.xml.rels', documentRels],
    ['word/styles.xml', styles],
    ['word/numbering.xml', NUMBERING],
    ['word/settings.xml', settings],
    ...parts,
  ])
}

/** A letter (blocks) as a Word document; `pageBreak` = { text, inside } marks where page 2 starts. */
function wordOfLetter(blocks, { norwegian, pageBreak, title, pages = 1 }) {
  const headingStyle = norwegian ? 'Overskrift1' : 'Heading1'
  const body = []
  for (let page = 1; page <= pages; page++) {
    for (const [index, block] of blocks.entries()) {
      let mark
      if (pages > 1) mark = page > 1 && index === 0 ? 'before' : undefined
      else if (pageBreak && block.lines.join(' ').startsWith(pageBreak.text)) mark = pageBreak.inside ? 'inside' : 'before'
      body.push(wordBlock(block, headingStyle, mark))
    }
  }
  return wordPackage({
    body: body.join('\n'),
    styles: wordStyles(norwegian),
    header: wPara('<w:pStyle w:val="Header"/>', wRun(wText('Lillevik kommune'))),
    footer: wPara('<w:pStyle w:val="Footer"/><w:jc w:val="center"/>', wRun(wText('Side ')) + (norwegian ? FIELD_PAGE_SIMPLE : FIELD_PAGE_COMPLEX)),
    title,
  })
}

/**
 * The after letter (or with `before`, the letter before rewriting: many findings) repeated over
 * `pages` pages, as a .docx file (for the benchmark).
 */
export function wordLetter(pages, before = false) {
  if (before) return wordOfLetter(BEFORE, { norwegian: true, title: 'Vedtak vedrørende helsetjenester i hjemmet', pages })
  return wordOfLetter(AFTER, { norwegian: false, title: 'Vedtak om hjemmesykepleie', pages })
}

const CHANGE = (id) => `w:id="${id}" w:author="Kari Moen" w:date="2025-03-24T10:0${id}:00Z"`

/** A short letter whose old wording is tracked as deleted; only the new wording is text. */
function trackedWord() {
  const body = [
    wPara('<w:pStyle w:val="Heading1"/>', wRun(wText('Vedtak om hjemmesykepleie'))),
    // A kanselliord phrase replaced: deletion, then insertion.
    wPara(
      '',
      `<w:del ${CHANGE(1)}>${wRun('<w:delText xml:space="preserve">Det meddeles herved at De innvilges</w:delText>')}</w:del>` +
        `<w:ins ${CHANGE(2)}>${wRun(wText('Du får'))}</w:ins>` +
        wRun(wText(' hjemmesykepleie to ganger om dagen.')),
    ),
    // A formatting change whose old properties had a heading style: still a plain paragraph.
    wPara(
      `<w:pPrChange ${CHANGE(3)}><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange>`,
      wRun(wText('Hjelpen starter fredag 28. mars 2025.')) +
        `<w:del ${CHANGE(4)}>${wRun('<w:delText xml:space="preserve"> Tjenesten ytes vederlagsfritt iht. gjeldende forskrift.</w:delText>')}</w:del>` +
        `<w:ins ${CHANGE(5)}>${wRun(wText(' Den er gratis.'))}</w:ins>`,
    ),
    // A whole deleted paragraph (its paragraph mark deleted too): no block.
    wPara(
      `<w:rPr><w:del ${CHANGE(6)}/></w:rPr>`,
      `<w:del ${CHANGE(7)}>${wRun('<w:delText>Det gjøres oppmerksom på at vedtaket kan påklages.</w:delText>')}</w:del>`,
    ),
    // A moved sentence: its old place (moveFrom) is not text, its new place (moveTo) is.
    wPara(
      '',
      `<w:moveFromRangeStart w:id="8" w:author="Kari Moen" w:date="2025-03-24T10:08:00Z" w:name="move1"/><w:moveFrom ${CHANGE(8)}>${wRun(wText('Ring oss hvis du har spørsmål.'))}</w:moveFrom><w:moveFromRangeEnd w:id="8"/>`,
    ),
    wPara('', wRun(wText('Vi ser på hjelpen din igjen før 30. juni 2025.'))),
    wPara(
      '',
      `<w:moveToRangeStart w:id="9" w:author="Kari Moen" w:date="2025-03-24T10:09:00Z" w:name="move1"/><w:moveTo ${CHANGE(9)}>${wRun(wText('Ring oss hvis du har spørsmål.'))}</w:moveTo><w:moveToRangeEnd w:id="9"/>`,
    ),
  ]
  return wordPackage({ body: body.join('\n'), styles: wordStyles(false), title: 'Vedtak med sporede endringer' })
}

/** A letter template with merge fields, content controls, a table and a footnote. */
function templateWord() {
  const sdt = (alias, tag, shown, content, inline) =>
    `<w:sdt><w:sdtPr><w:alias w:val="${alias}"/><w:tag w:val="${tag}"/><w:id w:val="${alias.length * 1000}"/>${
      shown ? '<w:showingPlcHdr/>' : ''
    }<w:text/></w:sdtPr><w:sdtEndPr/><w:sdtContent>${inline ? wRun(wText(content)) : wPara('', wRun(wText(content)))}</w:sdtContent></w:sdt>`
  const cell = (text) => `<w:tc><w:tcPr><w:tcW w:w="4531" w:type="dxa"/></w:tcPr>${wPara('', wRun(wText(text)))}</w:tc>`
  const body = [
    wPara('<w:pStyle w:val="Title"/>', wRun(wText('Vedtak om hjemmesykepleie'))),
    wPara(
      '',
      wRun(wText('Hei ')) +
        `<w:fldSimple w:instr=" MERGEFIELD Fornavn \\* MERGEFORMAT ">${wRun(wText('«Fornavn»'))}</w:fldSimple>` +
        wRun(wText('!')),
    ),
    wPara(
      '',
      wRun(wText('Saksnummer:')) +
        '<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DOCVARIABLE  Saksnummer </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
        wRun(wText('25/1311')) +
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ),
    wPara(
      '',
      wRun(wText('Vedtaket gjelder fra ')) +
        sdt('Vedtaksdato', 'vedtaksdato', true, 'Klikk eller trykk for å skrive inn en dato.', true) +
        wRun(wText('.')),
    ),
    sdt('Tjenestebeskrivelse', 'tjeneste', false, 'Du får hjelp med medisinene dine.', false),
    sdt('Begrunnelse', 'begrunnelse', true, 'Klikk eller trykk her for å skrive inn tekst.', false),
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableNormal"/><w:tblW w:w="9062" w:type="dxa"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="4531"/><w:gridCol w:w="4531"/></w:tblGrid><w:tr>${cell('Tjeneste')}${cell('Hjemmesykepleie')}</w:tr></w:tbl>`,
    wPara(
      '',
      wRun(wText('Du kan klage på vedtaket.')) +
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
    ),
    wPara(
      '',
      wRun(wText('Les mer på ')) +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://lillevik.kommune.no" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
        wRun(wText('lillevik.kommune.no')) +
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        wRun(wText('.')),
    ),
  ]
  const footnotes = `<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>${wRun(wText(' Se forvaltningsloven § 28.'))}</w:p></w:footnote>`
  return wordPackage({
    body: body.join('\n'),
    styles: wordStyles(false),
    footnotes,
    title: 'Mal for vedtak',
    template: true,
  })
}

/** A human comment in comments.xml. */
function wComment(id, text, author = 'Kari Moen') {
  return `<w:comment w:id="${id}" w:author="${author}" w:date="2025-03-24T09:00:00Z" w:initials="KM"><w:p><w:r><w:annotationRef/></w:r>${wRun(wText(text))}</w:p></w:comment>`
}

/** Runs with comment id `id` around them. */
function wCommented(id, runs) {
  return `<w:commentRangeStart w:id="${id}"/>${runs}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`
}

const BOLD = '<w:rPr><w:b/></w:rPr>'
const ITALIC = '<w:rPr><w:i/><w:color w:val="1F3864"/></w:rPr>'
const MERGE_COMPLEX = (name) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD ${name} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>«${name}»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`

/**
 * What annotate meets in real letters (issue 8): a flagged phrase over runs with different
 * formatting, a flagged word in a hyperlink, flagged words next to merge fields (simple and
 * complex), a table, a header and a footer, a footnote, tracked changes by a person and a
 * person's comment.
 */
function messyWord() {
  const cell = (text) => `<w:tc><w:tcPr><w:tcW w:w="4531" w:type="dxa"/></w:tcPr>${wPara('', wRun(wText(text)))}</w:tc>`
  const body = [
    wPara('<w:pStyle w:val="Heading1"/>', wRun(wText('Vedtak om hjemmesykepleie'))),
    wPara('', wRun(wText('Hei ')) + `<w:fldSimple w:instr=" MERGEFIELD Fornavn \\* MERGEFORMAT ">${wRun(wText('«Fornavn»'))}</w:fldSimple>` + wRun(wText('!'))),
    // «i henhold til» over three runs: plain, bold, italic.
    wPara('', wRun(wText('Du får hjemmesykepleie i hen')) + `<w:r>${BOLD}${wText('hold')}</w:r>` + `<w:r>${ITALIC}${wText(' til loven.')}</w:r>`),
    wPara(
      '',
      wRun(wText('Les mer ')) +
        `<w:hyperlink r:id="rIdLink1" w:history="1"><w:r><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>${wText('vedrørende klage')}</w:r></w:hyperlink>` +
        wRun(wText(' på nettsiden vår.')),
    ),
    wPara('', wRun(wText('Vedrørende ')) + MERGE_COMPLEX('Tjeneste') + wRun(wText(' har vi gjort et vedtak.'))),
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableNormal"/><w:tblW w:w="9062" w:type="dxa"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="4531"/><w:gridCol w:w="4531"/></w:tblGrid><w:tr>${cell('Pris')}${cell('Tjenesten er vederlagsfri.')}</w:tr></w:tbl>`,
    wPara(
      '',
      `<w:ins ${CHANGE(1)}>${wRun(wText('Hjelpen iverksettes'))}</w:ins>` +
        `<w:del ${CHANGE(2)}>${wRun('<w:delText xml:space="preserve"> snarest</w:delText>')}</w:del>` +
        wRun(wText(' fra 1. april 2025.')),
    ),
    wPara('', wRun(wText('Har du spørsmål, kan du ')) + wCommented(0, wRun(wText('ta kontakt'))) + wRun(wText(' med oss.'))),
    wPara(
      '',
      wRun(wText('Du kan klage på vedtaket.')) +
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
    ),
  ]
  const footnotes = `<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>${wRun(wText(' Klagen må sendes innen tre uker iht. loven.'))}</w:p></w:footnote>`
  return wordPackage({
    body: body.join('\n'),
    styles: wordStyles(false),
    header: wPara('<w:pStyle w:val="Header"/>', wRun(wText('Lillevik kommune, brev vedrørende helse'))),
    footer: wPara('<w:pStyle w:val="Footer"/><w:jc w:val="center"/>', wRun(wText('Side ')) + FIELD_PAGE_COMPLEX),
    footnotes,
    comments: wComment(0, 'Sjekk telefonnummeret før brevet sendes.'),
    links: [['rIdLink1', 'https://lillevik.kommune.no/klage']],
    title: 'Vedtak med rotete formatering',
  })
}

/**
 * Findings silenced from comments: «klarsprak: ignorer» on a word, klarsprak-disable-next-line
 * (the next paragraph), klarsprak-disable / klarsprak-enable.
 */
function silencedWord() {
  const body = [
    wPara('<w:pStyle w:val="Heading1"/>', wRun(wText('Svar på søknaden'))),
    wPara('', wRun(wText('Vi viser til søknaden ')) + wCommented(1, wRun(wText('vedrørende'))) + wRun(wText(' praktisk bistand.'))),
    wPara('', wCommented(2, wRun(wText('Neste avsnitt')))+ wRun(wText(' er sjekket.'))),
    wPara('', wRun(wText('Vi ber om mer informasjon vedrørende saken.'))),
    wPara('', wRun(wText('Vi sender svar vedrørende klagen.'))),
    wPara('', wCommented(3, wRun(wText('Merk')))+ wRun(wText(' at vi har fått papirene.'))),
    wPara('', wRun(wText('Du får svar ca. 1. mai, evt. før.'))),
    wPara('', wCommented(4, wRun(wText('Slutt'))) + wRun(wText(' på unntaket.'))),
    wPara('', wRun(wText('Ring oss evt. på telefon.'))),
  ]
  return wordPackage({
    body: body.join('\n'),
    styles: wordStyles(false),
    comments: [
      wComment(1, 'klarsprak: ignorer'),
      wComment(2, 'klarsprak-disable-next-line nb/kanselliord'),
      wComment(3, 'klarsprak-disable nb/forkortelser'),
      wComment(4, 'klarsprak-enable nb/forkortelser'),
    ].join(''),
    title: 'Vedtak med unntak',
  })
}

// ---- OpenDocument -----------------------------------------------------------------------------

const ODF_NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(' ')
const ODT_TEXT = 'application/vnd.oasis.opendocument.text'
const ODT_TEMPLATE = 'application/vnd.oasis.opendocument.text-template'

function odfStyles(norwegian, header) {
  const heading = norwegian ? 'Overskrift' : 'Heading'
  const display = (level) => (norwegian ? `Overskrift ${level}` : `Heading ${level}`)
  const masterContent = header
    ? '<style:header><text:p text:style-name="Header">Lillevik kommune</text:p></style:header><style:footer><text:p text:style-name="Footer">Side <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>'
    : ''
  return `${XML_DECL}<office:document-styles ${ODF_NS} office:version="1.3">
<office:font-face-decls/>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.25cm"/><style:text-properties fo:font-size="11pt" fo:language="nb" fo:country="NO"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"/>
<style:style style:name="${heading}" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.42cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="${heading}_20_1" style:display-name="${display(1)}" style:family="paragraph" style:parent-style-name="${heading}" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="14pt"/></style:style>
<style:style style:name="${heading}_20_2" style:display-name="${display(2)}" style:family="paragraph" style:parent-style-name="${heading}" style:default-outline-level="2" style:class="text"/>
<style:style style:name="Brevhode" style:family="paragraph" style:parent-style-name="${heading}_20_2" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/><style:text-properties fo:font-weight="normal" fo:font-size="11pt"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="${heading}" style:class="chapter"><style:text-properties fo:font-size="20pt"/></style:style>
<style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Standard" style:class="list"/>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="10pt"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21.001cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">${masterContent}</style:master-page></office:master-styles>
</office:document-styles>`
}

const ODF_AUTOMATIC = `<office:automatic-styles>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="List_20_Paragraph" style:list-style-name="L1"/>
<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Title"/>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Tabell1" style:family="table"><style:table-properties style:width="16cm" table:align="margins"/></style:style>
<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="–"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:automatic-styles>`

/** One letter block as ODF; `pageBreak`: 'before' or 'inside' (after the first sentence). */
function odfBlock(block, heading, pageBreak) {
  const soft = '<text:soft-page-break/>'
  let inner
  if (block.breaks) {
    inner = block.lines.map(esc).join('<text:line-break/>')
  } else {
    const text = block.lines.join(' ')
    const label = LABEL.exec(text)
    if (label) inner = `${esc(label[1])}<text:tab/>${esc(label[2])}`
    else {
      inner = sentences(text)
        .map((part, i) => (i === 1 && pageBreak === 'inside' ? soft : '') + esc(part))
        .join('')
    }
  }
  const before = pageBreak === 'before' ? `${soft}\n` : ''
  if (block.kind === 'heading') {
    const style = block.letterhead ? 'Brevhode' : `${heading}_20_1`
    return `${before}<text:h text:style-name="${style}" text:outline-level="${block.letterhead ? 2 : 1}">${inner}</text:h>`
  }
  if (block.kind === 'list-item') return `${before}<text:list-item><text:p text:style-name="P1">${inner}</text:p></text:list-item>`
  return `${before}<text:p text:style-name="Text_20_body">${inner}</text:p>`
}

function odfLetter(blocks, { norwegian, pageBreak }) {
  const heading = norwegian ? 'Overskrift' : 'Heading'
  const out = []
  let inList = false
  for (const block of blocks) {
    const list = block.kind === 'list-item'
    if (list && !inList) out.push('<text:list text:style-name="L1">')
    if (!list && inList) out.push('</text:list>')
    inList = list
    const mark = pageBreak && block.lines.join(' ').startsWith(pageBreak.text) ? (pageBreak.inside ? 'inside' : 'before') : undefined
    out.push(odfBlock(block, heading, mark))
  }
  if (inList) out.push('</text:list>')
  return out.join('\n')
}

/**
 * content.xml. The prelude of office:text comes in schema order: tracked changes, then variable,
 * sequence and user field declarations.
 */
function odfContent(body, { tracked = '', variables = '', userFields = '' } = {}) {
  return `${XML_DECL}<office:document-content ${ODF_NS} office:version="1.3">
<office:font-face-decls/>
${ODF_AUTOMATIC}
<office:body>
<office:text>
${tracked}${variables}<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Illustration"/><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>${userFields}
${body}
</office:text>
</office:body>
</office:document-content>`
}

function odfMeta(title) {
  return `${XML_DECL}<office:document-meta ${ODF_NS} office:version="1.3"><office:meta><meta:generator>klarsprak fixtures</meta:generator><dc:title>${esc(title)}</dc:title><meta:initial-creator>Lillevik kommune</meta:initial-creator><meta:creation-date>2025-03-25T12:00:00</meta:creation-date><dc:date>2025-03-25T12:00:00</dc:date><dc:language>nb-NO</dc:language></office:meta></office:document-meta>`
}

function odfManifest(mimetype, extraEntries = '') {
  return `${XML_DECL}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${mimetype}"/>
${extraEntries || ' <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\n'} <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`
}

/** A complete .odt/.ott package; `mimetype` is the first entry, stored, as ODF requires. */
function odfPackage({ content, styles, title, mimetype = ODT_TEXT, manifestEntries, contentBytes }) {
  return zip([
    ['mimetype', mimetype, true],
    ['content.xml', contentBytes ?? content, Boolean(contentBytes)],
    ['styles.xml', styles],
    ['meta.xml', odfMeta(title)],
    ['META-INF/manifest.xml', odfManifest(mimetype, manifestEntries)],
  ])
}

function odtOfLetter(blocks, { norwegian, pageBreak, title }) {
  return odfPackage({
    content: odfContent(odfLetter(blocks, { norwegian, pageBreak })),
    styles: odfStyles(norwegian, true),
    title,
  })
}

function odfChange(id, kind, deleted) {
  const info = `<office:change-info><dc:creator>Kari Moen</dc:creator><dc:date>2025-03-24T10:0${id}:00</dc:date></office:change-info>`
  const body = kind === 'deletion' ? `${info}${deleted}` : info
  return `<text:changed-region xml:id="ct${id}" text:id="ct${id}"><text:${kind}>${body}</text:${kind}></text:changed-region>`
}

/** An office:annotation by a person, around `inner`. */
function odfAnnotated(name, text, inner) {
  return `<office:annotation office:name="${name}"><dc:creator>Kari Moen</dc:creator><dc:date>2025-03-24T09:00:00</dc:date><text:p>${esc(text)}</text:p></office:annotation>${inner}<office:annotation-end office:name="${name}"/>`
}

/** The ODF version of messyWord. */
function messyOdt() {
  const db = (column) =>
    `<text:database-display text:table-name="Mottakere" text:table-type="table" text:column-name="${column}" text:database-name="Adresser">&lt;${column}&gt;</text:database-display>`
  const cell = (text) => `<table:table-cell office:value-type="string"><text:p text:style-name="Table_20_Contents">${esc(text)}</text:p></table:table-cell>`
  const tracked = `<text:tracked-changes text:track-changes="false">${odfChange(1, 'insertion')}${odfChange(2, 'deletion', '<text:p> snarest</text:p>')}</text:tracked-changes>\n`
  const body = [
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">Vedtak om hjemmesykepleie</text:h>',
    `<text:p text:style-name="Text_20_body">Hei ${db('Fornavn')}!</text:p>`,
    '<text:p text:style-name="Text_20_body">Du får hjemmesykepleie i hen<text:span text:style-name="T1">hold</text:span><text:span text:style-name="T2"> til loven.</text:span></text:p>',
    '<text:p text:style-name="Text_20_body">Les mer <text:a xlink:type="simple" xlink:href="https://lillevik.kommune.no/klage">vedrørende klage</text:a> på nettsiden vår.</text:p>',
    `<text:p text:style-name="Text_20_body">Vedrørende ${db('Tjeneste')} har vi gjort et vedtak.</text:p>`,
    `<table:table table:name="Tabell1" table:style-name="Tabell1"><table:table-column table:number-columns-repeated="2"/><table:table-row>${cell('Pris')}${cell('Tjenesten er vederlagsfri.')}</table:table-row></table:table>`,
    '<text:p text:style-name="Text_20_body"><text:change-start text:change-id="ct1"/>Hjelpen iverksettes<text:change-end text:change-id="ct1"/><text:change text:change-id="ct2"/> fra 1. april 2025.</text:p>',
    `<text:p text:style-name="Text_20_body">Har du spørsmål, kan du ${odfAnnotated('kari1', 'Sjekk telefonnummeret før brevet sendes.', 'ta kontakt')} med oss.</text:p>`,
    '<text:p text:style-name="Text_20_body">Du kan klage på vedtaket.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">Klagen må sendes innen tre uker iht. loven.</text:p></text:note-body></text:note></text:p>',
  ].join('\n')
  const styles = odfStyles(false, true).replace('Lillevik kommune</text:p>', 'Lillevik kommune, brev vedrørende helse</text:p>')
  const content = odfContent(body, { tracked })
    .replace('<office:document-content ', '<office:document-content xmlns:xlink="http://www.w3.org/1999/xlink" ')
    .replace('</office:automatic-styles>', '<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>\n</office:automatic-styles>')
  return odfPackage({ content, styles, title: 'Vedtak med rotete formatering' })
}

/** The ODF version of silencedWord. */
function silencedOdt() {
  const p = (inner) => `<text:p text:style-name="Text_20_body">${inner}</text:p>`
  const body = [
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">Svar på søknaden</text:h>',
    p(`Vi viser til søknaden ${odfAnnotated('a1', 'klarsprak: ignorer', 'vedrørende')} praktisk bistand.`),
    p(`${odfAnnotated('a2', 'klarsprak-disable-next-line nb/kanselliord', 'Neste avsnitt')} er sjekket.`),
    p('Vi ber om mer informasjon vedrørende saken.'),
    p('Vi sender svar vedrørende klagen.'),
    p(`${odfAnnotated('a3', 'klarsprak-disable nb/forkortelser', 'Merk')} at vi har fått papirene.`),
    p('Du får svar ca. 1. mai, evt. før.'),
    p(`${odfAnnotated('a4', 'klarsprak-enable nb/forkortelser', 'Slutt')} på unntaket.`),
    p('Ring oss evt. på telefon.'),
  ].join('\n')
  return odfPackage({ content: odfContent(body), styles: odfStyles(false, false), title: 'Vedtak med unntak' })
}

function trackedOdt() {
  const changes = [
    odfChange(1, 'deletion', '<text:p>Det meddeles herved at De innvilges</text:p>'),
    odfChange(2, 'insertion'),
    odfChange(3, 'deletion', '<text:p> Tjenesten ytes vederlagsfritt iht. gjeldende forskrift.</text:p>'),
    odfChange(4, 'insertion'),
    odfChange(5, 'deletion', '<text:p>Det gjøres oppmerksom på at vedtaket kan påklages.</text:p><text:p/>'),
  ].join('')
  const tracked = `<text:tracked-changes text:track-changes="true">${changes}</text:tracked-changes>\n`
  const body = [
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">Vedtak om hjemmesykepleie</text:h>',
    '<text:p text:style-name="Text_20_body"><text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>Du får<text:change-end text:change-id="ct2"/> hjemmesykepleie to ganger om dagen.</text:p>',
    '<text:p text:style-name="Text_20_body">Hjelpen starter fredag 28. mars 2025.<text:change text:change-id="ct3"/><text:change-start text:change-id="ct4"/> Den er gratis.<text:change-end text:change-id="ct4"/></text:p>',
    '<text:p text:style-name="Text_20_body"><text:change text:change-id="ct5"/>Vi ser på hjelpen din igjen før 30. juni 2025.</text:p>',
    '<text:p text:style-name="Text_20_body">Ring oss hvis du har spørsmål.</text:p>',
  ].join('\n')
  return odfPackage({
    content: odfContent(body, { tracked }),
    styles: odfStyles(false, false),
    title: 'Vedtak med sporede endringer',
  })
}

function templateOdt() {
  const db = (column) =>
    `<text:database-display text:table-name="Mottakere" text:table-type="table" text:column-name="${column}" text:database-name="Adresser">&lt;${column}&gt;</text:database-display>`
  const cell = (text) => `<table:table-cell office:value-type="string"><text:p text:style-name="Table_20_Contents">${esc(text)}</text:p></table:table-cell>`
  const variables =
    '<text:variable-decls><text:variable-decl office:value-type="string" text:name="Tjeneste"/></text:variable-decls>'
  const userFields =
    '<text:user-field-decls><text:user-field-decl office:value-type="string" office:string-value="25/1311" text:name="Saksnummer"/></text:user-field-decls>'
  const body = [
    '<text:p text:style-name="P2">Vedtak om hjemmesykepleie</text:p>',
    `<text:p text:style-name="Text_20_body">Hei ${db('Fornavn')} ${db('Etternavn')}!</text:p>`,
    `<text:p text:style-name="Text_20_body">Adresse:<text:tab/>${db('Adresse')}</text:p>`,
    '<text:p text:style-name="Text_20_body">Saksnummer: <text:user-field-get text:name="Saksnummer">25/1311</text:user-field-get></text:p>',
    '<text:p text:style-name="Text_20_body">Vedtaket gjelder fra <text:placeholder text:placeholder-type="text" text:description="Dato vedtaket gjelder fra">&lt;Vedtaksdato&gt;</text:placeholder>.</text:p>',
    '<text:p text:style-name="Text_20_body"><text:variable-set text:name="Tjeneste" text:display="none" office:value-type="string">hjemmesykepleie</text:variable-set></text:p>',
    '<text:p text:style-name="Text_20_body">Du får <text:variable-get text:name="Tjeneste">hjemmesykepleie</text:variable-get>.</text:p>',
    `<table:table table:name="Tabell1" table:style-name="Tabell1"><table:table-column table:number-columns-repeated="2"/><table:table-row>${cell('Tjeneste')}${cell('Hjemmesykepleie')}</table:table-row></table:table>`,
    '<text:p text:style-name="Text_20_body">Du kan klage på vedtaket.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">Se forvaltningsloven § 28.</text:p></text:note-body></text:note></text:p>',
  ].join('\n')
  return odfPackage({
    content: odfContent(body, { variables, userFields }),
    styles: odfStyles(false, false),
    title: 'Mal for vedtak',
    mimetype: ODT_TEMPLATE,
  })
}

// ---- broken files -----------------------------------------------------------------------------

/** The 512-byte header of an OLE compound file (CFB v3), as an encrypted Office file starts. */
function cfbHeader() {
  const header = Buffer.alloc(512, 0)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0)
  header.writeUInt16LE(0x003e, 24) // minor version
  header.writeUInt16LE(0x0003, 26) // major version 3 (512-byte sectors)
  header.writeUInt16LE(0xfffe, 28) // byte order
  header.writeUInt16LE(9, 30) // sector shift: 2^9
  header.writeUInt16LE(6, 32) // mini sector shift: 2^6
  header.writeUInt32LE(0, 44) // FAT sectors
  header.writeUInt32LE(0xfffffffe, 48) // first directory sector: end of chain
  header.writeUInt32LE(0x1000, 56) // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60) // first mini FAT sector
  header.writeUInt32LE(0xfffffffe, 68) // first DIFAT sector
  for (let offset = 76; offset < 512; offset += 4) header.writeUInt32LE(0xffffffff, offset) // DIFAT: free
  return header
}

/** An encrypted ODT: the manifest says content.xml is encrypted; its bytes are noise. */
function encryptedOdt() {
  let state = 20250325
  const noise = new Uint8Array(600)
  for (let i = 0; i < noise.length; i++) {
    state = (state * 1664525 + 1013904223) >>> 0
    noise[i] = state >>> 24
  }
  const entry = ` <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="2048">
  <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="Q2xhcnNwcmFrLWZpeHR1cmUtY2hlY2tzdW0=">
   <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="S2xhcnNwcmFrSVYxMjM0NQ=="/>
   <manifest:start-key-generation manifest:start-key-generation-name="http://www.w3.org/2000/09/xmldsig#sha256" manifest:key-size="32"/>
   <manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="S2xhcnNwcmFrU2FsdDEyMw=="/>
  </manifest:encryption-data>
 </manifest:file-entry>
`
  return odfPackage({
    content: '',
    contentBytes: noise,
    styles: odfStyles(false, false),
    title: 'Passordbeskyttet',
    manifestEntries: entry,
  })
}

// ---- all --------------------------------------------------------------------------------------

/** Every fixture: file name → bytes. */
export function officeFixtures() {
  const after = wordOfLetter(AFTER, { norwegian: false, pageBreak: PAGE_BREAK_AFTER, title: 'Vedtak om hjemmesykepleie' })
  const files = {
    'vedtak-hjemmesykepleie.docx': after,
    'vedtak-hjemmesykepleie-for.docx': wordOfLetter(BEFORE, {
      norwegian: true,
      pageBreak: PAGE_BREAK_BEFORE,
      title: 'Vedtak vedrørende helsetjenester i hjemmet',
    }),
    'vedtak-hjemmesykepleie.odt': odtOfLetter(AFTER, {
      norwegian: false,
      pageBreak: PAGE_BREAK_AFTER,
      title: 'Vedtak om hjemmesykepleie',
    }),
    'vedtak-hjemmesykepleie-for.odt': odtOfLetter(BEFORE, {
      norwegian: true,
      pageBreak: PAGE_BREAK_BEFORE,
      title: 'Vedtak vedrørende helsetjenester i hjemmet',
    }),
    'vedtak-sporede-endringer.docx': trackedWord(),
    'vedtak-sporede-endringer.odt': trackedOdt(),
    'mal-flettefelt.dotx': templateWord(),
    'vedtak-rotete.docx': messyWord(),
    'vedtak-rotete.odt': messyOdt(),
    'vedtak-unntak.docx': silencedWord(),
    'vedtak-unntak.odt': silencedOdt(),
    'mal-flettefelt.ott': templateOdt(),
    'skadet.docx': after.subarray(0, Math.floor(after.length * 0.6)),
    'ikke-word.docx': zip([
      ['notater.txt', 'Dette er ikke et Word-dokument.\n'],
      ['bilder/README.md', '# Bilder\n'],
    ]),
    'passord.docx': cfbHeader(),
    'passord.odt': encryptedOdt(),
  }
  return files
}

/** Write the fixtures to fixtures/documents/; returns their names. */
export function buildAll() {
  mkdirSync(OUT, { recursive: true })
  const files = officeFixtures()
  for (const [name, bytes] of Object.entries(files)) writeFileSync(`${OUT}${name}`, bytes)
  return Object.keys(files)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const name of buildAll()) console.log(`fixtures/documents/${name}`)
}
