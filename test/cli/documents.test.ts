import { describe, expect, it } from 'vitest'
import { run, tempTree } from './io.js'

describe('folders, limits and templates', () => {
  it('skips what .klarsprakignore lists (gitignore syntax), but not files named outright', async () => {
    const cwd = tempTree({
      '.klarsprakignore': '# gamle maler\ngamle/\n*.utkast.txt\n!viktig.utkast.txt\n',
      'brev/a.txt': 'Du får hjelp.\n',
      'brev/b.utkast.txt': 'Du får hjelp.\n',
      'brev/viktig.utkast.txt': 'Du får hjelp.\n',
      'gamle/c.txt': 'Du får hjelp.\n',
    })
    const json = JSON.parse((await run(['.', '-f', 'json'], { cwd })).stdout)
    expect(json.files.map((f: { path: string }) => f.path).sort()).toEqual(['brev/a.txt', 'brev/viktig.utkast.txt'])
    const named = JSON.parse((await run(['gamle/c.txt', '-f', 'json'], { cwd })).stdout)
    expect(named.files[0].path).toBe('gamle/c.txt')
  })

  it('refuses files over the size limit with a clear message, and checks the rest', async () => {
    const cwd = tempTree({ 'stor.txt': `${'Du får hjelp hver dag. '.repeat(60000)}\n`, 'liten.txt': 'Du får hjelp.\n' })
    const result = await run(['stor.txt', 'liten.txt', '--max-file-size', '1', '-f', 'json'], { cwd })
    const json = JSON.parse(result.stdout)
    expect(json.files[0].error).toBe('er 1,4 MB, mer enn grensen på 1 MB. Del opp filen, eller øk grensen med --max-file-size eller «maxFileSize» i .klarsprak.yml.')
    expect(json.files[1].metrics.words).toBe(3)
    expect(result.code).toBe(1)
    expect((await run(['stor.txt', '--max-file-size', 'mye'], { cwd })).code).toBe(2)
  })

  it('treats merge fields as fields, with the municipality\'s own patterns from config', async () => {
    const cwd = tempTree({
      '.klarsprak.yml': 'placeholders: ["#[A-ZÆØÅ_]+#"]\n',
      'mal.txt': 'Kjære #SØKERENS_NAVN#, vi viser til søknaden fra «Søkeren» vedrørende hjelp.\n',
    })
    const json = JSON.parse((await run(['mal.txt', '-f', 'json'], { cwd })).stdout)
    expect(json.files[0].diagnostics.map((d: { actual: string }) => d.actual)).toEqual(['vedrørende'])
    const bad = await run(['mal.txt'], { cwd: tempTree({ '.klarsprak.yml': 'placeholders: ["(uavsluttet"]\n', 'mal.txt': 'x\n' }) })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/\.klarsprak\.yml:1:16: ugyldig regulært uttrykk i «placeholders»/)
  })
})
