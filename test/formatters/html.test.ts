import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadFormatter } from '../../src/formatters/index.js'
import { CONTENT_SECURITY_POLICY, html } from '../../src/formatters/html.js'
import { escapeHtml, jsonForScript } from '../../src/formatters/html/escape.js'
import type { FileReport } from '../../src/types.js'
import { contextFor, HOSTILE, HOSTILE_NAME, lintFixture, lintText } from './html-reports.js'

const GOLDEN = new URL('golden/', import.meta.url)

/**
 * Golden files pin the whole page. They change only deliberately: after a reviewed change to the
 * formatter (or to the findings on these fixtures), regenerate with UPDATE_GOLDEN=1.
 */
function expectGolden(name: string, actual: string): void {
  const file = new URL(name, GOLDEN)
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`golden file ${name} is missing: run with UPDATE_GOLDEN=1 to create it`)
    writeFileSync(file, actual)
  }
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64')

/** The contents of every element of a kind, as written in the page. */
function elements(page: string, tag: string): string[] {
  return [...page.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!)
}

describe('html formatter: golden files (fixed clock)', () => {
  it('a decision letter with findings and a missing-content checklist', async () => {
    const reports = [await lintFixture('fixtures/vedtak/praktisk-bistand-mangler-klage-nb.txt')]
    expectGolden('vedtak-nb.html', html(reports, contextFor(reports)))
  })

  it('several files: index, a nynorsk letter, a Word document with pages and an unreadable file', async () => {
    const reports: FileReport[] = [
      await lintFixture('fixtures/vedtak/avlastning-innvilget-nn.txt'),
      await lintFixture('fixtures/documents/vedtak-hjemmesykepleie-for.docx'),
      await lintFixture('fixtures/after/brosjyre-hjemmetjenester.md'),
      { path: 'borte.txt', format: '', diagnostics: [], error: 'finnes ikke. Sjekk stien.' },
    ]
    expectGolden('index.html', html(reports, contextFor(reports)))
  }, 30_000)
})

