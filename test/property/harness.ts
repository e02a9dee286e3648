/**
 * Runs generated cases through the API (loadDocument + lintDocument, and `lint` on a string) and
 * through the CLI (`main(argv, io)` in-process, or the built bin as a child process), checks the
 * invariants, and shrinks a failing case to a small one with the same broken invariant.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Engine } from '../../src/engine.js'
import { UserError } from '../../src/errors.js'
import { loadDocument } from '../../src/input/index.js'
import { findPlaceholders } from '../../src/input/placeholders.js'
import { loadText } from '../../src/input/text.js'
import { lint } from '../../src/index.js'
import { lintDocument } from '../../src/lint.js'
import { main, type Io } from '../../src/cli/main.js'
import { loadBuiltinRules } from '../../src/rules/builtin.js'
import type { Document } from '../../src/types.js'
import { caseSeed } from './random.js'
import { describe, fileName, isKnownDefect, isKnownDefectCheck, generateCase, loadVocabulary, render, type Case, type GenerateOptions, type Vocabulary } from './generators.js'
import { checkFileReport, checkJson, checkStderr, type JsonFileReport } from './invariants.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const BIN = join(ROOT, 'bin', 'klarsprak.js')

export type Path = 'api' | 'cli' | 'bin'

export interface Context {
  vocabulary: Vocabulary
  engine: Engine
  wholeTextRules: ReadonlySet<string>
  /** A scratch folder for the CLI's files. */
  dir: string
  /**
   * Share of .txt cases also run through `lint(text)`. That call builds a new Engine (compiling
   * every rule's regexes, ~80 ms) each time, so the suite runs it on a sample.
   */
  lintStringShare: number
  /** Share of API cases linted a second time (from a fresh load) to check determinism. */
  determinismShare: number
}

/** `shares`: the sampled checks' shares of cases (1, every case, unless given). */
export async function createContext(shares: { lintString?: number; determinism?: number } = {}): Promise<Context> {
  const { rules } = await loadBuiltinRules()
  return {
    vocabulary: await loadVocabulary(),
    engine: new Engine(rules),
    wholeTextRules: new Set(rules.filter((rule) => rule.type === 'readability').map((rule) => rule.id)),
    dir: mkdtempSync(join(tmpdir(), 'klarsprak-property-')),
    lintStringShare: shares.lintString ?? 1,
    determinismShare: shares.determinism ?? 1,
  }
}

export function disposeContext(context: Context): void {
  rmSync(context.dir, { recursive: true, force: true })
}

function crash(where: string, error: unknown): string {
  const e = error as Error
  return `crash: ${where} threw ${e?.name ?? typeof error}: ${e?.message ?? String(error)}${e?.stack ? `\n    ${e.stack.split('\n').slice(1, 4).join('\n    ').trim()}` : ''}`
}

/** The source text whose characters `actual` quotes, for formats that keep source offsets (Markdown). */
function sourceOf(c: Case, doc: Document): string | undefined {
  if (c.format !== 'md' || isKnownDefectCheck('md-actual-source', c)) return undefined
  const source = new TextDecoder().decode(render(c)).replace(/^\uFEFF/, '')
  return source.length === doc.text.length ? source : undefined
}

/** Load the case's bytes as the CLI would; undefined when the loader refuses the file (UserError). */
async function load(c: Case): Promise<Document | undefined | string> {
  try {
    return await loadDocument(fileName(c.format), render(c))
  } catch (error) {
    if (error instanceof UserError) return undefined
    return crash('loadDocument', error)
  }
}

