import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.js'
import { decodeHtml, loadHtml } from '../../src/input/html.js'
import type { Document } from '../../src/types.js'

const FIXTURES = new URL('../../fixtures/', import.meta.url)

const html = (source: string): Promise<Document> => loadHtml('side.html', new TextEncoder().encode(source))

/** Each block as [kind, text]. */
const blocksOf = (doc: Document): [string, string][] =>
  doc.blocks.map((block) => [block.kind, doc.text.slice(block.start, block.end)])

async function failure(bytes: Uint8Array): Promise<UserError> {
  try {
    await loadHtml('side.html', bytes)
  } catch (error) {
    if (error instanceof UserError) return error
    throw error
  }
  throw new Error('loaded without an error')
}

describe('loadHtml: blocks', () => {
  it('makes headings, paragraphs, list items and table cells, joined by blank lines', async () => {
    const doc = await html(`<!doctype html><html><head><title>Tittel</title></head><body>
      <h1>Hjemmehjelp</h1>
      <p>Du får hjelp
         til å vaske.</p>
      <ul><li>vask av gulv</li><li>handling</li></ul>
      <table><caption>Priser</caption><tr><th>Inntekt</th><th>Pris</th></tr><tr><td>Under 2 G</td><td>220 kr</td></tr></table>
    </body></html>`)
    expect(doc.format).toBe('html')
    expect(doc.directives).toEqual([])
    expect(blocksOf(doc)).toEqual([
      ['heading', 'Hjemmehjelp'],
      ['paragraph', 'Du får hjelp til å vaske.'],
      ['list-item', 'vask av gulv'],
      ['list-item', 'handling'],
      ['paragraph', 'Priser'],
      ['table-cell', 'Inntekt'],
      ['table-cell', 'Pris'],
      ['table-cell', 'Under 2 G'],
      ['table-cell', '220 kr'],
    ])
    expect(doc.text).toBe(
      'Hjemmehjelp\n\nDu får hjelp til å vaske.\n\nvask av gulv\n\nhandling\n\nPriser\n\nInntekt\n\nPris\n\nUnder 2 G\n\n220 kr',
    )
    expect(doc.blocks.map((block) => block.location)).toEqual(
      Array.from({ length: 9 }, (_, i) => ({ paragraph: i + 1 })),
    )
  })

  it('lets inline elements flow into their block; <br> is a space', async () => {
    const doc = await html(
      '<p>Ring <a href="tel:31004560"><strong>Mari</strong> Holm</a> på <abbr title="telefon">tlf.</abbr> 31&nbsp;00&nbsp;45&nbsp;60.<br>Hun <em>svarer</em><span> </span>raskt.</p>',
    )
    expect(blocksOf(doc)).toEqual([['paragraph', 'Ring Mari Holm på tlf. 31\u00a000\u00a045\u00a060. Hun svarer raskt.']])
  })

  it('makes every other block element a paragraph, and loose text in a container one of its own', async () => {
    const doc = await html(`<body>
      <div>Løs tekst i en div <div>og en indre div</div> og mer løs tekst</div>
      <section><article>Tekst i en artikkel</article></section>
      <blockquote><p>Første avsnitt</p><p>Andre avsnitt</p></blockquote>
      <dl><dt>Vedtak</dt><dd>En avgjørelse.</dd></dl>
      <figure><img src="a.png" alt="Bilde"><figcaption>Bildetekst</figcaption></figure>
      <address>Rådhusgata 1<br>4799 Lillevik</address>
      <pre>Linje en
Linje   to</pre>
      Tekst rett i body
    </body>`)
    expect(blocksOf(doc)).toEqual([
      ['paragraph', 'Løs tekst i en div'],
      ['paragraph', 'og en indre div'],
      ['paragraph', 'og mer løs tekst'],
      ['paragraph', 'Tekst i en artikkel'],
      ['paragraph', 'Første avsnitt'],
      ['paragraph', 'Andre avsnitt'],
      ['paragraph', 'Vedtak'],
      ['paragraph', 'En avgjørelse.'],
      ['paragraph', 'Bildetekst'],
      ['paragraph', 'Rådhusgata 1 4799 Lillevik'],
      ['paragraph', 'Linje en Linje to'],
      ['paragraph', 'Tekst rett i body'],
    ])
  })

  it('makes nested lists separate list items, and keeps the kind of a list item or cell inside it', async () => {
    const doc = await html(`<ol>
      <li>Hjemmesykepleie
        <ul><li>sårstell</li><li>medisiner</li></ul>
        etter behov</li>
      <li><p>Praktisk bistand</p></li>
      <li><h3>Overskrift i punkt</h3></li>
    </ol>
    <table><tr><td><p>Avsnitt i celle</p></td></tr></table>`)
    expect(blocksOf(doc)).toEqual([
      ['list-item', 'Hjemmesykepleie'],
      ['list-item', 'sårstell'],
      ['list-item', 'medisiner'],
      ['list-item', 'etter behov'],
      ['list-item', 'Praktisk bistand'],
      ['heading', 'Overskrift i punkt'],
      ['table-cell', 'Avsnitt i celle'],
    ])
  })

  it('decodes entities: named, numeric, in text and across inline elements', async () => {
    const doc = await html(
      '<h2>S&oslash;knad &amp; klage</h2><p>&laquo;Vedtak&raquo; etter &sect;&nbsp;3-2 &#8211; fristen er &#x34; uker &lt;3&gt; &AElig;&Oslash;&Aring;</p>',
    )
    expect(blocksOf(doc)).toEqual([
      ['heading', 'Søknad & klage'],
      ['paragraph', '«Vedtak» etter §\u00a03-2 – fristen er 4 uker <3> ÆØÅ'],
    ])
  })

  it('drops soft hyphens and zero-width spaces, which would split words', async () => {
    const doc = await html('<p>hjemme&shy;sykepleie og omsorgs\u200btjenester</p>')
    expect(doc.text).toBe('hjemmesykepleie og omsorgstjenester')
  })

  it('ends a head left unclosed when body content starts, as a browser does', async () => {
    const doc = await html('<html><head><title>Tittel</title><meta charset="utf-8"><h1>Overskrift</h1><p>Tekst</p>')
    expect(blocksOf(doc)).toEqual([
      ['heading', 'Overskrift'],
      ['paragraph', 'Tekst'],
    ])
  })
})

