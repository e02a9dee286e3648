import { spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { backtrackBounded, boundedRegExp } from '../../src/checks/bounded.js'
import { compilePlaceholderPatterns, findPlaceholders } from '../../src/input/placeholders.js'
import { STOPPED_PATTERN_MESSAGE } from '../../src/checks/pattern.js'
import { HEAD, lintWith, messagesOf, ruleFromYaml } from '../helpers.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CATASTROPHIC = `${'a'.repeat(40)}b`

const elapsed = (run: () => void): number => {
  const started = performance.now()
  run()
  return performance.now() - started
}

describe('backtracking bound on rule and placeholder patterns', () => {
  it('is in force (V8 backtrack limit available in this Node.js)', () => {
    expect(backtrackBounded).toBe(true)
    const regex = boundedRegExp('(a+)+$', 'i')
    expect(elapsed(() => expect(regex.exec(CATASTROPHIC)).toBeNull())).toBeLessThan(3000)
    expect(boundedRegExp('(?<span>a+)b', 'dgi').exec('xxAAb')?.indices?.groups?.span).toEqual([2, 4])
    expect(() => boundedRegExp('(uavsluttet', 'g')).toThrow(SyntaxError)
  })

  it('a municipal rule `(a+)+$` on 40 «a» finishes at once, with the right findings', () => {
    const rule = ruleFromYaml(`type: pattern
${HEAD.replace('Skriv heller {{expected}} enn {{actual}}', 'Treff {{actual}}')}
pattern: '(a+)+$'`)
    const text = `${CATASTROPHIC}\n\naaa\n`
    let messages: string[] = []
    expect(elapsed(() => (messages = messagesOf(lintWith([rule], text))))).toBeLessThan(2000)
    // The stopped search is named once, on its sentence; the rule still flags «aaa».
    expect(messages).toEqual([`1:1-1:${CATASTROPHIC.length + 1}: ${STOPPED_PATTERN_MESSAGE}`, '3:1-3:4: Treff «aaa»'])
  })

  it('names no rule when no search was stopped', () => {
    const rule = ruleFromYaml(`type: pattern
${HEAD.replace('Skriv heller {{expected}} enn {{actual}}', 'Treff {{actual}}')}
pattern: '(a+)+$'`)
    expect(messagesOf(lintWith([rule], 'Vi har fått søknaden din.\n\naaa\n'))).toEqual(['3:1-3:4: Treff «aaa»'])
  })

  it('a `placeholders:` pattern `(a+)+$` finishes at once', () => {
    const patterns = compilePlaceholderPatterns(['(a+)+$'])
    let found: unknown
    expect(elapsed(() => (found = findPlaceholders(`${CATASTROPHIC}\n`, patterns)))).toBeLessThan(2000)
    expect(found).toEqual([])
    expect(findPlaceholders('xx aaa', patterns)).toEqual([{ start: 3, end: 6 }])
  })

  it('holds in the CLI too, for rules and placeholders from the config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klarsprak-redos-'))
    mkdirSync(join(dir, 'regler'))
    writeFileSync(
      join(dir, 'regler', 'aaa.yml'),
      `type: pattern\n${HEAD.replace('Skriv heller {{expected}} enn {{actual}}', 'Treff {{actual}}')}\npattern: '(a+)+$'\nexamples:\n  valid: ["Ok."]\n  invalid:\n    - text: "aaa"\n      messages: ["1:1-1:4: Treff «aaa»"]\n`,
    )
    writeFileSync(join(dir, '.klarsprak.yml'), "rules: [regler]\nplaceholders: ['(a+)+$']\n")
    writeFileSync(join(dir, 'brev.txt'), `Vi viser til søknaden vedrørende praktisk bistand.\n\n${CATASTROPHIC}\n`)
    const started = performance.now()
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'klarsprak.js'), 'brev.txt', '-f', 'json'], { cwd: dir, encoding: 'utf8', timeout: 20_000 })
    expect(performance.now() - started).toBeLessThan(5000)
    expect(result.stderr).toBe('')
    const ids = JSON.parse(result.stdout).files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)
    expect(ids).toContain('nb/kanselliord')
    // The municipal rule flags nothing in the letter, but says once that its search was stopped.
    const own = JSON.parse(result.stdout).files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'aaa')
    expect(own.map((d: { message: string; severity: string }) => [d.severity, d.message])).toEqual([['info', STOPPED_PATTERN_MESSAGE]])
  })
})
