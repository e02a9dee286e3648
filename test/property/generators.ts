/**
 * Generators of Norwegian-like text and of whole documents (.txt, .md, .html, .docx, .odt) for
 * the property tests and `npm run fuzz`. A case is a list of parts, each made by one named
 * *shape* («rule-term», «date», «merge-field», «cr-line-ending» …); the shrinker removes and
 * shortens parts, and a shape that exposes a known defect can be switched off by name
 * (KNOWN_DEFECT_SHAPES) until the fix is merged.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { zipSync, strToU8 } from 'fflate'
import { loadBuiltinRules } from '../../src/rules/builtin.js'
import { Random } from './random.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Shapes that make today's code break an invariant because of a defect listed in issue 7 (or
 * found by this harness and reported there). They are generated only with `includeKnown`
 * (`npm run fuzz -- --known`). An entry «shape@cli» switches the shape off for the CLI paths
 * only (in-process main and the bin), «shape@api» for the API only, and «shape@lint» skips the
 * string API check (`lint(text)`) of cases that hold the shape. The integrator empties this
 * list once the fixes are merged; the suite then exercises them on every run.
 */
export const KNOWN_DEFECT_SHAPES: readonly string[] = [
]

export type Format = 'txt' | 'md' | 'html' | 'docx' | 'odt'
export const FORMATS: readonly Format[] = ['txt', 'md', 'html', 'docx', 'odt']

export type ParagraphKind = 'p' | 'h' | 'li'

/** One generated piece of a document. For office formats each part is one paragraph. */
export interface Part {
  shape: string
  text: string
  kind?: ParagraphKind
}

export interface Case {
  seed: number
  format: Format
  parts: Part[]
  /** Generated with the KNOWN_DEFECT_SHAPES on (every check runs). */
  includeKnown?: boolean
  /** Known-defect entries turned on for this case. */
  enableKnown?: readonly string[]
}

// ---- vocabulary -------------------------------------------------------------------------------

export interface Vocabulary {
  /** Terms the rule packs flag (substitution keys, existence tokens). */
  ruleTerms: string[]
  /** Sentences of the project's fixture letters (realistic, decision-letter prose). */
  fixtureSentences: string[]
  /** Whole fixture letters and brochures (LF line endings). */
  fixtureLetters: string[]
}

let vocabulary: Promise<Vocabulary> | undefined

/** Terms from the built-in rules and sentences from fixtures/, loaded once. */
export function loadVocabulary(): Promise<Vocabulary> {
  vocabulary ??= (async () => {
    const { rules } = await loadBuiltinRules()
    const terms = new Set<string>()
    for (const rule of rules) {
      const swap = rule.options.swap as Record<string, unknown> | undefined
      const tokens = rule.options.tokens as string[] | undefined
      for (const key of [...Object.keys(swap ?? {}), ...(tokens ?? [])]) {
        for (const term of key.split('|')) if (term.trim() !== '') terms.add(term.trim())
      }
    }
    const sentences: string[] = []
    const letters: string[] = []
    for (const side of ['before', 'after']) {
      const dir = `${ROOT}fixtures/${side}/`
      for (const name of readdirSync(dir).sort()) {
        const text = readFileSync(dir + name, 'utf8')
        letters.push(text)
        for (const sentence of text.split(/(?<=[.!?])\s+|\n\s*\n/)) {
          const clean = sentence.replace(/\s+/g, ' ').trim()
          if (clean.length > 3 && !clean.startsWith('#')) sentences.push(clean)
        }
      }
    }
    return { ruleTerms: [...terms].sort(), fixtureSentences: sentences, fixtureLetters: letters }
  })()
  return vocabulary
}

