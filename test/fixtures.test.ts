import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Engine } from '../src/engine.js'
import { readDocument } from '../src/input/index.js'
import { lintDocument } from '../src/lint.js'
import { parseBuiltinRules } from '../src/rules/builtin.js'

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname
const engine = new Engine((await parseBuiltinRules()).rules)
const pairs = readdirSync(join(FIXTURES, 'before')).filter((name) => /\.(txt|md)$/.test(name))

async function reportOf(path: string) {
  return lintDocument(await readDocument(path), { engine })
}

describe('fixtures: heavy «before» and plain «after» versions', () => {
  it('has at least 8 pairs', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(8)
  })

  it.each(pairs)('%s: the rewrite scores lower LIX and gets far fewer findings', async (name) => {
    const before = await reportOf(join(FIXTURES, 'before', name))
    const after = await reportOf(join(FIXTURES, 'after', name))
    expect(after.language).toBe('nb')
    expect(after.metrics!.lix!).toBeLessThan(before.metrics!.lix! - 10)
    expect(after.metrics!.lix!).toBeLessThanOrEqual(40)
    expect(before.diagnostics.length).toBeGreaterThanOrEqual(10)
    expect(after.diagnostics.length).toBeLessThanOrEqual(before.diagnostics.length / 4)
    expect(after.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
  })
})
