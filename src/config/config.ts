import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { yamlLib } from '../yaml.js'
import type { Node, YAMLMap } from 'yaml'
import { CHECKS } from '../checks/registry.js'
import type { RuleSetting } from '../engine.js'
import { UserError } from '../errors.js'
import { searchFolders } from '../files.js'
import { RULES_DIR } from '../rules/builtin.js'
import { closest, readRuleText } from '../rules/load.js'
import { checkValue, type RuleDef } from '../rules/schema.js'
import { YamlFile, type Entry } from '../rules/yaml-doc.js'
import { SEVERITIES, type Severity } from '../types.js'

export const CONFIG_NAMES = ['.klarsprak.yml', '.klarsprak.yaml']
const PRESET_PREFIX = 'klarsprak:'
const TOP_KEYS = ['extends', 'rules', 'settings', 'ignore', 'placeholders', 'maxFileSize', 'profile']

/** A rule setting and where it was written, so a bad one can be reported with its position. */
export interface PlacedSetting {
  setting: RuleSetting
  where: UserError
}

export interface ResolvedConfig {
  /** Config files read, outermost preset first. */
  files: string[]
  /** Extra rule files or folders (absolute paths). */
  ruleFiles: string[]
  settings: Record<string, PlacedSetting>
  /** Ignore globs with the folder they are relative to. */
  ignore: Array<{ pattern: string; base: string }>
  /** The municipality's own merge-field patterns (regular expressions), besides the built-in ones. */
  placeholders: string[]
  /** Largest file to read, in MB. */
  maxFileSize?: number
  /** Review every file as a decision letter (`vedtak`), as general text, or detect it (`auto`). */
  profile?: 'vedtak' | 'general' | 'auto'
}

export function emptyConfig(): ResolvedConfig {
  // Settings keyed by rule id: every key is data, so `__proto__` is an (unknown) rule id too.
  return { files: [], ruleFiles: [], settings: Object.create(null) as Record<string, PlacedSetting>, ignore: [], placeholders: [] }
}

/**
 * `.klarsprak.yml` in `cwd` or the nearest folder above it, up to the repository root (a folder
 * with `.git`) or the home folder, whichever comes first: a config further up belongs to
 * someone or something else.
 */
export function findConfig(cwd: string, home: string | undefined = homedir()): string | undefined {
  for (const dir of searchFolders(cwd, home)) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name)
      if (existsSync(candidate)) return candidate
    }
  }
  return undefined
}

export function presetPath(name: string): string {
  return join(RULES_DIR, 'presets', `${name}.yml`)
}

/**
 * Load a config file with everything it extends. A config without `extends` extends
 * `klarsprak:recommended`. Throws UserError (file:line:col) on any problem.
 *
 * `extends:` may point at any file, so nothing from a file is quoted in an error until its
 * top-level keys have been found to be config keys: a key file or /etc/shadow gives its
 * position and the problem, never its content.
 */