/** API: loadDocument + lintDocument twice (determinism, same engine), and for text `lint(string)`. */
export async function checkApi(c: Case, context: Context): Promise<string[]> {
  const doc = await load(c)
  if (typeof doc === 'string') return [doc]
  if (doc === undefined) return []
  const problems: string[] = []
  let first: string
  try {
    first = JSON.stringify(lintDocument(doc, { engine: context.engine }))
  } catch (error) {
    return [crash('lintDocument', error)]
  }
  const json = checkJson(first)
  problems.push(...json.problems)
  if (json.value) {
    problems.push(
      ...checkFileReport({
        file: json.value as JsonFileReport,
        text: doc.text,
        placeholders: doc.placeholders ?? [],
        wholeTextRules: context.wholeTextRules,
        source: sourceOf(c, doc),
      }),
    )
  }
  const again = sampled(c, context.determinismShare, 1) ? await load(c) : null
  if (again === null) {
    // not sampled
  } else if (typeof again === 'string' || again === undefined) problems.push('deterministic: the second load differed')
  else {
    try {
      const second = JSON.stringify(lintDocument(again, { engine: context.engine }))
      if (second !== first) problems.push(`deterministic: second lint differs ${firstDifference(first, second)}`)
    } catch (error) {
      problems.push(crash('lintDocument (second run)', error))
    }
  }
  const lintKnown = (shape: string): boolean => isKnownDefect(shape, 'lint', c.enableKnown)
  if (c.format === 'txt' && sampled(c, context.lintStringShare, 2) && (c.includeKnown || !c.parts.some((part) => lintKnown(part.shape)))) problems.push(...(await checkLintString(c, context)))
  return problems
}

/** The string API: `lint(text)` on the unencoded text (lone surrogates stay lone here). */
async function checkLintString(c: Case, context: Context): Promise<string[]> {
  const text = c.parts.map((part) => part.text).join('')
  let output: string
  try {
    output = JSON.stringify(await lint(text))
  } catch (error) {
    return [crash('lint(text)', error)]
  }
  const json = checkJson(output)
  if (!json.value) return json.problems
  const doc = loadText('<tekst>', text)
  return checkFileReport({
    file: json.value as JsonFileReport,
    text: doc.text,
    placeholders: findPlaceholders(doc.text),
    wholeTextRules: context.wholeTextRules,
  }).map((problem) => `lint(text): ${problem}`)
}

/** Is the case in the sample of a check (share 1: always); `salt` makes the samples independent. */
function sampled(c: Case, share: number, salt: number): boolean {
  return share >= 1 || (Math.imul(c.seed ^ salt, 0x9e3779b1) >>> 0) / 2 ** 32 < share
}

