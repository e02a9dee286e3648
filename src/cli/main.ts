import { Command, CommanderError, Option } from 'commander'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { emptyConfig, findConfig, loadConfig, validateSettings, type ResolvedConfig } from '../config/config.js'
import { Engine, type RuleSetting } from '../engine.js'
import { UserError } from '../errors.js'
import { collectFiles } from '../files.js'
import { DEFAULT_MAX_FILE_MB } from '../input/index.js'
import { formatNames, isStreaming, loadFormatter, type StreamContext } from '../formatters/index.js'
import { printableLines } from '../formatters/terminal.js'
import { lintPath } from '../lint.js'
import { addToTotals, emptyTotals } from '../report.js'
import { loadBuiltinRules } from '../rules/builtin.js'
import { loadRulePath } from '../rules/load.js'
import type { RuleDef } from '../rules/schema.js'
import { SEVERITY_RANK, type FileReport, type Language, type Severity } from '../types.js'
import { addAnnotateCommand } from './annotate.js'
import { MAX_FILE_MB_LIMIT, runSettings } from './limits.js'
import { explainRule, listRules, statsStream } from './commands.js'
import { assertNotAnInput, openOutput, type OutputFile } from './write.js'

export { writeAllSync } from './write.js'
export { MAX_FILE_MB_LIMIT } from './limits.js'

/** Everything main touches outside itself; tests pass their own. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /**
   * All of standard input, but no more than `maxBytes` + 1 bytes: reading stops once the limit
   * is passed, and the extra byte tells the caller so.
   */
  readStdin: (maxBytes: number) => Promise<Uint8Array>
  cwd: string
  env: Record<string, string | undefined>
  isTTY: boolean
  columns?: number
}

export type ExitCode = 0 | 1 | 2

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version

interface CommonOptions {
  config?: string | false
  maxFileSize?: string
  profile?: 'vedtak' | 'general' | 'auto'
  rules?: string[]
  disable?: string[]
  language?: Language
  color?: boolean
  debug?: boolean
}

interface CheckOptions extends CommonOptions {
  format: string
  output?: string
  quiet?: boolean
  maxWarnings?: string
  failOn: Severity
  stdinFormat?: string
}

/** The CLI. Returns the exit code: 0 clean, 1 findings that fail the run, 2 usage/config/input error. */
export async function main(argv: string[], rawIo: Io): Promise<ExitCode> {
  // Every line on standard error may hold a file name or document text: no control characters
  // (escape sequences) reach the terminal. Our own messages use none but the line feed.
  const io: Io = { ...rawIo, stderr: (text) => rawIo.stderr(printableLines(text)) }
  let exitCode: ExitCode = 0
  const debug = argv.includes('--debug')
  const program = buildProgram(io, (code) => {
    exitCode = code
  })
  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0
      io.stderr(`klarsprak: ${translateCommanderError(error)}\n`)
      return 2
    }
    if (error instanceof UserError) {
      io.stderr(`klarsprak: ${error.format()}\n`)
      return 2
    }
    io.stderr(`klarsprak: intern feil: ${(error as Error).message}\n`)
    io.stderr(debug ? `${(error as Error).stack}\n` : 'Kjør på nytt med --debug for detaljer, og meld feilen til utviklerne.\n')
    return 2
  }
  return exitCode
}

