import retextLatin from 'retext-latin'
import { unified } from 'unified'
import { toString } from 'nlcst-to-string'
import type { Root } from 'nlcst'
import { describe, expect, it } from 'vitest'
import retextNorwegianSentences from '../../src/language/retext.js'
import { sentencesOf } from '../helpers.js'

function sentences(text: string, norwegian: boolean): string[] {
  const processor = unified().use(retextLatin)
  if (norwegian) processor.use(retextNorwegianSentences)
  const tree = processor.runSync(processor.parse(text)) as Root
  return tree.children.flatMap((paragraph) =>
    paragraph.type === 'ParagraphNode' ? paragraph.children.filter((c) => c.type === 'SentenceNode').map((s) => toString(s)) : [],
  )
}

describe('retextNorwegianSentences (unified plugin)', () => {
  const text = 'Vi viser til hol. § 3-2 første ledd nr. 6 bokstav b og pbrl. § 2-1 a andre ledd. Du får hjelp fra 3. mars kl. 09.00, jf. f.eks. vedtaket. Det koster 250 kr. Du betaler selv.'

  it('fixes retext-latin sentence ends at Norwegian abbreviations', () => {
    expect(sentences(text, false)).toContain('6 bokstav b og pbrl.') // the problem in issue 2
    expect(sentences(text, true)).toEqual(sentencesOf(text))
  })

  it('keeps the text and positions of the tree intact', () => {
    const processor = unified().use(retextLatin).use(retextNorwegianSentences)
    const tree = processor.runSync(processor.parse(text)) as Root
    expect(toString(tree)).toBe(text)
    const paragraph = tree.children[0]!
    const second = paragraph.type === 'ParagraphNode' ? paragraph.children.filter((c) => c.type === 'SentenceNode')[1]! : undefined
    expect(second?.position?.start.offset).toBe(text.indexOf('Du får'))
  })
})
