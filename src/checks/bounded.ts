import { setFlagsFromString } from 'node:v8'

/**
 * Regular expressions with a bound on backtracking, for every pattern that comes from rule data,
 * configuration (`placeholders:`) or a municipal rule file. A catastrophic pattern such as
 * `(a+)+$` otherwise hangs the run on a line of 40 «a».
 *
 * Why not V8's linear engine: in Node 20 (V8 11.3) it refuses the `i`, `u` and `d` flags,
 * look-around, back-references and counted repetition above 16, so it cannot run one of the
 * rules' patterns (every Norwegian `\b` is a look-around, and patterns are case-insensitive by
 * default); `--enable-experimental-regexp-engine-on-excessive-backtracks` falls back only for
 * patterns the linear engine accepts, so it protects none of them either (measured: `(a+)+$`
 * with `i` on 40 «a» and a «b» still takes minutes with that flag set).
 *
 * What does bound every pattern is V8's per-regex backtrack limit (the one that flag builds on),
 * reachable through the intrinsic `%NewRegExpWithBacktrackLimit`. A search that exceeds
 * BACKTRACK_LIMIT backtracks ends as «no match» in a few milliseconds. The flag that makes the
 * intrinsic callable is set here, when this module loads, so the CLI, the public API and the
 * tests all get the bound before any rule pattern is compiled.
 */
export const BACKTRACK_LIMIT = 1_000_000

type Factory = (source: string, flags: string, limit: number) => RegExp

function limitedFactory(): Factory | undefined {
  try {
    setFlagsFromString('--allow-natives-syntax')
    const make = new Function('source', 'flags', 'limit', 'return %NewRegExpWithBacktrackLimit(source, flags, limit)') as Factory
    // Compile and check it now: an engine without the intrinsic throws here, not mid-run.
    const probe = make('(a+)+$', 'i', 1000)
    if (!(probe instanceof RegExp) || probe.exec(`${'a'.repeat(32)}b`) !== null) return undefined
    return make
  } catch {
    return undefined
  }
}

const factory = limitedFactory()
const checkedFlags = new Set<string>()

/** Is the backtrack bound in force in this Node.js? (Tests assert it; the README promises it.) */
export const backtrackBounded = factory !== undefined

/**
 * `new RegExp(source, flags)` with the backtrack bound. Throws SyntaxError for an invalid
 * pattern, as `new RegExp` does.
 */
export function boundedRegExp(source: string, flags = '', limit = BACKTRACK_LIMIT): RegExp {
  if (!factory) return new RegExp(source, flags)
  // The intrinsic throws SyntaxError for a bad pattern, but aborts the process on bad flags.
  if (!checkedFlags.has(flags)) {
    new RegExp('', flags)
    checkedFlags.add(flags)
  }
  return factory(source, flags, limit)
}
