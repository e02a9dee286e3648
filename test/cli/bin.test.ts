import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The real executable, as a user runs it (needs `npm run build`, which `npm test` does first). */
describe('bin/klarsprak.js', () => {
  it('checks the bundled fixtures and sets the exit code', () => {
    const result = spawnSync(process.execPath, ['bin/klarsprak.js', 'fixtures/after', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report.files.length).toBeGreaterThanOrEqual(8)
    expect(report.summary.errors).toBe(0)
  })

  it('prints a Norwegian error and exit code 2 for a missing file, without a stack trace', () => {
    const result = spawnSync(process.execPath, ['bin/klarsprak.js', 'finnes-ikke.txt', '--no-color'], { cwd: ROOT, encoding: 'utf8' })
    expect(result.status).toBe(2)
    expect(result.stdout).toContain('finnes-ikke.txt\n  ✖ finnes ikke. Sjekk at stien er skrevet riktig.')
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /)
  })

  it('reads standard input', () => {
    const result = spawnSync(process.execPath, ['bin/klarsprak.js', '-', '-f', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      input: 'Vi viser til Deres søknad vedrørende hjemmesykepleie.\n',
    })
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout).files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('nb/kanselliord')
  })
})
