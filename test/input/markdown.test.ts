import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.js'
import { Engine } from '../../src/engine.js'
import { loadDocument } from '../../src/input/index.js'
import { MAX_MD_NESTING, loadMarkdown } from '../../src/input/markdown.js'
import { lintDocument } from '../../src/lint.js'
import { loadBuiltinRules } from '../../src/rules/builtin.js'

function refusal(source: string): { message: string; ms: number } {
  const started = performance.now()
  try {
    loadMarkdown('x.md', source)
  } catch (error) {
    if (error instanceof UserError) return { message: error.message, ms: performance.now() - started }
    throw error
  }
  throw new Error('loaded without an error')
}

describe('Markdown: actual is the file’s own characters', () => {
  const source = [
    '# Vedtak',
    '',
    'Vi **viser til** [søknaden din](https://lillevik.kommune.no/soknad) vedrørende praktisk bistand, og vi har i henhold til reglene vurdert **alle** opplysningene som du har sendt inn til oss i forbindelse med saken din om hjelp i hjemmet.',
    '',
  ].join('\n')

  it('keeps the source on the Document, same length as the blanked text', () => {
    const doc = loadMarkdown('brev.md', source)
    expect(doc.source).toBe(source)
    expect(doc.text).toHaveLength(source.length)
    expect(doc.text).toContain('Vi   viser til    søknaden din')
  })

  it('every diagnostic quotes the source slice; report.source is the file', async () => {
    const { rules } = await loadBuiltinRules()
    const doc = await loadDocument('brev.md', new TextEncoder().encode(source))
    const report = lintDocument(doc, { engine: new Engine(rules) })
    expect(report.diagnostics.length).toBeGreaterThan(0)
    for (const d of report.diagnostics) {
      if (d.actual !== '') expect(d.actual).toBe(source.slice(d.start.offset, d.end.offset))
    }
    // A finding over the marked-up sentence shows the markup as written, not blanks.
    expect(report.diagnostics.some((d) => d.actual.includes('**viser til** [søknaden din]('))).toBe(true)
    expect(report.source).toBe(source)
  })
})

describe('Markdown: shapes the parser cannot take in linear time are refused, fast', () => {
  const TOO_DEEP = `Markdown-filen har lister eller sitater nestet mer enn ${MAX_MD_NESTING} nivåer dypt. Rett opp strukturen og prøv igjen.`
  it.each([
    ['10,000 nested block quotes', `${'> '.repeat(10_000)}tekst`, TOO_DEEP],
    ['10,000 nested bullet lists on one line', `${'* '.repeat(10_000)}a`, TOO_DEEP],
    ['10,000 nested ordered lists', `${'1. '.repeat(10_000)}a`, TOO_DEEP],
    ['block quotes without spaces', `${'>'.repeat(10_000)} a`, TOO_DEEP],
    ['50,000 «[»', `${'['.repeat(50_000)}a`, /^Markdown-filen har over 1\u00a0000 «\[» i ett avsnitt/],
    ['50,000 nested links', `${'['.repeat(50_000)}a${']'.repeat(50_000)}`, /«\[» i ett avsnitt/],
    ['50,000 unclosed link destinations', '[a]('.repeat(50_000), /«\[» i ett avsnitt/],
    ['link brackets over many lines of one paragraph', '[a](\n'.repeat(5_000), /«\[» i ett avsnitt/],
    ['50,000 «*» around a word', `${'*'.repeat(50_000)}a${'*'.repeat(50_000)}`, /over 100 «\*» eller «_» inntil tekst/],
    ['50,000 «_» after a word', `a${'_'.repeat(50_000)}`, /over 100 «\*» eller «_» inntil tekst/],
  ])('%s', (_name, source, message) => {
    const { message: got, ms } = refusal(source)
    if (typeof message === 'string') expect(got).toBe(message)
    else expect(got).toMatch(message)
    expect(ms).toBeLessThan(3000)
  })

  it('the bound is per paragraph: a blank line starts the count again, escaped brackets do not count', () => {
    const doc = loadMarkdown('x.md', `${'[a](b) '.repeat(510)}\n\n${'[a](b) '.repeat(510)}\n\n${'\\['.repeat(1100)}\n`)
    expect(doc.blocks).toHaveLength(3)
  })

  it('nesting at the bound is read; 50 levels of quotes and lists', () => {
    const quotes = `${'> '.repeat(MAX_MD_NESTING)}Vi viser til søknaden.`
    expect(loadMarkdown('x.md', quotes).blocks).toEqual([{ kind: 'paragraph', start: MAX_MD_NESTING * 2, end: quotes.length }])
    const lists = Array.from({ length: MAX_MD_NESTING }, (_, i) => `${'  '.repeat(i)}- punkt ${i}`).join('\n')
    const doc = loadMarkdown('x.md', lists)
    expect(doc.blocks).toHaveLength(MAX_MD_NESTING)
    expect(doc.blocks.every((b) => b.kind === 'list-item')).toBe(true)
  })

  it('what stays linear is read: 100,000 backticks, a thematic break of 50,000 «*», signature lines, a 2,000-row table', () => {
    const started = performance.now()
    expect(loadMarkdown('x.md', `Tekst ${'`'.repeat(100_000)} her.`).blocks).toHaveLength(1)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(loadMarkdown('x.md', `Før.\n\n${'*'.repeat(50_000)}\n\nEtter.`).blocks).toHaveLength(2)
    expect(loadMarkdown('x.md', `Underskrift: ${'_'.repeat(200)}\n`).blocks).toHaveLength(1)
    // Without the GFM extension a table is one paragraph of text.
    const table = `| a | b |\n| - | - |\n${'| c | d |\n'.repeat(2000)}`
    expect(loadMarkdown('x.md', table).blocks).toHaveLength(1)
  })

  it('the walk over the tree is not recursive: 40 levels of lists with deep inline nesting load', () => {
    const inline = `${'*a '.repeat(20)}tekst${' a*'.repeat(20)}`
    const lists = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- ${inline}`).join('\n')
    expect(loadMarkdown('x.md', lists).blocks).toHaveLength(40)
  })
})

describe('Markdown: line endings', () => {
  it('CR-only Markdown splits paragraphs and keeps lines for directives', () => {
    const source = ['# Tittel', '', 'Første avsnitt.', '', '<!-- klarsprak-disable-next-line -->', 'Andre avsnitt.'].join('\r')
    const doc = loadMarkdown('x.md', source)
    expect(doc.blocks.map((b) => source.slice(b.start, b.end))).toEqual(['# Tittel', 'Første avsnitt.', 'Andre avsnitt.'])
    expect(doc.directives).toEqual([{ kind: 'disable-next-line', rules: [], line: 5 }])
  })
})