function buildProgram(io: Io, setExit: (code: ExitCode) => void): Command {
  const program = new Command('klarsprak')
    .description('Klarspråk for kommunale vedtak og brosjyrer: finner tung tekst og foreslår bedre ord.')
    .version(VERSION, '-v, --version', 'vis versjonsnummer')
    .helpOption('-h, --help', 'vis hjelp')
    .helpCommand('help [kommando]', 'vis hjelp for en kommando')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .showSuggestionAfterError(true)

  const common = (command: Command): Command =>
    command
      .option('-c, --config <fil>', 'bruk denne konfigurasjonsfilen (ellers .klarsprak.yml oppover fra mappen du står i)')
      .option('--no-config', 'ikke les noen .klarsprak.yml')
      .option('--rules <fil|mappe>', 'last flere regelfiler (kan gjentas)', collect, [])
      .option('--disable <regel>', 'slå av en regel (kan gjentas)', collect, [])
      .addOption(new Option('--language <språk>', 'tving språk i stedet for å gjenkjenne det').choices(['nb', 'nn', 'en']))
      .option('--max-file-size <MB>', `største fil som leses, også standard inn, i megabyte (standard ${DEFAULT_MAX_FILE_MB}, høyst ${MAX_FILE_MB_LIMIT})`)
      .addOption(new Option('--profile <profil>', 'vedtak: les som vedtaksbrev; general: som vanlig tekst; auto: gjenkjenn (standard)').choices(['vedtak', 'general', 'auto']))
      .option('--no-color', 'ingen farger')
      .option('--debug', 'vis tekniske detaljer ved feil')

  const check = common(
    program
      .command('check', { isDefault: true })
      .description('sjekk filer, mapper, mønstre (glob) eller - for standard inn')
      .argument('[stier...]', 'filer, mapper eller mønstre')
      .addOption(new Option('-f, --format <format>', 'utdataformat').choices(formatNames()).default('stylish'))
      .option('-o, --output <fil>', 'skriv rapporten til en fil')
      .option('-q, --quiet', 'vis bare feil (ikke advarsler og merknader)')
      .option('--max-warnings <antall>', 'avslutt med kode 1 når det er flere advarsler enn dette')
      .addOption(new Option('--fail-on <nivå>', 'laveste nivå som gir kode 1').choices(['error', 'warning', 'info']).default('error'))
      .option('--stdin-format <format>', 'format for standard inn (txt eller md)', 'txt'),
  )
  check.action(async (paths: string[], options: CheckOptions) => {
    setExit(await runCheck(paths, options, io))
  })

  addAnnotateCommand(program, { io, common, prepare: prepareRules, setExit, version: VERSION })

  common(
    program
      .command('stats')
      .description('vis bare lesbarhetstall (LIX, ordtall, setningslengder, OVIX)')
      .argument('<stier...>', 'filer, mapper eller mønstre')
      .addOption(new Option('-f, --format <format>', 'utdataformat').choices(['stylish', 'json']).default('stylish')),
  ).action(async (paths: string[], options: CommonOptions & { format: string }) => {
    setExit(await runStats(paths, options, io))
  })

  common(program.command('rules').description('list alle regler med nivå og beskrivelse')).action(async (options: CommonOptions) => {
    const problems: UserError[] = []
    const { rules } = await prepareRules(options, io, problems)
    io.stdout(listRules(rules))
    setExit(reportProblems(problems, io))
  })

  common(
    program.command('explain').description('forklar en regel: hvorfor, kilde og eksempler').argument('<regel>', 'regel-id, f.eks. nb/kanselliord'),
  ).action(async (ruleId: string, options: CommonOptions) => {
    const problems: UserError[] = []
    const { rules } = await prepareRules(options, io, problems)
    const rule = rules.find((candidate) => candidate.id === ruleId)
    if (!rule) throw new UserError(`ukjent regel «${ruleId}». Se alle regler med «klarsprak rules».`)
    io.stdout(explainRule(rule))
    setExit(reportProblems(problems, io))
  })
  return program
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function useColor(options: CommonOptions, io: Io): boolean {
  if (options.color === false || io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true
  return io.isTTY
}

/** The configuration in force: --config, else the nearest .klarsprak.yml, unless --no-config. */
function configOf(options: CommonOptions, io: Io): ResolvedConfig {
  if (options.config === false) return emptyConfig()
  const path = typeof options.config === 'string' ? resolve(io.cwd, options.config) : findConfig(io.cwd)
  return path ? loadConfig(path) : emptyConfig()
}

/**
 * Config → rules in force (built-in + municipal), settings validated. Rule-file and settings
 * problems go to `problems`: the run goes on with the rules that loaded, and exits 2 at the end.
 */
async function prepareRules(
  options: CommonOptions,
  io: Io,
  problems: UserError[],
  config: ResolvedConfig = configOf(options, io),
): Promise<{ rules: RuleDef[]; engine: Engine; config: ResolvedConfig }> {
  const builtin = await loadBuiltinRules()
  const rules = [...builtin.rules]
  // Loops, not push(...spread): a spread of 130,000 items overflows the call stack.
  for (const error of builtin.errors) problems.push(error)
  const extra = [...config.ruleFiles, ...(options.rules ?? []).map((path) => resolve(io.cwd, path))]
  const ids = new Set(rules.map((rule) => rule.id))
  for (const path of extra) {
    const loaded = await loadRulePath(path)
    for (const rule of loaded.rules) {
      if (ids.has(rule.id)) {
        problems.push(new UserError(`regel-id «${rule.id}» finnes fra før. Gi filen et annet navn eller legg den i en egen mappe.`, rule.file))
      } else {
        rules.push(rule)
        ids.add(rule.id)
      }
    }
    for (const error of loaded.errors) problems.push(error)
  }
  for (const problem of validateSettings(config.settings, rules)) problems.push(problem)
  const settings: Record<string, RuleSetting> = Object.fromEntries(
    Object.entries(config.settings).map(([id, placed]) => [id, placed.setting]),
  )
  for (const id of options.disable ?? []) {
    if (!rules.some((rule) => rule.id === id)) problems.push(new UserError(`--disable: ukjent regel «${id}». Se alle regler med «klarsprak rules».`))
    settings[id] = { ...settings[id], level: 'off' }
  }
  return { rules, engine: new Engine(rules, settings), config }
}

/** Print rule-file and config problems; exit code 2 if there were any. */
function reportProblems(problems: UserError[], io: Io): ExitCode {
  for (const problem of problems) io.stderr(`klarsprak: ${problem.format()}\n`)
  return problems.length > 0 ? 2 : 0
}

/** Megabytes as the messages write them: «0,5». */
const megabytes = (value: number): string => String(value).replace('.', ',')

/** The files of a run, found before any is read, and a function that checks one. */
interface Run {
  files: string[]
  /** Arguments that gave nothing to check, as reports. */
  failed: FileReport[]
  lintOne: (file: string) => Promise<FileReport>
}

async function prepareRun(
  paths: string[],
  options: CommonOptions & { stdinFormat?: string },
  io: Io,
  problems: UserError[],
  metricsOnly = false,
): Promise<Run> {
  if (paths.length === 0) throw new UserError('oppgi minst én fil eller mappe, for eksempel: klarsprak brev.txt')
  const config = configOf(options, io)
  // Checked before the rules are loaded: a wrong value fails at once.
  const { maxFileMB, placeholders, profile } = runSettings(options, config)
  const prepared = await prepareRules(options, io, problems, config)
  // `stats` prints figures only: running the rules would be work thrown away.
  const engine = metricsOnly ? new Engine([]) : prepared.engine
  const maxBytes = Math.floor(maxFileMB * 1024 * 1024)
  // Standard input has the same limit as files: reading stops past it, so it cannot fill memory.
  const readStdin = async (): Promise<Uint8Array> => {
    const bytes = await io.readStdin(maxBytes)
    if (bytes.length > maxBytes) {
      throw new UserError(
        `standard inn er mer enn grensen på ${megabytes(maxFileMB)} MB. Del opp teksten, eller øk grensen med --max-file-size eller «maxFileSize» i .klarsprak.yml.`,
      )
    }
    return bytes
  }
  const { files, errors, notices } = await collectFiles(paths, io.cwd, config.ignore)
  for (const notice of notices) io.stderr(`klarsprak: ${notice.format()}\n`)
  const failed: FileReport[] = errors.map((error) => ({ path: error.file ?? '', format: '', diagnostics: [], error: error.message }))
  const lintOne = async (file: string): Promise<FileReport> => {
    const report = await lintPath(file === '-' ? '-' : resolve(io.cwd, file), {
      engine,
      placeholders,
      maxFileMB,
      ...(profile ? { profile } : {}),
      ...(options.language ? { language: options.language } : {}),
      readStdin,
      ...(options.stdinFormat ? { stdinFormat: options.stdinFormat } : {}),
    })
    // Mutated, not copied: the text kept for excerpts is a non-enumerable property.
    report.path = file
    // How the file was read (an encoding guessed, invalid bytes replaced): said, never counted.
    for (const notice of report.notices ?? []) io.stderr(`klarsprak: ${file}: ${notice}\n`)
    return report
  }
  return { files, failed, lintOne }
}

/** Every report of a run, one at a time: the arguments that failed first, then each file as it is checked. */
async function* reportsOf(run: Run): AsyncGenerator<FileReport> {
  yield* run.failed
  let turn = Date.now()
  for (const file of run.files) {
    yield await run.lintOne(file)
    // Checking a file resolves in microtasks only; give the event loop a turn now and then so a
    // signal (Ctrl-C while -o writes its temp file) is handled between files, not after the run.
    if (Date.now() - turn > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      turn = Date.now()
    }
  }
}

const YIELD_EVERY_MS = 25

/** The report file for -o, refused before anything is written when it is one of the inputs. */
function outputFor(path: string, run: Run, io: Io): OutputFile {
  const target = resolve(io.cwd, path)
  const inputs = function* (): Generator<{ path: string; shown: string }> {
    for (const file of run.files) if (file !== '-') yield { path: resolve(io.cwd, file), shown: file }
  }
  assertNotAnInput(target, path, inputs())
  return openOutput(target, path)
}

async function runCheck(paths: string[], options: CheckOptions, io: Io): Promise<ExitCode> {
  const problems: UserError[] = []
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings)
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UserError(`--max-warnings må være et heltall fra 0 og oppover, ikke «${options.maxWarnings}».`)
  }
  const run = await prepareRun(paths, options, io, problems)
  const toFile = options.output !== undefined
  const output = toFile ? outputFor(options.output!, run, io) : undefined
  const emit = (text: string | Iterable<string>): void => {
    const write = output ? (chunk: string) => output.write(chunk) : io.stdout
    if (typeof text === 'string') write(text)
    else for (const chunk of text) write(chunk)
  }
  const context: StreamContext = { color: !toFile && useColor(options, io), toolVersion: VERSION, width: io.columns ?? 100, now: new Date() }
  const formatter = (await loadFormatter(options.format))!
  const failRank = SEVERITY_RANK[options.failOn]
  // What the run keeps: the counts, and one line per unreadable file. Reports are formatted and
  // written as each file is finished (only a whole-report formatter makes us keep them).
  const totals = emptyTotals()
  const unreadable: string[] = []
  const kept: FileReport[] = []
  let failing = false
  try {
    if (isStreaming(formatter)) emit(formatter.start(context))
    for await (const report of reportsOf(run)) {
      if (options.quiet) report.diagnostics = report.diagnostics.filter((d) => d.severity === 'error')
      addToTotals(totals, report)
      if (report.error !== undefined) unreadable.push(`${report.path}: ${report.error}`)
      if (!failing) failing = report.diagnostics.some((d) => SEVERITY_RANK[d.severity] >= failRank)
      if (isStreaming(formatter)) emit(formatter.file(report, context, totals.files - 1))
      else kept.push(report)
    }
    const summary = { files: totals.files, errors: totals.errors, warnings: totals.warnings, infos: totals.infos }
    if (isStreaming(formatter)) emit(formatter.end(totals, context))
    else emit(formatter(kept, { ...context, summary }))
    output?.commit()
  } catch (error) {
    output?.abort()
    throw error
  }

  // A human reading stylish output on the terminal sees these there already.
  if (toFile || options.format !== 'stylish') {
    for (const line of unreadable) io.stderr(`klarsprak: ${line}\n`)
  }
  if (reportProblems(problems, io) === 2) return 2
  if (totals.unreadable === totals.files) return 2
  if (failing || totals.unreadable > 0) return 1
  if (maxWarnings !== undefined && totals.warnings > maxWarnings) {
    io.stderr(`klarsprak: ${totals.warnings} advarsler er flere enn --max-warnings ${maxWarnings}.\n`)
    return 1
  }
  return 0
}

