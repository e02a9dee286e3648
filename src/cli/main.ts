import { Command, CommanderError, Option } from 'commander'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { emptyConfig, findConfig, loadConfig, validateSettings, type ResolvedConfig } from '../config/config.js'
import { Engine, type RuleSetting } from '../engine.js'
import { UserError } from '../errors.js'
import { collectFiles } from '../files.js'
import { DEFAULT_MAX_FILE_MB } from '../input/index.js'
import { compilePlaceholderPatterns, DEFAULT_PLACEHOLDER_PATTERNS } from '../input/placeholders.js'
import { CHUNK_FORMATTERS, FORMATTERS, type FormatContext } from '../formatters/index.js'
import { lintPath } from '../lint.js'
import { summarise } from '../report.js'
import { loadBuiltinRules } from '../rules/builtin.js'
import { loadRulePath } from '../rules/load.js'
import type { RuleDef } from '../rules/schema.js'
import { SEVERITY_RANK, type FileReport, type Language, type Severity } from '../types.js'
import { explainRule, listRules, statsReport } from './commands.js'
import { atomicWrite } from './write.js'

export { writeAllSync } from './write.js'

/** Everything main touches outside itself; tests pass their own. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  readStdin: () => Promise<Uint8Array>
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
export async function main(argv: string[], io: Io): Promise<ExitCode> {
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
      .option('--max-file-size <MB>', `største fil som leses, i megabyte (standard ${DEFAULT_MAX_FILE_MB})`)
      .addOption(new Option('--profile <profil>', 'vedtak: les som vedtaksbrev; general: som vanlig tekst; auto: gjenkjenn (standard)').choices(['vedtak', 'general', 'auto']))
      .option('--no-color', 'ingen farger')
      .option('--debug', 'vis tekniske detaljer ved feil')

  const check = common(
    program
      .command('check', { isDefault: true })
      .description('sjekk filer, mapper, mønstre (glob) eller - for standard inn')
      .argument('[stier...]', 'filer, mapper eller mønstre')
      .addOption(new Option('-f, --format <format>', 'utdataformat').choices(Object.keys(FORMATTERS)).default('stylish'))
      .option('-o, --output <fil>', 'skriv rapporten til en fil')
      .option('-q, --quiet', 'vis bare feil (ikke advarsler og merknader)')
      .option('--max-warnings <antall>', 'avslutt med kode 1 når det er flere advarsler enn dette')
      .addOption(new Option('--fail-on <nivå>', 'laveste nivå som gir kode 1').choices(['error', 'warning', 'info']).default('error'))
      .option('--stdin-format <format>', 'format for standard inn (txt eller md)', 'txt'),
  )
  check.action(async (paths: string[], options: CheckOptions) => {
    setExit(await runCheck(paths, options, io))
  })

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

/**
 * Config → rules in force (built-in + municipal), settings validated. Rule-file and settings
 * problems go to `problems`: the run goes on with the rules that loaded, and exits 2 at the end.
 */
