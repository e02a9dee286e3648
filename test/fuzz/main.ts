/** `npm run fuzz` (see run.js): many seeded cases through the API and the CLI, failures shrunk. */
import { createContext, disposeContext, formatFailure, runCases, type Failure, type Path } from '../property/harness.js'
import { FORMATS, KNOWN_DEFECT_SHAPES, render, type Format } from '../property/generators.js'

interface Options {
  cases: number
  seed: number
  paths: Path[]
  format?: Format
  known: boolean
  maxFailures: number
  shrink: number
  replay?: number
  maxParts?: number
  enable: string[]
}

function parse(argv: string[]): Options {
  const options: Options = { cases: 10_000, seed: Date.now() >>> 0, paths: ['api', 'cli'], known: false, maxFailures: 20, shrink: 2000, enable: [] }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!
    const value = (): string => {
      const next = argv[++i]
      if (next === undefined) throw new Error(`${flag} needs a value`)
      return next
    }
    const number = (): number => {
      const n = Number(value())
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number`)
      return n
    }
    if (flag === '--cases') options.cases = number()
    else if (flag === '--seed') options.seed = number() >>> 0
    else if (flag === '--path') {
      const path = value()
      options.paths = path === 'all' ? ['api', 'cli', 'bin'] : (path.split(',') as Path[])
      if (!options.paths.every((p) => ['api', 'cli', 'bin'].includes(p))) throw new Error('--path is api, cli, bin or all')
    } else if (flag === '--format') {
      const format = value() as Format
      if (!FORMATS.includes(format)) throw new Error(`--format is one of ${FORMATS.join(', ')}`)
      options.format = format
    } else if (flag === '--known') options.known = true
    else if (flag === '--enable') options.enable.push(...value().split(','))
    else if (flag === '--max-failures') options.maxFailures = number()
    else if (flag === '--shrink') options.shrink = number()
    else if (flag === '--replay') options.replay = number()
    else if (flag === '--max-parts') options.maxParts = number()
    else throw new Error(`unknown option ${flag}`)
  }
  return options
}

export async function fuzz(argv: string[]): Promise<number> {
  let options: Options
  try {
    options = parse(argv)
  } catch (error) {
    console.error(`fuzz: ${(error as Error).message}`)
    return 2
  }
  const context = await createContext()
  const failures: Failure[] = []
  try {
    const started = performance.now()
    if (!options.known && KNOWN_DEFECT_SHAPES.length > 0) console.log(`fuzz: shapes off (KNOWN_DEFECT_SHAPES; --known turns them on): ${KNOWN_DEFECT_SHAPES.join(', ')}`)
    for (const path of options.paths) {
      const cases = options.replay === undefined ? (path === 'bin' ? Math.max(1, Math.ceil(options.cases / 100)) : options.cases) : 1
      console.log(options.replay === undefined ? `fuzz: ${cases} cases through ${path}, seed ${options.seed}` : `fuzz: replaying seed ${options.replay} through ${path}`)
      const pathStarted = performance.now()
      const slowest: Array<{ ms: number; text: string }> = []
      const found = await runCases(
        {
          seed: options.seed,
          cases,
          path,
          ...(options.format ? { format: options.format } : {}),
          includeKnown: options.known,
          enableKnown: options.enable,
          maxFailures: options.maxFailures,
          shrinkBudget: options.shrink,
          ...(options.replay === undefined ? {} : { replay: options.replay }),
          ...(options.maxParts === undefined ? {} : { maxParts: options.maxParts }),
          onFailure: (failure) => console.log(`\n${formatFailure(failure)}\n`),
          onTiming: (c, ms) => {
            slowest.push({ ms, text: `${ms.toFixed(0)} ms: seed ${c.seed}, ${c.format}, ${render(c).length} bytes, shapes ${[...new Set(c.parts.map((p) => p.shape))].join(' ')}` })
            slowest.sort((a, b) => b.ms - a.ms)
            slowest.length = Math.min(slowest.length, 3)
          },
        },
        context,
      )
      failures.push(...found)
      console.log(`fuzz: ${path}: ${found.length} failing case(s) in ${((performance.now() - pathStarted) / 1000).toFixed(1)} s; slowest:`)
      for (const slow of slowest) console.log(`  ${slow.text}`)
    }
    console.log(`fuzz: ${failures.length === 0 ? 'all invariants held' : `${failures.length} failing case(s)`} (${((performance.now() - started) / 1000).toFixed(1)} s)`)
  } finally {
    disposeContext(context)
  }
  return failures.length === 0 ? 0 : 1
}
