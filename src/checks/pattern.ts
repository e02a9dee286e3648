import { toSuggestions } from '../rules/schema.js'
import { boundedRegExp } from './bounded.js'
import type { Finding } from '../types.js'
import type { CheckType } from './check.js'
import { substitution } from './substitution.js'

/**
 * Letters and digits for `\w` and `\b` in rule patterns. JavaScript's own `\w`/`\b` know only
 * ASCII, so «forestår» would end a word at «å». Latin-1 and Latin Extended-A/B cover Norwegian,
 * Sámi and other Latin-script names; explicit ranges compile far faster than `\p{L}` (measured:
 * ~90 ms → ~10 ms to compile the bokmål pack's patterns at start-up).
 */
export const WORD_RANGES = '0-9A-Za-zÀ-ÖØ-öø-ɏ'
const WORD = `[${WORD_RANGES}]`
const WORD_BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`

/** Rewrite `\b`, `\w` and `\W` to their Norwegian meaning, inside and outside character classes. */
export function norwegianise(source: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!
    if (ch === '\\') {
      const next = source[i + 1] ?? ''
      i++
      if (next === 'w') out += inClass ? WORD_RANGES : WORD
      else if (next === 'W' && !inClass) out += `[^${WORD_RANGES}]`
      else if (next === 'b' && !inClass) out += WORD_BOUNDARY
      else out += ch + next
      continue
    }
    if (ch === '[' && !inClass) inClass = true
    else if (ch === ']' && inClass) inClass = false
    out += ch
  }
  return out
}

export function compilePattern(source: string, ignorecase: boolean): RegExp {
  // Match indices (the `d` flag) cost time; only a `span` group needs them.
  const flags = `g${source.includes('(?<span>') ? 'd' : ''}${ignorecase ? 'i' : ''}u`
  return norwegianRegExp(source, flags)
}

/**
 * The pattern with every `\b` that is not inside a negative look-around removed. It matches
 * wherever the pattern does (dropping a boundary only allows more), and with no look-around to
 * try at every position V8 scans for its first characters: a cheap test to skip a sentence.
 * Inside `(?!…)` a boundary must stay, or the look-around would exclude more.
 */
export function relaxBoundaries(source: string): string | undefined {
  let out = ''
  let inClass = false
  let changed = false
  const groups: boolean[] = [] // per open group: is it (or an outer one) a negative look-around?
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!
    if (ch === '\\') {
      const next = source[i + 1] ?? ''
      i++
      if (next === 'b' && !inClass && !groups.at(-1)) {
        changed = true
        continue
      }
      out += ch + next
      continue
    }
    if (inClass) {
      if (ch === ']') inClass = false
    } else if (ch === '[') {
      inClass = true
    } else if (ch === '(') {
      const negative = source.startsWith('?!', i + 1) || source.startsWith('?<!', i + 1)
      groups.push(negative || (groups.at(-1) ?? false))
    } else if (ch === ')') {
      groups.pop()
    }
    out += ch
  }
  return changed ? out : undefined
}

/**
 * A RegExp that first asks its boundary-free relaxation whether the text can match at all. The
 * pattern itself is made by boundedRegExp (a plain RegExp with a backtrack limit) and given this
 * prototype, so it stays one RegExp object.
 */
class PrefilteredRegExp extends RegExp {
  declare prefilter: RegExp

  override exec(text: string): RegExpExecArray | null {
    // A global search continuing from lastIndex > 0 has passed the prefilter already.
    if (this.lastIndex === 0 && !this.prefilter.test(text)) return null
    return super.exec(text)
  }
}

/**
 * A rule-data regular expression: Norwegian `\b`/`\w`, with a prefilter when it has boundaries,
 * and a bound on backtracking (see bounded.ts). The `u` flag is kept only where the source needs
 * it (`\p{…}`, `\u{…}`, `\k<…>`): with it, V8 builds the case-insensitive closure of every class
 * over all of Unicode when it compiles the pattern. Norwegian text is in the Basic Multilingual
 * Plane, and case-insensitive æøå match without it.
 */
export function norwegianRegExp(source: string, flags: string): RegExp {
  const effective = /\\[pPu]\{|\\k</.test(source) ? flags : flags.replace('u', '')
  const relaxed = relaxBoundaries(source)
  const regex = boundedRegExp(norwegianise(source), effective)
  if (relaxed === undefined) return regex
  const prefilter = boundedRegExp(norwegianise(relaxed), effective.replace(/[gyd]/g, ''))
  Object.setPrototypeOf(regex, PrefilteredRegExp.prototype)
  ;(regex as PrefilteredRegExp).prefilter = prefilter
  return regex
}

/**
 * A pattern that starts with `\b` is compiled without it and the boundary is checked in code:
 * a leading look-around keeps V8 from skipping ahead to the pattern's first characters, which
 * made pattern rules 2–3× slower. Retrying one character further on keeps the result exact.
 */
export function compileLeading(source: string, ignorecase: boolean): { regex: RegExp; leadingBoundary: boolean } {
  const leadingBoundary = source.startsWith('\\b')
  return { regex: compilePattern(leadingBoundary ? source.slice(2) : source, ignorecase), leadingBoundary }
}

const WORD_CHAR = new RegExp(WORD, 'u')
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD_CHAR.test(ch)

/** Is there a Norwegian word boundary at `index`? (For patterns whose leading `\\b` is checked in code.) */
export function atBoundary(text: string, index: number): boolean {
  return isWordChar(text[index - 1]) !== isWordChar(text[index])
}

/** Does the pattern match an empty string somewhere (then it would flag every position)? */
export function matchesEmpty(regex: RegExp): boolean {
  const probe = new RegExp(regex.source, `${regex.flags.replace(/[gyd]/g, '')}y`)
  // Positions that differ for look-arounds and anchors: the empty text, at, between, before and
  // after word characters, spaces and punctuation.
  for (const text of ['', 'a', 'a a', 'a.', '. a']) {
    for (let i = 0; i <= text.length; i++) {
      probe.lastIndex = i
      const match = probe.exec(text)
      if (match && match[0] === '') return true
    }
  }
  return false
}

/**
 * Was a search stopped by the backtrack bound (bounded.ts) rather than finding nothing? V8 gives
 * «no match» either way, so a probe answers it exactly: the same pattern with one more
 * alternative, the end of the text, which a search that runs to completion always finds. Run from
 * the same place with the same bound, the probe takes the same steps: it finds the end unless the
 * bound stopped it, so its «no match» is the bound's, on every machine.
 *
 * The probe runs only after a search that was slow (the bound's 1,000,000 steps take milliseconds;
 * an ordinary search over a sentence, microseconds), so ordinary sentences cost nothing extra.
 */
const SLOW_SEARCH_MS = 1
const PROBE_END = 'klarsprakSlutt'
const probes = new WeakMap<RegExp, RegExp>()

function searchWasStopped(regex: RegExp, slice: string, from: number): boolean {
  let probe = probes.get(regex)
  if (!probe) {
    probe = boundedRegExp(`(?:${regex.source})|(?<${PROBE_END}>$)`, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`)
    probes.set(regex, probe)
  }
  probe.lastIndex = from
  return probe.exec(slice) === null
}

