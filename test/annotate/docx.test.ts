import { describe, expect, it } from 'vitest'
import { rawZipEntry, zipEntryNames } from '../../src/annotate/zip.js'
import { accepted, annotate, entries, fixture, lint, reload, wellFormed } from './helpers.js'

const MESSY = fixture('vedtak-rotete.docx')

/** Every w:comment id with its range start, range end and reference. */
function checkStructure(files: Record<string, string>): string[] {
  const comments = files['word/comments.xml']!
  wellFormed(comments)
  const ids = [...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => m[1]!)
  expect(new Set(ids).size).toBe(ids.length)
  const text = ['word/document.xml', 'word/footnotes.xml'].map((name) => files[name] ?? '').join('')
  for (const id of ids) {
    expect(text).toContain(`<w:commentRangeStart w:id="${id}"/>`)
    expect(text).toContain(`<w:commentRangeEnd w:id="${id}"/>`)
    expect(text).toContain(`<w:commentReference w:id="${id}"/>`)
  }
  for (const [name, xml] of Object.entries(files)) if (/\.(?:xml|rels)$/.test(name)) wellFormed(xml)
  expect(files['[Content_Types].xml']).toContain('PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"')
  expect(files['word/_rels/document.xml.rels']).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments" Target="comments\.xml"/)
  return ids
}

