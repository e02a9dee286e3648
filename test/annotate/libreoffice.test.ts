import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { loadDocxMapped } from '../../src/input/docx.js'
import { loadOdtMapped } from '../../src/input/odt.js'
import { annotate, fixture, reload } from './helpers.js'

/**
 * The annotated copies opened by LibreOffice: converted headless to the other format and read
 * back, every comment must still be there on the same words, and every suggestion a tracked
 * change. Debian: apt-get install libreoffice-writer-nogui.
 */
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0
if (!soffice) console.warn('libreoffice.test.ts: soffice mangler – LibreOffice-testene hoppes over (apt-get install libreoffice-writer-nogui)')

function convert(file: string, to: 'odt' | 'docx', dir: string): Uint8Array {
  const profile = pathToFileURL(join(dir, 'profile')).href
  const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', join(dir, 'out'), file], {
    encoding: 'utf8',
    timeout: 110_000,
  })
  expect(result.status, result.stderr).toBe(0)
  const name = file.replace(/^.*\//, '').replace(/\.[^.]+$/, `.${to}`)
  return readFileSync(join(dir, 'out', name))
}

function anchoredTexts(doc: ReturnType<typeof loadDocxMapped>): string[] {
  return doc.comments
    .filter((c) => c.author === 'klarsprak' && c.start !== undefined)
    .map((c) => doc.text.slice(c.start, c.end).trim())
    .sort()
}

describe.skipIf(!soffice)('LibreOffice opens the annotated copies', () => {
  it('keeps every comment on its words and every suggestion as a tracked change (.docx → .odt, .odt → .docx)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klarsprak-lo-'))
    const word = annotate('docx', fixture('vedtak-rotete.docx'), true)
    writeFileSync(join(dir, 'rotete.docx'), word.bytes)
    const fromWord = loadOdtMapped('rotete.odt', convert(join(dir, 'rotete.docx'), 'odt', dir))
    const ours = reload('docx', word.bytes)
    expect(anchoredTexts(fromWord)).toEqual(anchoredTexts(ours))
    const odfContent = new TextDecoder().decode(unzipSync(convert(join(dir, 'rotete.docx'), 'odt', dir))['content.xml']!)
    expect(odfContent.match(/<dc:creator>klarsprak<\/dc:creator>/g)!.length).toBe(word.comments + 2 * word.suggestions)

    const odf = annotate('odt', fixture('vedtak-rotete.odt'), true)
    writeFileSync(join(dir, 'rotete-odf.odt'), odf.bytes)
    const converted = convert(join(dir, 'rotete-odf.odt'), 'docx', dir)
    const fromOdf = loadDocxMapped('rotete-odf.docx', converted)
    const oursOdf = reload('odt', odf.bytes)
    // LibreOffice's Word export keeps a comment inside a person's tracked insertion («Hjelpen
    // iverksettes») but drops its range; every other comment keeps its words.
    const exported = anchoredTexts(fromOdf)
    expect(exported).toHaveLength(odf.comments)
    expect(exported.filter((text) => text !== '')).toEqual(anchoredTexts(oursOdf).filter((text) => text !== 'iverksettes'))
    const document = new TextDecoder().decode(unzipSync(converted)['word/document.xml']!)
    expect(document.match(/<w:ins [^>]*w:author="klarsprak"/g)!.length).toBe(odf.suggestions)
    expect(document.match(/<w:del [^>]*w:author="klarsprak"/g)!.length).toBe(odf.suggestions)
    expect(fromOdf.comments.filter((c) => c.author === 'Kari Moen')).toHaveLength(1)
  }, 240_000)
})