export const STOPPED_PATTERN_MESSAGE =
  'Mønsteret i denne regelen tok for lang tid på setningen og ble stoppet etter 1 000 000 forsøk, så setningen er ikke sjekket med regelen. ' +
  'Be den som forvalter regelen om å skrive mønsteret enklere (uten nestede gjentakelser som «(a+)+»).'

/** Regular expressions over each sentence: nominalisations, passive constructions. */
export const pattern: CheckType = {
  type: 'pattern',
  summary: 'regulære uttrykk over hver setning (med unntaksliste)',
  keys: {
    pattern: { kind: 'string', required: true, doc: 'JavaScript-regex; \\w og \\b kjenner æøå; (?<span>…) markerer delen som flagges' },
    ignorecase: substitution.keys.ignorecase!,
    exceptions: { kind: 'string-list', doc: 'treff (det flaggede) som ikke skal flagges' },
    suggest: { kind: 'suggestions', doc: 'fast forslag' },
  },
  validate(options) {
    let regex: RegExp
    try {
      regex = compilePattern(options.pattern as string, options.ignorecase !== false)
    } catch (error) {
      return [['pattern', `ugyldig regulært uttrykk: ${(error as Error).message}`]]
    }
    if (matchesEmpty(regex)) {
      return [['pattern', 'treffer den tomme teksten (f.eks. «a*» eller «x|»), og ville flagget overalt. Skriv mønsteret slik at hvert treff har minst ett tegn']]
    }
    return []
  },
  compile(rule, index) {
    const { regex, leadingBoundary } = compileLeading(rule.options.pattern as string, rule.options.ignorecase !== false)
    const exceptions = new Set(((rule.options.exceptions as string[] | undefined) ?? []).map((e) => e.toLowerCase()))
    const expected = toSuggestions(rule.options.suggest)
    return ({ analysis }, out) => {
      const { text } = analysis
      // A rule whose pattern was stopped by the backtrack bound is named once per document.
      let stoppedNoticed = false
      for (const sentence of analysis.sentences) {
        if (sentence.endWord === sentence.firstWord) continue
        const slice = text.slice(sentence.start, sentence.end)
        regex.lastIndex = 0
        let match: RegExpExecArray | null
        let from = 0
        let started = performance.now()
        while (true) {
          from = regex.lastIndex
          started = performance.now()
          if ((match = regex.exec(slice)) === null) break
          if (match[0] === '' || (leadingBoundary && !atBoundary(slice, match.index))) {
            regex.lastIndex = match.index + 1
            continue
          }
          const span = match.indices?.groups?.span ?? [match.index, match.index + match[0].length]
          const flagged = slice.slice(span[0], span[1])
          if (exceptions.has(flagged.toLowerCase())) continue
          const finding: Finding = { rule: index, start: sentence.start + span[0], end: sentence.start + span[1] }
          if (expected) finding.expected = expected
          out.push(finding)
        }
        if (!stoppedNoticed && performance.now() - started > SLOW_SEARCH_MS && searchWasStopped(regex, slice, from)) {
          stoppedNoticed = true
          out.push({ rule: index, start: sentence.start, end: sentence.end, severity: 'info', message: STOPPED_PATTERN_MESSAGE })
        }
      }
    }
  },
}