const WORDS = [
  'du', 'vi', 'kommunen', 'søknaden', 'hjelp', 'får', 'har', 'skal', 'kan', 'ikke', 'og', 'i', 'på',
  'til', 'om', 'for', 'med', 'at', 'det', 'som', 'en', 'et', 'hjemmesykepleie', 'vedtak', 'bistand',
  'uke', 'tirsdag', 'brev', 'klage', 'frist', 'tjenesten', 'helse', 'omsorg', 'søke', 'betale',
  'egenandel', 'sykehjem', 'plass', 'avlastning', 'tildelingskontoret', 'saksbehandler', 'lege',
  'dokumentasjon', 'opplysninger', 'ordningen', 'støtte', 'timer', 'måned', 'år', 'gjelder', 'fra',
]
const NORDIC = ['ærend', 'øye', 'åpen', 'Ærlig', 'Øvre', 'Ålesund', 'blåbær', 'søsken', 'grønn', 'været', 'ÆØÅ', 'æøå', 'Tromsø', 'Bærum', 'måtte']
/** Decomposed (NFD) forms: «å» as a + ring, «é» as e + acute; ø and æ have no decomposition. */
const NFD = ['a\u030Apen', 'ga\u030Ar', 'ide\u0301', 'kafe\u0301', 'Ba\u030Ard', 'sa\u030A', 'A\u030Alesund', 'fo\u0308r']
const INVISIBLE = ['\u00AD', '\u200B', '\u00A0', '\u200D', '\u200C', '\uFEFF', '\u2060', '\u202F', '\u2009', '\t']
const QUOTES = [['«', '»'], ['“', '”'], ['„', '“'], ['‘', '’'], ['"', '"'], ["'", "'"], ['‹', '›']] as const
const ABBREVIATIONS = ['jf.', 'nr.', 'f.eks.', 'bl.a.', 'fvl. § 28', 'm.m.', 'osv.', 'ca.', 'kl.', 'dvs.', 'pga.', 'iht.', 'ref.', 'evt.', 'tlf.', 'o.l.', 'mv.', 'St.meld.', 'hol. § 3-2', 'jf. fvl. §§ 28–29']
const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember']
const MERGE_FIELDS = ['«Fornavn»', '«Etternavn»', '«Saksbehandler_navn»', '{{felt}}', '{{ navn }}', '[[felt]]', '[[Adresse]]', '<<Dato>>', '${saksnr}', '{{vedrørende}}', '«vedrørende»', '[[i henhold til]]']
const PUNCTUATION = ['.', ',', ';', ':', '!', '?', '…', '–', '—', '-', '(', ')', '[', ']', '/', '...', '?!', '.»', '»', '«', '*', '&', '%', '§', '#', '"', "'"]
const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u007F', '\u2028', '\u2029', '\u200E', '\u202E']
/** What a terminal acts on: CSI/OSC sequences, C1 controls. */
const TERMINAL_ESCAPES = ['\u001B', '\u001B[31m', '\u001B[2J', '\u001B]0;tittel\u0007', '\u001B]8;;https://x.no\u001B\\lenke\u001B]8;;\u001B\\', '\u0085', '\u009B31m', '\u009D']
const LONE_SURROGATES = ['\uD83D', '\uDE00', '\uDBFF\uDBFF', 'a\uDC00b']
const ASTRAL = ['😀', '👍🏽', '🇳🇴', '👨‍👩‍👧', '𝔘𝔫𝔦', '𝟙𝟚', '🏠', '✅', '❤️', '𠜎']
const NYNORSK = [
  'Vi har fått søknaden din om heimesjukepleie.',
  'Kommunen har gjort vedtak om at du får praktisk bistand kvar veke.',
  'Du kan klage på vedtaket innan tre veker etter at du fekk dette brevet.',
  'Ikkje nøl med å ta kontakt dersom noko er uklart.',
  'Vedtaket er gjort etter helse- og omsorgstenestelova § 3-2 første ledd nr. 6.',
  'Me kjem heim til deg kvar tysdag.',
  'Eigendelen er 215 kroner i månaden.',
]

// ---- text shapes ------------------------------------------------------------------------------

