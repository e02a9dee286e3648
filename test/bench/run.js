#!/usr/bin/env node
// `npm run bench`: speed and memory of the full bokmål pack on a deterministic corpus, next to a
// baseline measured in the same run (read the same files, split them into words and sentences
// with one simple scan). Targets from issue 2; `--check` exits 1 when one is missed.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BIN = join(ROOT, 'bin', 'klarsprak.js')
const CHILD = join(ROOT, 'test', 'bench', 'child.js')
const WORK = join(tmpdir(), 'klarsprak-bench')
const check = process.argv.includes('--check')

// ---- deterministic corpus -------------------------------------------------------------------
function prng(seed) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const paragraphs = []
for (const side of ['before', 'after']) {
  const dir = join(ROOT, 'fixtures', side)
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.txt')) continue
    for (const block of readFileSync(join(dir, name), 'utf8').split(/\n\s*\n/)) {
      if (block.trim().split(/\s+/).length >= 8) paragraphs.push(block.trim())
    }
  }
}

function letter(random, size) {
  const parts = ['Lillevik kommune\nTildelingskontoret\nDato: 12.03.2025\n', 'Vedtak om praktisk bistand']
  let length = parts.join('\n\n').length
  while (length < size) {
    const paragraph = paragraphs[Math.floor(random() * paragraphs.length)]
    parts.push(paragraph)
    length += paragraph.length + 2
  }
  return `${parts.join('\n\n')}\n`
}

function buildCorpus() {
  rmSync(WORK, { recursive: true, force: true })
  mkdirSync(join(WORK, 'letters'), { recursive: true })
  const random = prng(2026)
  for (let i = 0; i < 1000; i++) {
    writeFileSync(join(WORK, 'letters', `brev-${String(i).padStart(4, '0')}.txt`), letter(random, 3000))
  }
  for (const mb of [1, 2.5, 5]) writeFileSync(join(WORK, `stor-${mb}mb.txt`), letter(prng(7), mb * 1024 * 1024))
}

// ---- baseline: one simple scan -------------------------------------------------------------
function baseline(files) {
  const started = performance.now()
  let words = 0
  let sentences = 0
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const _ of text.matchAll(/[\p{L}\d][\p{L}\d.-]*/gu)) words++
    for (const _ of text.matchAll(/[.!?]+(?=\s|$)|\n\s*\n/g)) sentences++
  }
  return { seconds: (performance.now() - started) / 1000, words, sentences }
}

// ---- klarsprak runs --------------------------------------------------------------------------
function timed(args, runs = 1, script = CHILD) {
  const results = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    // The report goes to /dev/null, as `klarsprak … > rapport.json` writes it to a file.
    const child = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
    const seconds = (performance.now() - started) / 1000
    if (child.status === null || child.status > 1) throw new Error(`klarsprak failed (${child.status}): ${child.stderr}`)
    const rss = /^bench-rss (\d+)$/m.exec(child.stderr)
    results.push({ seconds, peakMB: rss ? Number(rss[1]) / 1024 : null })
  }
  results.sort((a, b) => a.seconds - b.seconds)
  return results[Math.floor(results.length / 2)]
}

const fmt = (n, digits = 2) => n.toFixed(digits)
const rows = []
function row(name, seconds, bytes, docs, base, target, peakMB) {
  const ok = target ? target(seconds, peakMB) : undefined
  rows.push({ name, seconds, bytes, docs, base, peakMB, ok })
}

buildCorpus()
const letters = readdirSync(join(WORK, 'letters')).map((name) => join(WORK, 'letters', name))
const corpusBytes = letters.reduce((sum, file) => sum + statSync(file).size, 0)
const one = letters[0]

const single = timed([one, '--format', 'json', '--profile', 'general'], 11, BIN)
row('1 letter, start to exit, bokmål pack', single.seconds, statSync(one).size, 1, null, (s) => s < 0.2)
const singleReview = timed([one, '--format', 'json'], 11, BIN)
row('1 letter, start to exit, + review', singleReview.seconds, statSync(one).size, 1, null)

const base1000 = baseline(letters)
// Issue 2's target is for the bokmål pack; the decision-letter review (issue 4) is measured apart.
const all = timed([join(WORK, 'letters'), '--format', 'json', '--profile', 'general'], 5)
row('1,000 letters (~3 KB), bokmål pack', all.seconds, corpusBytes, 1000, base1000.seconds, (s) => s < 2, all.peakMB)
const vedtak = timed([join(WORK, 'letters'), '--format', 'json', '--profile', 'vedtak'], 3)
row('1,000 letters, + decision-letter review', vedtak.seconds, corpusBytes, 1000, base1000.seconds, undefined, vedtak.peakMB)

