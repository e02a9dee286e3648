// Property test: random Norwegian-like documents through the API (loadDocument + lintDocument,
// and lint(text) for plain text). Invariants: test/property/invariants.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FORMATS } from './generators.js'
import { createContext, disposeContext, formatFailure, runCases, type Context } from './harness.js'
import { API_CASES, DETERMINISM_SHARE, LINT_STRING_SHARE, SUITE_MAX_PARTS, SUITE_SEED, SUITE_SHRINK_BUDGET, TIMEOUT_MS } from './settings.js'

let context: Context
beforeAll(async () => {
  context = await createContext({ lintString: LINT_STRING_SHARE, determinism: DETERMINISM_SHARE })
})
afterAll(() => disposeContext(context))

describe('property: API', () => {
  for (const [index, format] of FORMATS.entries()) {
    it(
      `${API_CASES[format]} random .${format} documents keep every invariant (seed ${SUITE_SEED + index})`,
      async () => {
        const failures = await runCases(
          {
            seed: SUITE_SEED + index,
            cases: API_CASES[format]!,
            path: 'api',
            format,
            maxParts: SUITE_MAX_PARTS,
            shrinkBudget: SUITE_SHRINK_BUDGET,
            maxFailures: 3,
          },
          context,
        )
        expect(failures.map(formatFailure)).toEqual([])
      },
      TIMEOUT_MS,
    )
  }
})
