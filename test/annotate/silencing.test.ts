import { describe, expect, it } from 'vitest'
import { keepCase, safeReplacement } from '../../src/annotate/plan.js'
import { commentDirectives } from '../../src/input/comment-directives.js'
import { disabledBy } from '../../src/report.js'
import type { Block, Diagnostic, Document } from '../../src/types.js'

const blocks: Block[] = [
  { kind: 'paragraph', start: 0, end: 20 },
  { kind: 'paragraph', start: 22, end: 40 },
  { kind: 'paragraph', start: 42, end: 60 },
]

describe('directives from document comments', () => {
  it('«klarsprak: ignorer» covers the findings on its words only', () => {
    const directives = commentDirectives([{ id: '1', author: 'Kari', text: 'klarsprak: ignorer', start: 5, end: 15 }], blocks)
    const off = disabledBy(directives)
    expect(off('nb/kanselliord', 1, 5, 15)).toBe(true)
    expect(off('nb/kanselliord', 1, 10, 12)).toBe(true)
    expect(off('nb/kanselliord', 1, 15, 18)).toBe(false)
    expect(off('nb/kanselliord', 1, 0, 5)).toBe(false)
  })

  it('klarsprak-disable-next-line is the next paragraph, for the rules named', () => {
    const off = disabledBy(commentDirectives([{ id: '1', author: 'Kari', text: 'klarsprak-disable-next-line nb/kanselliord', start: 3, end: 8 }], blocks))
    expect(off('nb/kanselliord', 1, 25, 30)).toBe(true)
    expect(off('nb/passiv', 1, 25, 30)).toBe(false)
    expect(off('nb/kanselliord', 1, 10, 12)).toBe(false)
    expect(off('nb/kanselliord', 1, 45, 50)).toBe(false)
  })

  it('klarsprak-disable / -enable switch a rule off and on from the comment', () => {
    const directives = commentDirectives(
      [
        { id: '1', author: 'Kari', text: 'klarsprak-disable nb/forkortelser', start: 22, end: 25 },
        { id: '2', author: 'Kari', text: 'klarsprak-enable nb/forkortelser', start: 42, end: 45 },
        { id: '3', author: 'klarsprak', text: 'klarsprak-disable', start: 0, end: 1 },
      ],
      blocks,
    )
    expect(directives).toHaveLength(2) // klarsprak's own comments are never directives
    const off = disabledBy(directives)
    expect(off('nb/forkortelser', 1, 10, 12)).toBe(false)
    expect(off('nb/forkortelser', 1, 30, 34)).toBe(true)
    expect(off('nb/forkortelser', 1, 50, 54)).toBe(false)
    expect(off('nb/kanselliord', 1, 30, 34)).toBe(false)
  })

  it('leaves line directives as they were', () => {
    const off = disabledBy([{ kind: 'disable-next-line', rules: [], line: 2 }])
    expect(off('nb/x', 3, 100, 110)).toBe(true)
    expect(off('nb/x', 4, 100, 110)).toBe(false)
  })
})

describe('safe suggestions', () => {
  const doc = (text: string, placeholders: Document['placeholders'] = []): Document => ({
    path: 'x',
    format: 'docx',
    text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    directives: [],
    placeholders,
  })
  const finding = (text: string, actual: string, expected: string[] | undefined): Diagnostic => {
    const start = text.indexOf(actual)
    return {
      ruleId: 'nb/kanselliord',
      severity: 'warning',
      message: 'm',
      note: 'n',
      start: { line: 1, column: start + 1, offset: start },
      end: { line: 1, column: start + actual.length + 1, offset: start + actual.length },
      actual,
      ...(expected ? { expected } : {}),
    }
  }

  it('keeps the case of the first letter', () => {
    const text = 'Vedrørende søknaden din.'
    expect(safeReplacement(doc(text), finding(text, 'Vedrørende', ['om']))).toBe('Om')
    expect(keepCase('vedrørende', 'om')).toBe('om')
    expect(keepCase('fylkesmannen', 'Statsforvalteren')).toBe('Statsforvalteren')
  })

  it('needs exactly one replacement, one paragraph and no merge field', () => {
    const text = 'Vi skriver vedrørende «Fornavn» og samt.'
    const field = { start: text.indexOf('«'), end: text.indexOf('»') + 1 }
    expect(safeReplacement(doc(text), finding(text, 'vedrørende', ['om']))).toBe('om')
    expect(safeReplacement(doc(text), finding(text, 'samt', ['og', 'samt']))).toBeUndefined()
    expect(safeReplacement(doc(text), finding(text, 'samt', []))).toBeUndefined()
    expect(safeReplacement(doc(text), finding(text, 'samt', undefined))).toBeUndefined()
    const touching = 'Vi skriver «Fornavn»vedrørende.'
    const touchingField = { start: touching.indexOf('«'), end: touching.indexOf('»') + 1 }
    expect(safeReplacement(doc(touching, [touchingField]), finding(touching, 'vedrørende', ['om']))).toBeUndefined()
    expect(safeReplacement(doc(text, [field]), finding(text, 'vedrørende «Fornavn»', ['om']))).toBeUndefined()
    const two: Document = { ...doc('En vedrørende.\n\nTo.'), blocks: [{ kind: 'paragraph', start: 0, end: 14 }, { kind: 'paragraph', start: 16, end: 19 }] }
    const across = finding('En vedrørende.\n\nTo.', 'vedrørende.\n\nTo', ['om'])
    expect(safeReplacement(two, across)).toBeUndefined()
  })
})
