import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UserError } from '../errors.js'
import { listRuleFiles, loadRulePath, type LoadedRules } from './load.js'
import type { RuleDef } from './schema.js'

/** The package's rules/ folder (the same relative path from src/ and from dist/). */
export const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url))
/** The precompiled pack written at build time (dist/builtin-rules.json). */
export const PRECOMPILED = fileURLToPath(new URL('../builtin-rules.json', import.meta.url))

/** Folders of rules/ that hold rule packs (presets/ holds configuration, not rules). */
export function packFolders(): string[] {
  return readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'presets')
    .map((entry) => entry.name)
    .sort()
}

interface Precompiled {
  /** Rule file path → mtime + size when compiled; a change makes the cache stale. */
  sources: Record<string, string>
  rules: RuleDef[]
}

/** Relative path → mtime and size: cheap to compare at start-up, independent of where the package is. */
function fingerprint(files: string[]): Record<string, string> {
  return Object.fromEntries(
    files.map((file) => {
      const info = statSync(file)
      return [relative(RULES_DIR, file), `${info.mtimeMs}:${info.size}`]
    }),
  )
}

function listPackFilesSync(): string[] {
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.ya?ml$/.test(entry.name)) files.push(path)
    }
  }
  for (const folder of packFolders()) walk(join(RULES_DIR, folder))
  return files.sort()
}

/**
 * The built-in rule packs. Parsing YAML at every start costs ~110 ms, so the build precompiles
 * them to JSON; the JSON is used while every rule file is unchanged, else the YAML is parsed.
 */
export async function loadBuiltinRules(): Promise<LoadedRules> {
  try {
    const cached = JSON.parse(readFileSync(PRECOMPILED, 'utf8')) as Precompiled
    const current = fingerprint(listPackFilesSync())
    const same =
      Object.keys(current).length === Object.keys(cached.sources).length &&
      Object.entries(current).every(([file, print]) => cached.sources[file] === print)
    if (same) return { rules: cached.rules, errors: [] }
  } catch {
    // No or unreadable cache: parse the YAML below.
  }
  return parseBuiltinRules()
}

export async function parseBuiltinRules(): Promise<LoadedRules> {
  const result: LoadedRules = { rules: [], errors: [] }
  for (const folder of packFolders()) {
    // The examples of the built-in rules are checked by the test suite, not at every start.
    const loaded = await loadRulePath(join(RULES_DIR, folder), folder, { verifyExamples: false })
    for (const rule of loaded.rules) result.rules.push(rule)
    for (const error of loaded.errors) result.errors.push(error)
  }
  return result
}

/** Build step: write dist/builtin-rules.json; fails the build on any broken rule file. */
export async function precompile(): Promise<number> {
  const { rules, errors } = await parseBuiltinRules()
  if (errors.length > 0) {
    throw new UserError(errors.map((error) => error.format()).join('\n'))
  }
  const files = (await Promise.all(packFolders().map((folder) => listRuleFiles(join(RULES_DIR, folder))))).flat().sort()
  const data: Precompiled = { sources: fingerprint(files), rules }
  writeFileSync(PRECOMPILED, JSON.stringify(data))
  return rules.length
}