describe('loadHtml: what the reader does not see', () => {
  it('leaves out head, scripts, styles, comments and hidden content', async () => {
    const doc = await html(`<!DOCTYPE html>
      <html><head><title>Sidetittel</title><style>p { color: red }</style>
      <script>var s = "skript i head"</script></head>
      <body>
        <p>Synlig</p>
        <script>document.write("<p>skript</p>")</script>
        <style>.x::before { content: "stil" }</style>
        <noscript>Slå på JavaScript</noscript>
        <template><p>mal</p></template>
        <svg><text>grafikk</text><title>svg-tittel</title></svg>
        <iframe src="x">ramme</iframe>
        <!-- kommentar -->
        <p hidden>skjult med hidden</p>
        <p aria-hidden="true">skjult for skjermlesere</p>
        <div style="display: none">skjult med stil</div>
        <p>Også <span hidden>ikke</span>synlig</p>
      </body></html>`)
    expect(doc.text).toBe('Synlig\n\nOgså synlig')
  })

  it('leaves out page chrome: navigation, landmarks, and the header and footer of the page', async () => {
    const doc = await html(`<body>
      <header><p>Lillevik kommune</p></header>
      <nav><ul><li>Meny</li></ul></nav>
      <div role="navigation">Brødsmuler</div>
      <div role="banner">Banner</div>
      <form role="search"><label>Søk</label></form>
      <main>
        <article>
          <header><h1>Artikkelens overskrift</h1></header>
          <p>Innhold</p>
          <footer><p>Artikkelens bunntekst</p></footer>
        </article>
      </main>
      <div role="contentinfo">Kontaktinfo</div>
      <footer><p>Sidens bunntekst</p></footer>
    </body>`)
    expect(blocksOf(doc)).toEqual([
      ['heading', 'Artikkelens overskrift'],
      ['paragraph', 'Innhold'],
      ['paragraph', 'Artikkelens bunntekst'],
    ])
  })

  it('refuses a page without visible text', async () => {
    const error = await failure(
      new TextEncoder().encode('<html><head><title>Tom</title></head><body><nav>Meny</nav><p>&nbsp;</p></body></html>'),
    )
    expect(error.message).toBe('HTML-siden har ingen synlig tekst.')
    expect(error.format()).toBe('side.html: HTML-siden har ingen synlig tekst.')
  })

  it('refuses empty and binary files like text files', async () => {
    expect((await failure(new Uint8Array(0))).message).toBe('er tom.')
    expect((await failure(new Uint8Array([0x3c, 0x70, 0x3e, 0x00, 0x01]))).message).toBe(
      'ser ut som en binærfil, ikke tekst. Sjekk at du har valgt riktig fil.',
    )
  })
})

