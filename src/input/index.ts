import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { UserError } from '../errors.js'
import type { Document } from '../types.js'
import { decodeText } from './decode.js'
import { loadText } from './text.js'

/** File extensions klarsprak reads, and the format each maps to. */
export const FORMATS: Record<string, string> = { '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md' }

export function formatOf(path: string): string | undefined {
  return FORMATS[extname(path).toLowerCase()]
}

/** Turn already-read bytes into a Document. Markdown support is loaded only when needed. */
export async function loadDocument(path: string, bytes: Uint8Array, format?: string): Promise<Document> {
  const text = decodeText(bytes, path)
  const kind = format ?? formatOf(path) ?? 'txt'
  if (kind === 'md') {
    const { loadMarkdown } = await import('./markdown.js')
    return loadMarkdown(path, text)
  }
  return loadText(path, text, kind)
}

/** Read and load one file; every expected failure becomes a UserError naming the file. */
export async function readDocument(path: string, format?: string): Promise<Document> {
  let bytes: Uint8Array
  try {
    // Synchronous on purpose: many small files read faster this way than through the
    // thread pool, and the CLI has nothing else to do meanwhile.
    bytes = readFileSync(path)
  } catch (error) {
    throw readError(path, error)
  }
  return loadDocument(path, bytes, format)
}

export function readError(path: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOENT':
      return new UserError('finnes ikke. Sjekk at stien er skrevet riktig.', path)
    case 'EACCES':
    case 'EPERM':
      return new UserError('kan ikke leses (mangler tilgang). Sjekk rettighetene til filen.', path)
    case 'EISDIR':
      return new UserError('er en mappe, ikke en fil.', path)
    default:
      return new UserError(`kan ikke leses (${code ?? 'ukjent feil'}).`, path)
  }
}
