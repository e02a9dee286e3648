import { existsSync, readFileSync } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join, normalize, relative, resolve, sep } from 'node:path'
import ignoreFile from 'ignore'
import picomatch from 'picomatch'
import { UserError } from './errors.js'
import { FORMATS, formatOf, notRegularFile, readError, type FileKind } from './input/index.js'

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
  /** Arguments, folders and files that gave nothing to check, with a message for each. */
  errors: UserError[]
  /**
   * Files left out on purpose that the user should hear about: links out of the tree, links
   * to nothing. One line each on standard error; they do not make the run fail.
   */
  notices: UserError[]
}

/** A folder entry as `readdir(…, { withFileTypes: true })` gives it. */
export interface DirEntry extends FileKind {
  name: string
  isSymbolicLink(): boolean
}

/** The file-system calls the walk makes; tests pass their own to make trees no disk can. */
export interface WalkFs {
  readdir(dir: string): Promise<DirEntry[]>
  stat(path: string): Promise<FileKind>
  realpath(path: string): Promise<string>
}

export const NODE_FS: WalkFs = {
  readdir: (dir) => readdir(dir, { withFileTypes: true }),
  stat: (path) => stat(path),
  realpath: (path) => realpath(path),
}

export interface CollectOptions {
  /** The user's home folder: `.klarsprakignore` is looked for no higher (default: os.homedir()). */
  home?: string
  fs?: WalkFs
}

const supported = (): string => Object.keys(FORMATS).join(', ')

export const IGNORE_FILE = '.klarsprakignore'

/**
 * `cwd` and the folders above it where a config or ignore file may apply, nearest first. The
 * search stops at the repository root (a folder with `.git`, a folder or a worktree's file) or
 * at the home folder, whichever comes first: a file further up belongs to someone else.
 */
export function searchFolders(cwd: string, home: string | undefined): string[] {
  const stop = home ? resolve(home) : undefined
  const folders: string[] = []
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    folders.push(dir)
    if (dir === stop || existsSync(join(dir, '.git')) || dirname(dir) === dir) return folders
  }
}

/** The nearest `.klarsprakignore` in `cwd` or above it, no higher than the repository root or home. */
export function findIgnoreFile(cwd: string, home: string | undefined = homedir()): string | undefined {
  for (const dir of searchFolders(cwd, home)) {
    if (existsSync(join(dir, IGNORE_FILE))) return join(dir, IGNORE_FILE)
  }
  return undefined
}

/**
 * Expand command-line arguments: files as given, folders recursively (supported extensions
 * only), globs. `ignore:` globs and the nearest `.klarsprakignore` (gitignore syntax) apply to
 * what folders and globs find, not to files named outright.
 *
 * Folders and globs follow the same rules: a symbolic link (to a file or a folder) is followed
 * only when its real path lies inside the folder given (for a glob: the folder before its first
 * wildcard); each real folder is walked once, so links cannot loop. A link out of the tree is
 * skipped with a notice: a committed `key.txt -> ~/.ssh/id_rsa` must not land in a CI report.
 * A file named outright is read as given, link or not.
 */
export async function collectFiles(args: string[], cwd: string, ignore: IgnoreGlob[] = [], options: CollectOptions = {}): Promise<Collected> {
  const fs = options.fs ?? NODE_FS
  const result: Collected = { files: [], errors: [], notices: [] }
  const matchers = ignore.map(({ pattern, base }) => ({ test: picomatch(pattern, { dot: true }), base }))
  const ignorePath = findIgnoreFile(cwd, 'home' in options ? options.home : homedir())
  const gitignore = ignorePath ? ignoreFile().add(readFileSync(ignorePath, 'utf8')) : undefined
  const relativeTo = (base: string, absolute: string): string | undefined => {
    const rel = relative(base, absolute).split(sep).join('/')
    return rel === '' || rel.startsWith('..') ? undefined : rel
  }
  const ignored = (path: string): boolean => {
    if (!gitignore && matchers.length === 0) return false
    const absolute = resolve(cwd, path)
    if (gitignore) {
      const rel = relativeTo(dirname(ignorePath!), absolute)
      if (rel !== undefined && gitignore.ignores(rel)) return true
    }
    return matchers.some(({ test, base }) => {
      const rel = relativeTo(base, absolute)
      return rel !== undefined && test(rel)
    })
  }
  // A folder .klarsprakignore excludes is not read at all (gitignore: nothing under it can be
  // re-included), so an unreadable folder the user has excluded gives no error.
  const ignoredFolder = (path: string): boolean => {
    if (!gitignore) return false
    const rel = relativeTo(dirname(ignorePath!), resolve(cwd, path))
    return rel !== undefined && gitignore.ignores(`${rel}/`)
  }
  // Keyed by real path: the same file reached by two names is checked once.
  const seen = new Set<string>()
  const add = (path: string, key: string): void => {
    if (!seen.has(key)) {
      seen.add(key)
      result.files.push(path)
    }
  }
  const addAll = (found: Found[]): void => {
    for (const { display, real } of found) add(display, real)
  }

  for (const arg of args) {
    if (arg === '-') {
      add('-', '-')
      continue
    }
    const absolute = resolve(cwd, arg)
    let info: FileKind | undefined
    let failure: unknown
    try {
      info = await fs.stat(absolute)
    } catch (error) {
      failure = error
    }
    if (info?.isDirectory()) {
      const root = await realFolder(fs, absolute, arg, result.errors)
      if (root === undefined) continue
      const walk = newWalk(fs, root, arg, result, {
        enter: (display, name) => !SKIP_DIRS.has(name) && !ignoredFolder(display),
        accept: (display) => formatOf(display) !== undefined && !ignored(display),
      })
      const errorsBefore = result.errors.length
      await walkTree(walk, absolute, root, displayRoot(arg))
      if (walk.found.length === 0 && result.errors.length === errorsBefore) {
        result.errors.push(new UserError(`mappen har ingen filer klarsprak kan lese (${supported()}).`, arg))
      }
      addAll(walk.found)
    } else if (info) {
      if (!info.isFile()) result.errors.push(notRegularFile(arg, info))
      else if (formatOf(arg)) add(arg, await fs.realpath(absolute).catch(() => absolute))
      else result.errors.push(new UserError(`klarsprak kan ikke lese denne filtypen ennå. Støttede typer: ${supported()}.`, arg))
    } else if (isGlob(arg)) {
      await collectGlob(arg, cwd, fs, result, ignored, ignoredFolder, addAll)
    } else {
      const code = (failure as NodeJS.ErrnoException | undefined)?.code
      result.errors.push(
        code === 'ENOENT' || code === 'ENOTDIR' ? new UserError('finnes ikke. Sjekk at stien er skrevet riktig.', arg) : readError(arg, failure),
      )
    }
  }
  return result
}

