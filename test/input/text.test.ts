import { describe, expect, it } from 'vitest'
import { Engine } from '../../src/engine.js'
import { loadDocument } from '../../src/input/index.js'
import { loadText } from '../../src/input/text.js'
import { lintDocument } from '../../src/lint.js'
import { lineStarts, toPoint } from '../../src/report.js'
import { loadBuiltinRules } from '../../src/rules/builtin.js'
import type { Document, FileReport } from '../../src/types.js'

const LETTER = [
  'Vedtak om praktisk bistand',
  '',
  'Vi viser til søknaden din vedrørende praktisk bistand.',
  'Du får hjelp én gang i uka.',
  '',
  'Med hilsen',
  'Kari Moen',
]

const blockTexts = (doc: Document): string[] => doc.blocks.map((b) => doc.text.slice(b.start, b.end))

async function lintBytes(path: string, bytes: Uint8Array): Promise<FileReport> {
  const { rules } = await loadBuiltinRules()
  return lintDocument(await loadDocument(path, bytes), { engine: new Engine(rules) })
}

/** Line and column of an offset as an editor shows them: CRLF, LF and a lone CR each end a line. */
function editorPoint(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/)
  return { line: before.length, column: before.at(-1)!.length + 1 }
}

describe('text loader: line endings', () => {
  const lf = LETTER.join('\n')

  it.each([
    ['CR only (old Mac)', '\r'],
    ['CRLF', '\r\n'],
  ])('%s: the same blocks as with LF, offsets into the original text', (_name, eol) => {
    const text = LETTER.join(eol)
    const doc = loadText('brev.txt', text)
    expect(doc.text).toBe(text)
    expect(blockTexts(doc).map((t) => t.replace(/\r\n?/g, '\n'))).toEqual(blockTexts(loadText('brev.txt', lf)))
    expect(doc.blocks.map((b) => b.kind)).toEqual(loadText('brev.txt', lf).blocks.map((b) => b.kind))
    expect(blockTexts(doc)).toContain('Vedtak om praktisk bistand')
  })

  it('mixed line endings: a lone CR, CRLF and LF each end a line; a blank line of any kind splits paragraphs', () => {
    const text = 'Vedtak om bistand\r\rVi viser til søknaden din.\r\nDu får hjelp.\n\r\nMed hilsen\rKari Moen\n'
    const doc = loadText('brev.txt', text)
    expect(blockTexts(doc).map((t) => t.replace(/\r\n?/g, '\n'))).toEqual(blockTexts(loadText('brev.txt', text.replace(/\r\n?/g, '\n'))))
    expect(blockTexts(doc)).toEqual(['Vedtak om bistand', 'Vi viser til søknaden din.\r\nDu får hjelp.', 'Med hilsen', 'Kari Moen'])
  })

  it('directive comments on CR-only lines get their own line numbers', () => {
    const text = ['Vi viser til søknaden.', '<!-- klarsprak-disable-next-line nb/kanselliord -->', 'Dette gjelder vedrørende hjelp.'].join('\r')
    expect(loadText('brev.txt', text).directives).toEqual([{ kind: 'disable-next-line', rules: ['nb/kanselliord'], line: 2 }])
  })

  it('lineStarts: CRLF counts once, a lone CR starts a line', () => {
    const starts = lineStarts('ab\rcd\r\nef\n\rg')
    expect(starts).toEqual([0, 3, 7, 10, 11])
    expect(toPoint(starts, 4)).toEqual({ line: 2, column: 2, offset: 4 })
    expect(toPoint(starts, 11)).toEqual({ line: 5, column: 1, offset: 11 })
  })

  it.each([
    ['CR only', '\r'],
    ['mixed', null],
  ])('%s: every diagnostic line and column agrees with an editor', async (_name, eol) => {
    const lines = [...LETTER, '', 'Vi viser til søknaden vedrørende hjemmehjelp.', 'Vi viser til søknaden vedrørende trygghetsalarm.']
    const breaks = ['\r', '\r\n', '\n']
    const text = eol === null ? lines.map((line, i) => line + (i < lines.length - 1 ? breaks[i % 3] : '')).join('') : lines.join(eol)
    const report = await lintBytes('brev.txt', new TextEncoder().encode(text))
    const kansellistil = report.diagnostics.filter((d) => d.actual.toLowerCase() === 'vedrørende')
    expect(kansellistil).toHaveLength(3)
    for (const diagnostic of report.diagnostics) {
      for (const point of [diagnostic.start, diagnostic.end]) {
        expect({ line: point.line, column: point.column }).toEqual(editorPoint(text, point.offset))
      }
    }
    expect(kansellistil.map((d) => d.start.line)).toEqual([3, 9, 10])
  })
})

describe('text loader: big inputs', () => {
  it('125,000 non-blank lines (500 KB) in one group load without RangeError, in time', () => {
    // Short capitalised lines without final punctuation each stand alone: 125,000 blocks in one group.
    const text = Array.from({ length: 125_000 }, (_, i) => `Ord ${i % 10}`).join('\n')
    const started = performance.now()
    const doc = loadText('stor.txt', text)
    expect(performance.now() - started).toBeLessThan(5000)
    expect(doc.blocks).toHaveLength(125_000)
    expect(doc.blocks.at(-1)!.end).toBe(text.length)
  })
})
