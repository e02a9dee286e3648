import { Command } from 'commander'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { ANNOTATORS, type AnnotateContext } from '../annotate/index.js'
import type { ResolvedConfig } from '../config/config.js'
import type { Engine } from '../engine.js'
import { UserError } from '../errors.js'
import { collectFiles } from '../files.js'
import { runSettings } from './limits.js'
import { existsError, writeCopy } from './write.js'
import { formatOf } from '../input/index.js'
import { withPlaceholders } from '../input/placeholders.js'
import { lintDocument, lintPath } from '../lint.js'
import { summarise } from '../report.js'
import type { RuleDef } from '../rules/schema.js'
import type { Document, FileReport, Language } from '../types.js'

/**
 * `klarsprak annotate <files…>`: a commented copy of each Word or OpenDocument file beside the
 * original (or under -o); for other formats the HTML report instead. main.ts wires it in with
 * `addAnnotateCommand(program, { io, common, prepare: prepareRules, setExit, version })`.
 */

interface AnnotateIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
  env: Record<string, string | undefined>
  isTTY: boolean
  columns?: number
}

interface AnnotateOptions {
  output?: string
  force?: boolean
  suggest?: boolean
  config?: string | false
  maxFileSize?: string
  profile?: 'vedtak' | 'general' | 'auto'
  language?: Language
  color?: boolean
}

export interface AnnotateDeps {
  io: AnnotateIo
  /** Adds the options every command has (config, rules, disable, language, profile …). */
  common: (command: Command) => Command
  /** main.ts's rule preparation: built-in + municipal rules, config, settings. */
  prepare: (options: never, io: never, problems: UserError[]) => Promise<{ rules: RuleDef[]; engine: Engine; config: ResolvedConfig }>
  setExit: (code: 0 | 1 | 2) => void
  version: string
  /** The clock for comment dates; else SOURCE_DATE_EPOCH, else now. */
  now?: () => Date
}

export function addAnnotateCommand(program: Command, deps: AnnotateDeps): void {
  deps
    .common(
      program
        .command('annotate')
        .description('skriv funnene som kommentarer i en kopi av Word- eller OpenDocument-filen (andre formater: HTML-rapport)')
        .argument('<stier...>', 'Word- og OpenDocument-filer, mapper eller mønstre')
        .option('-o, --output <fil|mappe>', 'hvor kopien skrives (standard: <navn>.klarsprak.docx ved siden av originalen)')
        .option('--force', 'skriv over en kopi som finnes fra før')
        .option('--suggest', 'skriv også sikre ordbytter som sporede endringer'),
    )
    .action(async (paths: string[], options: AnnotateOptions) => {
      deps.setExit(await runAnnotate(paths, options, deps))
    })
}

export async function runAnnotate(paths: string[], options: AnnotateOptions, deps: AnnotateDeps): Promise<0 | 1 | 2> {
  const { io } = deps
  const problems: UserError[] = []
  const { rules, engine, config } = await deps.prepare(options as never, io as never, problems)
  const { maxFileMB, placeholders, profile } = runSettings(options, config)
  const lintOptions = { engine, ...(profile ? { profile } : {}), ...(options.language ? { language: options.language } : {}) }
  const { files, errors, notices } = await collectFiles(paths, io.cwd, config.ignore)
  for (const notice of notices) io.stderr(`klarsprak: ${notice.format()}\n`)
  const failures: string[] = errors.map((error) => error.format())
  if (files.includes('-')) failures.push('standard inn kan ikke kommenteres: oppgi en fil.')
  const wanted = files.filter((file) => file !== '-')
  const output = options.output === undefined ? undefined : resolve(io.cwd, options.output)
  const toDirectory = output !== undefined && (wanted.length > 1 || /[\\/]$/.test(options.output!) || isDirectory(output))
  const now = deps.now?.() ?? clockFromEnv(io.env) ?? new Date()
  const ruleTypes = new Map(rules.map((rule) => [rule.id, rule.type]))
  let written = 0

  for (const file of wanted) {
    const absolute = resolve(io.cwd, file)
    try {
      const format = formatOf(absolute)
      const annotator = format === undefined ? undefined : ANNOTATORS[format]
      if (!annotator) {
        written += (await htmlInstead(file, absolute, output, toDirectory, options, deps, lintOptions, placeholders, maxFileMB)) ? 1 : 0
        continue
      }
      const target = output === undefined ? besideOriginal(absolute, annotator.extension(absolute)) : toDirectory ? join(output, copyName(absolute, annotator.extension(absolute))) : output
      if (resolve(target) === absolute) throw new UserError('kopien kan ikke ha samme navn som originalen. Velg et annet navn med -o.', file)
      if (!options.force && existsSync(target)) throw existsError(shown(io.cwd, target))
      const bytes = readLimited(absolute, file, maxFileMB)
      const context: AnnotateContext = {
        lint: (doc: Document) => lintDocument(withPlaceholders(doc, placeholders), lintOptions),
        ruleTypes,
        suggest: options.suggest === true,
        now,
        format,
      }
      const result = (await annotator.load())(file, bytes, context)
      writeCopy(target, result.bytes, options.force === true)
      written++
      const suggestions = options.suggest ? `, ${result.suggestions} forslag til endring` : ''
      io.stdout(`${file} → ${isAbsolute(file) ? target : shown(io.cwd, target)}: ${result.comments} ${result.comments === 1 ? 'kommentar' : 'kommentarer'}${suggestions}\n`)
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      failures.push(error.file ? error.format() : `${file}: ${error.message}`)
    }
  }
  for (const failure of failures) io.stderr(`klarsprak: ${failure}\n`)
  for (const problem of problems) io.stderr(`klarsprak: ${problem.format()}\n`)
  if (problems.length > 0 || written === 0) return 2
  return failures.length > 0 ? 1 : 0
}