describe('loadHtml: encodings', () => {
  const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0))

  it('follows <meta charset> and http-equiv declarations of Windows-1252 / ISO-8859-1', async () => {
    for (const meta of [
      '<meta charset="windows-1252">',
      '<meta charset=iso-8859-1>',
      '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    ]) {
      const bytes = latin1(`<html><head>${meta}</head><body><p>Søknad om bistand</p></body></html>`)
      expect((await loadHtml('side.html', bytes)).text).toBe('Søknad om bistand')
    }
    // 0x96 is the en dash in Windows-1252.
    const dash = new Uint8Array([...latin1('<meta charset="iso-8859-1"><p>9'), 0x96, ...latin1('14</p>')])
    expect(decodeHtml(dash, 'side.html')).toMatchObject({ encoding: 'windows-1252' })
    expect((await loadHtml('side.html', dash)).text).toBe('9–14')
  })

  it('reads UTF-8 with and without a byte order mark, and UTF-16 with one', async () => {
    const source = '<meta charset="utf-8"><p>Søknad – «ja»</p>'
    expect((await loadHtml('side.html', new TextEncoder().encode(source))).text).toBe('Søknad – «ja»')
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(source)])
    expect((await loadHtml('side.html', bom)).text).toBe('Søknad – «ja»')
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('<p>Søknad – «ja»</p>', 'utf16le')])
    expect(decodeHtml(utf16, 'side.html').encoding).toBe('utf-16le')
    expect((await loadHtml('side.html', utf16)).text).toBe('Søknad – «ja»')
  })

  it('falls back to Windows-1252 for an undeclared page that is not UTF-8', async () => {
    const bytes = latin1('<p>Søknad</p>')
    expect(decodeHtml(bytes, 'side.html').encoding).toBe('windows-1252')
    expect((await loadHtml('side.html', bytes)).text).toBe('Søknad')
  })
})

describe('loadHtml: the brochure web page fixture', () => {
  const path = new URL('documents/brosjyre-hjemmetjenester.html', FIXTURES).pathname
  const markdown = readFileSync(new URL('before/brosjyre-hjemmetjenester.md', FIXTURES), 'utf8')
  const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim()

  it('has the brochure text, block by block, and none of the page chrome', async () => {
    const doc = await loadHtml(path, readFileSync(path))
    const texts = blocksOf(doc).map(([, text]) => normalise(text))
    // Every heading, paragraph and list item of the brochure, in order, without markup.
    const expected = markdown
      .trim()
      .split(/\n\s*\n/)
      .flatMap((chunk) => (chunk.startsWith('- ') ? chunk.split('\n') : [chunk]))
      .map((chunk) => normalise(chunk.replace(/^<!--.*-->$/m, '').replace(/^(#+|-) /, '').replace(/\*\*/g, '')))
    expect(texts.slice(0, expected.length)).toEqual(expected)
    expect(blocksOf(doc).slice(0, 4).map(([kind]) => kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph'])
    expect(blocksOf(doc).filter(([kind]) => kind === 'list-item')).toHaveLength(4)
    expect(texts.slice(expected.length)).toEqual([
      'Telefon og åpningstider',
      'Tjeneste',
      'Telefon',
      'Åpent',
      'Tildelingskontoret',
      '31 00 45 00',
      'Hverdager 9–14',
      'Hjemmesykepleien',
      '31 00 45 10',
      'Hele døgnet',
      'Sist oppdatert 12. mars 2025',
    ])
    expect(blocksOf(doc).filter(([kind]) => kind === 'table-cell')).toHaveLength(9)
    for (const chrome of [
      'Hjemmetjenester - Lillevik kommune', // title
      'dataLayer', // script
      'font-family', // style
      'Hopp til hovedinnhold', // site header
      'Søk på nettstedet', // search
      'Skole og barnehage', // navigation menu
      'Forside', // breadcrumbs
      'Del siden', // aria-hidden
      'JavaScript', // noscript
      'informasjonskapsler', // cookie notice
      'Rådhusgata', // page footer
      'klarsprak-disable', // comment
    ]) {
      expect(doc.text).not.toContain(chrome)
    }
  })
})