/** A folder argument as the prefix of the paths found in it: `./docs/` → `docs`, `.` stays. */
function displayRoot(arg: string): string {
  const normal = normalize(arg)
  return normal.length > 1 && normal.endsWith(sep) ? normal.slice(0, -1) : normal
}

function isGlob(arg: string): boolean {
  const scan = picomatch.scan(arg)
  return scan.isGlob || scan.negated
}

/** The files a glob matches, found by the same walk as folders, from the glob's base folder. */
async function collectGlob(
  arg: string,
  cwd: string,
  fs: WalkFs,
  result: Collected,
  ignored: (path: string) => boolean,
  ignoredFolder: (path: string) => boolean,
  addAll: (found: Found[]) => void,
): Promise<void> {
  const scan = picomatch.scan(arg)
  const baseDisplay = scan.base === '' ? '.' : displayRoot(scan.base)
  const baseAbsolute = resolve(cwd, baseDisplay)
  const nothing = (): UserError => new UserError('ingen filer passer mønsteret. Sjekk mønsteret, og sett det i anførselstegn.', arg)
  let root: string
  try {
    root = await fs.realpath(baseAbsolute)
    if (!(await fs.stat(root)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOENT' })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    result.errors.push(code === 'ENOENT' || code === 'ENOTDIR' ? nothing() : readError(baseDisplay, error, 'folder'))
    return
  }
  const matches = picomatch(scan.glob, { dot: false })
  const enterPlan = globFolders(scan.glob)
  // Paths found start with baseDisplay (the walk builds them so): the rest is what the glob sees.
  const skip = baseDisplay === '.' ? 0 : baseDisplay.endsWith(sep) ? baseDisplay.length : baseDisplay.length + 1
  const relOf = (display: string): string => (sep === '/' ? display.slice(skip) : display.slice(skip).split(sep).join('/'))
  const walk = newWalk(fs, root, baseDisplay, result, {
    enter: (display, name, depth) => !SKIP_DIRS.has(name) && enterPlan(name, depth) && !ignoredFolder(display),
    accept: (display) => formatOf(display) !== undefined && matches(relOf(display)) && !ignored(display),
  })
  const errorsBefore = result.errors.length
  await walkTree(walk, baseAbsolute, root, baseDisplay)
  if (walk.found.length === 0 && result.errors.length === errorsBefore) result.errors.push(nothing())
  walk.found.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0))
  addAll(walk.found)
}

/**
 * Which folders a glob can match anything in, by name and depth (1 = a folder in the base), so
 * `*.txt` reads one folder, not the whole tree below it. Conservative: with braces or groups,
 * which may hold a `/`, every folder is entered.
 */
function globFolders(glob: string): (name: string, depth: number) => boolean {
  if (/[{}()\\]/.test(glob)) return () => true
  const segments = glob.split('/')
  const star = segments.indexOf('**')
  const fixed = star === -1 ? segments.length - 1 : star
  const leading = segments.slice(0, fixed).map((segment) => picomatch(segment, { dot: false }))
  // With `dot: false`, `**` never matches a dot-folder; a later segment may still name one.
  const dotFolders = segments.slice(Math.max(star, 0)).some((segment) => segment.startsWith('.'))
  return (name, depth) => {
    if (depth <= fixed) return leading[depth - 1]!(name)
    if (star === -1) return false
    return dotFolders || !name.startsWith('.')
  }
}

