/** Shared data types. Plain records only: they flow through the hot path. */

export type Severity = 'error' | 'warning' | 'info'

/** Severities ordered by rank; compare ranks, never raw strings. */
export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 }
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']

export type Language = 'nb' | 'nn' | 'en'

/** How a document is reviewed: as a decision letter (vedtak) or as general text. */
export type Profile = 'vedtak' | 'general'

/** One element a decision letter must or should contain, as a check found it. */
export interface VedtakElementResult {
  id: string
  /** Norwegian label for the checklist («Klagefrist»). */
  label: string
  /** Does the condition for this element hold (e.g. «only when a service is reduced»)? */
  applies: boolean
  present: boolean
  /** The law or guidance that asks for it, in plain Norwegian («forvaltningsloven § 27»). */
  basis: string
  /** error for a legal requirement, warning for good practice. */
  level: Severity
  /** Offsets of the sentence that shows it, when present. */
  evidence?: { start: number; end: number }
}

/** What the decision-letter review found in one document. */
export interface VedtakResult {
  detected: boolean
  /** innvilget, delvis, avslag, redusert or stanset, when the decision is found. */
  outcome?: string
  elements: VedtakElementResult[]
}

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-cell'

/** Where a block is in the original document, for formats without useful lines (Word, PDF). */
export interface BlockLocation {
  /** 1-based page, when the format knows pages. */
  page?: number
  /** 1-based paragraph number: on its page when `page` is set, else in the document. */
  paragraph: number
}

/** A unit of layout as the reader meets it: each is segmented on its own. */
export interface Block {
  kind: BlockKind
  start: number
  end: number
  location?: BlockLocation
  /**
   * Where outside the body the block comes from (Word/ODF). Headers and footers repeat on every
   * page, so they are checked but left out of the readability figures.
   */
  part?: 'header' | 'footer' | 'note'
}

/** A merge field in a letter template («Fornavn», {{navn}}, MERGEFIELD …): not prose. */
export interface Placeholder {
  start: number
  end: number
}

/** An inline `klarsprak-disable…` comment found by a loader. */
export interface Directive {
  /** `ignore`: a «klarsprak: ignorer» comment on the flagged words (document comments only). */
  kind: 'disable' | 'enable' | 'disable-next-line' | 'ignore'
  /** Rule ids; empty means every rule. */
  rules: string[]
  /** 1-based line the comment is on. */
  line: number
  /**
   * Set for directives from Word/OpenDocument comments, which have offsets, not lines:
   * disable/enable take effect from `start`; disable-next-line and ignore cover [start, end).
   */
  range?: { start: number; end: number }
}

/** What every loader produces: the text to analyse and its structure. */
export interface Document {
  path: string
  format: string
  /** Extracted text; offsets in findings point into it. */
  text: string
  blocks: Block[]
  directives: Directive[]
  /** Merge fields found by the loader (e.g. Word fields); pattern-based ones are added centrally. */
  placeholders?: Placeholder[]
  /**
   * The file's characters as read, when `text` differs from them (Markdown blanks its markup):
   * same length and line layout as `text`. `actual` and excerpts are taken from it.
   */
  source?: string
  /** The encoding a text file was read in, when the loader decoded bytes itself (txt, md, html). */
  encoding?: string
  /**
   * One-line Norwegian notices about how the file was read, for the CLI to print as warnings
   * (an encoding that was guessed, invalid characters replaced). Never findings.
   */
  notices?: string[]
}

export interface Point {
  line: number
  column: number
  offset: number
}

/** A finding as checks produce it: cheap, no message text yet. */
export interface Finding {
  /** Index into the compiled rule list. */
  rule: number
  start: number
  end: number
  /** Suggestions; undefined = no suggestion, [] = rewrite or remove. */
  expected?: string[]
  /** Extra placeholder values for the message template. */
  data?: Record<string, string | number>
  /** Overrides the rule's level (e.g. a very long sentence is an error). */
  severity?: Severity
  /** Overrides the rule's message (the notice that a rule's findings were capped). */
  message?: string
}

/** Where a diagnostic starts in the document's structure (JSON `position`); all 1-based. */
export interface Position {
  /** Number of the block (heading, paragraph, list item, table cell) in document order. */
  block: number
  /** As in `location` when the loader knows paragraphs, else the block number. */
  paragraph: number
  /** As in `location`, for paged formats. */
  page?: number
}

export interface Diagnostic {
  ruleId: string
  severity: Severity
  message: string
  note: string
  start: Point
  end: Point
  location?: string
  position?: Position
  actual: string
  expected?: string[]
  /**
   * [start, end) offsets of the sentence to quote in human formats, null for none. A
   * non-enumerable property: JSON leaves it out without copying the report.
   */
  context?: [number, number] | null
}

export interface Metrics {
  words: number
  sentences: number
  longWords: number
  lix: number | null
  lixBand: string | null
  meanSentenceLength: number | null
  maxSentenceLength: number
  longSentences: number
  paragraphs: number
  ovix: number | null
}

/** A checklist element as reported (JSON `vedtak.elements`). */
export interface VedtakElementReport {
  id: string
  label: string
  present: boolean
  applies: boolean
  basis: string
  level: Severity
  evidence?: { start: Point; end: Point; location?: string; text: string }
}

export interface FileReport {
  path: string
  format: string
  language?: Language
  profile?: Profile
  metrics?: Metrics
  diagnostics: Diagnostic[]
  vedtak?: { detected: boolean; outcome?: string; elements: VedtakElementReport[] }
  /** The file's text for excerpts in human formats; non-enumerable, so never serialised. */
  source?: string
  /** The document's structure for formats that show the whole text; non-enumerable too. */
  layout?: ReportLayout
  /** How the file was read, when worth saying (an encoding guessed, invalid bytes replaced). */
  notices?: string[]
  error?: string
}

/** Blocks as the loader found them, and the words of each sentence the metrics count. */
export interface ReportLayout {
  /**
   * The text as the reader sees it (Document.text): for Markdown the markup is blanked, where
   * `source` keeps the file's characters. Same offsets as `source`.
   */
  text: string
  blocks: Block[]
  sentenceWords: number[]
  /** Per rule id with findings here: its one-line description and where the advice comes from. */
  rules: Record<string, { description: string; source: string }>
}

export interface Summary {
  files: number
  errors: number
  warnings: number
  infos: number
}
