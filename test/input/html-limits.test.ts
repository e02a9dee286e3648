import { describe, expect, it } from 'vitest'
import { MAX_HTML_DEPTH, loadHtml } from '../../src/input/html.js'
import { failure, texts } from './documents.js'

const TOO_DEEP =
  'HTML-siden har elementer nestet mer enn 1\u00a0000 nivåer dypt, trolig tagger som ikke er lukket. Lukk elementene i HTML-koden og prøv igjen.'
const page = (body: string): Uint8Array => new TextEncoder().encode(`<!doctype html><html><body>${body}</body></html>`)

describe('HTML: deep nesting', () => {
  it.each([
    ['100,000 unclosed <div>', '<div>Tekst '.repeat(100_000)],
    ['100,000 unclosed <b>', '<b>Tekst '.repeat(100_000)],
    ['tables nested 30,000 deep', '<table><tr><td>Celle '.repeat(30_000)],
    ['100,000 nested <div> that are closed', `${'<div>Tekst '.repeat(100_000)}${'</div>'.repeat(100_000)}`],
    ['lists nested 50,000 deep', '<ul><li>Punkt '.repeat(50_000)],
  ])('%s: refused with a clear message, fast', async (_name, body) => {
    const started = performance.now()
    expect((await failure(loadHtml('x.html', page(body)))).message).toBe(TOO_DEEP)
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('nesting under the bound is read, and every level keeps the kind of its nearest heading, item or cell', async () => {
    const depth = MAX_HTML_DEPTH - 10
    const body = `<ul><li>${'<div>Punkt '.repeat(depth)}</li></ul><p>Slutt.</p>`
    const started = performance.now()
    const doc = await loadHtml('x.html', page(body))
    expect(performance.now() - started).toBeLessThan(2000)
    expect(doc.blocks).toHaveLength(depth + 1)
    expect(doc.blocks.slice(0, depth).every((b) => b.kind === 'list-item')).toBe(true)
    expect(doc.blocks.at(-1)!.kind).toBe('paragraph')
  })

  it('many stray end tags under deep (but allowed) nesting stay linear', async () => {
    const body = `${'<span>'.repeat(MAX_HTML_DEPTH - 5)}Tekst.${'</i>'.repeat(200_000)}`
    const started = performance.now()
    const doc = await loadHtml('x.html', page(body))
    expect(performance.now() - started).toBeLessThan(4000)
    expect(texts(doc)).toEqual(['Tekst.'])
  })

  it('100,000 unclosed <p> (each closes the one before) are read', async () => {
    const doc = await loadHtml('x.html', page('<p>Ja. '.repeat(100_000)))
    expect(doc.blocks).toHaveLength(100_000)
  })
})
