/// <reference lib="dom" />
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { html } from '../../src/formatters/html.js'
import type { FileReport } from '../../src/types.js'
import { contextFor, HOSTILE, HOSTILE_NAME, lintFixture, lintText } from './html-reports.js'

/**
 * The HTML report in a real browser: Debian's chromium driven by playwright-core (no browser
 * download). `.ci/run` installs the package; without it this suite fails, it never skips.
 */
const CHROMIUM = '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

let browser: Browser
const dir = mkdtempSync(join(tmpdir(), 'klarsprak-html-'))

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`browser tests need Debian's chromium at ${CHROMIUM}, which is missing: install it with «apt-get install -y chromium» (.ci/run does this)`)
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

/** What a page did besides rendering: console output, dialogs, requests, script errors. */
interface Watched {
  page: Page
  console: string[]
  dialogs: string[]
  requests: string[]
  errors: string[]
}

async function open(name: string, reports: FileReport[]): Promise<Watched> {
  const file = join(dir, name)
  writeFileSync(file, html(reports, contextFor(reports)))
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  const watched: Watched = { page, console: [], dialogs: [], requests: [], errors: [] }
  page.on('console', (message) => watched.console.push(`${message.type()}: ${message.text()}`))
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => watched.errors.push(error.message))
  page.on('request', (request) => watched.requests.push(request.url()))
  // Anything but the report itself is recorded and refused.
  await page.route('**/*', (route) => {
    const url = route.request().url()
    if (url === pathToFileURL(file).href) return route.continue()
    watched.requests.push(`routed ${url}`)
    return route.abort()
  })
  await page.goto(pathToFileURL(file).href)
  return watched
}

describe('the HTML report in chromium', () => {
  let letter: FileReport
  let watched: Watched

  beforeAll(async () => {
    letter = await lintFixture('fixtures/vedtak/praktisk-bistand-mangler-klage-nb.txt')
    watched = await open('letter.html', [letter])
  }, 60_000)

  it('renders the letter, its panel and its notes, with no errors and no refused style or script', async () => {
    const { page } = watched
    await expect(page.title()).resolves.toBe('Klarspråkrapport – fixtures/vedtak/praktisk-bistand-mangler-klage-nb.txt')
    expect(await page.locator('article.doc').count()).toBe(1)
    expect(await page.locator('.panel svg').count()).toBe(2)
    expect(await page.locator('.notes li').count()).toBe(letter.diagnostics.length)
    // The stylesheet applied (CSP hash right): the panel sits beside the letter.
    const panel = await page.locator('.panel').boundingBox()
    const text = await page.locator('.letter').boundingBox()
    expect(panel!.x).toBeGreaterThan(text!.x + text!.width)
    expect(watched.errors).toEqual([])
    expect(watched.console).toEqual([])
  })

  it('shows one highlight per span finding, whose text is the finding\'s actual', async () => {
    const spans = letter.diagnostics
      .filter((d) => d.actual !== '')
      .sort((a, b) => a.start.offset - b.start.offset || b.end.offset - a.end.offset)
    expect(spans.length).toBeGreaterThan(10)
    const shown = await watched.page.evaluate(() => {
      const byFinding: Record<string, { text: string; anchors: number; stops: number }> = {}
      for (const mark of Array.from(document.querySelectorAll('article mark[data-f]'))) {
        for (const n of mark.getAttribute('data-f')!.split(' ')) {
          const entry = (byFinding[n] ??= { text: '', anchors: 0, stops: 0 })
          entry.text += mark.textContent
        }
      }
      for (const n of Object.keys(byFinding)) {
        const anchor = document.getElementById(`d1-f${n}`)
        byFinding[n]!.anchors = document.querySelectorAll(`[id="d1-f${n}"]`).length
        let next: Element | null = anchor
        while (next?.classList.contains('a')) next = next.nextElementSibling
        byFinding[n]!.stops = next && next.matches('mark[tabindex]') && next.getAttribute('data-f')!.split(' ').includes(n) ? 1 : 0
      }
      return byFinding
    })
    expect(Object.keys(shown)).toHaveLength(spans.length)
    spans.forEach((d, i) => {
      expect(shown[String(i + 1)]).toEqual({ text: d.actual, anchors: 1, stops: 1 })
    })
  })

  it('shows the message, suggestion, why and source when a highlight is clicked, and closes on Esc', async () => {
    const { page } = watched
    const d = letter.diagnostics.find((x) => x.ruleId === 'nb/kanselliord' || x.expected?.length)!
    const spans = letter.diagnostics.filter((x) => x.actual !== '').sort((a, b) => a.start.offset - b.start.offset || b.end.offset - a.end.offset)
    const n = spans.indexOf(d) + 1
    const mark = page.locator(`mark#d1-f${n}, #d1-f${n} ~ mark`).first()
    await mark.click()
    const pop = page.locator('#kp-pop')
    await expect(pop.isVisible()).resolves.toBe(true)
    const text = await pop.innerText()
    expect(text).toContain(d.message)
    // The suggestion: in the message («Skriv heller «om» enn …») or on its own line.
    expect(text).toContain(`«${d.expected![0]}»`)
    expect(text).toContain(`Hvorfor: ${d.note.slice(0, 30)}`)
    expect(text).toContain('Kilde:')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kp-pop')
    await page.keyboard.press('Escape')
    await expect(pop.isVisible()).resolves.toBe(false)
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MARK')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-f'))).toContain(String(n))
  })

  it('works from the keyboard: Tab reaches a highlight, Enter opens it, n goes to the next', async () => {
    const { page } = watched
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    let tag = ''
    for (let i = 0; i < 40 && tag !== 'MARK'; i++) {
      await page.keyboard.press('Tab')
      tag = await page.evaluate(() => document.activeElement?.tagName ?? '')
    }
    expect(tag).toBe('MARK')
    const first = await page.evaluate(() => document.activeElement!.getAttribute('data-f'))
    await page.keyboard.press('Enter')
    await expect(page.locator('#kp-pop').isVisible()).resolves.toBe(true)
    await page.keyboard.press('Escape')
    await page.keyboard.press('n')
    const second = await page.evaluate(() => document.activeElement!.getAttribute('data-f'))
    expect(second).not.toBe(first)
    await page.keyboard.press(' ')
    await expect(page.locator('#kp-pop').isVisible()).resolves.toBe(true)
    await page.keyboard.press('Escape')
  })

  it('jumps from the checklist to the words that satisfy an element', async () => {
    const { page } = watched
    const link = page.locator('.checklist a').first()
    const href = (await link.getAttribute('href'))!
    await link.click()
    const k = Number(href.replace('#d1-e', ''))
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '')
    const evidence = letter.vedtak!.elements[k]!.evidence!
    expect(letter.source!.slice(evidence.start.offset, evidence.end.offset)).toContain(focused)
    expect(focused.length).toBeGreaterThan(0)
  })
})

