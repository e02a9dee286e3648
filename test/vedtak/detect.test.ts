import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadText } from '../../src/input/text.js'
import { analyse } from '../../src/language/segment.js'
import { detectVedtak } from '../../src/vedtak/detect.js'
import { run, tempTree } from '../cli/io.js'

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname
const detect = (path: string): boolean => detectVedtak(analyse(loadText(path, readFileSync(path, 'utf8'))))

describe('recognising a decision letter', () => {
  const files = ['before', 'after'].flatMap((side) => readdirSync(`${FIXTURES}${side}`).map((name) => `${FIXTURES}${side}/${name}`))

  it.each(files.filter((f) => f.includes('/vedtak-')))('%s is a decision letter', (path) => {
    expect(detect(path)).toBe(true)
  })

  it.each(files.filter((f) => f.includes('/brosjyre-')))('%s is not', (path) => {
    expect(detect(path)).toBe(false)
  })

  it('needs a decision, not just the word «vedtak»', () => {
    const text = 'Slik søker du om hjemmetjenester\n\nDu kan søke om hjelp. Når vi har behandlet søknaden, får du et vedtak. Du kan klage på vedtaket.\n'
    expect(detectVedtak(analyse(loadText('x.txt', text)))).toBe(false)
  })
})

describe('--profile and «profile:»', () => {
  const letter = 'Vedtak om praktisk bistand\n\nDu får praktisk bistand tre timer per uke fra 1. april 2025. Du kan klage på vedtaket innen fire uker.\n'
  const brochure = 'Hjemmetjenester\n\nDu kan søke om praktisk bistand hvis du trenger hjelp hjemme.\n'

  it('reports the profile and the vedtak checklist in JSON', async () => {
    const cwd = tempTree({ 'brev.txt': letter, 'brosjyre.txt': brochure })
    const json = JSON.parse((await run(['brev.txt', 'brosjyre.txt', '-f', 'json'], { cwd })).stdout)
    expect(json.files[0]).toMatchObject({ profile: 'vedtak', vedtak: { detected: true, outcome: 'innvilget' } })
    expect(json.files[1].profile).toBe('general')
    expect(json.files[1]).not.toHaveProperty('vedtak')
  })

  it('forces the profile from the command line or the config', async () => {
    const cwd = tempTree({ 'brev.txt': letter, 'brosjyre.txt': brochure, 'cfg.yml': 'profile: general\n' })
    const forced = JSON.parse((await run(['brosjyre.txt', '--profile', 'vedtak', '-f', 'json'], { cwd })).stdout)
    expect(forced.files[0]).toMatchObject({ profile: 'vedtak', vedtak: { detected: false } })
    const general = JSON.parse((await run(['brev.txt', '--config', 'cfg.yml', '-f', 'json'], { cwd })).stdout)
    expect(general.files[0].profile).toBe('general')
  })
})
