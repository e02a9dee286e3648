// Property test: random documents through the CLI, in-process (`main(argv, io)`) and, for a few,
// through bin/klarsprak.js as a child process (needs `npm run build`, which `npm test` runs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext, disposeContext, formatFailure, runCases, type Context } from './harness.js'
import { BIN_CASES, DETERMINISM_SHARE, LINT_STRING_SHARE, CLI_CASES, SUITE_MAX_PARTS, SUITE_SEED, SUITE_SHRINK_BUDGET, TIMEOUT_MS } from './settings.js'

let context: Context
beforeAll(async () => {
  context = await createContext({ lintString: LINT_STRING_SHARE, determinism: DETERMINISM_SHARE })
})
afterAll(() => disposeContext(context))

describe('property: CLI', () => {
  it(
    `${CLI_CASES} random documents through main(): exit code, clean stderr, valid JSON, invariants, deterministic`,
    async () => {
      const failures = await runCases(
        { seed: SUITE_SEED + 100, cases: CLI_CASES, path: 'cli', maxParts: SUITE_MAX_PARTS, shrinkBudget: SUITE_SHRINK_BUDGET, maxFailures: 3 },
        context,
      )
      expect(failures.map(formatFailure)).toEqual([])
    },
    TIMEOUT_MS,
  )

  it(
    `${BIN_CASES} random documents through bin/klarsprak.js give what main() gives`,
    async () => {
      const failures = await runCases(
        { seed: SUITE_SEED + 200, cases: BIN_CASES, path: 'bin', maxParts: SUITE_MAX_PARTS, shrinkBudget: 20, maxFailures: 1 },
        context,
      )
      expect(failures.map(formatFailure)).toEqual([])
    },
    TIMEOUT_MS,
  )
})
