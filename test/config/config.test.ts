import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findConfig, loadConfig, validateSettings } from '../../src/config/config.js'
import { parseBuiltinRules } from '../../src/rules/builtin.js'
import { run, tempTree } from '../cli/io.js'

const LONG = 'Du får hjelp til dusj og påkledning hver morgen og hver kveld fra mandag til fredag i hele sommer.\n' // 19 words

describe('configuration', () => {
  it('is found upward from the working directory', () => {
    const root = tempTree({ '.klarsprak.yml': 'settings: {}\n', 'a/b/brev.txt': 'x' })
    expect(findConfig(join(root, 'a', 'b'))).toBe(join(root, '.klarsprak.yml'))
  })

  it('treats an empty config file as the recommended preset', () => {
    const root = tempTree({ '.klarsprak.yml': '' })
    const config = loadConfig(join(root, '.klarsprak.yml'))
    expect(config.files.map((f) => f.replace(root, '<root>'))).toEqual([expect.stringMatching(/presets\/recommended\.yml$/), '<root>/.klarsprak.yml'])
    expect(config.settings).toEqual({})
  })

  it('extends presets and other config files; later settings win', () => {
    const root = tempTree({
      'felles.yml': 'extends: klarsprak:strict\nsettings:\n  nb/passiv-test: off\n  nb/setningslengde: { max: 12 }\n',
      '.klarsprak.yml': 'extends: [./felles.yml]\nsettings:\n  nb/setningslengde: { errorMax: 40 }\nignore: ["gamle/**"]\nrules: ./regler\n',
    })
    const config = loadConfig(join(root, '.klarsprak.yml'))
    expect(config.files.map((f) => f.replace(root, '<root>'))).toEqual([
      expect.stringMatching(/presets\/recommended\.yml$/),
      expect.stringMatching(/presets\/strict\.yml$/),
      '<root>/felles.yml',
      '<root>/.klarsprak.yml',
    ])
    expect(config.settings['nb/setningslengde']!.setting).toEqual({ options: { max: 12, errorMax: 40 } })
    expect(config.settings['nb/passiv-test']!.setting.level).toBe('off')
    expect(config.ignore).toEqual([{ pattern: 'gamle/**', base: root }])
    expect(config.ruleFiles).toEqual([join(root, 'regler')])
  })

  it('reports unknown keys, bad values and unknown presets with file:line:col', () => {
    const bad = (yaml: string): string => {
      const root = tempTree({ '.klarsprak.yml': yaml })
      try {
        loadConfig(join(root, '.klarsprak.yml'))
        return 'ingen feil'
      } catch (error) {
        return (error as { format(): string }).format().replace(root, '<root>')
      }
    }
    expect(bad('regler: x\n')).toBe('<root>/.klarsprak.yml:1:1: ukjent nøkkel; tillatt: extends, rules, settings, ignore, placeholders, maxFileSize, profile')
    expect(bad('settings:\n  nb/kanselliord: kritisk\n')).toBe('<root>/.klarsprak.yml:2:19: innstillingen for «nb/kanselliord» må være off, error, warning, info eller en tabell')
    expect(bad('extends: klarsprak:ukjent\n')).toBe('<root>/.klarsprak.yml:1:10: ukjent forhåndsinnstilling «klarsprak:ukjent»; bruk klarsprak:recommended eller klarsprak:strict')
  })

  it('validates settings against the rules', async () => {
    const { rules } = await parseBuiltinRules()
    const root = tempTree({ '.klarsprak.yml': 'settings:\n  nb/finnes-ikke: off\n  nb/setningslengde: { max: -1, farge: blå }\n' })
    const config = loadConfig(join(root, '.klarsprak.yml'))
    expect(validateSettings(config.settings, rules).map((e) => `${e.line}:${e.column}: ${e.message}`)).toEqual([
      '2:3: ukjent regel «nb/finnes-ikke». Se alle regler med «klarsprak rules».',
      '3:3: «max» for nb/setningslengde må være minst 1',
      '3:3: «farge» kan ikke settes for nb/setningslengde; tillatt: level, max, errorMax',
    ])
  })

  it('changes what the CLI reports: thresholds, levels, off, ignore', async () => {
    const cwd = tempTree({
      '.klarsprak.yml': 'settings:\n  nb/setningslengde: { max: 10, level: error }\nignore: ["gamle/**"]\n',
      'brev.txt': LONG,
      'gamle/brev.txt': LONG,
    })
    const result = await run(['.', '-f', 'json'], { cwd })
    const json = JSON.parse(result.stdout)
    expect(json.files.map((f: { path: string }) => f.path)).toEqual(['brev.txt'])
    expect(json.files[0].diagnostics).toMatchObject([{ ruleId: 'nb/setningslengde', severity: 'error', message: expect.stringContaining('19 ord') }])
    expect(result.code).toBe(1)
    expect((await run(['brev.txt', '--no-config'], { cwd })).code).toBe(0)
  })

  it('a broken config is a usage error (exit 2) with its position', async () => {
    const cwd = tempTree({ 'egen.yml': 'settings:\n  nb/setningslengde: { max: 0 }\n', 'brev.txt': LONG })
    const result = await run(['brev.txt', '--config', 'egen.yml'], { cwd })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('egen.yml:2:3: «max» for nb/setningslengde må være minst 1')
  })
})
