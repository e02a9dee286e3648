import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { loadRulePath, parseRuleFile } from '../../src/rules/load.js'
import { run, tempTree } from '../cli/io.js'
import { MUNICIPAL_RULE } from '../helpers.js'

// Several tests run the CLI in-process; the machine's 2 cores are shared with other runs.
vi.setConfig({ testTimeout: 30_000 })

const RULE = MUNICIPAL_RULE
/** The same rule with examples that do not hold: a valid one with a finding, a wrong position. */
const WRONG = RULE.replace('valid: ["Send klagen til Statsforvalteren."]', 'valid: ["Send klagen til Statsforvalteren.", "Fylkesmannen avgjør."]').replace(
  '1:17-1:29',
  '1:18-1:30',
)

describe('examples of municipal rule files are checked when they are loaded', () => {
  it('a rule whose examples hold loads', async () => {
    const root = tempTree({ 'navn.yml': RULE })
    const loaded = await loadRulePath(join(root, 'navn.yml'))
    expect(loaded.errors).toEqual([])
    expect(loaded.rules.map((rule) => rule.id)).toEqual(['navn'])
  })

  it('each example that does not hold is a problem at its position, and the rule is not loaded', async () => {
    const root = tempTree({ 'regler/feil.yml': WRONG, 'regler/navn.yml': RULE })
    const loaded = await loadRulePath(join(root, 'regler'))
    expect(loaded.rules.map((rule) => rule.id)).toEqual(['navn'])
    expect(loaded.errors.map((error) => error.format())).toEqual([
      `${join(root, 'regler', 'feil.yml')}:9:48: eksempel «Fylkesmannen avgjør.» under «valid» ga «1:1-1:13: Skriv Statsforvalteren, ikke «Fylkesmannen»», ventet ingen funn\n` +
        `${join(root, 'regler', 'feil.yml')}:11:7: eksempel «Send klagen til Fylkesmannen.» ga «1:17-1:29: Skriv Statsforvalteren, ikke «Fylkesmannen»», ventet «1:18-1:30: Skriv Statsforvalteren, ikke «Fylkesmannen»»`,
    ])
  })

  it('the CLI exits 2 and still runs the other rules', async () => {
    const cwd = tempTree({ 'regler/feil.yml': WRONG, 'regler/navn.yml': RULE, 'brev.txt': 'Send klagen til Fylkesmannen.\n' })
    const result = await run(['brev.txt', '--rules', 'regler', '-f', 'json'], { cwd })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^klarsprak: .*feil\.yml:9:48: eksempel «Fylkesmannen avgjør\.» under «valid» ga «1:1-1:13: /)
    expect(result.stderr).toContain('feil.yml:11:7: eksempel «Send klagen til Fylkesmannen.» ga ')
    expect(JSON.parse(result.stdout).files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['navn'])
  })

  it('parseRuleFile checks examples only when asked (the built-in packs are checked by the test suite)', () => {
    expect(() => parseRuleFile(WRONG, 'feil.yml', 'kommune/feil')).not.toThrow()
    expect(() => parseRuleFile(WRONG, 'feil.yml', 'kommune/feil', undefined, { verifyExamples: true })).toThrow(/eksempel «Fylkesmannen avgjør\.»/)
  })

})
