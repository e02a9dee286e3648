import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { emptyConfig, findConfig, loadConfig, merge, validateSettings } from '../../src/config/config.js'
import { collectFiles, findIgnoreFile } from '../../src/files.js'
import { parseBuiltinRules } from '../../src/rules/builtin.js'
import { loadRulePath } from '../../src/rules/load.js'
import { run, tempTree } from '../cli/io.js'

// Several tests run the CLI in-process; the machine's 2 cores are shared with other runs.
vi.setConfig({ testTimeout: 30_000 })

const SECRET = 'hemmelig-passord-123'

/** Files that are not config, each hiding the secret where a parser error might quote it. */
const NOT_CONFIG: Record<string, string | Uint8Array> = {
  plain: `${SECRET}\n`,
  shadow: `root:$6$${SECRET}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n`,
  map: `${SECRET}: ja\npassord: ${SECRET}\n`,
  'bad-token': `- a\nb: ${SECRET}\n`,
  'flow-end': `{a: 1}} ${SECRET}\n`,
  json: `{"type": "${SECRET}", "private_key": "${SECRET}"}\n`,
  alias: `a: *${SECRET}\n`,
  binary: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, ...Buffer.from(`: ${SECRET}\n`)]),
}

const formatted = (action: () => unknown): string => {
  try {
    action()
    return 'ingen feil'
  } catch (error) {
    return (error as { format(): string }).format()
  }
}

describe('extends: and rules: never print what a file that is not config contains', () => {
  it.each(Object.keys(NOT_CONFIG))('%s', async (shape) => {
    const root = tempTree({ 'hemmelig.txt': NOT_CONFIG[shape]!, '.klarsprak.yml': 'extends: ./hemmelig.txt\n', 'regler.yml': 'rules: ./hemmelig.txt\n' })
    const message = formatted(() => loadConfig(join(root, '.klarsprak.yml')))
    expect(message).toMatch(new RegExp(`^${join(root, 'hemmelig.txt')}:\\d+:\\d+: \\S`))
    expect(message).not.toContain(SECRET)

    const rules = await loadRulePath(join(root, 'hemmelig.txt'))
    expect(rules.rules).toEqual([])
    const problems = rules.errors.map((error) => error.format()).join('\n')
    expect(problems).toMatch(new RegExp(`^${join(root, 'hemmelig.txt')}:\\d+:\\d+: \\S`))
    expect(problems).not.toContain(SECRET)

    const cli = await run(['brev.txt', '-c', 'regler.yml'], { cwd: root })
    expect(cli.stdout + cli.stderr).not.toContain(SECRET)
  })

  it('a key that is nearly a config key is named from the list of keys, not from the file', () => {
    const root = tempTree({ '.klarsprak.yml': 'setings:\n  nb/kanselliord: off\n' })
    expect(formatted(() => loadConfig(join(root, '.klarsprak.yml'))).replace(root, '<root>')).toBe(
      '<root>/.klarsprak.yml:1:1: ukjent nøkkel (mente du «settings»?); tillatt: extends, rules, settings, ignore, placeholders, maxFileSize, profile',
    )
  })

  it('YAML syntax errors are Norwegian, with file:line:col', () => {
    const bad = (yaml: string): string => {
      const root = tempTree({ '.klarsprak.yml': yaml })
      return formatted(() => loadConfig(join(root, '.klarsprak.yml'))).replace(root, '<root>')
    }
    expect(bad('settings:\n  nb/kanselliord: [off\n')).toBe('<root>/.klarsprak.yml:3:1: ugyldig YAML: feil innrykk, eller en liste eller tabell som ikke er lukket')
    expect(bad('ignore: "gamle/**\n')).toBe('<root>/.klarsprak.yml:2:1: ugyldig YAML: mangler et tegn, for eksempel et avsluttende anførselstegn eller en klamme')
    expect(bad('settings:\n\tnb/kanselliord: off\n')).toBe('<root>/.klarsprak.yml:2:1: ugyldig YAML: tabulator brukt som innrykk; bruk mellomrom')
    expect(bad('ignore: [a]\nignore: [b]\n')).toBe('<root>/.klarsprak.yml:2:1: ugyldig YAML: samme nøkkel står to ganger i samme tabell')
    expect(bad('settings: a: b\n')).toBe('<root>/.klarsprak.yml:1:11: ugyldig YAML: to kolon på samme linje; sett verdien i anførselstegn')
  })
})