async function runStats(paths: string[], options: CommonOptions & { format: string }, io: Io): Promise<ExitCode> {
  const problems: UserError[] = []
  const run = await prepareRun(paths, options, io, problems, true)
  const formatter = statsStream(options.format, VERSION)
  const totals = emptyTotals()
  const unreadable: string[] = []
  io.stdout(formatter.start())
  for await (const report of reportsOf(run)) {
    addToTotals(totals, report)
    if (report.error !== undefined) unreadable.push(`${report.path}: ${report.error}`)
    io.stdout(formatter.file(report, totals.files - 1))
  }
  io.stdout(formatter.end(totals.files))
  if (options.format !== 'stylish') for (const line of unreadable) io.stderr(`klarsprak: ${line}\n`)
  if (reportProblems(problems, io) === 2) return 2
  return totals.unreadable === totals.files ? 2 : totals.unreadable > 0 ? 1 : 0
}

/** Commander's English errors, in Norwegian. */
function translateCommanderError(error: CommanderError): string {
  const detail = /'([^']+)'/.exec(error.message)?.[1] ?? ''
  switch (error.code) {
    case 'commander.unknownOption':
      return `ukjent valg «${detail}». Se «klarsprak --help».`
    case 'commander.unknownCommand':
      return `ukjent kommando «${detail}». Se «klarsprak --help».`
    case 'commander.missingArgument':
      return `mangler ${detail === 'stier...' ? 'filer eller mapper' : `«${detail}»`}. Se «klarsprak --help».`
    case 'commander.optionMissingArgument':
      return `valget «${detail}» trenger en verdi. Se «klarsprak --help».`
    case 'commander.invalidArgument': {
      const allowed = /Allowed choices are (.*)\./.exec(error.message)?.[1]
      return `ugyldig verdi for ${detail}${allowed ? `; tillatt: ${allowed}` : ''}.`
    }
    default:
      return error.message.replace(/^error: /, '')
  }
}
