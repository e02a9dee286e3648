/**
 * How much the property tests run inside `npm test` (the ~20 s budget on a shared 2-core
 * machine; `npm run fuzz` runs far more). KLARSPRAK_PROPERTY_SEED changes the seed, e.g. to look
 * further in CI; the default is fixed so a red run is reproducible as printed.
 */
export const SUITE_SEED = Number(process.env.KLARSPRAK_PROPERTY_SEED ?? 20261204) >>> 0
/** Parts per case in the suite: small cases, so many of them fit the time budget. */
export const SUITE_MAX_PARTS = 10
/** Cases through the API per format. */
export const API_CASES: Record<string, number> = { txt: 600, md: 300, html: 400, docx: 200, odt: 200 }
/** Cases through the in-process CLI (formats drawn by weight). */
export const CLI_CASES = 20
/** Cases through bin/klarsprak.js as a child process (each ~0.3 s). */
export const BIN_CASES = 2
/** Re-checks spent shrinking one failing case. */
export const SUITE_SHRINK_BUDGET = 300
/** Per-test time limit: the machine is shared, so leave room. */
export const TIMEOUT_MS = 120_000
/** Share of .txt cases also run through `lint(text)` (it builds a new Engine each call). */
export const LINT_STRING_SHARE = 0.1
/** Share of API cases linted twice to check determinism (the CLI cases check it on every case). */
export const DETERMINISM_SHARE = 0.25
