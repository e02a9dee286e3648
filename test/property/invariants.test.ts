// The property harness itself: the invariant checks catch what they must, the generators are
// deterministic, the shrinker shrinks, and KNOWN_DEFECT_SHAPES names real shapes.
import { describe, expect, it } from 'vitest'
import { lint } from '../../src/index.js'
import { ALL_SHAPES, generateCase, KNOWN_DEFECT_CHECKS, KNOWN_DEFECT_SHAPES, loadVocabulary, render, type Case } from './generators.js'
import { shrink } from './harness.js'
import { ACTUAL_CAP, actualMatches, checkFileReport, checkJson, checkStderr, expectedActual, lineStartsOf, pointOf, type JsonFileReport } from './invariants.js'
import { caseSeed, Random } from './random.js'

const TEXT = 'Vi viser til søknaden vedrørende praktisk bistand.\nHei «Fornavn».\n'

async function reportOf(text: string): Promise<JsonFileReport> {
  return JSON.parse(JSON.stringify(await lint(text))) as JsonFileReport
}

function problemsOf(file: JsonFileReport, text = TEXT): string[] {
  return checkFileReport({ file, text, placeholders: [{ start: 55, end: 64 }], wholeTextRules: new Set(['nb/lesbarhet']) })
}

describe('invariant checks', () => {
  it('line starts follow LF, CRLF and lone CR; columns count UTF-16 code units', () => {
    const starts = lineStartsOf('a\nb\r\nc\rd😀e')
    expect(starts).toEqual([0, 2, 5, 7])
    expect(pointOf(starts, 0)).toEqual({ line: 1, column: 1 })
    expect(pointOf(starts, 4)).toEqual({ line: 2, column: 3 })
    expect(pointOf(starts, 7)).toEqual({ line: 4, column: 1 })
    expect(pointOf(starts, 10)).toEqual({ line: 4, column: 4 })
  })

  it('accept a real report and flag each kind of broken diagnostic', async () => {
    const file = await reportOf(TEXT)
    expect(file.diagnostics.length).toBeGreaterThan(0)
    expect(problemsOf(file)).toEqual([])
    const d = file.diagnostics.find((diagnostic) => diagnostic.actual === 'vedrørende')!
    const broken = (change: (copy: JsonFileReport) => void): string[] => {
      const copy = structuredClone(file)
      change(copy)
      return problemsOf(copy)
    }
    const index = file.diagnostics.indexOf(d)
    expect(broken((f) => (f.diagnostics[index]!.start.column += 1)).join()).toMatch(/^line-column:/)
    expect(broken((f) => (f.diagnostics[index]!.end = { line: 9, column: 1, offset: 999 })).join()).toMatch(/^offset-in-text:/)
    expect(broken((f) => (f.diagnostics[index]!.actual = 'vedrørend')).join()).toMatch(/^actual:/)
    expect(broken((f) => (f.diagnostics[index]!.severity = 'fatal')).join()).toMatch(/^severity:/)
    expect(broken((f) => (f.diagnostics[index]!.message = 'Skriv heller undefined')).join()).toMatch(/^message:/)
    expect(broken((f) => (f.metrics!.lix = Number.NaN)).join()).toMatch(/^metrics: lix/)
    expect(broken((f) => (f.metrics!.words = 2.5)).join()).toMatch(/^metrics: words/)
    expect(
      broken((f) => {
        const into = f.diagnostics[index]!
        into.start = { line: 2, column: 6, offset: 56 }
        into.end = { line: 2, column: 13, offset: 63 }
        into.actual = TEXT.slice(56, 63)
      }).join(),
    ).toMatch(/^placeholder:/)
  })

  it('a diagnostic that splits a surrogate pair is out of the text', () => {
    const text = 'a😀b'
    const file: JsonFileReport = {
      path: 'x',
      format: 'txt',
      diagnostics: [{ ruleId: 'x/y', severity: 'info', message: 'm', start: { line: 1, column: 3, offset: 2 }, end: { line: 1, column: 5, offset: 4 }, actual: text.slice(2, 4) }],
      metrics: { words: 1, sentences: 1, longWords: 0, lix: null, lixBand: null, meanSentenceLength: 1, maxSentenceLength: 1, longSentences: 0, paragraphs: 1, ovix: null },
    }
    expect(checkFileReport({ file, text, placeholders: [], wholeTextRules: new Set() }).join()).toMatch(/splits a surrogate pair/)
  })

  it('`actual` longer than the cap is its first ACTUAL_CAP characters and «…»', () => {
    const text = 'x'.repeat(ACTUAL_CAP + 50)
    expect(expectedActual(text, 0, 10)).toBe('x'.repeat(10))
    expect(expectedActual(text, 0, ACTUAL_CAP)).toBe('x'.repeat(ACTUAL_CAP))
    expect(expectedActual(text, 0, ACTUAL_CAP + 1)).toBe(`${'x'.repeat(ACTUAL_CAP)}…`)
    expect(actualMatches(`${'x'.repeat(ACTUAL_CAP)}…`, text, 0, text.length)).toBe(true)
    expect(actualMatches(`${'x'.repeat(ACTUAL_CAP - 1)}…`, text, 0, text.length)).toBe(false)
  })

  it('JSON and stderr checks', () => {
    expect(checkJson('{"a":1}').problems).toEqual([])
    expect(checkJson('{"a":1').problems.join()).toMatch(/^json: does not parse/)
    expect(checkStderr('klarsprak: brev.txt: finnes ikke.\n')).toEqual([])
    expect(checkStderr('klarsprak: intern feil: x\n    at f (/a/b.js:1:2)\n').length).toBe(2)
  })
})