interface Found {
  /** The path as the user will recognise it. */
  display: string
  /** Its real path: links resolved. */
  real: string
}

interface Walk {
  fs: WalkFs
  /** Real path of the folder walked: nothing outside it is read. */
  root: string
  rootDisplay: string
  /** Whether to go into a folder (by its display path, name and depth). */
  enter: (display: string, name: string, depth: number) => boolean
  /** Whether a file is wanted (by its display path). */
  accept: (display: string) => boolean
  /** Real paths of folders walked already. */
  visited: Set<string>
  /** Real paths of files found already. */
  files: Set<string>
  found: Found[]
  errors: UserError[]
  notices: UserError[]
}

function newWalk(fs: WalkFs, root: string, rootDisplay: string, result: Collected, rules: Pick<Walk, 'enter' | 'accept'>): Walk {
  return { fs, root, rootDisplay, ...rules, visited: new Set(), files: new Set(), found: [], errors: result.errors, notices: result.notices }
}

async function realFolder(fs: WalkFs, absolute: string, display: string, errors: UserError[]): Promise<string | undefined> {
  try {
    return await fs.realpath(absolute)
  } catch (error) {
    errors.push(readError(display, error, 'folder'))
    return undefined
  }
}

function inside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep)
}

/**
 * Walk a tree: first its own files and folders, depth first in name order (the order reports
 * list files in), then the links met on the way, in the order met. So a file reached both by
 * its own path and through a link is reported under its own path, and each real folder is
 * walked once (links cannot loop). Results are pushed one at a time: a spread of a long list
 * (`push(...list)`) overflows the call stack.
 */
async function walkTree(walk: Walk, absolute: string, real: string, display: string): Promise<void> {
  const links: Link[] = []
  await walkFolder(walk, absolute, real, display, 0, links)
  // `links` grows while followed folders are walked; each is looked at once.
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!
    const target = await followLink(walk, link)
    if (!target) continue
    if (target.kind.isDirectory()) {
      if (walk.enter(link.display, link.name, link.depth)) await walkFolder(walk, link.absolute, target.real, link.display, link.depth, links)
    } else {
      found(walk, link.display, target.real, target.kind)
    }
  }
}

interface Link {
  absolute: string
  display: string
  name: string
  depth: number
}

/** One folder's entries; a folder that cannot be read is one error line, its siblings still walked. */
async function walkFolder(walk: Walk, absolute: string, real: string, display: string, depth: number, links: Link[]): Promise<void> {
  if (walk.visited.has(real)) return
  walk.visited.add(real)
  let entries: DirEntry[]
  try {
    entries = await walk.fs.readdir(absolute)
  } catch (error) {
    walk.errors.push(readError(display, error, 'folder'))
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const name = entry.name
    if (entry.isSymbolicLink()) links.push({ absolute: child(absolute, name), display: child(display, name), name, depth: depth + 1 })
    else if (entry.isDirectory()) {
      const childDisplay = child(display, name)
      if (walk.enter(childDisplay, name, depth + 1)) await walkFolder(walk, child(absolute, name), child(real, name), childDisplay, depth + 1, links)
    } else if (formatOf(name) !== undefined) {
      // Cheap test first: a folder of 130,000 files should cost little more than its readdir.
      found(walk, child(display, name), child(real, name), entry)
    }
  }
}

/** `parent/name` for a normalised parent ('.' stays out), without normalising again. */
function child(parent: string, name: string): string {
  if (parent === '.') return name
  return parent.endsWith(sep) ? parent + name : parent + sep + name
}

/** A file met by the walk: kept when wanted and not met before under another name. */
function found(walk: Walk, display: string, real: string, kind: FileKind): void {
  if (!walk.accept(display)) return
  // A FIFO, socket or device with a document's name: say so rather than open it.
  if (!kind.isFile()) walk.errors.push(notRegularFile(display, kind))
  else if (!walk.files.has(real)) {
    walk.files.add(real)
    walk.found.push({ display, real })
  }
}

/** A link's target when the walk may follow it; else undefined, with a notice when it matters. */
async function followLink(walk: Walk, link: Link): Promise<{ kind: FileKind; real: string } | undefined> {
  let real: string
  let kind: FileKind
  try {
    real = await walk.fs.realpath(link.absolute)
    kind = await walk.fs.stat(real)
  } catch {
    if (walk.accept(link.display)) walk.notices.push(new UserError('er en lenke som ikke peker på noe; hoppet over.', link.display))
    return undefined
  }
  if (inside(walk.root, real)) return { kind, real }
  const wanted = kind.isDirectory() ? walk.enter(link.display, link.name, link.depth) : walk.accept(link.display)
  if (wanted) {
    walk.notices.push(
      new UserError(
        `er en lenke til noe utenfor ${walk.rootDisplay === '.' ? 'mappen som sjekkes' : `«${walk.rootDisplay}»`}, og klarsprak følger ikke slike lenker; hoppet over. Nevn filen direkte hvis den skal sjekkes.`,
        link.display,
      ),
    )
  }
  return undefined
}