type ShapeFn = (r: Random, v: Vocabulary, ctx: ShapeContext) => string
interface ShapeContext {
  eol: string
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

function plainWords(r: Random, v: Vocabulary, count: number): string {
  const words: string[] = []
  for (let i = 0; i < count; i++) {
    const choice = r.int(0, 9)
    if (choice < 6) words.push(r.pick(WORDS))
    else if (choice < 8) words.push(r.pick(v.ruleTerms))
    else words.push(r.pick(NORDIC))
  }
  return words.join(' ')
}

function sentence(r: Random, v: Vocabulary): string {
  return `${capitalise(plainWords(r, v, r.int(2, 18)))}${r.pick(['.', '.', '.', '!', '?', '…', ':'])}`
}

function date(r: Random): string {
  const day = r.int(1, 31)
  const month = r.int(1, 12)
  const year = r.int(1990, 2030)
  return r.pick([
    `${day}. ${MONTHS[month - 1]} ${year}`,
    `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`,
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    `${day}.${month}.${String(year).slice(2)}`,
    `${day}. ${MONTHS[month - 1]}`,
  ])
}

/** Text shapes shared by every format. The text holds no line ending unless the shape is about one. */
const TEXT_SHAPES: Record<string, ShapeFn> = {
  sentence: (r, v) => sentence(r, v),
  'fixture-sentence': (r, v) => r.pick(v.fixtureSentences),
  // A stretch of a real letter (so the decision-letter review runs), in the case's line endings.
  'fixture-letter': (r, v, ctx) => {
    const lines = r.pick(v.fixtureLetters).split('\n')
    const from = r.chance(0.5) ? 0 : r.int(0, lines.length - 1)
    const to = r.chance(0.5) ? lines.length : r.int(from, lines.length)
    return lines.slice(from, to).join(ctx.eol)
  },
  'rule-term': (r, v) => {
    const term = r.pick(v.ruleTerms)
    return r.chance(0.3) ? capitalise(term) : r.chance(0.1) ? term.toUpperCase() : term
  },
  'rule-sentence': (r, v) => `Vi viser til ${r.pick(v.ruleTerms)} ${plainWords(r, v, r.int(0, 6))} ${r.pick(v.ruleTerms)}.`,
  words: (r, v) => plainWords(r, v, r.int(1, 12)),
  nordic: (r) => r.pick(NORDIC),
  nfd: (r, v) => `${r.pick(NFD)} ${r.pick(v.ruleTerms).normalize('NFD')}`,
  invisible: (r, v) => {
    const term = r.pick([...v.ruleTerms, ...WORDS])
    const at = r.int(0, term.length)
    return `${term.slice(0, at)}${r.pick(INVISIBLE)}${term.slice(at)}`
  },
  quotes: (r, v) => {
    const [open, close] = r.pick(QUOTES)
    return `${open}${plainWords(r, v, r.int(1, 5))}${r.chance(0.8) ? close : ''}`
  },
  abbreviation: (r, v) => `${sentence(r, v).slice(0, -1)} ${r.pick(ABBREVIATIONS)} ${plainWords(r, v, r.int(1, 6))}.`,
  date: (r) => `Vedtaket gjelder fra ${date(r)}.`,
  ordinal: (r, v) => `Det ${r.int(1, 99)}. året og ${r.int(1, 12)}. ${plainWords(r, v, r.int(1, 4))}.`,
  'section-ref': (r) =>
    r.pick([
      `etter forvaltningsloven § ${r.int(1, 60)}`,
      `jf. helse- og omsorgstjenesteloven § 3-${r.int(1, 9)} første ledd nr. ${r.int(1, 6)}`,
      `§§ ${r.int(1, 30)}–${r.int(31, 60)}`,
      `§ ${r.int(1, 60)} ${r.pick(['a', 'b', ''])} annet ledd`,
      '§',
    ]),
  'merge-field': (r, v) => `Hei ${r.pick(MERGE_FIELDS)}, ${r.chance(0.5) ? r.pick(v.ruleTerms) : ''} ${r.pick(MERGE_FIELDS)}${r.pick(MERGE_FIELDS)} ${r.pick(v.ruleTerms)}.`,
  'long-word': (r) => {
    let word = ''
    const length = r.int(40, 600)
    while (word.length < length) word += r.pick(['sam', 'hand', 'lings', 'avtale', 'fore', 'legg', 'else', 'ø', 'å', 'kon', 'tor', 'e'])
    return word
  },
  'long-sentence': (r, v) => `${capitalise(plainWords(r, v, r.int(40, 400)))}.`,
  punctuation: (r) => Array.from({ length: r.int(1, 12) }, () => r.pick(PUNCTUATION)).join(r.chance(0.5) ? ' ' : ''),
  control: (r, v) => `${r.pick(WORDS)}${r.pick(CONTROL)}${r.pick(v.ruleTerms)}`,
  'terminal-escape': (r, v) => `${r.pick(v.ruleTerms)}${r.pick(TERMINAL_ESCAPES)} ${r.pick(WORDS)}`,
  'lone-surrogate': (r, v) => `${r.pick(v.ruleTerms)}${r.pick(LONE_SURROGATES)}${r.pick(WORDS)}`,
  astral: (r, v) => `${r.pick(ASTRAL)}${r.pick(v.ruleTerms)}${r.chance(0.5) ? r.pick(ASTRAL) : ''} ${r.pick(ASTRAL)}`,
  nynorsk: (r) => r.pick(NYNORSK),
  numbers: (r) => `${r.int(0, 99999)} kr, ${r.int(0, 100)} %, kl. ${r.int(0, 23)}.${String(r.int(0, 59)).padStart(2, '0')}, tlf. ${r.int(10000000, 99999999)}`,
  space: (r) => r.pick([' ', '  ', '\t', ' \u00A0 ', '']),
}

/** Line-level shapes of plain text (and Markdown, where they mean the same or are literal). */
const LINE_SHAPES: Record<string, ShapeFn> = {
  'line-break': (_r, _v, ctx) => ctx.eol,
  'blank-line': (_r, _v, ctx) => ctx.eol + ctx.eol,
  'many-blank-lines': (r, _v, ctx) => ctx.eol.repeat(r.int(3, 8)) + r.pick(['', ' ', '\t']) + ctx.eol,
  heading: (r, v, ctx) => `${ctx.eol}${ctx.eol}${capitalise(plainWords(r, v, r.int(1, 5)))}${ctx.eol}`,
  'list-item': (r, v, ctx) => `${ctx.eol}${r.pick(['- ', '* ', '• ', '1. ', '2) ', 'a) ', '– '])}${sentence(r, v)}${ctx.eol}`,
  'letterhead': (r, _v, ctx) => `${ctx.eol}${ctx.eol}Lillevik kommune${ctx.eol}Dato: ${date(r)}${ctx.eol}Saksnummer: 25/${r.int(1, 9999)}${ctx.eol}${ctx.eol}`,
  directive: (r, _v, ctx) =>
    `${ctx.eol}${r.pick(['<!-- klarsprak-disable -->', '<!-- klarsprak-enable -->', '<!-- klarsprak-disable-next-line -->', '<!-- klarsprak-disable-next-line nb/kanselliord -->', '<!-- klarsprak-disable nb/kanselliord, nb/setningslengde -->'])}${ctx.eol}`,
  // Known defect (issue 7): lone CR is not a line break for line/column.
  'cr-line-ending': (r) => r.pick(['\r', '\r\r', 'brev.\r\rNy']),
  'crlf-line-ending': (r) => r.pick(['\r\n', '\r\n\r\n']),
}

/** Markdown markup. */
const MD_SHAPES: Record<string, ShapeFn> = {
  'md-heading': (r, v, ctx) => `${ctx.eol}${ctx.eol}${'#'.repeat(r.int(1, 6))} ${capitalise(plainWords(r, v, r.int(1, 6)))}${ctx.eol}${ctx.eol}`,
  'md-setext': (r, v, ctx) => `${ctx.eol}${ctx.eol}${capitalise(plainWords(r, v, r.int(1, 4)))}${ctx.eol}${r.pick(['===', '---'])}${ctx.eol}${ctx.eol}`,
  // Known defect (issue 7): a flagged span that holds markup quotes the blanked text in `actual`.
  'md-inline-markup': (r, v) => {
    const term = r.pick(v.ruleTerms)
    return r.pick([`*${term}*`, `**${term}**`, `_${term}_`, `[${term}](https://example.no/${r.int(1, 99)})`, `\`${term}\``, `~~${term}~~`, `${term}<br>`, `i **henhold** til`])
  },
  'md-link': (r, v) => `[${plainWords(r, v, r.int(1, 4))}](https://kommune.no/a?b=${r.int(1, 9)}) og <https://example.no>`,
  'md-list': (r, v, ctx) =>
    `${ctx.eol}${ctx.eol}${Array.from({ length: r.int(1, 4) }, () => `${r.pick(['-', '*', '+', '1.'])} ${sentence(r, v)}`).join(ctx.eol)}${ctx.eol}${ctx.eol}`,
  'md-code': (r, v, ctx) => `${ctx.eol}${ctx.eol}\`\`\`${ctx.eol}${sentence(r, v)} ${r.pick(v.ruleTerms)}${ctx.eol}\`\`\`${ctx.eol}${ctx.eol}`,
  'md-quote': (r, v, ctx) => `${ctx.eol}${ctx.eol}> ${sentence(r, v)}${ctx.eol}${ctx.eol}`,
  'md-comment': (r, v, ctx) =>
    r.pick([`<!-- ${sentence(r, v)} -->`, `${ctx.eol}<!-- klarsprak-disable -->${ctx.eol}`, `${ctx.eol}<!-- klarsprak-disable-next-line -->${ctx.eol}`, `${ctx.eol}<!-- klarsprak-enable -->${ctx.eol}`, '<!-- uavsluttet']),
  'md-html': (r, v) => `<span>${sentence(r, v)}</span>`,
  'md-table': (r, v, ctx) => `${ctx.eol}${ctx.eol}| a | b |${ctx.eol}|---|---|${ctx.eol}| ${r.pick(v.ruleTerms)} | ${sentence(r, v)} |${ctx.eol}${ctx.eol}`,
  'md-frontmatter-like': (_r, _v, ctx) => `${ctx.eol}---${ctx.eol}tittel: x${ctx.eol}---${ctx.eol}`,
}

/** HTML markup. Each shape is a fragment of the <body>. */
const HTML_SHAPES: Record<string, ShapeFn> = {
  'html-paragraph': (r, v) => `<p>${sentence(r, v)} ${r.pick(v.ruleTerms)}.</p>`,
  'html-heading': (r, v) => `<h${r.int(1, 6)}>${capitalise(plainWords(r, v, r.int(1, 5)))}</h${r.int(1, 6)}>`,
  'html-nested': (r, v) => {
    const tags = Array.from({ length: r.int(1, 8) }, () => r.pick(['div', 'span', 'b', 'i', 'em', 'strong', 'section', 'article', 'a href="x"', 'p']))
    return `${tags.map((tag) => `<${tag}>`).join('')}${sentence(r, v)}${tags.reverse().map((tag) => (r.chance(0.85) ? `</${tag.split(' ')[0]}>` : '')).join('')}`
  },
  'html-entities': (r, v) =>
    `<p>${r.pick(v.ruleTerms)} ${r.pick(['&amp;', '&nbsp;', '&lt;', '&aring;', '&oslash;', '&AElig;', '&#229;', '&#x1F600;', '&shy;', '&#8203;', '&quot;', '&laquo;', '&raquo;', '&unknown;', '&#0;', '&#x110000;', '&'])}${r.pick(v.ruleTerms)}</p>`,
  'html-script': (r, v) => r.pick([`<script>var s = "${r.pick(v.ruleTerms)}";</script>`, `<style>p { color: red }</style>`, '<noscript>Slå på JavaScript</noscript>', '<template><p>vedrørende</p></template>']),
  'html-list': (r, v) => `<ul>${Array.from({ length: r.int(1, 4) }, () => `<li>${sentence(r, v)}</li>`).join('')}</ul>`,
  'html-table': (r, v) => `<table><tr><td>${r.pick(v.ruleTerms)}</td><td>${sentence(r, v)}</td></tr></table>`,
  'html-comment': (r, v) => r.pick([`<!-- ${sentence(r, v)} -->`, '<!-- klarsprak-disable -->', '<!-- klarsprak-enable -->', '<!-- klarsprak-disable-next-line -->']),
  'html-br': (r) => r.pick(['<br>', '<br/>', '<hr>', '<wbr>']),
  'html-inline': (r, v) => `<p>Vi viser til <b>${r.pick(v.ruleTerms)}</b> og <a href="#">${r.pick(v.ruleTerms)}</a>.</p>`,
}

export interface GenerateOptions {
  /** Also generate the shapes in KNOWN_DEFECT_SHAPES. */
  includeKnown?: boolean
  /** Force one format. */
  format?: Format
  /** Turn on only these of the KNOWN_DEFECT_SHAPES entries (to reproduce one defect alone). */
  enableKnown?: readonly string[]
  /** The path the case is for: KNOWN_DEFECT_SHAPES entries can be scoped to one («shape@cli»). */
  path?: 'api' | 'cli' | 'bin'
  /** Most parts in a case. */
  maxParts?: number
}

const FORMAT_WEIGHTS: ReadonlyArray<readonly [Format, number]> = [
  ['txt', 5],
  ['md', 2],
  ['html', 2],
  ['docx', 1],
  ['odt', 1],
]

/** Checks that a «check:NAME» entry of KNOWN_DEFECT_SHAPES can switch off. */
export const KNOWN_DEFECT_CHECKS: readonly string[] = ['md-actual-source']

/** Is a check switched off by a «check:NAME» entry (and not turned on by --known / --enable)? */
export function isKnownDefectCheck(name: string, options: Pick<GenerateOptions, 'includeKnown' | 'enableKnown'> = {}): boolean {
  const entry = `check:${name}`
  return KNOWN_DEFECT_SHAPES.includes(entry) && !options.includeKnown && !(options.enableKnown ?? []).includes(entry)
}

/** Is a shape switched off for this path by KNOWN_DEFECT_SHAPES («shape» or «shape@cli»)? */
export function isKnownDefect(shape: string, path: 'api' | 'cli' | 'bin' | 'lint', enable: readonly string[] = []): boolean {
  const scope = path === 'bin' ? 'cli' : path
  return KNOWN_DEFECT_SHAPES.some((entry) => (entry === shape || entry === `${shape}@${scope}`) && !enable.includes(entry))
}

function shapesFor(format: Format, path: 'api' | 'cli' | 'bin', includeKnown: boolean, enable: readonly string[]): Record<string, ShapeFn> {
  const all: Record<string, ShapeFn> =
    format === 'txt'
      ? { ...TEXT_SHAPES, ...LINE_SHAPES }
      : format === 'md'
        ? { ...TEXT_SHAPES, ...LINE_SHAPES, ...MD_SHAPES }
        : format === 'html'
          ? { ...TEXT_SHAPES, ...HTML_SHAPES }
          : TEXT_SHAPES
  if (includeKnown) return all
  return Object.fromEntries(Object.entries(all).filter(([name]) => !isKnownDefect(name, path, enable)))
}

/** Every shape name (for reports and to check KNOWN_DEFECT_SHAPES names real shapes). */
export const ALL_SHAPES: readonly string[] = [
  ...Object.keys(TEXT_SHAPES),
  ...Object.keys(LINE_SHAPES),
  ...Object.keys(MD_SHAPES),
  ...Object.keys(HTML_SHAPES),
]

/** Office formats cannot carry XML-invalid characters: the file would be damaged, not text. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** A random case from its seed. */
export function generateCase(seed: number, v: Vocabulary, options: GenerateOptions = {}): Case {
  const r = new Random(seed)
  // Drawn even when forced, so a seed makes the same parts whichever format is asked for.
  const drawn = r.weighted(FORMAT_WEIGHTS)
  const format = options.format ?? drawn
  const shapes = shapesFor(format, options.path ?? 'api', options.includeKnown ?? false, options.enableKnown ?? [])
  const names = Object.keys(shapes)
  const ctx: ShapeContext = { eol: r.pick(['\n', '\n', '\r\n']) }
  const maxParts = options.maxParts ?? 40
  const count = r.chance(0.1) ? r.int(0, 3) : r.int(1, maxParts)
  // Favour a few shapes per case, so interactions between them come up often.
  const favourites = Array.from({ length: r.int(1, 4) }, () => r.pick(names))
  const parts: Part[] = []
  for (let i = 0; i < count; i++) {
    const shape = r.chance(0.5) ? r.pick(favourites) : r.pick(names)
    let text = shapes[shape]!(r, v, ctx)
    const separator = r.pick([' ', ' ', ' ', '', ctx.eol])
    if (format === 'docx' || format === 'odt') {
      text = text.replace(XML_INVALID, '')
      parts.push({ shape, text, kind: r.weighted<ParagraphKind>([['p', 6], ['h', 1], ['li', 2]]) })
    } else {
      parts.push({ shape, text: i === 0 ? text : separator + text })
    }
  }
  return { seed, format, parts, ...(options.includeKnown ? { includeKnown: true } : {}), ...(options.enableKnown?.length ? { enableKnown: options.enableKnown } : {}) }
}

// ---- rendering --------------------------------------------------------------------------------

export function fileName(format: Format): string {
  return `dokument.${format}`
}

/** The file's bytes. */
export function render(c: Case): Uint8Array {
  switch (c.format) {
    case 'txt':
    case 'md':
      return new TextEncoder().encode(c.parts.map((part) => part.text).join(''))
    case 'html':
      return new TextEncoder().encode(
        `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Brev</title></head><body>${c.parts.map((part) => part.text).join('')}</body></html>`,
      )
    case 'docx':
      return docx(c.parts)
    case 'odt':
      return odt(c.parts)
  }
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

const MTIME = new Date(2025, 2, 25, 12, 0, 0)

/** A zip from [name, content, stored?] entries in order, fixed timestamps (as office.js builds them). */
function zip(entries: Array<[string, string, boolean?]>): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]> = {}
  for (const [name, content, stored] of entries) files[name] = [strToU8(content), { level: stored ? 0 : 6, mtime: MTIME }]
  return zipSync(files, { mtime: MTIME })
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** Word text with its line breaks and tabs as Word writes them, split into several runs. */
function wordRuns(text: string): string {
  const runs: string[] = []
  for (const [i, line] of text.split(/\r\n|\r|\n/).entries()) {
    if (i > 0) runs.push('<w:r><w:br/></w:r>')
    for (const [j, piece] of line.split('\t').entries()) {
      if (j > 0) runs.push('<w:r><w:tab/></w:r>')
      // Split at a word boundary into two runs, so the loader must join runs.
      const cut = piece.indexOf(' ', Math.floor(piece.length / 2))
      const chunks = cut > 0 ? [piece.slice(0, cut), piece.slice(cut)] : [piece]
      for (const chunk of chunks) runs.push(`<w:r><w:t xml:space="preserve">${esc(chunk)}</w:t></w:r>`)
    }
  }
  return runs.join('')
}

/**
 * A minimal but complete .docx in the shape of test/fixtures-build/office.js (content types,
 * package and document relationships, styles with «heading 1» and «List Paragraph», numbering).
 */
export function docx(parts: Part[]): Uint8Array {
  const body = parts
    .map((part) => {
      const properties =
        part.kind === 'h'
          ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
          : part.kind === 'li'
            ? '<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            : ''
      return `<w:p>${properties}${wordRuns(part.text)}</w:p>`
    })
    .join('')
  const styles = `${XML_DECL}<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style></w:styles>`
  const numbering = `${XML_DECL}<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
  return zip([
    [
      '[Content_Types].xml',
      `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${CT}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="${CT}.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="${CT}.numbering+xml"/></Types>`,
    ],
    ['_rels/.rels', `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`],
    ['word/document.xml', `${XML_DECL}<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`],
    [
      'word/_rels/document.xml.rels',
      `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="${REL}/numbering" Target="numbering.xml"/></Relationships>`,
    ],
    ['word/styles.xml', styles],
    ['word/numbering.xml', numbering],
  ])
}

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'