export function loadConfig(path: string, seen: string[] = []): ResolvedConfig {
  const { isMap, isScalar, isSeq } = yamlLib()
  const file = resolve(path)
  if (seen.includes(file)) throw new UserError(`konfigurasjonen utvider seg selv i ring (${seen.concat(file).join(' → ')}).`, path)
  const yaml = new YamlFile(readRuleText(file), path)
  if (yaml.errors.length > 0) throw yaml.errors[0]!
  const fail = (at: number | Node | null | undefined, message: string): never => {
    throw yaml.problem(at, message)
  }
  const base = dirname(file)
  const result = emptyConfig()
  const root = yaml.resolve(yaml.root)
  // An empty file is a config with no keys.
  const empty = root === null || (isScalar(root) && root.value === null)
  if (!empty && !isMap(root)) return fail(root, 'konfigurasjonen må være en tabell med nøkler (extends, rules, settings, ignore).')

  const entries = new Map<string, Entry>()
  for (const entry of empty ? [] : yaml.entries(root as YAMLMap)) {
    if (!TOP_KEYS.includes(entry.key)) {
      const near = closest(entry.key, TOP_KEYS)
      fail(entry.keyAt, `ukjent nøkkel${near ? ` (mente du «${near}»?)` : ''}; tillatt: ${TOP_KEYS.join(', ')}`)
    }
    entries.set(entry.key, entry)
  }
  // From here on the file is a config file: its own values may be quoted.

  const list = (key: string): Array<{ value: string; at: number }> => {
    const entry = entries.get(key)
    const node = entry?.value
    if (!entry || node === null || node === undefined || (isScalar(node) && node.value === null)) return []
    const wrong = `«${key}» må være en tekst eller en liste med tekster`
    if (isScalar(node)) {
      if (typeof node.value !== 'string') fail(entry.valueAt, wrong)
      return [{ value: node.value as string, at: entry.valueAt }]
    }
    if (!isSeq(node) || node.items.length === 0) return fail(entry.valueAt, wrong)
    return (node.items as Node[]).map((item) => {
      const value = yaml.resolve(item)
      const at = item.range?.[0] ?? entry.valueAt
      if (!isScalar(value) || typeof value.value !== 'string') return fail(at, wrong)
      return { value: value.value, at }
    })
  }

  const parents = entries.has('extends') ? list('extends') : null
  if (parents === null) {
    // Presets are the root of every chain; everything else extends the recommended one.
    if (!file.startsWith(join(RULES_DIR, 'presets'))) merge(result, loadConfig(presetPath('recommended'), seen.concat(file)))
  } else {
    for (const { value, at } of parents) {
      const target = value.startsWith(PRESET_PREFIX) ? presetPath(value.slice(PRESET_PREFIX.length)) : resolve(base, value)
      if (value.startsWith(PRESET_PREFIX) && !existsSync(target)) fail(at, `ukjent forhåndsinnstilling «${value}»; bruk klarsprak:recommended eller klarsprak:strict`)
      merge(result, loadConfig(target, seen.concat(file)))
    }
  }
  result.files.push(file)
  for (const { value } of list('rules')) result.ruleFiles.push(resolve(base, value))
  for (const { value } of list('ignore')) result.ignore.push({ pattern: value, base })
  for (const { value, at } of list('placeholders')) {
    try {
      new RegExp(value, 'u')
    } catch (error) {
      fail(at, `ugyldig regulært uttrykk i «placeholders»: ${(error as Error).message}`)
    }
    result.placeholders.push(value)
  }
  const profileEntry = entries.get('profile')
  if (profileEntry && !isEmpty(profileEntry)) {
    const value = yaml.toJS(profileEntry.node)
    if (value !== 'vedtak' && value !== 'general' && value !== 'auto') fail(profileEntry.valueAt, '«profile» må være vedtak, general eller auto')
    result.profile = value as ResolvedConfig['profile']
  }
  const maxFileSize = entries.get('maxFileSize')
  if (maxFileSize && !isEmpty(maxFileSize)) {
    const value = yaml.toJS(maxFileSize.node)
    if (typeof value !== 'number' || !(value > 0)) fail(maxFileSize.valueAt, '«maxFileSize» må være et tall større enn 0 (megabyte)')
    result.maxFileSize = value as number
  }

  const settings = entries.get('settings')
  if (settings && !isEmpty(settings)) {
    if (!isMap(settings.value)) fail(settings.valueAt, '«settings» må være en tabell: regel-id → off | error | warning | info | { level, … }')
    for (const entry of yaml.entries(settings.value as YAMLMap)) {
      const id = entry.key
      const pos = yaml.problem(entry.keyAt, '')
      const where = new UserError('', pos.file, pos.line, pos.column)
      const setting = parseSetting(yaml.toJS(entry.node))
      if (typeof setting === 'string') fail(entry.valueAt, `innstillingen for «${id}» ${setting}`)
      const previous = Object.hasOwn(result.settings, id) ? result.settings[id]!.setting : undefined
      result.settings[id] = {
        setting: {
          ...previous,
          ...(setting as RuleSetting),
          options: { ...previous?.options, ...(setting as RuleSetting).options },
        },
        where,
      }
    }
  }
  return result
}

