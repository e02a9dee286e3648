import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ParseLatin } from 'parse-latin'
import { describe, expect, it, vi } from 'vitest'
import { loadText } from '../../src/input/text.js'
import { withPlaceholders } from '../../src/input/placeholders.js'
import { analyse, MAX_PIECE, MAX_SENTENCE_WORDS, sentenceSpans, type Token } from '../../src/language/segment.js'
import type { Document } from '../../src/types.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/before/', import.meta.url))

/** Every fixture paragraph, joined into ONE paragraph (no blank lines) of about `size` characters. */
function oneParagraph(size: number): string {
  const parts = readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => readFileSync(join(FIXTURES, name), 'utf8').split(/\n\s*\n/))
    .map((part) => part.trim().replace(/\s*\n\s*/g, ' '))
    .filter((part) => part.length > 0)
  // Add what the segmenter treats specially: abbreviations, dates, § references, merge fields.
  const special = [
    'Vi viser til hol. § 3-2 første ledd nr. 6 bokstav b. Du får hjelp fra 3. mars 2025, jf. f.eks. pkt. 2.',
    'Hei «Fornavn», saksbehandler {{saksbehandler navn}} svarer på tlf. 12 34 56 78 kl. 09.00.',
  ]
  let text = ''
  for (let i = 0; text.length < size; i++) {
    const part = i % 3 === 0 ? special[(i / 3) % 2]! : parts[i % parts.length]!
    text += (i === 0 ? '' : i % 7 === 0 ? '  ' : ' ') + part
  }
  return text
}

const doc = (text: string): Document => withPlaceholders(loadText('avsnitt.txt', text))

describe('long blocks are segmented in pieces, with the same result', () => {
  it('a realistic 100 KB paragraph: cut and uncut analyses are identical', () => {
    const paragraph = doc(oneParagraph(100_000))
    expect(paragraph.blocks).toHaveLength(1)
    expect(paragraph.placeholders!.length).toBeGreaterThan(100)
    const uncut = analyse(paragraph, { maxPiece: Infinity })
    expect(uncut.sentences.length).toBeGreaterThan(500)
    expect(analyse(paragraph)).toEqual(uncut)
    // Many more cuts, so some land next to abbreviations, dates and merge fields.
    expect(analyse(paragraph, { maxPiece: 700 })).toEqual(uncut)
  })

  it('never hands parse-latin more than a piece (its merge passes are quadratic in what they get)', () => {
    const lengths: number[] = []
    const original = ParseLatin.prototype.tokenizeSentence
    const spy = vi.spyOn(ParseLatin.prototype, 'tokenizeSentence').mockImplementation(function (this: ParseLatin, value) {
      lengths.push(value?.length ?? 0)
      return original.call(this, value)
    })
    try {
      const paragraph = doc(oneParagraph(500_000))
      const started = performance.now()
      const analysis = analyse(paragraph)
      // A hang guard only, generous for a loaded shared machine; the piece length below is the
      // deterministic check (the uncut block's cost grows with the square of its length).
      expect(performance.now() - started).toBeLessThan(10_000)
      expect(analysis.sentences.length).toBeGreaterThan(2500)
    } finally {
      spy.mockRestore()
    }
    expect(lengths.length).toBeGreaterThan(30)
    expect(Math.max(...lengths)).toBeLessThanOrEqual(MAX_PIECE)
  })

  it(`ends a unit without punctuation after ${MAX_SENTENCE_WORDS} words`, () => {
    const words = 2 * MAX_SENTENCE_WORDS + 10
    const text = Array.from({ length: words }, (_, i) => (i % 10 === 0 ? 'Søknad' : 'om')).join(' ')
    const analysis = analyse(doc(text))
    expect(analysis.sentences.map((s) => s.endWord - s.firstWord)).toEqual([MAX_SENTENCE_WORDS, MAX_SENTENCE_WORDS, 10])
    expect(analysis.words).toHaveLength(words)
    const tokens: Token[] = [
      { kind: 'word', start: 0, end: 1, value: 'a', letters: 1 },
      { kind: 'space', start: 1, end: 2, value: ' ', letters: 0 },
      { kind: 'punct', start: 2, end: 3, value: ',', letters: 0 },
      { kind: 'word', start: 3, end: 4, value: 'b', letters: 1 },
    ]
    expect(sentenceSpans(tokens, 1)).toEqual([
      [0, 2],
      [3, 3],
    ])
  })

  it('one 1 MB line without punctuation runs in a 64 MB heap (the old code ran out of heap, exit 134)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klarsprak-line-'))
    const words = ['søknad', 'om', 'praktisk', 'bistand', 'vi', 'viser', 'til', 'vedtaket', 'kommunen', 'hjelp']
    const line = Array.from({ length: 170_000 }, (_, i) => words[i % words.length]).join(' ')
    expect(line.length).toBeGreaterThan(1_000_000)
    writeFileSync(join(dir, 'linje.txt'), `${line}\n`)
    const bin = fileURLToPath(new URL('../../bin/klarsprak.js', import.meta.url))
    const result = spawnSync(process.execPath, ['--max-old-space-size=64', bin, 'linje.txt', '-f', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 60_000,
    })
    expect(result.signal).toBeNull()
    expect(result.status).toBe(1) // findings (the long units), not a crash
    const file = JSON.parse(result.stdout).files[0]
    expect(file.metrics.words).toBe(170_000)
    expect(file.metrics.maxSentenceLength).toBe(MAX_SENTENCE_WORDS)
  }, 70_000)
})
