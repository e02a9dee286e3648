import { describe, expect, it } from 'vitest'
import { rawZipEntry, zipEntryNames } from '../../src/annotate/zip.js'
import { accepted, annotate, entries, fixture, lint, reload, wellFormed } from './helpers.js'

const MESSY = fixture('vedtak-rotete.odt')

/** Every klarsprak annotation has a name and exactly one matching annotation-end. */
function checkStructure(content: string): string[] {
  wellFormed(content)
  const names = [...content.matchAll(/<office:annotation office:name="([^"]+)"/g)].map((m) => m[1]!)
  expect(new Set(names).size).toBe(names.length)
  for (const name of names) {
    expect(content.split(`<office:annotation-end office:name="${name}"/>`)).toHaveLength(2)
  }
  return names
}

describe('annotate .odt', () => {
  it('anchors one annotation per span finding on the flagged words; the text is unchanged', () => {
    const original = reload('odt', MESSY)
    const result = annotate('odt', MESSY)
    const copy = reload('odt', result.bytes)
    expect(copy.text).toBe(original.text)
    const ours = copy.comments.filter((c) => c.author === 'klarsprak')
    expect(ours).toHaveLength(result.comments)
    const anchored = ours.map((c) => copy.text.slice(c.start, c.end))
    const summary = copy.comments.find((c) => c.text.startsWith('Oppsummering fra klarsprak'))!
    for (const d of result.report.diagnostics) {
      if (d.actual === '' || d.context === null) continue
      // Anchored on its words, or (headers, footers, notes) listed in the summary.
      if (!anchored.includes(d.actual)) expect(summary.text, d.ruleId).toContain(`${d.message}`)
    }
    expect(anchored.length).toBeGreaterThan(5)
    // Over a plain text node and two spans with other formatting.
    expect(anchored).toContain('i henhold til')
    expect(anchored).not.toContain('iht.')
    const content = entries(result.bytes)['content.xml']!
    expect(checkStructure(content).filter((name) => name.startsWith("klarsprak-")).length).toBe(result.comments)
    expect(content).toContain('<dc:creator>klarsprak</dc:creator><dc:date>2026-12-04T12:00:00</dc:date><meta:creator-initials>KS</meta:creator-initials>')
    expect(content).toMatch(/<text:a xlink:type="simple" xlink:href="https:\/\/lillevik\.kommune\.no\/klage"><office:annotation office:name="klarsprak-\d+">.*?<\/office:annotation>vedrørende<office:annotation-end office:name="klarsprak-\d+"\/> klage<\/text:a>/)
    // Merge fields and a person's changes untouched.
    expect(content).toContain('<text:database-display text:table-name="Mottakere" text:table-type="table" text:column-name="Tjeneste" text:database-name="Adresser">&lt;Tjeneste&gt;</text:database-display>')
    expect(content).toContain('<text:change-start text:change-id="ct1"/>')
  })

  it('copies every other part byte for byte and keeps a person\'s annotation', () => {
    const result = annotate('odt', MESSY)
    const names = zipEntryNames(MESSY)
    expect(names[0]).toBe('mimetype')
    expect(zipEntryNames(result.bytes)).toEqual(names)
    for (const name of names) {
      if (name === 'content.xml') continue
      expect(Buffer.from(rawZipEntry(result.bytes, name)!).equals(Buffer.from(rawZipEntry(MESSY, name)!)), name).toBe(true)
    }
    const twice = annotate('odt', result.bytes)
    expect(entries(twice.bytes)['content.xml']).toBe(entries(result.bytes)['content.xml'])
    const copy = reload('odt', twice.bytes)
    const human = copy.comments.filter((c) => c.author === 'Kari Moen')
    expect(human).toHaveLength(1)
    expect(copy.text.slice(human[0]!.start, human[0]!.end)).toBe('ta kontakt')
  })

  it('writes safe substitutions as tracked changes with --suggest', () => {
    const original = reload('odt', MESSY)
    const result = annotate('odt', MESSY, true)
    const content = entries(result.bytes)['content.xml']!
    checkStructure(content)
    expect(result.suggestions).toBeGreaterThanOrEqual(3)
    expect(content).toMatch(/<text:change text:change-id="klarsprak-ct\d+"\/><text:change-start text:change-id="klarsprak-ct\d+"\/>Om<text:change-end text:change-id="klarsprak-ct\d+"\/>/)
    // The regions: a deletion with the old words and an insertion, by klarsprak, next to the person's changes.
    const regions = [...content.matchAll(/<text:changed-region xml:id="(klarsprak-ct\d+)" text:id="\1"><text:(deletion|insertion)><office:change-info><dc:creator>klarsprak<\/dc:creator>/g)]
    expect(regions).toHaveLength(2 * result.suggestions)
    expect(content).toContain('<text:changed-region xml:id="ct1" text:id="ct1">')
    const deletions = [...content.matchAll(/<text:deletion><office:change-info><dc:creator>klarsprak<\/dc:creator><dc:date>[^<]*<\/dc:date><\/office:change-info><text:p>([^<]*)<\/text:p>/g)].map((m) => m[1]!)
    const insertions = [...content.matchAll(/<text:change-start text:change-id="klarsprak-ct\d+"\/>([^<]*)<text:change-end/g)].map((m) => m[1]!)
    const copy = reload('odt', result.bytes)
    expect(copy.text).toBe(accepted(original.text, deletions.map((d, i) => [d, insertions[i]!])))
    expect(copy.text).toContain('Les mer om klage')
    // Annotating again removes klarsprak's changes first.
    expect(entries(annotate('odt', result.bytes, true).bytes)['content.xml']).toBe(content)
    expect(reload('odt', annotate('odt', result.bytes).bytes).text).toBe(original.text)
  })

  it('silences findings from annotations in the document', () => {
    const doc = reload('odt', fixture('vedtak-unntak.odt'))
    const report = lint(doc)
    const found = report.diagnostics.map((d) => `${d.ruleId} ${doc.text.slice(d.start.offset, d.end.offset)} @${doc.text.slice(0, d.start.offset).split('\n\n').length}`)
    expect(found).toEqual(['nb/kanselliord vedrørende @5', 'nb/forkortelser evt. @9'])
    expect(doc.text).not.toContain('klarsprak')
  })
})