function firstDifference(a: string, b: string): string {
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 40))} vs ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 40))}`
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** `main(argv, io)` in-process with captured streams. */
export async function runMain(argv: string[], cwd: string, stdin: Uint8Array = new Uint8Array()): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    readStdin: async () => stdin,
    cwd,
    env: {},
    isTTY: false,
    columns: 100,
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

let fileCounter = 0

/**
 * CLI: the case written to a file and checked with `--format json` (compared with the API's
 * report: determinism across engines) and with the default stylish output; with `viaBin` also through bin/klarsprak.js in a child process,
 * whose output must equal the in-process output.
 */
export async function checkCli(c: Case, context: Context, viaBin = false): Promise<string[]> {
  const name = `f${process.pid}-${fileCounter++}-${fileName(c.format)}`
  const path = join(context.dir, name)
  const bytes = render(c)
  writeFileSync(path, bytes)
  try {
    const problems: string[] = []
    // A share of the text cases goes through standard input instead of a file.
    const viaStdin = (c.format === 'txt' || c.format === 'md') && !viaBin && sampled(c, 0.25, 3)
    const target = viaStdin ? ['--stdin-format', c.format, '-'] : [name]
    const stdin = viaStdin ? bytes : new Uint8Array()
    const argv = ['check', '--no-config', '--format', 'json', ...target]
    let first: CliRun
    try {
      first = await runMain(argv, context.dir, stdin)
    } catch (error) {
      return [crash('main', error)]
    }
    problems.push(...exitAndStderr('cli json', first))
    const json = checkJson(first.stdout)
    problems.push(...json.problems.map((problem) => `cli ${problem}`))
    const value = json.value as { files?: JsonFileReport[]; summary?: Record<string, number> } | undefined
    const file = value?.files?.[0]
    if (value && (!file || value.files!.length !== 1)) problems.push(`cli json: ${value.files?.length ?? 'no'} file reports vs 1`)
    if (file && file.error === undefined) {
      const doc = await load(c)
      if (typeof doc === 'string') problems.push(doc)
      else if (doc === undefined) problems.push(`cli json: the CLI read the file but loadDocument refused it`)
      else {
        problems.push(
          ...checkFileReport({ file, text: doc.text, placeholders: doc.placeholders ?? [], wholeTextRules: context.wholeTextRules, source: sourceOf(c, doc) }).map(
            (problem) => `cli ${problem}`,
          ),
        )
        const summary = value!.summary
        const counts = { errors: 0, warnings: 0, infos: 0 }
        for (const d of file.diagnostics) counts[`${d.severity}s` as keyof typeof counts]++
        if (!summary || summary.errors !== counts.errors || summary.warnings !== counts.warnings || summary.infos !== counts.infos) {
          problems.push(`cli summary: ${JSON.stringify(summary)} vs ${JSON.stringify(counts)}`)
        }
        const expectedCode = counts.errors > 0 ? 1 : 0
        if (first.code !== expectedCode) problems.push(`cli exit: ${first.code} vs ${expectedCode} (${counts.errors} errors)`)
        // The CLI (fresh engine, config off) and the API (shared engine) must agree: this is also
        // the determinism check across runs and engines.
        try {
          const api = JSON.stringify({ ...lintDocument(doc, { engine: context.engine }), path: file.path })
          const cli = JSON.stringify(file)
          if (api !== cli) problems.push(`deterministic: cli report differs from the API's ${firstDifference(api, cli)}`)
        } catch (error) {
          problems.push(crash('lintDocument', error))
        }
      }
    } else if (file && first.code === 0) {
      problems.push(`cli exit: 0 for an unreadable file (${file.error})`)
    }
    let stylish: CliRun
    try {
      stylish = await runMain(['check', '--no-config', ...target], context.dir, stdin)
      problems.push(...exitAndStderr('cli stylish', stylish))
      if (stylish.code !== first.code) problems.push(`cli stylish exit: ${stylish.code} vs json ${first.code}`)
      // Stylish output is for a terminal: no raw control characters from the document.
      const raw = /[\u0000-\u0008\u000B-\u001F\u007F\u0080-\u009F]/.exec(stylish.stdout)
      if (raw) problems.push(`cli stylish: raw control character U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')} in the output`)
    } catch (error) {
      problems.push(crash('main (stylish)', error))
    }
    // `stats` computes the figures without the rules: they must be those `check` reports.
    try {
      const stats = await runMain(['stats', '--no-config', '--format', 'json', name], context.dir)
      problems.push(...exitAndStderr('cli stats', stats))
      const parsed = checkJson(stats.stdout)
      problems.push(...parsed.problems.map((problem) => `cli stats ${problem}`))
      const statsFile = (parsed.value as { files?: Array<{ metrics?: unknown; error?: string }> } | undefined)?.files?.[0]
      if (file && statsFile && JSON.stringify(statsFile.metrics) !== JSON.stringify(file.metrics)) {
        problems.push(`cli stats: metrics ${JSON.stringify(statsFile.metrics)} vs check's ${JSON.stringify(file.metrics)}`)
      }
      if (file && statsFile && (statsFile.error === undefined) !== (file.error === undefined)) problems.push(`cli stats: error ${statsFile.error} vs check's ${file.error}`)
    } catch (error) {
      problems.push(crash('main (stats)', error))
    }
    if (viaBin) {
      const child = spawnSync(process.execPath, [BIN, ...argv], { cwd: context.dir, encoding: 'utf8', timeout: 60_000 })
      if (child.error) problems.push(`bin: ${child.error.message}`)
      problems.push(...exitAndStderr('bin', { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr }))
      if (child.stdout !== first.stdout) problems.push(`bin: output differs from main() ${firstDifference(first.stdout, child.stdout)}`)
      if (child.status !== first.code) problems.push(`bin exit: ${child.status} (signal ${child.signal}) vs main() ${first.code}`)
    }
    return problems
  } finally {
    rmSync(path, { force: true })
  }
}

function exitAndStderr(where: string, run: CliRun): string[] {
  const problems: string[] = []
  if (![0, 1, 2].includes(run.code)) problems.push(`exit: ${where} exit code ${run.code} vs 0, 1 or 2`)
  problems.push(...checkStderr(run.stderr).map((problem) => `${where} ${problem}`))
  return problems
}

export async function check(c: Case, path: Path, context: Context): Promise<string[]> {
  return path === 'api' ? checkApi(c, context) : checkCli(c, context, path === 'bin')
}

/** The invariant a problem line names («cli line-column: …» → «cli line-column»), to shrink by. */
export function signature(problem: string): string {
  return problem.split(':')[0]!
}

