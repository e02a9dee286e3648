import { describe, expect, it } from 'vitest'
import { run, tempTree } from '../cli/io.js'

/** `<!-- klarsprak-… -->` comments in a web page act on its blocks, like comments in Word. */
const page = (body: string): string => `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Side</title></head><body>${body}</body></html>`

async function rulesFlagged(body: string): Promise<string[]> {
  const cwd = tempTree({ 'side.html': page(body) })
  const result = await run(['side.html', '-f', 'json', '--profile', 'general'], { cwd })
  return JSON.parse(result.stdout).files[0].diagnostics.map((d: { ruleId: string; actual: string }) => `${d.ruleId}:${d.actual}`)
}

describe('HTML comment directives', () => {
  const heavy = '<p>Vi viser til søknaden din vedrørende hjelp.</p>'

  it('flags the paragraph when there is no comment', async () => {
    expect(await rulesFlagged(heavy)).toContain('nb/kanselliord:vedrørende')
  })

  it('disable-next-line silences the named rule in the next block only', async () => {
    const flagged = await rulesFlagged(`<!-- klarsprak-disable-next-line nb/kanselliord -->${heavy}${heavy}`)
    expect(flagged.filter((f) => f === 'nb/kanselliord:vedrørende')).toHaveLength(1)
    // Other rules in the silenced block still run.
    expect(flagged.filter((f) => f.startsWith('nb/stive-uttrykk'))).toHaveLength(2)
  })

  it('disable … enable switches a rule off and on again', async () => {
    const flagged = await rulesFlagged(`<!-- klarsprak-disable nb/kanselliord -->${heavy}<h2>Neste del</h2>${heavy}<!-- klarsprak-enable nb/kanselliord -->${heavy}`)
    expect(flagged.filter((f) => f === 'nb/kanselliord:vedrørende')).toHaveLength(1)
  })

  it('a comment without rule ids silences every rule in the next block, and is never text', async () => {
    const flagged = await rulesFlagged(`<!-- klarsprak-disable-next-line -->${heavy}`)
    expect(flagged).toEqual([])
  })

  it('an ordinary comment changes nothing', async () => {
    expect(await rulesFlagged(`<!-- vedrørende: en vanlig kommentar -->${heavy}`)).toContain('nb/kanselliord:vedrørende')
  })
})