describe('the index of several files in chromium', () => {
  let reports: FileReport[]
  let watched: Watched

  beforeAll(async () => {
    reports = [
      await lintFixture('fixtures/vedtak/praktisk-bistand-mangler-klage-nb.txt'),
      await lintFixture('fixtures/vedtak/avlastning-innvilget-nn.txt'),
      await lintFixture('fixtures/after/brosjyre-trygghetsalarm.txt'),
      await lintFixture('fixtures/before/vedtak-bpa.txt'),
    ]
    watched = await open('index.html', reports)
  }, 60_000)

  it('sorts the table by a column, ascending then descending', async () => {
    const { page } = watched
    const column = async (index: number) => page.$$eval(`#kp-index tbody tr td:nth-child(${index})`, (cells) => cells.map((cell) => cell.getAttribute('data-v') ?? cell.textContent ?? ''))
    expect(await page.locator('#kp-index tbody tr').count()).toBe(4)
    await page.locator('#kp-index th:nth-child(5) button').click()
    const ascending = (await column(5)).map(Number)
    expect(ascending).toEqual([...reports.map((r) => r.metrics!.lix!)].sort((a, b) => a - b))
    await expect(page.locator('#kp-index th:nth-child(5)').getAttribute('aria-sort')).resolves.toBe('ascending')
    await page.locator('#kp-index th:nth-child(5) button').click()
    expect((await column(5)).map(Number)).toEqual([...ascending].reverse())
    await page.locator('#kp-index th:nth-child(1) button').click()
    expect(await column(1)).toEqual(reports.map((r) => r.path).sort((a, b) => a.localeCompare(b, 'nb')))
    expect(await page.locator('.charts svg').count()).toBe(2)
    expect(watched.console).toEqual([])
    expect(watched.errors).toEqual([])
  })
})

describe('a hostile document in chromium', () => {
  let watched: Watched

  beforeAll(async () => {
    const report = await lintText(HOSTILE_NAME, HOSTILE)
    report.path = HOSTILE_NAME
    const md = await lintText('lenke.md', '# Lenker\n\nTrykk [her](javascript:alert(10)) eller ![bilde](https://example.com/x.png) <script>alert(11)</script>\n', 'md')
    watched = await open('hostile.html', [report, md])
  }, 60_000)

  it('runs no injected script, opens no dialog and makes no request; the CSP is in place', async () => {
    const { page } = watched
    // Open every highlight: the popup copies text from the page and must not bring it to life.
    const marks = page.locator('mark[tabindex]')
    const count = await marks.count()
    expect(count).toBeGreaterThan(0)
    for (let i = 0; i < count; i++) {
      await marks.nth(i).click()
      await page.keyboard.press('Escape')
    }
    for (const row of await page.locator('.panel a, #kp-index a').all()) await row.click()
    await page.waitForTimeout(200)
    expect(watched.dialogs).toEqual([])
    expect(watched.console).toEqual([])
    expect(watched.errors).toEqual([])
    expect(watched.requests.filter((url) => !url.startsWith('file://'))).toEqual([])
    expect(new Set(watched.requests).size).toBe(1)
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'; img-src data:/)
    const text = await page.locator('#d1 .letter').innerText()
    expect(text).toContain('<script>console.log("injected-script");alert(1)</script>')
    expect(text).toContain('<img src=x onerror="console.log(\'injected-img\');alert(2)">')
    expect(await page.locator('#d1 h2').innerText()).toBe(HOSTILE_NAME)
    expect(await page.locator('article img, article iframe, article a[href^="javascript"], article b').count()).toBe(0)
  })
})