/**
 * Shrink a failing case: drop parts (halves, then one by one), then cut each part's text (halves,
 * quarters, then single code points for short parts), keeping the same broken invariant.
 * `budget` bounds the number of re-checks.
 */
export async function shrink(
  c: Case,
  checkCase: (c: Case) => Promise<string[]>,
  target: string,
  budget = 400,
): Promise<{ case: Case; problems: string[] }> {
  let best = c
  let bestProblems = await checkCase(c)
  let spent = 0
  const stillFails = async (candidate: Case): Promise<boolean> => {
    if (spent++ >= budget) return false
    const problems = await checkCase(candidate)
    if (!problems.some((problem) => signature(problem) === target)) return false
    best = candidate
    bestProblems = problems
    return true
  }
  let progress = true
  while (progress && spent < budget) {
    progress = false
    // Remove runs of parts, largest first.
    for (let size = Math.max(1, best.parts.length >> 1); size >= 1; size >>= 1) {
      for (let at = 0; at + size <= best.parts.length; ) {
        const parts = [...best.parts.slice(0, at), ...best.parts.slice(at + size)]
        if (await stillFails({ ...best, parts })) progress = true
        else at += size
      }
    }
    // Shorten the text of each part.
    for (let i = 0; i < best.parts.length; i++) {
      let text = best.parts[i]!.text
      const points = [...text]
      const cuts: Array<[number, number]> = []
      for (let size = points.length >> 1; size >= 1 && (size > 2 || points.length <= 64); size >>= 1) {
        for (let at = 0; at + size <= points.length; at += size) cuts.push([at, size])
      }
      for (const [at, size] of cuts) {
        const current = [...text]
        if (at + size > current.length) continue
        const shorter = [...current.slice(0, at), ...current.slice(at + size)].join('')
        const parts = best.parts.map((part, j) => (j === i ? { ...part, text: shorter } : part))
        if (await stillFails({ ...best, parts })) {
          text = shorter
          progress = true
        }
      }
    }
  }
  return { case: best, problems: bestProblems }
}

export interface Failure {
  seed: number
  path: Path
  options: GenerateOptions
  problems: string[]
  original: Case
  shrunk: Case
}

export interface RunOptions extends GenerateOptions {
  seed: number
  cases: number
  path: Path
  /** Stop after this many failures. */
  maxFailures?: number
  shrinkBudget?: number
  /** Run only this case seed (as printed by a failure) instead of `cases` cases from `seed`. */
  replay?: number
  onFailure?: (failure: Failure) => void
  /** Called with each case's check time in milliseconds (to find slow shapes). */
  onTiming?: (c: Case, ms: number) => void
}

/** Run `cases` cases from `seed`; each failing case is shrunk and reported. */
export async function runCases(options: RunOptions, context: Context): Promise<Failure[]> {
  const failures: Failure[] = []
  for (let i = 0; i < options.cases; i++) {
    const seed = options.replay ?? caseSeed(options.seed, i)
    const c = generateCase(seed, context.vocabulary, { ...options, path: options.path })
    const started = performance.now()
    const problems = await check(c, options.path, context)
    options.onTiming?.(c, performance.now() - started)
    if (problems.length === 0) continue
    const shrunk = await shrink(c, (candidate) => check(candidate, options.path, context), signature(problems[0]!), options.shrinkBudget)
    const failure: Failure = { seed, path: options.path, options: { format: options.format, includeKnown: options.includeKnown, enableKnown: options.enableKnown }, problems: shrunk.problems, original: c, shrunk: shrunk.case }
    failures.push(failure)
    options.onFailure?.(failure)
    if (failures.length >= (options.maxFailures ?? 5)) break
  }
  return failures
}

/** A failure as the suite and `npm run fuzz` print it. */
export function formatFailure(failure: Failure): string {
  return [
    `seed ${failure.seed} (${failure.path}):`,
    ...failure.problems.slice(0, 8).map((problem) => `  ${problem}`),
    `  shrunk ${describe(failure.shrunk)}`,
    `  reproduce: npm run fuzz -- --replay ${failure.seed} --path ${failure.path}${failure.options.format ? ` --format ${failure.options.format}` : ''}${failure.options.includeKnown ? ' --known' : ''}${failure.options.enableKnown?.length ? ` --enable ${failure.options.enableKnown.join(',')}` : ''}`,
  ].join('\n')
}