function isEmpty(entry: Entry): boolean {
  const { isScalar } = yamlLib()
  return entry.value === null || (isScalar(entry.value) && entry.value.value === null)
}

/** `off`, a level, or `{ level?, ...options }`; returns an error text when invalid. */
function parseSetting(value: unknown): RuleSetting | string {
  if (value === 'off' || value === false) return { level: 'off' }
  if (typeof value === 'string') {
    return SEVERITIES.includes(value as Severity) ? { level: value as Severity } : `må være off, error, warning, info eller en tabell`
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { level, ...options } = value as Record<string, unknown>
    if (level !== undefined && level !== 'off' && !SEVERITIES.includes(level as Severity)) return 'har ukjent «level»; bruk off, error, warning eller info'
    return { ...(level !== undefined ? { level: level as Severity | 'off' } : {}), options }
  }
  return 'må være off, error, warning, info eller en tabell'
}

export function merge(into: ResolvedConfig, from: ResolvedConfig): void {
  // Loops, not push(...list): a spread of a long list overflows the call stack.
  for (const file of from.files) into.files.push(file)
  for (const file of from.ruleFiles) into.ruleFiles.push(file)
  for (const glob of from.ignore) into.ignore.push(glob)
  for (const pattern of from.placeholders) into.placeholders.push(pattern)
  if (from.maxFileSize !== undefined) into.maxFileSize = from.maxFileSize
  if (from.profile !== undefined) into.profile = from.profile
  for (const [id, placed] of Object.entries(from.settings)) {
    const previous = Object.hasOwn(into.settings, id) ? into.settings[id]!.setting : undefined
    into.settings[id] = {
      where: placed.where,
      setting: { ...previous, ...placed.setting, options: { ...previous?.options, ...placed.setting.options } },
    }
  }
}

/** Option kinds a config may set per rule: scalars (a threshold, a flag, the appeal body's name). */
const SETTABLE = ['integer', 'number', 'boolean', 'string']

/**
 * Check settings against the loaded rules: the rule must exist and every option must be a
 * scalar key of its type with a valid value. Returns one UserError per problem.
 */
export function validateSettings(settings: Record<string, PlacedSetting>, rules: RuleDef[]): UserError[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]))
  const problems: UserError[] = []
  for (const [id, { setting, where }] of Object.entries(settings)) {
    const problem = (message: string): void => {
      problems.push(new UserError(message, where.file, where.line, where.column))
    }
    const rule = byId.get(id)
    if (!rule) {
      problem(`ukjent regel «${id}». Se alle regler med «klarsprak rules».`)
      continue
    }
    const check = CHECKS.get(rule.type)!
    for (const [key, value] of Object.entries(setting.options ?? {})) {
      const spec = Object.hasOwn(check.keys, key) ? check.keys[key] : undefined
      if (!spec || !SETTABLE.includes(spec.kind)) {
        const allowed = Object.entries(check.keys).filter(([, s]) => SETTABLE.includes(s.kind)).map(([k]) => k)
        problem(`«${key}» kan ikke settes for ${id}; ${allowed.length > 0 ? `tillatt: level, ${allowed.join(', ')}` : 'bare level kan settes'}`)
        continue
      }
      const error = checkValue(spec, value)
      if (error) problem(`«${key}» for ${id} ${error}`)
    }
    if (check.validate) {
      for (const [key, error] of check.validate({ ...rule.options, ...setting.options })) problem(`«${key}» for ${id} ${error}`)
    }
  }
  return problems
}
