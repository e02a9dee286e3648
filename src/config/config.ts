import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { yamlLib } from '../yaml.js'
import type { Node } from 'yaml'
import { CHECKS } from '../checks/registry.js'
import type { RuleSetting } from '../engine.js'
import { UserError } from '../errors.js'
import { RULES_DIR } from '../rules/builtin.js'
import { checkValue, type RuleDef } from '../rules/schema.js'
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
  return { files: [], ruleFiles: [], settings: {}, ignore: [], placeholders: [] }
}

/** `.klarsprak.yml` in `cwd` or the nearest folder above it. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd)
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name)
      if (existsSync(candidate)) return candidate
    }
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

export function presetPath(name: string): string {
  return join(RULES_DIR, 'presets', `${name}.yml`)
}

/**
 * Load a config file with everything it extends. A config without `extends` extends
 * `klarsprak:recommended`. Throws UserError (file:line:col) on any problem.
 */
export function loadConfig(path: string, seen: string[] = []): ResolvedConfig {
  const { isMap, isScalar, LineCounter, parseDocument } = yamlLib()
  const file = resolve(path)
  if (seen.includes(file)) throw new UserError(`konfigurasjonen utvider seg selv i ring (${[...seen, file].join(' → ')}).`, path)
  let source: string
  try {
    source = readFileSync(file, 'utf8')
  } catch {
    throw new UserError('konfigurasjonsfilen finnes ikke eller kan ikke leses. Sjekk stien.', path)
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const fail = (node: Node | null | undefined, message: string): never => {
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0)
    throw new UserError(message, path, pos.line, pos.col)
  }
  if (doc.errors.length > 0) {
    const pos = lineCounter.linePos(doc.errors[0]!.pos[0])
    throw new UserError(`ugyldig YAML: ${doc.errors[0]!.message.split('\n')[0]}`, path, pos.line, pos.col)
  }
  const base = dirname(file)
  const result = emptyConfig()
  const root = doc.contents
  // An empty file is a config with no keys.
  const empty = root === null || (isScalar(root) && root.value === null)
  if (!empty && !isMap(root)) return fail(root, 'konfigurasjonen må være en tabell med nøkler (extends, rules, settings, ignore).')

  const entries = new Map<string, Node | null>()
  for (const pair of empty ? [] : (root as { items: Array<{ key: unknown; value: unknown }> }).items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (!TOP_KEYS.includes(key)) fail(pair.key as Node, `ukjent nøkkel «${key}»; tillatt: ${TOP_KEYS.join(', ')}`)
    entries.set(key, (pair.value as Node | null) ?? null)
  }

  const list = (key: string): Array<{ value: string; node: Node }> => {
    const node = entries.get(key)
    if (node === undefined || node === null) return []
    const items = isScalar(node) ? [node] : 'items' in node && Array.isArray(node.items) ? (node.items as Node[]) : []
    if (items.length === 0 && !isScalar(node)) fail(node, `«${key}» må være en tekst eller en liste med tekster`)
    return items.map((item) => {
      if (!isScalar(item) || typeof item.value !== 'string') return fail(item, `«${key}» må være en tekst eller en liste med tekster`)
      return { value: item.value, node: item }
    })
  }

  const parents = entries.has('extends') ? list('extends') : null
  if (parents === null) {
    // Presets are the root of every chain; everything else extends the recommended one.
    if (!file.startsWith(join(RULES_DIR, 'presets'))) merge(result, loadConfig(presetPath('recommended'), [...seen, file]))
  } else {
    for (const { value, node } of parents) {
      const target = value.startsWith(PRESET_PREFIX) ? presetPath(value.slice(PRESET_PREFIX.length)) : resolve(base, value)
      if (value.startsWith(PRESET_PREFIX) && !existsSync(target)) fail(node, `ukjent forhåndsinnstilling «${value}»; bruk klarsprak:recommended eller klarsprak:strict`)
      merge(result, loadConfig(target, [...seen, file]))
    }
  }
  result.files.push(file)
  for (const { value } of list('rules')) result.ruleFiles.push(resolve(base, value))
  for (const { value } of list('ignore')) result.ignore.push({ pattern: value, base })
  for (const { value, node } of list('placeholders')) {
    try {
      new RegExp(value, 'u')
    } catch (error) {
      fail(node, `ugyldig regulært uttrykk i «placeholders»: ${(error as Error).message}`)
    }
    result.placeholders.push(value)
  }
  const profileNode = entries.get('profile')
  if (profileNode !== undefined && profileNode !== null) {
    const value = profileNode.toJSON() as unknown
    if (value !== 'vedtak' && value !== 'general' && value !== 'auto') fail(profileNode, '«profile» må være vedtak, general eller auto')
    result.profile = value as ResolvedConfig['profile']
  }
  const maxFileSize = entries.get('maxFileSize')
  if (maxFileSize !== undefined && maxFileSize !== null) {
    const value = maxFileSize.toJSON() as unknown
    if (typeof value !== 'number' || !(value > 0)) fail(maxFileSize, '«maxFileSize» må være et tall større enn 0 (megabyte)')
    result.maxFileSize = value as number
  }

  const settings = entries.get('settings')
  if (settings !== undefined && settings !== null) {
    if (!isMap(settings)) fail(settings, '«settings» må være en tabell: regel-id → off | error | warning | info | { level, … }')
    for (const pair of (settings as { items: Array<{ key: unknown; value: unknown }> }).items) {
      const keyNode = pair.key as Node
      const id = isScalar(keyNode) ? String(keyNode.value) : ''
      const valueNode = pair.value as Node | null
      const pos = lineCounter.linePos(keyNode.range?.[0] ?? 0)
      const where = new UserError('', path, pos.line, pos.col)
      const value = valueNode?.toJSON() as unknown
      const setting = parseSetting(value)
      if (typeof setting === 'string') fail(valueNode ?? keyNode, `innstillingen for «${id}» ${setting}`)
      const previous = result.settings[id]?.setting
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
  into.files.push(...from.files)
  into.ruleFiles.push(...from.ruleFiles)
  into.ignore.push(...from.ignore)
  into.placeholders.push(...from.placeholders)
  if (from.maxFileSize !== undefined) into.maxFileSize = from.maxFileSize
  if (from.profile !== undefined) into.profile = from.profile
  for (const [id, placed] of Object.entries(from.settings)) {
    const previous = into.settings[id]?.setting
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
      const spec = check.keys[key]
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
