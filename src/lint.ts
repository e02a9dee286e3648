import { Engine } from './engine.js'
import { UserError } from './errors.js'
import { loadDocument, readDocument, type LoadOptions } from './input/index.js'
import { buildReport } from './report.js'
import type { Document, FileReport, Language, Profile } from './types.js'

export interface LintOptions {
  engine: Engine
  /** Force a language instead of detecting it. */
  language?: Language
  /** Review as a decision letter (`vedtak`) or as general text; detected when not given. */
  profile?: Profile
}

/** Lint a loaded Document: analysis, checks, report. */
export function lintDocument(doc: Document, options: LintOptions): FileReport {
  const settings: { language?: Language; profile?: Profile } = {}
  if (options.language) settings.language = options.language
  if (options.profile) settings.profile = options.profile
  const result = options.engine.lint(doc, settings)
  return buildReport(doc, result, options.engine.rules)
}

export interface LintPathOptions extends LintOptions {
  readStdin?: () => Promise<Uint8Array>
  /** Format of standard input. */
  stdinFormat?: string
  placeholders?: LoadOptions['placeholders']
  maxFileMB?: number
}

/**
 * Read and lint one file (or standard input as `-`). Expected failures become a report with
 * `error` set, so one bad file never stops the others.
 */
export async function lintPath(path: string, options: LintPathOptions): Promise<FileReport> {
  const load: LoadOptions & { maxFileMB?: number } = {}
  if (options.placeholders) load.placeholders = options.placeholders
  if (options.maxFileMB !== undefined) load.maxFileMB = options.maxFileMB
  try {
    const doc: Document =
      path === '-'
        ? await loadDocument('<stdin>', await options.readStdin!(), { ...load, format: options.stdinFormat ?? 'txt' })
        : await readDocument(path, load)
    const report = lintDocument(doc, options)
    if (path === '-') report.path = '-'
    return report
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    return { path, format: '', diagnostics: [], error: error.message }
  }
}