// Memory must not grow with the number of files: reports are written as each file is finished.
mkdirSync(join(WORK, 'letters-10k'), { recursive: true })
for (let copy = 0; copy < 10; copy++) {
  for (const file of letters) writeFileSync(join(WORK, 'letters-10k', `${copy}-${file.slice(file.lastIndexOf('/') + 1)}`), readFileSync(file))
}
const many = timed([join(WORK, 'letters-10k'), '--format', 'json', '--profile', 'general'], 1)
row('10,000 letters, bokmål pack', many.seconds, corpusBytes * 10, 10000, base1000.seconds * 10, (_s, peak) => peak < all.peakMB * 1.5, many.peakMB)
// Issue 8: the annotated HTML report for the same corpus, paired with the JSON run of the same
// (default) profile, run after run, so load on the machine hits both alike.
const htmlRatios = []
let htmlRun
let jsonRun
for (let i = 0; i < 3; i++) {
  const j = timed([join(WORK, 'letters'), '--format', 'json'])
  const h = timed([join(WORK, 'letters'), '--format', 'html'])
  htmlRatios.push(h.seconds / j.seconds)
  if (!htmlRun || h.seconds < htmlRun.seconds) htmlRun = h
  if (!jsonRun || j.seconds < jsonRun.seconds) jsonRun = j
}
htmlRatios.sort((a, b) => a - b)
const htmlRatio = htmlRatios[1]
row('1,000 letters, default profile, json', jsonRun.seconds, corpusBytes, 1000, base1000.seconds, undefined, jsonRun.peakMB)
row('1,000 letters, --format html', htmlRun.seconds, corpusBytes, 1000, base1000.seconds, () => htmlRatio <= 1.5, htmlRun.peakMB)

for (const mb of [1, 2.5, 5]) {
  const file = join(WORK, `stor-${mb}mb.txt`)
  const base = baseline([file])
  const big = timed([file, '--format', 'json', '--profile', 'general'], mb === 5 ? 3 : 1)
  row(`one ${mb} MB document`, big.seconds, statSync(file).size, 1, base.seconds, mb === 5 ? (s, peak) => s < 6 && peak < 400 : undefined, big.peakMB)
}

// Documents per second by format: 20 copies of each in one run (start-up included).
async function formatRow(name, file, make) {
  const dir = join(WORK, name)
  mkdirSync(dir, { recursive: true })
  const bytes = await make()
  for (let i = 0; i < 20; i++) writeFileSync(join(dir, `${String(i).padStart(2, '0')}-${file}`), bytes)
  const run = timed([dir, '--format', 'json'], 3)
  row(`20 × ${name}`, run.seconds, bytes.length * 20, 20, null, undefined, run.peakMB)
}
const { brochurePdf } = await import('../fixtures-build/pdf.js')
await formatRow('PDF brochure, 20 pages', 'brosjyre.pdf', () => brochurePdf(20))
const { wordLetter } = await import('../fixtures-build/office.js')
await formatRow('Word letter, 5 pages', 'brev.docx', () => wordLetter(5))

// Issue 8: `annotate --suggest` on a 3-page letter with findings (the letter before rewriting, three times).
const annotateDir = join(WORK, 'annotate')
mkdirSync(annotateDir, { recursive: true })
const annotateFile = join(annotateDir, 'brev.docx')
writeFileSync(annotateFile, wordLetter(3, true))
const annotated = timed(['annotate', '--force', '--suggest', annotateFile], 11, BIN)
row('annotate --suggest, 3-page letter', annotated.seconds, statSync(annotateFile).size, 1, null, (s) => s < 0.5)

console.log(`klarsprak benchmark — Node ${process.version}, corpus in ${WORK}`)
console.log(`baseline: read + one regex scan for words and sentences (${base1000.words} words in the 1,000 letters)\n`)
console.log(['case'.padEnd(40), 'wall s'.padStart(7), 'MB/s'.padStart(7), 'docs/s'.padStart(8), 'peak MB'.padStart(8), 'base s'.padStart(7), '× base'.padStart(7), ' target'].join(' '))
for (const r of rows) {
  const mbps = r.bytes / 1024 / 1024 / r.seconds
  console.log(
    [
      r.name.padEnd(40),
      fmt(r.seconds, 3).padStart(7),
      fmt(mbps).padStart(7),
      fmt(r.docs / r.seconds, 1).padStart(8),
      (r.peakMB === null || r.peakMB === undefined ? '–' : fmt(r.peakMB, 0)).padStart(8),
      (r.base === null ? '–' : fmt(r.base, 3)).padStart(7),
      (r.base === null ? '–' : fmt(r.seconds / r.base, 1)).padStart(7),
      r.ok === undefined ? '' : r.ok ? ' ✔' : ' ✖',
    ].join(' '),
  )
}
const perMB = rows.filter((r) => r.name.startsWith('one ')).map((r) => r.seconds / (r.bytes / 1024 / 1024))
console.log(`\nlinearity: seconds per MB at 1 / 2.5 / 5 MB: ${perMB.map((s) => fmt(s, 3)).join(' / ')}`)
console.log('targets (issue 2, the bokmål pack): 1 letter < 0.2 s; 1,000 letters < 2 s; 5 MB < 6 s and < 400 MB peak.')
console.log('issue 7: peak memory for 10,000 letters under 1.5 × that for 1,000 (reports are streamed, not kept).')
console.log('«+ review» rows add the decision-letter review (issue 4), which a letter gets by default.')
console.log('target (issue 8): annotate on a 3-page letter, start to exit < 0.5 s.')
console.log(`--format html / json (issue 8, target ≤ 1.5): median of 3 paired runs ${fmt(htmlRatio)} (${htmlRatios.map((r) => fmt(r)).join(', ')})`)
if (check && rows.some((r) => r.ok === false)) process.exitCode = 1
