/** klarsprak's public API. */
export { Engine, type LintResult, type RuleSetting } from './engine.js'
export { lintDocument, lintPath } from './lint.js'
export { loadDocument, readDocument } from './input/index.js'
export { loadText } from './input/text.js'
export { analyse, type Analysis, type Sentence, type Word } from './language/segment.js'
export { detectLanguage } from './language/detect.js'
export { computeMetrics, lixBand } from './metrics/readability.js'
export { loadBuiltinRules } from './rules/builtin.js'
export { loadRulePath, parseRuleFile } from './rules/load.js'
export type { RuleDef } from './rules/schema.js'
export { FORMATTERS, formatNames, formatReports, LAZY_FORMATTERS, loadFormatter, WHOLE_FORMATTERS, type FormatContext, type Formatter, type StreamingFormatter } from './formatters/index.js'
export { summarise } from './report.js'
export { main, type Io } from './cli/main.js'
export type * from './types.js'

import { Engine } from './engine.js'
import { compilePlaceholderPatterns, DEFAULT_PLACEHOLDER_PATTERNS, withPlaceholders } from './input/placeholders.js'
import { loadText } from './input/text.js'
import { lintDocument } from './lint.js'
import { loadBuiltinRules } from './rules/builtin.js'
import type { FileReport } from './types.js'

/** The built-in rules compiled once for `lint`, and the default merge-field patterns. */
let builtin: Promise<{ engine: Engine; placeholders: readonly RegExp[] }> | undefined

/**
 * Lint a plain text with the built-in rules: `await lint('Vi viser til …')`. Merge fields
 * («Fornavn», {{felt}} …) are marked as in the CLI, so no finding points into one.
 */
export async function lint(text: string, path = '<tekst>'): Promise<FileReport> {
  builtin ??= loadBuiltinRules().then(({ rules }) => ({
    engine: new Engine(rules),
    placeholders: compilePlaceholderPatterns(DEFAULT_PLACEHOLDER_PATTERNS),
  }))
  const { engine, placeholders } = await builtin
  return lintDocument(withPlaceholders(loadText(path, text), placeholders), { engine })
}
export { default as retextNorwegianSentences } from './language/retext.js'