describe('html formatter', () => {
  it('is registered as --format html and is pure: the clock comes from the context', async () => {
    expect(await loadFormatter('html')).toBe(html)
    const reports = [await lintText('brev.txt', 'Vi viser til søknaden vedrørende bistand.\n')]
    const context = contextFor(reports)
    expect(html(reports, context)).toBe(html(reports, context))
    expect(html(reports, context)).toContain('4. desember 2026 kl. 09.30 UTC')
    expect(html(reports, { ...context, now: new Date(Date.UTC(2027, 0, 2, 23, 5)) })).toContain('2. januar 2027 kl. 23.05 UTC')
  })

  it('is self-contained: nothing to fetch, one style and one script, both allowed by hash', async () => {
    const reports = [await lintFixture('fixtures/vedtak/praktisk-bistand-mangler-klage-nb.txt'), await lintText('b.txt', 'Kort tekst her.\n')]
    const page = html(reports, contextFor(reports))
    expect(page).not.toMatch(/\s(?:src|srcset|action|background)=/i)
    expect(page).not.toMatch(/href="(?!#)/)
    expect(page).not.toMatch(/@import|@font-face|url\((?!#)/)
    expect(page).not.toMatch(/\son[a-z]+=/i)
    expect(page).not.toMatch(/\sstyle=/)
    const styles = elements(page, 'style')
    expect(styles).toHaveLength(1)
    const scripts = [...page.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    expect(scripts.map((m) => m[1] ?? '')).toEqual([' type="application/json" id="kp-data"', ''])
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1]
    expect(csp).toBe(CONTENT_SECURITY_POLICY)
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain(`style-src 'sha256-${sha256(styles[0]!)}'`)
    expect(csp).toContain(`script-src 'sha256-${sha256(scripts[1]![2]!)}'`)
    expect(csp).toContain('img-src data:')
    expect(csp).not.toContain('unsafe')
  })

  it('escapes document text, file names and rule texts: hostile input stays text', async () => {
    const report = await lintText(HOSTILE_NAME, HOSTILE)
    report.path = HOSTILE_NAME
    expect(report.diagnostics.length).toBeGreaterThan(0)
    const page = html([report], contextFor([report]))
    const body = page.slice(page.indexOf('<body>'))
    for (const tag of ['<img', '<iframe', '<link', '<svg onload', '<b ', '<a href="javascript', '<!--', '</style>']) expect(body).not.toContain(tag)
    expect(body.match(/<script/g)).toHaveLength(2)
    expect(body).toContain('&lt;script&gt;console.log(&quot;injected-script&quot;);alert(1)&lt;/script&gt;')
    expect(body).toContain('&lt;img src=x onerror=alert(9)&gt;&quot;brev&#39;.txt')
    expect(body).toContain('{{constructor.constructor(&#39;alert(5)&#39;)()}}')
    // A rule text is escaped too: a municipal rule could say anything.
    const withRule = { ...report, diagnostics: report.diagnostics.map((d) => ({ ...d, message: '<b>x</b>', ruleId: 'kommune/<i>' })) }
    Object.defineProperty(withRule, 'source', { value: report.source })
    const ruled = html([withRule], contextFor([withRule]))
    expect(ruled).not.toContain('<b>x</b>')
    expect(ruled).not.toContain('kommune/<i>')
  })

  it('writes characters outside Latin-1 as character references (a one-byte string, half the memory)', async () => {
    const report = await lintText('brev.txt', 'Vedtak – om “bistand” ✓ og 😀 her.\n\nDu får hjelp – tre timer.\n')
    const page = html([report], contextFor([report]))
    expect(page).not.toMatch(/[^\u0000-\u00ff]/)
    expect(page.replace(/<[^>]*>/g, '')).toContain('Vedtak &#8211; om &#8220;bistand&#8221; &#10003; og &#128512; her.')
    expect(escapeHtml('a<b & "c" \'d\' ø – 😀')).toBe('a&lt;b &amp; &quot;c&quot; &#39;d&#39; ø &#8211; &#128512;')
  })

  it('embeds the script data as JSON that cannot end its element', () => {
    const json = jsonForScript({ note: '</script><script>alert(1)</script><!-- & \u2028' })
    expect(json).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(json)).toEqual({ note: '</script><script>alert(1)</script><!-- & \u2028' })
  })

  it('marks every span finding in place, nested and overlapping spans included', async () => {
    // «i henhold til» (phrase) inside a long sentence (whole sentence): nested spans.
    const text = `Vedtak om praktisk bistand\n\n${'Vi har i henhold til reglene vurdert søknaden din om praktisk bistand og kommet fram til at du får hjelp med rengjøring av boligen hver uke fra mars.'}\n`
    const report = await lintText('brev.txt', text)
    const page = html([report], contextFor([report]))
    const spans = report.diagnostics.filter((d) => d.actual !== '')
    expect(spans.length).toBeGreaterThan(1)
    const marks = [...page.matchAll(/<mark class="([^"]*)" data-f="([^"]*)"[^>]*>([^<]*)<\/mark>/g)].map((m) => ({ ids: m[2]!.split(' '), text: m[3]! }))
    const numbered = [...spans].sort((a, b) => a.start.offset - b.start.offset || b.end.offset - a.end.offset)
    numbered.forEach((d, i) => {
      const covered = marks.filter((m) => m.ids.includes(String(i + 1))).map((m) => m.text).join('')
      expect(covered).toBe(d.actual.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
    })
    expect(marks.some((m) => m.ids.length > 1)).toBe(true)
  })

  it('shows structure: headings, lists, tables and page boundaries of paged formats', async () => {
    const md = await lintText('brosjyre.md', '# Hjemmetjenester\n\nVi hjelper deg.\n\n- Rengjøring av boligen din.\n- Handling av mat.\n', 'md')
    const page = html([md], contextFor([md]))
    expect(page).toContain('<h3>Hjemmetjenester</h3>')
    expect(page).toMatch(/<ul><li>Rengjøring av boligen din.<\/li><li>Handling av mat.<\/li><\/ul>/)
    const table = await lintText('side.html', '<h1>Priser</h1><table><tr><td>Tjeneste</td><td>Pris</td></tr><tr><td>Alarm</td><td>300 kroner</td></tr></table>', 'html')
    expect(html([table], contextFor([table]))).toContain('<div class="table" role="group" aria-label="Tabell"><div class="cell">Tjeneste</div><div class="cell">Pris</div><div class="cell">Alarm</div>')
    const pdf = await lintFixture('fixtures/documents/vedtak-hjemmesykepleie-for.pdf')
    const paged = html([pdf], contextFor([pdf]))
    expect(paged).toContain('<div class="page" role="separator" aria-label="Side 1">Side 1</div>')
    expect(paged).toContain('aria-label="Side 2">Side 2</div>')
  }, 30_000)

  it('speaks nynorsk for a nynorsk document and bokmål for the rest', async () => {
    const nn = await lintFixture('fixtures/vedtak/avlastning-innvilget-nn.txt')
    const nb = await lintFixture('fixtures/vedtak/praktisk-bistand-mangler-klage-nb.txt')
    expect(nn.language).toBe('nn')
    const alone = html([nn], contextFor([nn]))
    expect(alone).toContain('<html lang="nn">')
    expect(alone).toContain('Lesbarheit')
    expect(alone).toContain('Esc lukkar')
    const both = html([nn, nb], contextFor([nn, nb]))
    expect(both).toContain('<html lang="nb">')
    expect(both).toMatch(/<article class="doc" id="d1" data-ui="nn" lang="nn"[\s\S]*Lesbarheit[\s\S]*<article class="doc" id="d2" data-ui="nb" lang="nb"[\s\S]*Lesbarhet/)
  })

  it('links each present checklist element to the words that satisfy it and lists the missing ones', async () => {
    const report = await lintFixture('fixtures/vedtak/praktisk-bistand-mangler-klage-nb.txt')
    const page = html([report], contextFor([report]))
    const elements = report.vedtak!.elements.filter((e) => e.applies)
    for (const [k, element] of report.vedtak!.elements.entries()) {
      if (!element.applies) continue
      if (element.present && element.evidence) {
        expect(page).toContain(`<a href="#d1-e${k}"`)
        expect(page).toContain(` id="d1-e${k}"></span>`)
      }
      if (!element.present) expect(page).toContain(`&#10008; Mangler:</span> ${escapeHtml(element.label)}`)
    }
    expect(elements.some((e) => !e.present)).toBe(true)
  })
})

describe('JSON position', () => {
  it('gives block, paragraph and page of Word and PDF findings, agreeing with location', async () => {
    for (const format of ['docx', 'pdf']) {
      const report = await lintFixture(`fixtures/documents/vedtak-hjemmesykepleie-for.${format}`)
      const located = report.diagnostics.filter((d) => d.location)
      expect(located.length).toBeGreaterThan(10)
      for (const d of located) {
        expect(d.location).toBe(`side ${d.position!.page}, avsnitt ${d.position!.paragraph}`)
        const block = report.layout!.blocks[d.position!.block - 1]!
        expect(block.start).toBeLessThanOrEqual(d.start.offset)
      }
      expect(new Set(located.map((d) => d.position!.page)).size).toBeGreaterThan(1)
    }
  }, 30_000)

  it('numbers blocks from 1 in plain text, where paragraph is the block number', async () => {
    const report = await lintText('brev.txt', 'Overskrift\n\nVi viser til søknaden vedrørende bistand.\n\nDet foreligger ikke noe nytt.\n')
    const positions = report.diagnostics.map((d) => [d.actual, d.position])
    expect(positions).toContainEqual(['vedrørende', { block: 2, paragraph: 2 }])
    expect(positions).toContainEqual(['foreligger', { block: 3, paragraph: 3 }])
  })
})
