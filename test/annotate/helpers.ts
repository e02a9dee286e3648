import { readFileSync } from 'node:fs'
import { unzipSync } from 'fflate'
import { annotateDocx } from '../../src/annotate/docx.js'
import { annotateOdt } from '../../src/annotate/odt.js'
import type { AnnotateResult } from '../../src/annotate/types.js'
import { Engine } from '../../src/engine.js'
import { loadDocxMapped } from '../../src/input/docx.js'
import { loadOdtMapped } from '../../src/input/odt.js'
import { withPlaceholders } from '../../src/input/placeholders.js'
import { walkXml } from '../../src/input/xml.js'
import { lintDocument } from '../../src/lint.js'
import { loadBuiltinRules } from '../../src/rules/builtin.js'
import type { Document, FileReport } from '../../src/types.js'

export const DOCUMENTS = new URL('../../fixtures/documents/', import.meta.url).pathname
export const NOW = new Date('2026-12-04T12:00:00Z')

const { rules } = await loadBuiltinRules()
const engine = new Engine(rules)
const ruleTypes = new Map(rules.map((rule) => [rule.id, rule.type]))

export function lint(doc: Document): FileReport {
  return lintDocument(withPlaceholders(doc), { engine })
}

export function fixture(name: string): Uint8Array {
  return readFileSync(`${DOCUMENTS}${name}`)
}

export type Format = 'docx' | 'odt'

export function annotate(format: Format, bytes: Uint8Array, suggest = false): AnnotateResult {
  const context = { lint, ruleTypes, suggest, now: NOW }
  return format === 'docx' ? annotateDocx(`brev.${format}`, bytes, context) : annotateOdt(`brev.${format}`, bytes, context)
}

export function reload(format: Format, bytes: Uint8Array): ReturnType<typeof loadDocxMapped> {
  return format === 'docx' ? loadDocxMapped('brev.docx', bytes) : loadOdtMapped('brev.odt', bytes)
}

export function entries(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes)
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, new TextDecoder().decode(data)]))
}

/** Throws when the XML is not well formed. */
export function wellFormed(xml: string): void {
  walkXml(xml, { open() {}, close() {}, text() {} })
}

/** The original text with each of klarsprak's deletions replaced by its insertion, in order. */
export function accepted(original: string, changes: Array<[string, string]>): string {
  let out = ''
  let at = 0
  for (const [deleted, inserted] of changes) {
    const found = original.indexOf(deleted, at)
    if (found < 0) throw new Error(`«${deleted}» not found`)
    out += original.slice(at, found) + inserted
    at = found + deleted.length
  }
  return out + original.slice(at)
}