async function prepareRules(
  options: CommonOptions,
  io: Io,
  problems: UserError[],
): Promise<{ rules: RuleDef[]; engine: Engine; config: ResolvedConfig }> {
  let config = emptyConfig()
  if (options.config !== false) {
    const path = typeof options.config === 'string' ? resolve(io.cwd, options.config) : findConfig(io.cwd)
    if (path) config = loadConfig(path)
  }
  const builtin = await loadBuiltinRules()
  const rules = [...builtin.rules]
  problems.push(...builtin.errors)
  const extra = [...config.ruleFiles, ...(options.rules ?? []).map((path) => resolve(io.cwd, path))]
  for (const path of extra) {
    const loaded = await loadRulePath(path)
    for (const rule of loaded.rules) {
      if (rules.some((existing) => existing.id === rule.id)) {
        problems.push(new UserError(`regel-id «${rule.id}» finnes fra før. Gi filen et annet navn eller legg den i en egen mappe.`, rule.file))
      } else {
        rules.push(rule)
      }
    }
    problems.push(...loaded.errors)
  }
  problems.push(...validateSettings(config.settings, rules))
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

async function lintAll(
  paths: string[],
  options: CommonOptions & { stdinFormat?: string },
  io: Io,
  problems: UserError[],
  metricsOnly = false,
): Promise<FileReport[]> {
  if (paths.length === 0) throw new UserError('oppgi minst én fil eller mappe, for eksempel: klarsprak brev.txt')
  const prepared = await prepareRules(options, io, problems)
  const { config } = prepared
  // `stats` prints figures only: running the rules would be work thrown away.
  const engine = metricsOnly ? new Engine([]) : prepared.engine
  const maxFileMB = options.maxFileSize === undefined ? (config.maxFileSize ?? DEFAULT_MAX_FILE_MB) : Number(options.maxFileSize)
  if (!(maxFileMB > 0)) throw new UserError(`--max-file-size må være et tall større enn 0 (megabyte), ikke «${options.maxFileSize}».`)
  const placeholders = compilePlaceholderPatterns([...DEFAULT_PLACEHOLDER_PATTERNS, ...config.placeholders])
  const profileSetting = options.profile ?? config.profile ?? 'auto'
  const profile = profileSetting === 'auto' ? undefined : profileSetting
  const { files, errors, notices } = await collectFiles(paths, io.cwd, config.ignore)
  for (const notice of notices) io.stderr(`klarsprak: ${notice.format()}\n`)
  const reports: FileReport[] = errors.map((error) => ({ path: error.file ?? '', format: '', diagnostics: [], error: error.message }))
  for (const file of files) {
    const report = await lintPath(file === '-' ? '-' : resolve(io.cwd, file), {
      engine,
      placeholders,
      maxFileMB,
      ...(profile ? { profile } : {}),
      ...(options.language ? { language: options.language } : {}),
      readStdin: io.readStdin,
      ...(options.stdinFormat ? { stdinFormat: options.stdinFormat } : {}),
    })
    // Mutated, not copied: the text kept for excerpts is a non-enumerable property.
    report.path = file
    reports.push(report)
  }
  return reports
}

async function runCheck(paths: string[], options: CheckOptions, io: Io): Promise<ExitCode> {
  const problems: UserError[] = []
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings)
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UserError(`--max-warnings må være et heltall fra 0 og oppover, ikke «${options.maxWarnings}».`)
  }
  const reports = await lintAll(paths, options, io, problems)
  if (options.quiet) {
    for (const report of reports) report.diagnostics = report.diagnostics.filter((d) => d.severity === 'error')
  }
  const summary = summarise(reports)
  const toFile = options.output !== undefined
  const context: FormatContext = { color: !toFile && useColor(options, io), toolVersion: VERSION, summary, width: io.columns ?? 100 }
  const chunked = CHUNK_FORMATTERS[options.format]
  const output: Iterable<string> = chunked ? chunked(reports, context) : [FORMATTERS[options.format]!(reports, context)]
  if (toFile) atomicWrite(resolve(io.cwd, options.output!), output)
  else for (const chunk of output) io.stdout(chunk)

  const unreadable = reports.filter((report) => report.error !== undefined)
  // A human reading stylish output on the terminal sees these there already.
  if (toFile || options.format !== 'stylish') {
    for (const report of unreadable) io.stderr(`klarsprak: ${report.path}: ${report.error}\n`)
  }
  if (reportProblems(problems, io) === 2) return 2
  if (unreadable.length === reports.length) return 2
  const failRank = SEVERITY_RANK[options.failOn]
  const failing = reports.some((report) => report.diagnostics.some((d) => SEVERITY_RANK[d.severity] >= failRank))
  if (failing || unreadable.length > 0) return 1
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    io.stderr(`klarsprak: ${summary.warnings} advarsler er flere enn --max-warnings ${maxWarnings}.\n`)
    return 1
  }
  return 0
}

async function runStats(paths: string[], options: CommonOptions & { format: string }, io: Io): Promise<ExitCode> {
  const problems: UserError[] = []
  const reports = await lintAll(paths, options, io, problems, true)
  io.stdout(statsReport(reports, options.format, VERSION))
  for (const report of reports) if (report.error !== undefined && options.format !== 'stylish') io.stderr(`klarsprak: ${report.path}: ${report.error}\n`)
  if (reportProblems(problems, io) === 2) return 2
  const unreadable = reports.filter((report) => report.error !== undefined).length
  return unreadable === reports.length ? 2 : unreadable > 0 ? 1 : 0
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
