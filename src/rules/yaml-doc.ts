import type { Alias, Document, ErrorCode, LineCounter, Node, Pair, Scalar, YAMLMap } from 'yaml'
import { UserError } from '../errors.js'
import { yamlLib } from '../yaml.js'

/**
 * Most values a file may produce through aliases and merge keys (`*a`, `<<: *a`). A real rule or
 * config file stays far below it; a «billion laughs» file reaches it after a few milliseconds
 * and is refused with one error at the alias that crossed it.
 */
export const MAX_ALIAS_EXPANSION = 10_000

/**
 * The problem behind each YAML error code, in Norwegian. The yaml library's own messages are
 * never shown: some quote the source («Unexpected scalar token in YAML stream: "…"»), and a
 * config may point `extends:` at a file that is not YAML at all (a key, /etc/shadow).
 */
const PROBLEMS: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: 'feil innrykk, eller en liste eller tabell som ikke er lukket',
  TAB_AS_INDENT: 'tabulator brukt som innrykk; bruk mellomrom',
  MISSING_CHAR: 'mangler et tegn, for eksempel et avsluttende anførselstegn eller en klamme',
  DUPLICATE_KEY: 'samme nøkkel står to ganger i samme tabell',
  BLOCK_AS_IMPLICIT_KEY: 'to kolon på samme linje; sett verdien i anførselstegn',
  MULTILINE_IMPLICIT_KEY: 'en nøkkel må stå på én linje',
  KEY_OVER_1024_CHARS: 'nøkkelen er lengre enn 1024 tegn',
  BAD_SCALAR_START: 'verdien begynner med et tegn YAML reserverer (@ eller `); sett den i anførselstegn',
  BAD_DQ_ESCAPE: 'ugyldig \\-sekvens i tekst med doble anførselstegn',
  MULTIPLE_DOCS: 'filen har flere YAML-dokumenter (---); bare ett er tillatt',
  MULTIPLE_ANCHORS: 'en verdi har to ankere (&)',
  MULTIPLE_TAGS: 'en verdi har to tagger (!)',
  ALIAS_PROPS: 'et alias (*) kan ikke ha anker eller tagg',
  BAD_ALIAS: 'ugyldig alias (*)',
  BAD_DIRECTIVE: 'ugyldig direktiv (%)',
  RESOURCE_EXHAUSTION: 'filen er for stor eller for dypt nestet',
}

const GENERIC = 'uventet tegn eller struktur'

/** A key of a mapping with its value; aliases resolved, merge keys (`<<`) expanded. */
export interface Entry {
  key: string
  /** Offset of the key in the file (for merged keys: of the `<<`). */
  keyAt: number
  /** The value, aliases followed; null when empty. */
  value: Node | null
  /** The value as written (an alias stays an alias), for toJS to count expansions. */
  node: Node | null
  /** Set when the entry came in through a merge key. */
  merged: boolean
  /** Offset to report a problem with the value at: where it is written, or its alias. */
  valueAt: number
}

/**
 * One YAML file as the rule and config loaders read it: syntax errors in Norwegian with
 * file:line:col, aliases resolved in one pass (bounded by MAX_ALIAS_EXPANSION, cycles refused),
 * merge keys expanded, and plain values built with every key as data (`__proto__` included).
 * Methods throw UserError with the position of the offending node.
 */
export class YamlFile {
  /** Syntax errors, in file order. A file with any is not read further. */
  readonly errors: UserError[] = []
  readonly root: Node | null
  private readonly lineCounter: LineCounter
  private readonly targets = new Map<Alias, Node | undefined>()
  private expanded = 0

