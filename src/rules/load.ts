import { readdir, stat } from 'node:fs/promises'
import { basename, join, relative, sep } from 'node:path'
import { yamlLib } from '../yaml.js'
import type { Node } from 'yaml'
import { CHECKS } from '../checks/registry.js'
import { UserError } from '../errors.js'
import { readBytes, readError } from '../input/index.js'
import { SEVERITIES, type Language, type Severity } from '../types.js'
import { COMMON_KEYS, checkValue, type KeySpec, type RuleDef, type RuleExample } from './schema.js'
import { verifyExamples } from './verify.js'
import { YamlFile, type Entry } from './yaml-doc.js'

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

export interface ParseOptions {
  /**
   * Lint every example with the rule and report each that does not give what it says, as a
   * problem of the file. Municipal rule files are checked so at load; the built-in ones by
   * the test suite, so start-up does not pay for it.
   */
  verifyExamples?: boolean
}

/** Where each example is written, for reporting a mismatch at it. */
interface ExamplePlaces {
  valid: number[]
  invalid: number[]
}

/**
 * Parse and validate one rule file. `id` is the path under its rules folder without `.yml`.
 * Every problem is reported with its position; unknown keys are errors. Until the file names a
 * known `type` it may be any file at all (a path in `rules:` can point anywhere), so problems
 * quote nothing from it before that.
 */
