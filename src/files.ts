import { existsSync, readFileSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ignoreFile from 'ignore'
import picomatch from 'picomatch'
import { glob, isDynamicPattern } from 'tinyglobby'
import { UserError } from './errors.js'
import { FORMATS, formatOf } from './input/index.js'

/** Folders never walked into. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn'])

export interface IgnoreGlob {
  pattern: string
  /** Folder the pattern is relative to (the config file's). */
  base: string
}

export interface Collected {
  /** Paths to check, as the user will recognise them. `-` is standard input. */
  files: string[]
  /** Arguments that gave nothing to check, with a message for each. */
  errors: UserError[]
}

const supported = (): string => Object.keys(FORMATS).join(', ')

export const IGNORE_FILE = '.klarsprakignore'

/** The nearest `.klarsprakignore` in `cwd` or above it. */
export function findIgnoreFile(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, IGNORE_FILE))) return join(dir, IGNORE_FILE)
    if (dirname(dir) === dir) return undefined
  }
}

/**
 * Expand command-line arguments: files as given, folders recursively (supported extensions
 * only), globs. `ignore:` globs and the nearest `.klarsprakignore` (gitignore syntax) apply to
 * what folders and globs find, not to files named outright.
 */
export async function collectFiles(args: string[], cwd: string, ignore: IgnoreGlob[] = []): Promise<Collected> {
  const result: Collected = { files: [], errors: [] }
  const matchers = ignore.map(({ pattern, base }) => ({ test: picomatch(pattern, { dot: true }), base }))
  const ignorePath = findIgnoreFile(cwd)
  const gitignore = ignorePath ? ignoreFile().add(readFileSync(ignorePath, 'utf8')) : undefined
  const ignored = (path: string): boolean => {
    const absolute = resolve(cwd, path)
    const relativeTo = (base: string): string | undefined => {
      const rel = relative(base, absolute).split(sep).join('/')
      return rel === '' || rel.startsWith('..') ? undefined : rel
    }
    if (gitignore) {
      const rel = relativeTo(dirname(ignorePath!))
      if (rel !== undefined && gitignore.ignores(rel)) return true
    }
    return matchers.some(({ test, base }) => {
      const rel = relativeTo(base)
      return rel !== undefined && test(rel)
    })
  }
  const seen = new Set<string>()
  const add = (path: string): void => {
    const key = path === '-' ? '-' : resolve(cwd, path)
    if (!seen.has(key)) {
      seen.add(key)
      result.files.push(path)
    }
  }

  for (const arg of args) {
    if (arg === '-') {
      add('-')
      continue
    }
    let info
    try {
      info = await stat(resolve(cwd, arg))
    } catch {
      info = undefined
    }
    if (info?.isDirectory()) {
      const found = (await walk(resolve(cwd, arg))).map((file) => join(arg, relative(resolve(cwd, arg), file))).filter((file) => !ignored(file))
      if (found.length === 0) result.errors.push(new UserError(`mappen har ingen filer klarsprak kan lese (${supported()}).`, arg))
      found.forEach(add)
    } else if (info) {
      if (formatOf(arg)) add(arg)
      else result.errors.push(new UserError(`klarsprak kan ikke lese denne filtypen ennå. Støttede typer: ${supported()}.`, arg))
    } else if (isDynamicPattern(arg)) {
      const found = (await glob(arg, { cwd, dot: false, ignore: ['**/node_modules/**', '**/.git/**'] }))
        .filter((file) => formatOf(file) !== undefined && !ignored(file))
        .sort()
      if (found.length === 0) result.errors.push(new UserError(`ingen filer passer mønsteret. Sjekk mønsteret, og sett det i anførselstegn.`, arg))
      found.forEach(add)
    } else {
      result.errors.push(new UserError('finnes ikke. Sjekk at stien er skrevet riktig.', arg))
    }
  }
  return result
}

async function walk(dir: string): Promise<string[]> {
  const found: string[] = []
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) found.push(...(await walk(path)))
    } else if (entry.isFile() && formatOf(entry.name)) {
      found.push(path)
    }
  }
  return found
}