describe('generators', () => {
  it('a seed gives the same case and bytes every time; seeds differ', async () => {
    const v = await loadVocabulary()
    expect(v.ruleTerms.length).toBeGreaterThan(100)
    expect(v.ruleTerms).toContain('vedrørende')
    const seeds = Array.from({ length: 50 }, (_, i) => caseSeed(7, i))
    expect(new Set(seeds).size).toBe(50)
    for (const seed of seeds.slice(0, 10)) {
      const a = generateCase(seed, v)
      expect(generateCase(seed, v)).toEqual(a)
      expect(Buffer.from(render(generateCase(seed, v))).equals(Buffer.from(render(a)))).toBe(true)
    }
    expect(generateCase(seeds[0]!, v)).not.toEqual(generateCase(seeds[1]!, v))
  })

  it('the PRNG is uniform enough and reproducible', () => {
    const a = new Random(42)
    const b = new Random(42)
    const counts = [0, 0, 0, 0]
    for (let i = 0; i < 4000; i++) {
      const n = a.int(0, 3)
      expect(b.int(0, 3)).toBe(n)
      counts[n]!++
    }
    for (const count of counts) expect(count).toBeGreaterThan(850)
  })

  it('every format and every shape comes up', async () => {
    const v = await loadVocabulary()
    const formats = new Set<string>()
    const shapes = new Set<string>()
    for (let i = 0; i < 3000; i++) {
      const c = generateCase(caseSeed(11, i), v, { includeKnown: true })
      formats.add(c.format)
      for (const part of c.parts) shapes.add(part.shape)
    }
    expect([...formats].sort()).toEqual(['docx', 'html', 'md', 'odt', 'txt'])
    expect([...shapes].sort()).toEqual([...ALL_SHAPES].sort())
  })

  it('KNOWN_DEFECT_SHAPES names real shapes, each with a valid scope', () => {
    for (const entry of KNOWN_DEFECT_SHAPES) {
      if (entry.startsWith('check:')) {
        expect(KNOWN_DEFECT_CHECKS).toContain(entry.slice('check:'.length))
        continue
      }
      const [shape, scope] = entry.split('@')
      expect(ALL_SHAPES).toContain(shape)
      if (scope !== undefined) expect(['api', 'cli', 'lint']).toContain(scope)
    }
  })
})

describe('shrinker', () => {
  it('shrinks a failing case to the few characters that fail', async () => {
    const c: Case = {
      seed: 1,
      format: 'txt',
      parts: [
        { shape: 'sentence', text: 'Vi kommer på tirsdag.' },
        { shape: 'rule-sentence', text: ' Vi viser til søknaden vedrørende hjelp.' },
        { shape: 'sentence', text: ' Ring oss.' },
      ],
    }
    const property = async (candidate: Case): Promise<string[]> =>
      candidate.parts.some((part) => part.text.includes('vedrø')) ? ['found: vedrø'] : []
    const { case: small, problems } = await shrink(c, property, 'found')
    expect(problems).toEqual(['found: vedrø'])
    expect(small.parts.map((part) => part.text).join('')).toBe('vedrø')
  })
})
