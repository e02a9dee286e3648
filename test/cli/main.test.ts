import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HEAVY, PLAIN, run, tempTree } from './io.js'
import { MUNICIPAL_RULE } from '../helpers.js'

describe('klarsprak check', () => {
  it('exits 0 for a plain text and prints LIX and a clean total', async () => {
    const cwd = tempTree({ 'brev.txt': PLAIN })
    const result = await run(['brev.txt'], { cwd })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('brev.txt')
    expect(result.stdout).toMatch(/LIX \d+(,\d)? \(svært lettlest\)/)
    expect(result.stdout).toContain('✔ Ingen funn i 1 fil')
    expect(result.stderr).toBe('')
  })

  it('prints findings with line:col, Norwegian severity, message, rule id and an underlined excerpt', async () => {
    const cwd = tempTree({ 'brev.txt': HEAVY })
    const result = await run(['check', 'brev.txt'], { cwd })
    expect(result.stdout).toMatch(/1:27 +advarsel +Skriv heller «om» enn «vedrørende» +nb\/kanselliord/)
    expect(result.stdout).toContain('Vi viser til Deres søknad vedrørende praktisk bistand.\n')
    expect(result.stdout).toContain(`${' '.repeat(11 + 26)}^^^^^^^^^^\n`)
    expect(result.stdout).not.toContain('\u001b[')
  })

  it('colours output on a terminal, unless NO_COLOR or --no-color', async () => {
    const cwd = tempTree({ 'tung.txt': HEAVY })
    expect((await run(['tung.txt'], { cwd, isTTY: true })).stdout).toContain('\u001b[')
    expect((await run(['tung.txt'], { cwd, isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[')
    expect((await run(['tung.txt', '--no-color'], { cwd, isTTY: true })).stdout).not.toContain('\u001b[')
  })

  it('gives a nynorsk text the length and readability rules, not the bokmål word lists', async () => {
    const nynorsk = `Vi har fått søknaden din om heimehjelp, og vi meiner at du ikkje treng meir hjelp frå kommunen no fordi du klarar deg sjølv i kvardagen og har familie i nærleiken som kan hjelpe deg.\n`
    const cwd = tempTree({ 'nn.txt': nynorsk })
    const json = JSON.parse((await run(['nn.txt', '-f', 'json'], { cwd })).stdout)
    expect(json.files[0].language).toBe('nn')
    expect(json.files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['nb/setningslengde'])
  })

  it('exits 1 on error-level findings and 0 on warnings alone', async () => {
    const long = `${'Vi har sett på saken din og vi har snakket med deg og med legen din og '.repeat(3)}nå.\n`
    const cwd = tempTree({ 'lang.txt': long, 'tung.txt': HEAVY })
    expect((await run(['lang.txt'], { cwd })).code).toBe(1)
    expect((await run(['tung.txt'], { cwd })).code).toBe(0)
    expect((await run(['tung.txt', '--fail-on', 'warning'], { cwd })).code).toBe(1)
    expect((await run(['tung.txt', '--max-warnings', '0'], { cwd })).code).toBe(1)
    expect((await run(['tung.txt', '--max-warnings', '50'], { cwd })).code).toBe(0)
  })

  it('--quiet shows errors only, each with its own excerpt; --disable switches a rule off', async () => {
    const long = `Til slutt ${'har vi sett på saken din og snakket med deg og legen din, og '.repeat(3)}nå.`
    const cwd = tempTree({ 'tung.txt': HEAVY, 'blandet.txt': `${HEAVY}${long}\n` })
    expect((await run(['tung.txt', '--quiet'], { cwd })).stdout).not.toContain('advarsel')
    const quiet = (await run(['blandet.txt', '--quiet'], { cwd })).stdout
    expect(quiet).toMatch(/2:1 +feil +Setningen har 45 ord.*\n {11}Til slutt har vi sett/)
    expect(quiet).not.toContain('advarsel')
    const disabled = await run(['tung.txt', '--disable', 'nb/kanselliord'], { cwd })
    expect(disabled.stdout).not.toContain('nb/kanselliord')
    expect(disabled.stdout).toContain('nb/hoflighetsform')
  })

  it('writes JSON by the contract', async () => {
    const cwd = tempTree({ 'tung.txt': HEAVY })
    const result = await run(['tung.txt', '--format', 'json'], { cwd })
    const json = JSON.parse(result.stdout)
    expect(json.tool).toEqual({ name: 'klarsprak', version: expect.any(String) })
    const [file] = json.files
    expect(Object.keys(file)).toEqual(['path', 'format', 'language', 'profile', 'metrics', 'diagnostics'])
    expect(file).toMatchObject({ path: 'tung.txt', format: 'txt', language: 'nb', profile: 'general' })
    expect(Object.keys(file.metrics).sort()).toEqual(
      ['words', 'sentences', 'longWords', 'lix', 'lixBand', 'meanSentenceLength', 'maxSentenceLength', 'longSentences', 'paragraphs', 'ovix'].sort(),
    )
    const diagnostic = file.diagnostics.find((d: { ruleId: string }) => d.ruleId === 'nb/kanselliord')
    expect(diagnostic).toEqual({
      ruleId: 'nb/kanselliord',
      severity: 'warning',
      message: 'Skriv heller «om» enn «vedrørende»',
      note: expect.any(String),
      start: { line: 1, column: 27, offset: 26 },
      end: { line: 1, column: 37, offset: 36 },
      position: { block: 1, paragraph: 1 },
      actual: 'vedrørende',
      expected: ['om'],
    })
    expect(json.summary).toEqual({ files: 1, errors: expect.any(Number), warnings: expect.any(Number), infos: expect.any(Number) })
  })

  it('reads folders recursively, globs and stdin', async () => {
    const cwd = tempTree({ 'brev/a.txt': PLAIN, 'brev/under/b.md': `# Tittel\n\n${PLAIN}`, 'brev/c.xlsx': 'x', 'brev/node_modules/d.txt': HEAVY })
    const folder = JSON.parse((await run(['brev', '-f', 'json'], { cwd })).stdout)
    expect(folder.files.map((f: { path: string }) => f.path)).toEqual(['brev/a.txt', join('brev', 'under', 'b.md')])
    const glob = JSON.parse((await run(['brev/**/*.md', '-f', 'json'], { cwd })).stdout)
    expect(glob.files.map((f: { path: string }) => f.path)).toEqual(['brev/under/b.md'])
    const stdin = await run(['-', '-f', 'json'], { cwd, stdin: HEAVY })
    expect(JSON.parse(stdin.stdout).files[0]).toMatchObject({ path: '-', format: 'txt' })
  })

  it('reports a missing file in one Norwegian line, checks the rest, and fails the run', async () => {
    const cwd = tempTree({ 'brev.txt': PLAIN })
    const result = await run(['borte.txt', 'brev.txt'], { cwd })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('borte.txt\n  ✖ finnes ikke. Sjekk at stien er skrevet riktig.')
    expect(result.stdout).toContain('brev.txt\n  LIX')
    expect(result.stdout).not.toMatch(/at .*\.js/)
    const json = await run(['borte.txt', 'brev.txt', '-f', 'json'], { cwd })
    expect(JSON.parse(json.stdout).files[0]).toEqual({ path: 'borte.txt', format: '', diagnostics: [], error: 'finnes ikke. Sjekk at stien er skrevet riktig.' })
    expect(json.stderr).toBe('klarsprak: borte.txt: finnes ikke. Sjekk at stien er skrevet riktig.\n')
  })

  it('exits 2 when no input at all could be read: missing file, empty folder, undecodable text', async () => {
    // «Søknad» with an undefined Windows-1252 byte (0x81): neither UTF-8 nor Windows-1252.
    const cwd = tempTree({ 'tom/.gitkeep': '', 'ugyldig.txt': new Uint8Array([0x53, 0xf8, 0x81, 0x6b, 0x6e, 0x61, 0x64]) })
    expect((await run(['borte.txt'], { cwd })).code).toBe(2)
    const empty = await run(['tom'], { cwd })
    expect(empty.code).toBe(2)
    expect(empty.stdout).toMatch(/mappen har ingen filer klarsprak kan lese \(\.txt, .*\.md.*\)\./)
    const invalid = await run(['ugyldig.txt', '-f', 'json'], { cwd })
    expect(invalid.code).toBe(2)
    expect(invalid.stderr).toBe(
      'klarsprak: ugyldig.txt: teksten kan ikke leses: den er verken UTF-8 eller Windows-1252. Lagre filen som UTF-8 og prøv igjen.\n',
    )
  })

  it('reads UTF-8 with BOM and UTF-16 with BOM', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(Buffer.from(PLAIN, 'utf16le'))])
    const cwd = tempTree({ 'bom.txt': `\ufeff${PLAIN}`, 'utf16.txt': utf16 })
    const json = JSON.parse((await run(['bom.txt', 'utf16.txt', '-f', 'json'], { cwd })).stdout)
    expect(json.files.map((f: { metrics: { words: number } }) => f.metrics.words)).toEqual([13, 13])
  })

  it('loads municipal rules with --rules and exits 2 on a broken rule file, still checking', async () => {
    const rule = MUNICIPAL_RULE
    const cwd = tempTree({ 'regler/navn.yml': rule, 'brutt/x.yml': rule.replace('level: error', 'level: høy'), 'brev.txt': 'Send klagen til Fylkesmannen.\n' })
    const ok = await run(['brev.txt', '--rules', 'regler'], { cwd })
    expect(ok.code).toBe(1)
    expect(ok.stdout).toMatch(/1:17 +feil +Skriv Statsforvalteren, ikke «Fylkesmannen» +navn/)
    const broken = await run(['brev.txt', '--rules', 'brutt', '--rules', 'regler'], { cwd })
    expect(broken.code).toBe(2)
    expect(broken.stderr).toBe(`klarsprak: ${join(cwd, 'brutt', 'x.yml')}:2:8: ukjent nivå «høy»; bruk error, warning eller info\n`)
    expect(broken.stdout).toContain('Skriv Statsforvalteren')
  })

  it('writes the report atomically with --output', async () => {
    const cwd = tempTree({ 'brev.txt': HEAVY })
    const result = await run(['brev.txt', '-f', 'json', '-o', 'rapport.json'], { cwd })
    expect(result.stdout).toBe('')
    expect(JSON.parse(readFileSync(join(cwd, 'rapport.json'), 'utf8')).files).toHaveLength(1)
    expect(readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([])
    const bad = await run(['brev.txt', '-o', 'finnes/ikke/rapport.txt'], { cwd })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/kan ikke skrive rapporten \(ENOENT\)/)
    expect(existsSync(join(cwd, 'finnes'))).toBe(false)
  })

  it('honours inline disable comments', async () => {
    const text = '<!-- klarsprak-disable-next-line nb/kanselliord -->\nVi svarer vedrørende saken.\nVi svarer vedrørende saken.\n<!-- klarsprak-disable -->\nVi svarer vedrørende saken.\n<!-- klarsprak-enable -->\nVi svarer vedrørende saken.\n'
    const cwd = tempTree({ 'brev.txt': text, 'brev.md': text })
    for (const file of ['brev.txt', 'brev.md']) {
      const json = JSON.parse((await run([file, '-f', 'json'], { cwd })).stdout)
      expect(json.files[0].diagnostics.map((d: { start: { line: number } }) => d.start.line)).toEqual([3, 7])
    }
  })

  it('translates usage errors and exits 2', async () => {
    const cwd = tempTree({})
    const unknown = await run(['--ukjent'], { cwd })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe('klarsprak: ukjent valg «--ukjent». Se «klarsprak --help».\n')
    const format = await run(['x.txt', '--format', 'pdf'], { cwd })
    expect(format.stderr).toMatch(/ugyldig verdi for .*tillatt: stylish, json/)
    expect((await run([], { cwd })).stderr).toContain('oppgi minst én fil eller mappe')
    expect((await run(['--help'], { cwd })).code).toBe(0)
  })
})

describe('klarsprak stats, rules, explain', () => {
  it('stats prints the figures alone', async () => {
    const cwd = tempTree({ 'brev.txt': HEAVY })
    const text = await run(['stats', 'brev.txt'], { cwd })
    expect(text.stdout).toMatch(/^brev.txt\n  LIX [\d,]+ \(.+\) · 24 ord · 2 setninger/)
    expect(text.stdout).not.toContain('nb/')
    const json = JSON.parse((await run(['stats', 'brev.txt', '-f', 'json'], { cwd })).stdout)
    expect(json.files[0].metrics).toMatchObject({ words: 24, sentences: 2 })
  })

  it('rules lists every rule with its level; explain prints note, source and examples', async () => {
    const cwd = tempTree({})
    const rules = await run(['rules'], { cwd })
    expect(rules.stdout).toMatch(/^nb\/kanselliord +advarsel +\S/m)
    expect(rules.stdout).toMatch(/^nb\/setningslengde +advarsel/m)
    const explain = await run(['explain', 'nb/kanselliord'], { cwd })
    expect(explain.stdout).toContain('Hvorfor: ')
    expect(explain.stdout).toContain('Kilde: ')
    expect(explain.stdout).toContain('Eksempler med funn:')
    const unknown = await run(['explain', 'nb/finnes-ikke'], { cwd })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe('klarsprak: ukjent regel «nb/finnes-ikke». Se alle regler med «klarsprak rules».\n')
  })
})