function odfInline(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .split('\t')
        .map((piece) => esc(piece).replace(/ {2,}/g, (spaces) => ` <text:s text:c="${spaces.length - 1}"/>`))
        .join('<text:tab/>'),
    )
    .join('<text:line-break/>')
}

/** A minimal .odt in the shape of office.js: «mimetype» first and stored, manifest, content, styles. */
export function odt(parts: Part[]): Uint8Array {
  const out: string[] = []
  let inList = false
  for (const part of parts) {
    const list = part.kind === 'li'
    if (list && !inList) out.push('<text:list>')
    if (!list && inList) out.push('</text:list>')
    inList = list
    const inner = odfInline(part.text)
    if (part.kind === 'h') out.push(`<text:h text:style-name="Heading_20_1" text:outline-level="1">${inner}</text:h>`)
    else if (list) out.push(`<text:list-item><text:p>${inner}</text:p></text:list-item>`)
    else out.push(`<text:p text:style-name="Text_20_body">${inner}</text:p>`)
  }
  if (inList) out.push('</text:list>')
  const mimetype = 'application/vnd.oasis.opendocument.text'
  return zip([
    ['mimetype', mimetype, true],
    ['content.xml', `${XML_DECL}<office:document-content ${ODF_NS} office:version="1.3"><office:body><office:text>${out.join('')}</office:text></office:body></office:document-content>`],
    ['styles.xml', `${XML_DECL}<office:document-styles ${ODF_NS} office:version="1.3"><office:styles><style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/></office:styles></office:document-styles>`],
    [
      'META-INF/manifest.xml',
      `${XML_DECL}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    ],
  ])
}

/** A short, readable description of a case, for failure messages. */
export function describe(c: Case): string {
  const shapes = [...new Set(c.parts.map((part) => part.shape))].join(', ')
  const body =
    c.format === 'docx' || c.format === 'odt'
      ? JSON.stringify(c.parts.map((part) => ({ kind: part.kind, text: part.text })))
      : JSON.stringify(c.parts.map((part) => part.text).join(''))
  return `format ${c.format}, seed ${c.seed}, shapes [${shapes}]\n  input: ${body}`
}
