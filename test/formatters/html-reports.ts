import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Engine } from '../../src/engine.js'
import type { FormatContext } from '../../src/formatters/index.js'
import { loadDocument, readDocument } from '../../src/input/index.js'
import { lintDocument } from '../../src/lint.js'
import { summarise } from '../../src/report.js'
import { parseBuiltinRules } from '../../src/rules/builtin.js'
import type { FileReport } from '../../src/types.js'

/** Reports for the HTML formatter's tests: real fixtures through the real pipeline. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const engine = new Engine((await parseBuiltinRules()).rules)

/** A fixture, linted, with its path as the CLI would show it (relative to the repository). */
export async function lintFixture(path: string): Promise<FileReport> {
  const report = lintDocument(await readDocument(join(ROOT, path)), { engine })
  report.path = path
  return report
}

/** A text (given format) linted as if read from `path`. */
export async function lintText(path: string, text: string, format = 'txt'): Promise<FileReport> {
  return lintDocument(await loadDocument(path, new TextEncoder().encode(text), { format }), { engine })
}

/** The fixed clock of the golden files. */
export const NOW = new Date(Date.UTC(2026, 11, 4, 9, 30))

export function contextFor(reports: FileReport[]): FormatContext {
  return { color: false, toolVersion: '0.0.0-test', summary: summarise(reports), width: 100, now: NOW }
}

/**
 * A letter that tries everything: markup, an event handler, a style break-out, a javascript:
 * link, template syntax, a comment opener and a script-closing string inside what would be JSON.
 */
export const HOSTILE = [
  'Vedtak om praktisk bistand <script>console.log("injected-script");alert(1)</script>',
  '',
  'Vi viser til Deres søknad vedrørende <img src=x onerror="console.log(\'injected-img\');alert(2)"> praktisk bistand. </style><b onmouseover=alert(3)>fet</b>',
  '',
  'Les mer på <a href="javascript:alert(4)">javascript:alert(4)</a> og {{constructor.constructor(\'alert(5)\')()}} ${alert(6)} <!-- </script><script>alert(7)</script> -->',
  '',
  '<iframe src="https://example.com/"></iframe><link rel="stylesheet" href="https://example.com/x.css"><svg onload=alert(8)></svg>',
  '',
  'Du har rett til å klage. Fristen for å klage er tre uker fra du fikk dette brevet. I henhold til loven kan du se dokumentene.',
  '',
].join('\n')

/** A file name that is itself markup. */
export const HOSTILE_NAME = '<img src=x onerror=alert(9)>"brev\'.txt'