export function parseRuleFile(source: string, file: string, id: string, folderLanguage?: string, parseOptions: ParseOptions = {}): RuleDef {
  const { isMap } = yamlLib()
  const yaml = new YamlFile(source, file)
  const problems: UserError[] = yaml.errors.slice()
  const at = (offset: number | undefined, message: string): void => {
    problems.push(yaml.problem(offset ?? 0, message))
  }
  if (problems.length > 0) throw new RuleFileError(problems)

  let root: Node | null
  let entries: Entry[]
  try {
    root = yaml.resolve(yaml.root)
    entries = isMap(root) ? yaml.entries(root) : []
  } catch (error) {
    throw new RuleFileError([asUserError(error)])
  }
  if (!isMap(root)) {
    at(root?.range?.[0], 'en regelfil må være en tabell med nøkler (type, level, message …)')
    throw new RuleFileError(problems)
  }
  const rootAt = root.range?.[0]

  const values = new Map<string, { entry: Entry; value: unknown }>()
  for (const entry of entries) {
    try {
      values.set(entry.key, { entry, value: entry.key === 'examples' ? undefined : yaml.toJS(entry.node) })
    } catch (error) {
      problems.push(asUserError(error))
    }
  }
  if (problems.length > 0) throw new RuleFileError(problems)

  const typeName = values.get('type')?.value
  const check = typeof typeName === 'string' ? CHECKS.get(typeName) : undefined
  if (!values.has('type')) at(rootAt, 'mangler «type»')
  else if (!check) {
    const near = typeof typeName === 'string' ? closest(typeName, [...CHECKS.keys()]) : undefined
    at(values.get('type')!.entry.valueAt, `ukjent type${near ? ` (mente du «${near}»?)` : ''}; bruk en av: ${[...CHECKS.keys()].join(', ')}`)
  }
  /** Quote a value only once the file is a rule file; before that it may be anything. */
  const quoted = (value: unknown): string => (check ? ` «${String(value)}»` : '')

  const specs: Record<string, KeySpec> = { ...COMMON_KEYS, ...(check?.keys ?? {}) }
  // With an unknown type the allowed keys are unknown too: report only the type.
  for (const [key, { entry }] of check ? values : []) {
    if (!Object.hasOwn(specs, key)) at(entry.keyAt, `ukjent nøkkel «${key}»; tillatt for ${check!.type}: ${Object.keys(specs).join(', ')}`)
  }
  for (const [key, spec] of Object.entries(specs)) {
    const found = values.get(key)
    if (!found) {
      if (spec.required && (key !== 'type' || check)) at(rootAt, `mangler «${key}» (${spec.doc})`)
      continue
    }
    if (key === 'examples' || (key === 'type' && !check)) continue
    const problem = checkValue(spec, found.value)
    if (problem) at(found.entry.valueAt, `«${key}» ${problem}`)
  }

  const level = values.get('level')?.value
  if (typeof level === 'string' && !SEVERITIES.includes(level as Severity)) {
    at(values.get('level')!.entry.valueAt, `ukjent nivå${quoted(level)}; bruk error, warning eller info`)
  }
  const language = values.get('language')?.value ?? (LANGUAGES.includes(folderLanguage as never) ? folderLanguage : 'any')
  if (!LANGUAGES.includes(language as never)) {
    at(values.get('language')?.entry.valueAt, `ukjent språk${quoted(language)}; bruk nb, nn, en eller any`)
  }
  const profile = values.get('profile')?.value ?? (folderLanguage === 'vedtak' ? 'vedtak' : undefined)
  if (profile !== undefined && profile !== 'vedtak') {
    at(values.get('profile')?.entry.valueAt, `ukjent profil${quoted(profile)}; bruk vedtak (eller utelat nøkkelen)`)
  }
  const examplesEntry = values.get('examples')?.entry
  const places: ExamplePlaces = { valid: [], invalid: [] }
  let examples: RuleDef['examples'] | undefined
  try {
    examples = examplesEntry ? parseExamples(yaml, examplesEntry, at, places) : undefined
  } catch (error) {
    problems.push(asUserError(error))
  }

  const options: Record<string, unknown> = {}
  for (const key of Object.keys(check?.keys ?? {})) {
    if (values.has(key)) options[key] = values.get(key)!.value
  }
  if (check?.validate && problems.length === 0) {
    for (const [key, problem] of check.validate(options)) {
      at(values.get(key)?.entry.valueAt ?? rootAt, `«${key}» ${problem}`)
    }
  }
  if (problems.length > 0) throw new RuleFileError(problems)

  const text = (key: string): string => values.get(key)!.value as string
  const rule: RuleDef = {
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
  if (parseOptions.verifyExamples) {
    for (const mismatch of verifyExamples(rule)) {
      at(places[mismatch.kind][mismatch.index], mismatch.message)
    }
    if (problems.length > 0) throw new RuleFileError(problems)
  }
  return rule
}

type At = (offset: number | undefined, message: string) => void

function parseExamples(yaml: YamlFile, entry: Entry, at: At, places: ExamplePlaces): RuleDef['examples'] | undefined {
  const { isMap, isScalar, isSeq } = yamlLib()
  const node = entry.value
  if (!isMap(node)) {
    at(entry.valueAt, '«examples» må ha «valid» og «invalid»')
    return undefined
  }
  const entries = yaml.entries(node)
  for (const { key, keyAt } of entries) {
    if (key !== 'valid' && key !== 'invalid') at(keyAt, `ukjent nøkkel «${key}» i examples; bruk valid og invalid`)
  }
  const valid = entries.find((e) => e.key === 'valid')
  const invalid = entries.find((e) => e.key === 'invalid')
  const result: RuleDef['examples'] = { valid: [], invalid: [] }
  const validItems = isSeq(valid?.value) ? (valid.value.items as Node[]) : []
  const validTexts = validItems.map((item) => yaml.resolve(item))
  if (validItems.length === 0 || !validTexts.every((item) => isScalar(item) && typeof item.value === 'string')) {
    at(valid?.valueAt ?? entry.valueAt, '«examples.valid» må være en liste med minst én tekst som ikke gir funn')
  } else {
    result.valid = validTexts.map((item) => String((item as { value: unknown }).value))
    places.valid = validItems.map((item) => item.range?.[0] ?? valid!.valueAt)
  }
  const invalidItems = isSeq(invalid?.value) ? (invalid.value.items as Node[]) : []
  if (invalidItems.length === 0) {
    at(invalid?.valueAt ?? entry.valueAt, '«examples.invalid» må være en liste med minst ett eksempel med funn')
    return result
  }
  for (const item of invalidItems) {
    const value = yaml.toJS(item) as Partial<RuleExample> | null
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
    else {
      result.invalid.push({ text: value.text!, messages: value.messages! })
      places.invalid.push(item.range?.[0] ?? invalid!.valueAt)
    }
  }
  return result
}

function asUserError(error: unknown): UserError {
  if (error instanceof UserError) return error
  throw error
}

/** The candidate within two edits of `word` (a likely typo), if there is one. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 40) return undefined
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

/** Largest rule or config file read, in MB (the biggest built-in rule file is 10 KB). */
export const MAX_RULE_FILE_MB = 5

/**
 * A rule or config file as text: a regular file (never a FIFO or device), at most
 * MAX_RULE_FILE_MB, decoded as UTF-8. Throws UserError naming the file.
 */
export function readRuleText(path: string): string {
  const bytes = readBytes(path, MAX_RULE_FILE_MB, 'Regel- og konfigurasjonsfiler er små; sjekk at stien peker på riktig fil.')
  return new TextDecoder('utf-8').decode(bytes)
}

/**
 * All `.yml`/`.yaml` files under a folder (recursive), sorted for a stable rule order. A
 * subfolder that cannot be read goes to `errors` (one line each); the rest is still listed.
 */
export async function listRuleFiles(folder: string, errors: UserError[] = []): Promise<string[]> {
  const found: string[] = []
  const walk = async (dir: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      errors.push(readError(dir, error, 'folder'))
      return
    }
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

export interface LoadRuleOptions {
  /** Check each rule's examples (default true; the built-in packs are checked by the tests). */
  verifyExamples?: boolean
}

/**
 * Load rule files from a file or folder. Rule id: path relative to the folder without extension
 * (`rules/nb/kanselliord.yml` → `nb/kanselliord`); a single file's id is its name, prefixed by
 * `prefix` when given. A broken or unreadable file or subfolder is reported and skipped; the
 * others still load.
 */
export async function loadRulePath(path: string, prefix?: string, options: LoadRuleOptions = {}): Promise<LoadedRules> {
  const result: LoadedRules = { rules: [], errors: [] }
  let isFolder: boolean
  try {
    isFolder = (await stat(path)).isDirectory()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    result.errors.push(
      code === 'ENOENT' || code === 'ENOTDIR'
        ? new UserError('regelfilen eller -mappen finnes ikke. Sjekk stien i --rules eller «rules:» i konfigurasjonen.', path)
        : readError(path, error),
    )
    return result
  }
  const files = isFolder ? await listRuleFiles(path, result.errors) : [path]
  if (isFolder && files.length === 0 && result.errors.length === 0) {
    result.errors.push(new UserError('mappen inneholder ingen regelfiler (.yml).', path))
  }
  const parseOptions: ParseOptions = { verifyExamples: options.verifyExamples ?? true }
  for (const file of files) {
    const local = isFolder ? relative(path, file) : basename(file)
    const id = [prefix, local.replace(/\.ya?ml$/, '').split(sep).join('/')].filter(Boolean).join('/')
    const folderLanguage = id.split('/')[0]
    try {
      result.rules.push(parseRuleFile(readRuleText(file), file, id, folderLanguage, parseOptions))
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      result.errors.push(error)
    }
  }
  return result
}
