// Builds the HTML and text-encoding fixtures in fixtures/documents/.
//
//   node test/fixtures-build/text.js
//
// Needs nothing but Node (20+). The output is deterministic: running it again rewrites the same
// bytes. The files:
//
// - brosjyre-hjemmetjenester.html: fixtures/before/brosjyre-hjemmetjenester.md as a municipal web
//   page, with the chrome a real page has around the text (head with script and style, menu,
//   site header, search, breadcrumbs, cookie notice, footer) that the HTML loader must leave out.
// - vedtak-utf8.txt: fixtures/after/vedtak-praktisk-bistand.txt with one en dash («klokka 9–14»),
//   the reference text for the two files below.
// - vedtak-windows-1252.txt: the same letter in Windows-1252, as older Windows case systems save
//   letter templates (æøå as single bytes, the en dash as 0x96, a byte only Windows-1252 has).
// - vedtak-utf16.txt: the same letter in UTF-16LE with a byte order mark (Notepad's «Unicode»).
// - binaer.txt: 4 KB of binary bytes behind a .txt name.
// - tom.txt: empty.
// - ugyldig-tekst.txt: a letter saved in the DOS code page 850, whose Å (0x8F) and Ø (0x9D) are
//   bytes Windows-1252 leaves undefined: neither UTF-8 nor Windows-1252.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'

const root = new URL('../../fixtures/', import.meta.url)
const out = new URL('documents/', root)
mkdirSync(out, { recursive: true })
const write = (name, content) => writeFileSync(new URL(name, out), content)

// ---------------------------------------------------------------------------------------------
// The brochure as a web page.

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Inline markdown (only what the brochure uses) → HTML. */
function inline(text) {
  return escape(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/([\w.-]+@[\w.-]+\w)/g, '<a href="mailto:$1">$1</a>')
    .replace(/§ /g, '&sect;&nbsp;')
}

