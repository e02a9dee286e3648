import { describe, expect, it } from 'vitest'
import { run, tempTree } from './io.js'

/** How a file was read (an encoding guessed, invalid bytes replaced) is said once, never counted. */
describe('read notices', () => {
  const latin1 = Uint8Array.from([...Buffer.from('Vi viser til s', 'latin1'), 0xf8, ...Buffer.from('knaden vedr', 'latin1'), 0xf8, ...Buffer.from('rende hjelp.\n', 'latin1')])
  const stray = new Uint8Array([...Buffer.from('Vi viser til søknaden vedrørende hjelp '), 0xff, ...Buffer.from('.\n')])

  it('says on stderr when Windows-1252 was guessed, and still checks the text', async () => {
    const cwd = tempTree({ 'brev.txt': latin1 })
    const result = await run(['brev.txt', '-f', 'json'], { cwd })
    expect(result.stderr).toBe('klarsprak: brev.txt: er ikke UTF-8 og er lest som Windows-1252 (gjettet). Lagre filen som UTF-8 hvis æ, ø og å ser feil ut.\n')
    const report = JSON.parse(result.stdout).files[0]
    expect(report.diagnostics.map((d: { actual: string }) => d.actual)).toContain('vedrørende')
    expect(report.notices).toHaveLength(1)
    expect(JSON.parse(result.stdout).summary.warnings).toBe(report.diagnostics.length)
  })

  it('reads UTF-8 with one stray byte as UTF-8 (æøå intact) and says so', async () => {
    const cwd = tempTree({ 'brev.txt': stray })
    const result = await run(['brev.txt', '-f', 'json'], { cwd })
    expect(result.stderr).toMatch(/^klarsprak: brev\.txt: har ett ugyldig UTF-8-tegn \(første på linje 1\), erstattet med «�»/)
    const report = JSON.parse(result.stdout).files[0]
    expect(report.diagnostics.map((d: { actual: string }) => d.actual)).toContain('vedrørende')
  })

  it('says nothing for a clean UTF-8 file', async () => {
    const cwd = tempTree({ 'brev.txt': 'Vi viser til søknaden vedrørende hjelp.\n' })
    const result = await run(['brev.txt', '-f', 'json'], { cwd })
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout).files[0].notices).toBeUndefined()
  })
})
