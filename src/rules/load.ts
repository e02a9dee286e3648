import { readFile, readdir, stat } from 'node:fs/promises'
import { basename, join, relative, sep } from 'node:path'
import { yamlLib } from '../yaml.js'
import type { Node, YAMLMap } from 'yaml'
import { CHECKS } from '../checks/registry.js'
import { UserError } from '../errors.js'
import { SEVERITIES, type Language, type Severity } from '../types.js'
import { COMMON_KEYS, checkValue, type KeySpec, type RuleDef, type RuleExample } from './schema.js'

const LANGUAGES = ['nb', 'nn', 'en', 'any'] as const

/** Everything wrong with one rule file, each as `file:line:col: problem`. */
export class RuleFileError extends UserError {
  constructor(readonly problems: UserError[]) {
    super(problems.map((problem) => problem.format()).join('\n'), problems[0]?.file)
  }

  override format(): string {
    return this.message
  }
}

/**
 * Parse and validate one rule file. `id` is the path under its rules folder without `.yml`.
 * Every problem is reported with its position; unknown keys are errors.
 */
export function parseRuleFile(source: string, file: string, id: string, folderLanguage?: string): RuleDef {
  const { isMap, isScalar, LineCounter, parseDocument } = yamlLib()
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const problems: UserError[] = []
  const at = (offset: number | undefined, message: string): void => {
    const pos = lineCounter.linePos(offset ?? 0)
    problems.push(new UserError(message, file, pos.line, pos.col))
  }
  for (const error of doc.errors) at(error.pos[0], `ugyldig YAML: ${error.message.split('\n')[0]}`)
  if (problems.length > 0) throw new RuleFileError(problems)

  const root = doc.contents
  if (!isMap(root)) {
    at(root?.range?.[0], 'en regelfil må være en tabell med nøkler (type, level, message …)')
    throw new RuleFileError(problems)
  }

  const values = new Map<string, { node: Node | null; value: unknown; keyOffset: number }>()
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const node = (pair.value as Node | null) ?? null
    values.set(key, { node, value: node ? node.toJSON() : null, keyOffset: (pair.key as Node).range?.[0] ?? 0 })
  }

  const typeName = values.get('type')?.value
  const check = typeof typeName === 'string' ? CHECKS.get(typeName) : undefined
  if (!values.has('type')) at(root.range?.[0], 'mangler «type»')
  else if (!check) {
    at(values.get('type')!.node?.range?.[0], `ukjent type «${String(typeName)}»; bruk en av: ${[...CHECKS.keys()].join(', ')}`)
  }

  const specs: Record<string, KeySpec> = { ...COMMON_KEYS, ...(check?.keys ?? {}) }
  // With an unknown type the allowed keys are unknown too: report only the type.
  for (const [key, { keyOffset }] of check ? values : []) {
    if (!(key in specs)) at(keyOffset, `ukjent nøkkel «${key}»; tillatt for ${check!.type}: ${Object.keys(specs).join(', ')}`)
  }
  for (const [key, spec] of Object.entries(specs)) {
    const entry = values.get(key)
    if (!entry) {
      if (spec.required && (key !== 'type' || check)) at(root.range?.[0], `mangler «${key}» (${spec.doc})`)
      continue
    }
    if (key === 'examples' || (key === 'type' && !check)) continue
    const problem = checkValue(spec, entry.value)
    if (problem) at(entry.node?.range?.[0] ?? entry.keyOffset, `«${key}» ${problem}`)
  }

  const level = values.get('level')?.value
  if (typeof level === 'string' && !SEVERITIES.includes(level as Severity)) {
    at(values.get('level')!.node?.range?.[0], `ukjent nivå «${level}»; bruk error, warning eller info`)
  }
  const language = values.get('language')?.value ?? (LANGUAGES.includes(folderLanguage as never) ? folderLanguage : 'any')
  if (!LANGUAGES.includes(language as never)) {
    at(values.get('language')?.node?.range?.[0], `ukjent språk «${String(language)}»; bruk nb, nn, en eller any`)
  }
  const profile = values.get('profile')?.value ?? (folderLanguage === 'vedtak' ? 'vedtak' : undefined)
  if (profile !== undefined && profile !== 'vedtak') {
    at(values.get('profile')?.node?.range?.[0], `ukjent profil «${String(profile)}»; bruk vedtak (eller utelat nøkkelen)`)
  }
  const examples = parseExamples(values.get('examples')?.node ?? null, at)

  const options: Record<string, unknown> = {}
  for (const key of Object.keys(check?.keys ?? {})) {
    if (values.has(key)) options[key] = values.get(key)!.value
  }
  if (check?.validate && problems.length === 0) {
    for (const [key, problem] of check.validate(options)) {
      at(values.get(key)?.node?.range?.[0] ?? root.range?.[0], `«${key}» ${problem}`)
    }
  }
  if (problems.length > 0) throw new RuleFileError(problems)

  const text = (key: string): string => values.get(key)!.value as string
  return {
    id,
    file,
    type: check!.type,
    level: level as Severity,
    description: text('description'),
    message: text('message'),
    note: text('note'),
    source: text('source'),
    language: language as Language | 'any',
    ...(profile === 'vedtak' ? { profile: 'vedtak' as const } : {}),
    options,
    examples: examples!,
  }
}