describe('config and ignore files are looked for no higher than the repository root or home', () => {
  const tree = tempTree({
    '.klarsprak.yml': 'settings:\n  nb/setningslengde: { max: 3 }\n',
    '.klarsprakignore': '*.txt\n',
    'repo/.git/HEAD': 'ref: refs/heads/main\n',
    'repo/a/brev.txt': 'Du får hjelp til dusj og påkledning hver morgen og hver kveld.\n',
    'worktree/.git': 'gitdir: /somewhere/else\n',
    'worktree/a/brev.txt': 'x\n',
    'home/per/a/brev.txt': 'x\n',
    'home/per/b/.klarsprak.yml': '',
  })

  it('stops at a folder with .git (a folder, or the file of a git worktree)', async () => {
    expect(findConfig(join(tree, 'repo', 'a'), undefined)).toBeUndefined()
    expect(findConfig(join(tree, 'worktree', 'a'), undefined)).toBeUndefined()
    expect(findIgnoreFile(join(tree, 'repo', 'a'), undefined)).toBeUndefined()
    expect((await collectFiles(['.'], join(tree, 'repo', 'a'), [], { home: undefined })).files).toEqual(['brev.txt'])
    // The CLI too: the parent's `max: 3` does not reach into the repository.
    const result = await run(['brev.txt', '-f', 'json'], { cwd: join(tree, 'repo', 'a') })
    expect(JSON.parse(result.stdout).files[0].diagnostics).toEqual([])
  })

  it('stops at the home folder', () => {
    const home = join(tree, 'home', 'per')
    expect(findConfig(join(home, 'a'), home)).toBeUndefined()
    expect(findIgnoreFile(join(home, 'a'), home)).toBeUndefined()
    // Without the stop, the file two folders up is what would be found.
    expect(findConfig(join(home, 'a'), undefined)).toBe(join(tree, '.klarsprak.yml'))
    expect(findIgnoreFile(join(home, 'a'), undefined)).toBe(join(tree, '.klarsprakignore'))
  })

  it('still finds files in the repository root and the home folder themselves', () => {
    writeFileSync(join(tree, 'repo', '.klarsprak.yml'), '')
    expect(findConfig(join(tree, 'repo', 'a'), undefined)).toBe(join(tree, 'repo', '.klarsprak.yml'))
    expect(findConfig(join(tree, 'home', 'per', 'b'), join(tree, 'home', 'per'))).toBe(join(tree, 'home', 'per', 'b', '.klarsprak.yml'))
    mkdirSync(join(tree, 'home', 'per', 'c'))
    writeFileSync(join(tree, 'home', 'per', '.klarsprakignore'), '')
    expect(findIgnoreFile(join(tree, 'home', 'per', 'c'), join(tree, 'home', 'per'))).toBe(join(tree, 'home', 'per', '.klarsprakignore'))
  })
})