describe('annotate .docx', () => {
  it('anchors one comment per span finding exactly on the flagged words', () => {
    const original = reload('docx', MESSY)
    const result = annotate('docx', MESSY)
    const copy = reload('docx', result.bytes)
    // The text is unchanged.
    expect(copy.text).toBe(original.text)
    const ours = copy.comments.filter((c) => c.author === 'klarsprak')
    expect(ours.length).toBe(result.comments)
    const anchored = ours.map((c) => copy.text.slice(c.start, c.end))
    const summary = copy.comments.find((c) => c.text.startsWith('Oppsummering fra klarsprak'))!
    for (const d of result.report.diagnostics) {
      if (d.actual === '' || d.context === null) continue
      // Anchored on its words, or (headers, footers, notes) listed in the summary.
      if (!anchored.includes(d.actual)) expect(summary.text, d.ruleId).toContain(`${d.message}`)
    }
    expect(anchored.length).toBeGreaterThan(5)
    expect(anchored).toContain('i henhold til')
    // Headers, footers and notes: listed in the summary.
    expect(anchored).not.toContain('iht.')
    expect(copy.comments.find((c) => c.text.startsWith('Oppsummering'))!.text).toMatch(/avsnitt \d+: Skriv «etter» eller «ifølge» i stedet for forkortelsen «iht\.» \(«iht\.»\) \[nb\/forkortelser\]/)
    // The comment text: message, suggestion, why, rule.
    const comment = ours.find((c) => copy.text.slice(c.start, c.end) === 'i henhold til')!
    expect(comment.text).toMatch(/^Skriv heller «etter» eller «ifølge» enn «i henhold til»\nForslag: «etter» eller «ifølge»\nHvorfor: .+\nRegel: nb\/stive-uttrykk$/)
  })

  it('puts whole-text findings, header findings and the checklist in one summary comment on the first heading', () => {
    const result = annotate('docx', MESSY)
    const copy = reload('docx', result.bytes)
    const summary = copy.comments.find((c) => c.text.startsWith('Oppsummering fra klarsprak'))!
    expect(copy.text.slice(summary.start, summary.end)).toBe('Vedtak om hjemmesykepleie')
    expect(summary.text).toMatch(/LIX 28,3/)
    expect(summary.text).toContain('«vedrørende»') // the header's finding
    const letter = annotate('docx', fixture('vedtak-hjemmesykepleie-for.docx'))
    const vedtakSummary = reload('docx', letter.bytes).comments.find((c) => c.text.startsWith('Oppsummering'))!
    expect(vedtakSummary.text).toMatch(/\n(?:✔|✘) Klagefrist/)
  })

  it('writes comments with author, initials and the given date; the structure is complete', () => {
    const files = entries(annotate('docx', MESSY).bytes)
    const ids = checkStructure(files)
    expect(ids.length).toBeGreaterThan(5)
    expect(files['word/comments.xml']).toMatch(/w:author="klarsprak" w:date="2026-12-04T12:00:00Z" w:initials="KS"/)
  })

  it('splits runs keeping their properties, and leaves hyperlinks and merge fields whole', () => {
    const xml = entries(annotate('docx', MESSY).bytes)['word/document.xml']!
    // «i hen|hold| til»: the plain run is split, the bold run kept whole, the italic run split with its rPr on both halves.
    expect(xml).toMatch(/<w:t xml:space="preserve">Du får hjemmesykepleie <\/w:t><\/w:r><w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">i hen<\/w:t><\/w:r>/)
    expect(xml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">hold</w:t></w:r>')
    expect(xml).toMatch(/<w:r><w:rPr><w:i\/><w:color w:val="1F3864"\/><\/w:rPr><w:t xml:space="preserve"> til<\/w:t><\/w:r><w:commentRangeEnd w:id="\d+"\/><w:r><w:commentReference w:id="\d+"\/><\/w:r><w:r><w:rPr><w:i\/><w:color w:val="1F3864"\/><\/w:rPr><w:t xml:space="preserve"> loven\.<\/w:t>/)
    // The comment on «vedrørende» inside the hyperlink stays inside it.
    expect(xml).toMatch(/<w:hyperlink r:id="rIdLink1" w:history="1"><w:commentRangeStart w:id="\d+"\/><w:r><w:rPr><w:color w:val="0563C1"\/><w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">vedrørende<\/w:t><\/w:r><w:commentRangeEnd/)
    // Merge fields unchanged, byte for byte.
    expect(xml).toContain('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD Tjeneste </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>«Tjeneste»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    expect(xml).toContain('<w:fldSimple w:instr=" MERGEFIELD Fornavn \\* MERGEFORMAT "><w:r><w:t xml:space="preserve">«Fornavn»</w:t></w:r></w:fldSimple>')
    // A person's tracked changes stay.
    expect(xml).toContain('<w:del w:id="2" w:author="Kari Moen"')
    expect(xml).toContain('<w:ins w:id="1" w:author="Kari Moen"')
  })

  it('copies every part it does not need to touch byte for byte, and keeps the original', () => {
    const before = Uint8Array.from(MESSY)
    const result = annotate('docx', MESSY)
    expect(Buffer.from(MESSY).equals(Buffer.from(before))).toBe(true)
    const touched = new Set(['word/document.xml', 'word/comments.xml', 'word/footnotes.xml'])
    const names = zipEntryNames(MESSY)
    expect(zipEntryNames(result.bytes)).toEqual(names)
    for (const name of names) {
      if (touched.has(name)) continue
      expect(Buffer.from(rawZipEntry(result.bytes, name)!).equals(Buffer.from(rawZipEntry(MESSY, name)!)), name).toBe(true)
    }
    // A document without comments gets a new part, a content type and a relationship; nothing else changes.
    const letter = fixture('vedtak-hjemmesykepleie.docx')
    const copy = annotate('docx', letter).bytes
    const changed = zipEntryNames(letter).filter((name) => !Buffer.from(rawZipEntry(copy, name)!).equals(Buffer.from(rawZipEntry(letter, name)!)))
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/document.xml'])
    expect(zipEntryNames(copy)).toEqual([...zipEntryNames(letter), 'word/comments.xml'])
    checkStructure(entries(copy))
  })

  it('keeps comments by people and replaces its own when annotating an annotated copy', () => {
    const once = annotate('docx', MESSY)
    const twice = annotate('docx', once.bytes)
    const a = entries(once.bytes)
    const b = entries(twice.bytes)
    expect(b['word/document.xml']).toBe(a['word/document.xml'])
    expect(b['word/comments.xml']).toBe(a['word/comments.xml'])
    const copy = reload('docx', twice.bytes)
    const human = copy.comments.filter((c) => c.author === 'Kari Moen')
    expect(human).toHaveLength(1)
    expect(copy.text.slice(human[0]!.start, human[0]!.end)).toBe('ta kontakt')
    expect(copy.comments.filter((c) => c.author === 'klarsprak')).toHaveLength(once.comments)
  })

  it('writes safe substitutions as tracked changes with --suggest', () => {
    const original = reload('docx', MESSY)
    const result = annotate('docx', MESSY, true)
    const xml = entries(result.bytes)['word/document.xml']!
    expect(result.suggestions).toBeGreaterThanOrEqual(3)
    // «Vedrørende» → «Om»: the case of the first letter is kept.
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="klarsprak" w:date="2026-12-04T12:00:00Z"><w:r><w:delText xml:space="preserve">Vedrørende<\/w:delText><\/w:r><\/w:del><w:ins w:id="\d+" w:author="klarsprak" w:date="2026-12-04T12:00:00Z"><w:r><w:t xml:space="preserve">Om<\/w:t><\/w:r><\/w:ins>/)
    // Accepting them gives the text with the substitutions (the loader reads insertions, not deletions).
    const copy = reload('docx', result.bytes)
    expect(copy.text).toContain('Om «Tjeneste» har vi gjort et vedtak.')
    expect(copy.text).toContain('Les mer om klage på nettsiden vår.')
    const changes = [...xml.matchAll(/<w:delText xml:space="preserve">([^<]*)<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t>/g)]
    expect(changes).toHaveLength(result.suggestions)
    expect(copy.text).toBe(accepted(original.text, changes.map((m) => [m[1]!, m[2]!])))
    // «i henhold til» has two replacements: a comment, no change. Spans over several runs with other formatting: no change either.
    expect(copy.text).toContain('i henhold til loven')
    checkStructure(entries(result.bytes))
    // Annotating again removes klarsprak's changes first: the same copy.
    expect(entries(annotate('docx', result.bytes, true).bytes)['word/document.xml']).toBe(xml)
  })

  it('silences findings from comments in the document', () => {
    const doc = reload('docx', fixture('vedtak-unntak.docx'))
    const report = lint(doc)
    const found = report.diagnostics.map((d) => `${d.ruleId} ${doc.text.slice(d.start.offset, d.end.offset)} @${doc.text.slice(0, d.start.offset).split('\n\n').length}`)
    // «klarsprak: ignorer» on «vedrørende» (paragraph 2), disable-next-line (paragraph 4), disable/enable (paragraph 7).
    expect(found).toEqual(['nb/kanselliord vedrørende @5', 'nb/forkortelser evt. @9'])
    expect(doc.text).not.toContain('klarsprak')
    // Without the comments, the same text has the findings.
    const bare = lint({ ...doc, directives: [] })
    expect(bare.diagnostics.length).toBeGreaterThan(report.diagnostics.length + 3)
  })
})

describe('annotate .docx on long documents', () => {
  it('grows linearly with the document (no quadratic string work)', async () => {
    const { wordLetter } = (await import('../fixtures-build/office.js' as string)) as { wordLetter: (pages: number, before?: boolean) => Uint8Array }
    const small = wordLetter(4, true)
    const large = wordLetter(16, true)
    const time = (bytes: Uint8Array): number => {
      const started = performance.now()
      const result = annotate('docx', bytes, true)
      expect(result.comments).toBeGreaterThan(100)
      return performance.now() - started
    }
    time(small)
    const t4 = time(small)
    const t16 = time(large)
    // Four times the text: about four times the time; a quadratic writer would take sixteen.
    expect(t16).toBeLessThan(9 * t4)
  }, 30_000)
})
