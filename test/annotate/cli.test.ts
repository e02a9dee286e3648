import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDocxMapped } from '../../src/input/docx.js'
import { run, tempTree } from '../cli/io.js'
import { entries, fixture } from './helpers.js'

const ENV = { SOURCE_DATE_EPOCH: '1796385600' } // 2026-12-04T12:00:00Z

describe('klarsprak annotate', () => {
  it('writes <name>.klarsprak.docx beside the original and leaves the original alone', async () => {
    const original = fixture('vedtak-rotete.docx')
    const cwd = tempTree({ 'brev/vedtak.docx': original, 'brev/vedtak.odt': fixture('vedtak-rotete.odt') })
    const result = await run(['annotate', 'brev/vedtak.docx', 'brev/vedtak.odt'], { cwd, env: ENV })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^brev\/vedtak\.docx → brev\/vedtak\.klarsprak\.docx: \d+ kommentarer\n/)
    expect(result.stdout).toMatch(/brev\/vedtak\.odt → brev\/vedtak\.klarsprak\.odt: \d+ kommentarer\n/)
    expect(Buffer.from(readFileSync(join(cwd, 'brev/vedtak.docx'))).equals(Buffer.from(original))).toBe(true)
    const copy = loadDocxMapped('x.docx', readFileSync(join(cwd, 'brev/vedtak.klarsprak.docx')))
    expect(copy.comments.some((c) => c.author === 'klarsprak')).toBe(true)
    // No temporary files are left behind.
    expect(readdirSync(join(cwd, 'brev')).sort()).toEqual(['vedtak.docx', 'vedtak.klarsprak.docx', 'vedtak.klarsprak.odt', 'vedtak.odt'])
  })

  it('does not overwrite a copy without --force', async () => {
    const cwd = tempTree({ 'vedtak.docx': fixture('vedtak-rotete.docx'), 'vedtak.klarsprak.docx': 'mitt eget' })
    const refused = await run(['annotate', 'vedtak.docx'], { cwd, env: ENV })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe('klarsprak: vedtak.klarsprak.docx: finnes fra før. Bruk --force for å skrive over den, eller velg et annet navn med -o.\n')
    expect(readFileSync(join(cwd, 'vedtak.klarsprak.docx'), 'utf8')).toBe('mitt eget')
    const forced = await run(['annotate', '--force', '--suggest', 'vedtak.docx'], { cwd, env: ENV })
    expect(forced.code).toBe(0)
    expect(forced.stdout).toMatch(/: \d+ kommentarer, [1-9]\d* forslag til endring\n$/)
    expect(readFileSync(join(cwd, 'vedtak.klarsprak.docx'), 'utf8')).not.toBe('mitt eget')
  })

  it('writes to -o, a file or a folder, and never over the original', async () => {
    const cwd = tempTree({ 'a.docx': fixture('vedtak-rotete.docx'), 'b.odt': fixture('vedtak-rotete.odt'), 'ut/.keep': '' })
    expect((await run(['annotate', 'a.docx', '-o', 'kommentert.docx'], { cwd, env: ENV })).code).toBe(0)
    expect(existsSync(join(cwd, 'kommentert.docx'))).toBe(true)
    expect((await run(['annotate', 'a.docx', 'b.odt', '-o', 'ut'], { cwd, env: ENV })).code).toBe(0)
    expect(existsSync(join(cwd, 'ut/a.klarsprak.docx')) && existsSync(join(cwd, 'ut/b.klarsprak.odt'))).toBe(true)
    const same = await run(['annotate', 'a.docx', '-o', 'a.docx', '--force'], { cwd, env: ENV })
    expect(same.code).toBe(2)
    expect(same.stderr).toContain('kopien kan ikke ha samme navn som originalen')
  })

  it('gives the same copy for the same clock (SOURCE_DATE_EPOCH)', async () => {
    const cwd = tempTree({ 'a.docx': fixture('vedtak-rotete.docx') })
    await run(['annotate', 'a.docx', '-o', 'en.docx'], { cwd, env: ENV })
    await run(['annotate', 'a.docx', '-o', 'to.docx'], { cwd, env: ENV })
    expect(Buffer.from(readFileSync(join(cwd, 'en.docx'))).equals(readFileSync(join(cwd, 'to.docx')))).toBe(true)
    expect(entries(readFileSync(join(cwd, 'en.docx')))['word/comments.xml']).toContain('w:author="klarsprak" w:date="2026-12-04T12:00:00Z"')
  })

  it('writes the HTML report for other formats, and says so', async () => {
    const cwd = tempTree({ 'brev.txt': 'Vi viser til søknaden vedrørende praktisk bistand.\n' })
    const result = await run(['annotate', 'brev.txt'], { cwd, env: ENV })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('brev.txt: ikke et Word- eller OpenDocument-dokument, så klarsprak skrev HTML-rapporten brev.klarsprak.html i stedet\n')
    expect(readFileSync(join(cwd, 'brev.klarsprak.html'), 'utf8')).toContain('vedrørende')
  })

  it('reports a damaged file in one line and goes on with the others', async () => {
    const cwd = tempTree({ 'skadet.docx': fixture('skadet.docx'), 'ok.docx': fixture('vedtak-rotete.docx') })
    const result = await run(['annotate', 'skadet.docx', 'ok.docx'], { cwd, env: ENV })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('klarsprak: skadet.docx: Filen er skadet eller ikke et Word-dokument. Åpne den i Word og lagre den på nytt.\n')
    expect(existsSync(join(cwd, 'ok.klarsprak.docx'))).toBe(true)
    expect(existsSync(join(cwd, 'skadet.klarsprak.docx'))).toBe(false)
  })
})