/** The brochure's markdown → the HTML of its main content, indented for the page. */
function brochureHtml(markdown) {
  const html = []
  for (const chunk of markdown.trim().split(/\n\s*\n/)) {
    const lines = chunk.split('\n')
    const heading = /^(#{1,6}) (.*)$/.exec(lines[0])
    if (heading) {
      const level = heading[1].length
      html.push(`<h${level}>${inline(heading[2])}</h${level}>`)
    } else if (lines.every((line) => line.startsWith('- '))) {
      html.push('<ul>', ...lines.map((line) => `  <li>${inline(line.slice(2))}</li>`), '</ul>')
    } else {
      // A disable directive stays an HTML comment: comments are not text.
      const comments = lines.filter((line) => line.startsWith('<!--'))
      const prose = lines.filter((line) => !line.startsWith('<!--'))
      html.push(...comments, `<p>${inline(prose.join('\n'))}</p>`)
    }
  }
  return html
}

const brochure = readFileSync(new URL('before/brosjyre-hjemmetjenester.md', root), 'utf8')
const content = brochureHtml(brochure)
// The contact section gets a table of phone numbers, as such pages have.
const contactTable = [
  '<table class="kontakt">',
  '  <caption>Telefon og åpningstider</caption>',
  '  <thead>',
  '    <tr><th scope="col">Tjeneste</th><th scope="col">Telefon</th><th scope="col">&Aring;pent</th></tr>',
  '  </thead>',
  '  <tbody>',
  '    <tr><td>Tildelingskontoret</td><td>31&nbsp;00&nbsp;45&nbsp;00</td><td>Hverdager 9&#8211;14</td></tr>',
  '    <tr><td>Hjemmesykepleien</td><td>31&nbsp;00&nbsp;45&nbsp;10</td><td>Hele døgnet</td></tr>',
  '  </tbody>',
  '</table>',
]

const page = `<!DOCTYPE html>
<html lang="nb">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Hjemmetjenester - Lillevik kommune</title>
  <link rel="stylesheet" href="/assets/lillevik.css">
  <style>
    body { font-family: sans-serif; }
    .cookie-banner::before { content: "Informasjonskapsler"; }
  </style>
  <script>
    window.dataLayer = window.dataLayer || [];
    document.documentElement.className = "js"; // "Søknad om hjemmetjenester" er ikke tekst
  </script>
</head>
<body class="side-tjeneste">
  <header class="site-header">
    <a class="hopp" href="#hovedinnhold">Hopp til hovedinnhold</a>
    <a class="logo" href="/"><img src="/assets/logo.svg" alt="Lillevik kommune"> Lillevik kommune</a>
    <form role="search" action="/sok">
      <label for="q">Søk på nettstedet</label>
      <input id="q" name="q" type="search">
      <button type="submit">Søk</button>
    </form>
  </header>
  <nav class="hovedmeny" aria-label="Hovedmeny">
    <ul>
      <li><a href="/helse-og-omsorg/">Helse og omsorg</a></li>
      <li><a href="/skole-og-barnehage/">Skole og barnehage</a></li>
      <li><a href="/bolig-og-eiendom/">Bolig og eiendom</a></li>
      <li><a href="/politikk/">Politikk og organisasjon</a></li>
    </ul>
  </nav>
  <div class="brodsmuler" role="navigation" aria-label="Brødsmuler">
    <a href="/">Forside</a> / <a href="/helse-og-omsorg/">Helse og omsorg</a> / Hjemmetjenester
  </div>
  <main id="hovedinnhold">
    <article>
${content.map((line) => `      ${line}`).join('\n')}
${contactTable.map((line) => `      ${line}`).join('\n')}
      <p class="oppdatert">Sist oppdatert <time datetime="2025-03-12">12.&nbsp;mars 2025</time></p>
    </article>
    <aside class="del" aria-hidden="true">Del siden på Facebook</aside>
  </main>
  <noscript><p>Du må slå på JavaScript for å bruke søket.</p></noscript>
  <div class="cookie-banner" aria-hidden="true">
    <p>Vi bruker informasjonskapsler (cookies) for å forbedre nettstedet.</p>
    <button type="button">Godta alle</button>
  </div>
  <footer class="site-footer">
    <address>
      Lillevik kommune<br>
      Rådhusgata 1, 4799 Lillevik<br>
      Telefon: 31 00 45 00
    </address>
    <p>Org.nr. 999 888 777 · <a href="/personvern/">Personvern og informasjonskapsler</a></p>
  </footer>
  <script src="/assets/lillevik.js" defer></script>
</body>
</html>
`
write('brosjyre-hjemmetjenester.html', page)

// ---------------------------------------------------------------------------------------------
// One letter in three encodings.

const after = readFileSync(new URL('after/vedtak-praktisk-bistand.txt', root), 'utf8')
const letter = after.replace('mellom klokka 9 og 14', 'klokka 9–14')
if (letter === after) throw new Error('vedtak-praktisk-bistand.txt has changed: place the en dash anew')
write('vedtak-utf8.txt', letter)

/** Windows-1252 bytes of characters above 0xFF (only those the letters need). */
const CP1252 = new Map([['–', 0x96], ['—', 0x97], ['’', 0x92], ['“', 0x93], ['”', 0x94], ['€', 0x80], ['…', 0x85]])
function encodeWindows1252(text) {
  return Uint8Array.from(text, (ch) => {
    const code = ch.codePointAt(0)
    if (code <= 0xff && !(code >= 0x80 && code <= 0x9f)) return code
    const byte = CP1252.get(ch)
    if (byte === undefined) throw new Error(`no Windows-1252 byte for ${JSON.stringify(ch)}`)
    return byte
  })
}
write('vedtak-windows-1252.txt', encodeWindows1252(letter))
write('vedtak-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(letter, 'utf16le')]))

// ---------------------------------------------------------------------------------------------
// Bad input.

// Deterministic pseudo-random bytes (a linear congruential generator) after a PNG signature.
const binary = new Uint8Array(4096)
binary.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
let seed = 20250312
for (let i = 8; i < binary.length; i++) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
  binary[i] = seed >>> 24
}
write('binaer.txt', binary)

write('tom.txt', new Uint8Array(0))

/** Code page 850 (DOS, Western Europe) for the letters the text uses beyond ASCII. */
const CP850 = new Map([['æ', 0x91], ['Æ', 0x92], ['ø', 0x9b], ['Ø', 0x9d], ['å', 0x86], ['Å', 0x8f], ['é', 0x82]])
const dosLetter = `ØSTRE LILLEVIK HJEMMETJENESTE

Vedtak om trygghetsalarm

Søknaden din om trygghetsalarm er innvilget. Åpningstiden på kontoret er
hverdager klokka 9 til 14. Alarmen blir montert før påske.
`
write(
  'ugyldig-tekst.txt',
  Uint8Array.from(dosLetter, (ch) => CP850.get(ch) ?? ch.charCodeAt(0)),
)