describe('settings keys are data', () => {
  it('__proto__, constructor and prototype are unknown rules like any other', async () => {
    const { rules } = await parseBuiltinRules()
    const root = tempTree({
      '.klarsprak.yml': 'settings:\n  __proto__: off\n  constructor: error\n  prototype: { level: info }\n  nb/setningslengde: { __proto__: 5, constructor: 1 }\n',
    })
    const config = loadConfig(join(root, '.klarsprak.yml'))
    expect(Object.keys(config.settings)).toEqual(['__proto__', 'constructor', 'prototype', 'nb/setningslengde'])
    expect(validateSettings(config.settings, rules).map((e) => `${e.line}:${e.column}: ${e.message}`)).toEqual([
      '2:3: ukjent regel «__proto__». Se alle regler med «klarsprak rules».',
      '3:3: ukjent regel «constructor». Se alle regler med «klarsprak rules».',
      '4:3: ukjent regel «prototype». Se alle regler med «klarsprak rules».',
      '5:3: «__proto__» kan ikke settes for nb/setningslengde; tillatt: level, max, errorMax',
      '5:3: «constructor» kan ikke settes for nb/setningslengde; tillatt: level, max, errorMax',
    ])
    const cli = await run(['brev.txt'], { cwd: tempTree({ '.klarsprak.yml': 'settings:\n  __proto__: off\n', 'brev.txt': 'Hei.\n' }) })
    expect(cli.stderr).toContain('.klarsprak.yml:2:3: ukjent regel «__proto__»')
    expect(cli.code).toBe(2)
  })
})

describe('aliases and merge keys in config', () => {
  it('are resolved, with positions kept', () => {
    const root = tempTree({
      '.klarsprak.yml': [
        'ignore: &gamle ["gamle/**"]',
        'settings:',
        '  nb/setningslengde: &kort { max: 12, errorMax: 30 }',
        '  nn/setningslengde: *kort',
        '  en/setningslengde: { <<: *kort, max: 15 }',
        '  nb/avsnittslengde: *ukjent',
        '',
      ].join('\n'),
    })
    expect(formatted(() => loadConfig(join(root, '.klarsprak.yml'))).replace(root, '<root>')).toBe(
      '<root>/.klarsprak.yml:6:22: aliaset (*) viser til et anker (&) som ikke finnes foran det',
    )
    writeFileSync(join(root, '.klarsprak.yml'), 'ignore: &gamle ["gamle/**"]\nsettings:\n  nb/setningslengde: &kort { max: 12, errorMax: 30 }\n  nn/setningslengde: *kort\n  en/setningslengde: { <<: *kort, max: 15 }\n')
    const config = loadConfig(join(root, '.klarsprak.yml'))
    expect(config.settings['nn/setningslengde']!.setting.options).toEqual({ max: 12, errorMax: 30 })
    expect(config.settings['en/setningslengde']!.setting.options).toEqual({ max: 15, errorMax: 30 })
    expect(config.settings['nn/setningslengde']!.where).toMatchObject({ line: 4, column: 3 })
  })

  it('a billion-laughs config is refused at once (measured 0.2 s), at the alias that crossed the bound', () => {
    const keys = 'abcdefghij'.split('')
    const lines = ['settings:', `  l0: &l0 { ${keys.map((k) => `${k}: 1`).join(', ')} }`]
    for (let level = 1; level <= 9; level++) lines.push(`  l${level}: &l${level} { ${keys.map((k) => `${k}: *l${level - 1}`).join(', ')} }`)
    const root = tempTree({ '.klarsprak.yml': `${lines.join('\n')}\n` })
    const started = performance.now()
    const message = formatted(() => loadConfig(join(root, '.klarsprak.yml'))).replace(root, '<root>')
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(message).toMatch(
      /^<root>\/\.klarsprak\.yml:\d+:\d+: aliasene \(\*\) og sammenslåingene \(<<\) i filen gir mer enn 10 000 verdier\. Skriv verdiene ut i stedet for å gjenta alias i alias\.$/,
    )
  })
})

describe('long lists', () => {
  it('merge without spreading them into a call (push(...list) overflows at ~125,000)', () => {
    const into = emptyConfig()
    const from = emptyConfig()
    for (let i = 0; i < 200_000; i++) from.ignore.push({ pattern: `${i}/**`, base: '/' })
    merge(into, from)
    expect(into.ignore).toHaveLength(200_000)
  })
})