/** For .txt, .md, .html and .pdf: the HTML report beside the file (or under -o), and say so. */
async function htmlInstead(
  file: string,
  absolute: string,
  output: string | undefined,
  toDirectory: boolean,
  options: AnnotateOptions,
  deps: AnnotateDeps,
  lintOptions: Parameters<typeof lintDocument>[1],
  placeholders: readonly RegExp[],
  maxFileMB: number,
): Promise<boolean> {
  const target = output === undefined ? besideOriginal(absolute, '.html') : toDirectory ? join(output, copyName(absolute, '.html')) : output
  if (!options.force && existsSync(target)) throw existsError(shown(deps.io.cwd, target))
  const report: FileReport = await lintPath(absolute, { ...lintOptions, placeholders, maxFileMB })
  if (report.error !== undefined) throw new UserError(report.error, file)
  report.path = file
  // Loaded here: the HTML report's module is not needed to annotate Word or OpenDocument files.
  const { html } = await import('../formatters/html.js')
  const text = html([report], {
    color: false,
    toolVersion: deps.version,
    summary: summarise([report]),
    width: deps.io.columns ?? 100,
    now: deps.now?.() ?? clockFromEnv(deps.io.env) ?? new Date(),
  })
  writeCopy(target, new TextEncoder().encode(text), options.force === true)
  deps.io.stdout(`${file}: ikke et Word- eller OpenDocument-dokument, så klarsprak skrev HTML-rapporten ${shown(deps.io.cwd, target)} i stedet\n`)
  return true
}

/** `brev.docx` → `brev.klarsprak.docx`. */
function copyName(path: string, extension: string): string {
  const name = basename(path)
  const stem = name.slice(0, name.length - extname(name).length)
  return `${stem}.klarsprak${extension}`
}

function besideOriginal(path: string, extension: string): string {
  return join(dirname(path), copyName(path, extension))
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path)
  return rel === '' || rel.startsWith('..') || rel.startsWith(sep) ? path : rel
}

/** SOURCE_DATE_EPOCH (seconds), the reproducible-builds convention, fixes the comment dates. */
function clockFromEnv(env: Record<string, string | undefined>): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch === undefined || !/^\d+$/.test(epoch)) return undefined
  return new Date(Number(epoch) * 1000)
}

function readLimited(path: string, shownPath: string, maxFileMB: number): Uint8Array {
  let size: number
  try {
    size = statSync(path).size
  } catch {
    throw new UserError('finnes ikke eller kan ikke leses. Sjekk navnet og at du har lesetilgang.', shownPath)
  }
  if (size > maxFileMB * 1024 * 1024) {
    throw new UserError(
      `er ${(size / 1024 / 1024).toFixed(1).replace('.', ',')} MB, mer enn grensen på ${maxFileMB} MB. Øk grensen med --max-file-size.`,
      shownPath,
    )
  }
  return readFileSync(path)
}