type At = (offset: number | undefined, message: string) => void

function parseExamples(node: Node | null, at: At): RuleDef['examples'] | undefined {
  const { isMap, isScalar, isSeq } = yamlLib()
  if (!node) return undefined
  if (!isMap(node)) {
    at(node.range?.[0], '«examples» må ha «valid» og «invalid»')
    return undefined
  }
  const map = node as YAMLMap
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (key !== 'valid' && key !== 'invalid') at((pair.key as Node).range?.[0], `ukjent nøkkel «${key}» i examples; bruk valid og invalid`)
  }
  const valid = map.get('valid', true) as Node | undefined
  const invalid = map.get('invalid', true) as Node | undefined
  const result: RuleDef['examples'] = { valid: [], invalid: [] }
  if (!isSeq(valid) || valid.items.length === 0 || !valid.items.every((item) => isScalar(item) && typeof item.value === 'string')) {
    at(valid?.range?.[0] ?? node.range?.[0], '«examples.valid» må være en liste med minst én tekst som ikke gir funn')
  } else {
    result.valid = valid.items.map((item) => String((item as { value: unknown }).value))
  }
  if (!isSeq(invalid) || invalid.items.length === 0) {
    at(invalid?.range?.[0] ?? node.range?.[0], '«examples.invalid» må være en liste med minst ett eksempel med funn')
    return result
  }
  for (const item of invalid.items as Node[]) {
    const value = item.toJSON() as Partial<RuleExample> | null
    const keys = value && typeof value === 'object' ? Object.keys(value) : []
    const ok =
      value !== null &&
      typeof value === 'object' &&
      typeof value.text === 'string' &&
      Array.isArray(value.messages) &&
      value.messages.length > 0 &&
      value.messages.every((message) => typeof message === 'string') &&
      keys.every((key) => key === 'text' || key === 'messages')
    if (!ok) at(item.range?.[0], 'hvert ugyldig eksempel må ha «text» og «messages» (liste med «linje:kolonne-linje:kolonne: melding»)')
    else result.invalid.push({ text: value.text!, messages: value.messages! })
  }
  return result
}

/** All `.yml`/`.yaml` files under a folder (recursive), sorted for a stable rule order. */
export async function listRuleFiles(folder: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true })
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path)
      else if (/\.ya?ml$/.test(entry.name)) found.push(path)
    }
  }
  await walk(folder)
  return found.sort()
}

export interface LoadedRules {
  rules: RuleDef[]
  errors: UserError[]
}

/**
 * Load rule files from a file or folder. Rule id: path relative to the folder without extension
 * (`rules/nb/kanselliord.yml` → `nb/kanselliord`); a single file's id is its name, prefixed by
 * `prefix` when given. A broken file is reported and skipped; the others still load.
 */
export async function loadRulePath(path: string, prefix?: string): Promise<LoadedRules> {
  const result: LoadedRules = { rules: [], errors: [] }
  let isFolder: boolean
  try {
    isFolder = (await stat(path)).isDirectory()
  } catch {
    result.errors.push(new UserError('regelfilen eller -mappen finnes ikke. Sjekk stien i --rules eller «rules:» i konfigurasjonen.', path))
    return result
  }
  const files = isFolder ? await listRuleFiles(path) : [path]
  if (isFolder && files.length === 0) {
    result.errors.push(new UserError('mappen inneholder ingen regelfiler (.yml).', path))
  }
  for (const file of files) {
    const local = isFolder ? relative(path, file) : basename(file)
    const id = [prefix, local.replace(/\.ya?ml$/, '').split(sep).join('/')].filter(Boolean).join('/')
    const folderLanguage = id.split('/')[0]
    try {
      const source = await readFile(file, 'utf8')
      result.rules.push(parseRuleFile(source, file, id, folderLanguage))
    } catch (error) {
      if (error instanceof UserError) result.errors.push(error)
      else result.errors.push(new UserError(`kan ikke leses: ${(error as Error).message}`, file))
    }
  }
  return result
}
