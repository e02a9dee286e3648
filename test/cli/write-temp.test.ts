import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

// The first two temp names collide with files already there: the writer must try again.
const names = ['aaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']
vi.mock('node:crypto', async (original) => ({
  ...(await original<typeof import('node:crypto')>()),
  randomBytes: () => ({ toString: () => names.shift() ?? 'cccccccccccccccc' }),
}))

const { atomicWrite } = await import('../../src/cli/write.js')

describe('temp file of -o', () => {
  it('is created exclusively and retried under a new random name when the name is taken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klarsprak-temp-'))
    writeFileSync(join(dir, '.rapport.txt.aaaaaaaaaaaaaaaa.tmp'), 'noen andres fil')
    atomicWrite(join(dir, 'rapport.txt'), ['ny ', 'rapport'])
    expect(readFileSync(join(dir, 'rapport.txt'), 'utf8')).toBe('ny rapport')
    expect(readFileSync(join(dir, '.rapport.txt.aaaaaaaaaaaaaaaa.tmp'), 'utf8')).toBe('noen andres fil')
    expect(readdirSync(dir).sort()).toEqual(['.rapport.txt.aaaaaaaaaaaaaaaa.tmp', 'rapport.txt'])
  })

  it('is removed when writing fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klarsprak-temp-'))
    const failing = function* (): Generator<string> {
      yield 'halv'
      throw new Error('brutt')
    }
    expect(() => atomicWrite(join(dir, 'rapport.txt'), failing())).toThrow('brutt')
    expect(readdirSync(dir)).toEqual([])
  })
})
