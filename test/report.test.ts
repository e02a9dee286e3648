import { describe, expect, it } from 'vitest'
import { disabledBy, listSuggestions, quote, render, toPoint, lineStarts } from '../src/report.js'

describe('report helpers', () => {
  it('renders placeholders and leaves unknown ones visible', () => {
    const values: Record<string, string> = { actual: '«x»', expected: '«y»' }
    expect(render('Skriv heller {{expected}} enn {{ actual }}.', (name) => values[name])).toBe('Skriv heller «y» enn «x».')
    expect(render('Ukjent {{skrivefeil}} her', () => undefined)).toBe('Ukjent {{skrivefeil}} her')
    expect(render('Ingen plassholdere', () => 'x')).toBe('Ingen plassholdere')
  })

  it('quotes and lists suggestions the Norwegian way', () => {
    expect(quote('i henhold\n  til')).toBe('«i henhold til»')
    expect(listSuggestions(['om'])).toBe('«om»')
    expect(listSuggestions(['etter', 'ifølge'])).toBe('«etter» eller «ifølge»')
    expect(listSuggestions(['din', 'ditt', 'dine'])).toBe('«din», «ditt» eller «dine»')
    expect(listSuggestions([])).toBe('en omskriving')
  })

  it('maps offsets to 1-based lines and columns', () => {
    const starts = lineStarts('ab\ncd\r\nef')
    expect([0, 2, 3, 7, 8].map((offset) => toPoint(starts, offset))).toEqual([
      { line: 1, column: 1, offset: 0 },
      { line: 1, column: 3, offset: 2 },
      { line: 2, column: 1, offset: 3 },
      { line: 3, column: 1, offset: 7 },
      { line: 3, column: 2, offset: 8 },
    ])
  })

  it('applies disable, enable and disable-next-line comments per rule', () => {
    const disabled = disabledBy([
      { kind: 'disable-next-line', rules: ['nb/a'], line: 1 },
      { kind: 'disable', rules: [], line: 5 },
      { kind: 'enable', rules: ['nb/b'], line: 7 },
      { kind: 'enable', rules: [], line: 9 },
    ])
    expect([disabled('nb/a', 2), disabled('nb/b', 2), disabled('nb/a', 3)]).toEqual([true, false, false])
    expect([disabled('nb/a', 6), disabled('nb/a', 8), disabled('nb/b', 8), disabled('nb/a', 10)]).toEqual([true, true, false, false])
  })
})
