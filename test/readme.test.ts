import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseBuiltinRules } from '../src/rules/builtin.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('opens with the two commands for a fresh machine', () => {
    expect(readme).toMatch(/^# klarsprak\n\n```sh\nnpm install && npx klarsprak --quiet fixtures\/documents\/vedtak-hjemmesykepleie-for\.docx fixtures\/documents\/vedtak-hjemmesykepleie\.docx\nnpm test\n```\n/)
  })

  it('lists every built-in rule with its level', async () => {
    const { rules } = await parseBuiltinRules()
    const rows = new Map([...readme.matchAll(/^\| `([\w/-]+)` \| (error|warning|info)\b/gm)].map((m) => [m[1], m[2]]))
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(rules.map((rule) => [rule.id, rule.level])))
  })
})