  constructor(
    source: string,
    readonly file: string,
  ) {
    const { LineCounter: Counter, parseDocument, visit, isAlias } = yamlLib()
    this.lineCounter = new Counter()
    const doc: Document.Parsed = parseDocument(source, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true })
    for (const error of doc.errors) this.errors.push(this.problem(error.pos[0], `ugyldig YAML: ${PROBLEMS[error.code] ?? GENERIC}`))
    this.root = doc.contents
    // Anchors in document order: an alias means the last anchor of its name before it. One
    // pass over the file; the library's own resolution walks the whole document per alias.
    const anchors = new Map<string, Node>()
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) this.targets.set(node, anchors.get(node.source))
        else if (node.anchor) anchors.set(node.anchor, node)
      },
    })
  }

  /** A UserError at an offset (or a node's start) of this file. */
  problem(at: number | Node | null | undefined, message: string): UserError {
    const offset = typeof at === 'number' ? at : (at?.range?.[0] ?? 0)
    const pos = this.lineCounter.linePos(offset)
    return new UserError(message, this.file, pos.line, pos.col)
  }

  /** The node an alias stands for (the node itself when it is no alias). */
  resolve(node: Node | null | undefined): Node | null {
    const { isAlias } = yamlLib()
    if (node === null || node === undefined) return null
    if (!isAlias(node)) return node
    const target = this.targets.get(node)
    if (!target) throw this.problem(node, 'aliaset (*) viser til et anker (&) som ikke finnes foran det')
    return target
  }

  /** The entries of a mapping, in order, with `<<` merges expanded (own keys win). */
  entries(map: YAMLMap, active = new Set<Node>()): Entry[] {
    const { isMap, isSeq } = yamlLib()
    if (active.has(map)) throw this.problem(map, 'aliasene går i ring: en tabell slår sammen seg selv')
    active.add(map)
    const keyed = (map.items as Pair[]).map((pair) => ({ pair, key: this.keyOf(pair) }))
    const own = new Set(keyed.flatMap(({ key }) => (key === undefined ? [] : [key])))
    const merged = new Set<string>()
    const result: Entry[] = []
    for (const { pair, key } of keyed) {
      const keyAt = offsetOf(pair.key) ?? 0
      const valueNode = pair.value as Node | null
      const valueAt = offsetOf(valueNode) ?? keyAt
      if (key !== undefined) {
        result.push({ key, keyAt, value: this.resolve(valueNode), node: valueNode, merged: false, valueAt })
        continue
      }
      // A merge key: the entries of one map, or of a list of maps (earlier ones win).
      const value = this.resolve(valueNode)
      const sources = isSeq(value) ? (value.items as Node[]).map((item) => this.resolve(item)) : [value]
      for (const source of sources) {
        if (!isMap(source)) throw this.problem(valueAt, '«<<» må vise til en tabell eller en liste med tabeller')
        for (const entry of this.entries(source, active)) {
          this.count(valueAt)
          if (own.has(entry.key) || merged.has(entry.key)) continue
          merged.add(entry.key)
          result.push({ ...entry, keyAt, valueAt, merged: true })
        }
      }
    }
    active.delete(map)
    return result
  }

  /** The entry of a mapping with this key, if any. */
  get(map: YAMLMap, key: string): Entry | undefined {
    return this.entries(map).find((entry) => entry.key === key)
  }

  /**
   * A node as a plain value: strings, numbers, booleans, null, arrays and objects whose keys
   * are all own data properties (a key `__proto__` is a key like any other).
   */
  toJS(node: Node | null | undefined): unknown {
    return this.value(node, new Set(), undefined)
  }

  /** `viaAlias`: offset of the alias or merge this value is a copy through, when it is one. */
  private value(node: Node | null | undefined, active: Set<Node>, viaAlias: number | undefined): unknown {
    const { isAlias, isMap, isScalar, isSeq } = yamlLib()
    if (node === null || node === undefined) return null
    if (isAlias(node)) {
      const target = this.resolve(node)!
      if (active.has(target)) throw this.problem(node, 'aliaset (*) viser til verdien det selv står i, så aliasene går i ring')
      return this.value(target, active, viaAlias ?? offsetOf(node) ?? 0)
    }
    if (viaAlias !== undefined) this.count(viaAlias)
    if (isScalar(node)) return (node as Scalar).value
    if (active.has(node)) throw this.problem(viaAlias ?? node, 'aliasene (*) eller sammenslåingene (<<) går i ring: en verdi inneholder seg selv')
    active.add(node)
    try {
      if (isSeq(node)) return (node.items as Node[]).map((item) => this.value(item, active, viaAlias))
      if (isMap(node)) {
        const object: Record<string, unknown> = {}
        for (const entry of this.entries(node)) {
          Object.defineProperty(object, entry.key, {
            value: this.value(entry.node, active, viaAlias ?? (entry.merged ? entry.valueAt : undefined)),
            enumerable: true,
            writable: true,
            configurable: true,
          })
        }
        return object
      }
    } finally {
      active.delete(node)
    }
    throw this.problem(node, GENERIC)
  }

  /** The key of a pair as text, or undefined for a merge key (`<<`, unquoted). */
  private keyOf(pair: Pair): string | undefined {
    const { isScalar } = yamlLib()
    const keyNode = pair.key as Node | null
    const key = this.resolve(keyNode)
    if (key !== null && !isScalar(key)) throw this.problem(keyNode, 'en nøkkel må være en tekst, ikke en liste eller tabell')
    if (isScalar(keyNode) && keyNode.value === '<<' && keyNode.type === 'PLAIN') return undefined
    return key === null ? '' : String((key as Scalar).value)
  }

  private count(at: number): void {
    if (++this.expanded > MAX_ALIAS_EXPANSION) {
      throw this.problem(
        at,
        `aliasene (*) og sammenslåingene (<<) i filen gir mer enn 10 000 verdier. Skriv verdiene ut i stedet for å gjenta alias i alias.`,
      )
    }
  }
}

function offsetOf(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0]
}
