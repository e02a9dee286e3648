import { openSync, closeSync, fstatSync, readSync } from 'node:fs'
import { extname } from 'node:path'
import { UserError } from '../errors.js'
import type { Document } from '../types.js'
import { withPlaceholders } from './placeholders.js'
import { loadTextFile } from './text.js'

type Loader = (path: string, bytes: Uint8Array) => Promise<Document>

/**
 * Every format klarsprak reads: its extensions and its loader. Loaders of the heavier formats
 * are imported only when such a file is met, so a run over .txt files never loads pdf.js.
 */
const LOADERS: Record<string, { extensions: string[]; load: () => Promise<Loader> }> = {
  txt: { extensions: ['.txt', '.text'], load: async () => async (path, bytes) => loadTextFile(path, bytes) },
  md: {
    extensions: ['.md', '.markdown'],
    load: async () => {
      const { loadMarkdownFile } = await import('./markdown.js')
      return async (path, bytes) => loadMarkdownFile(path, bytes)
    },
  },
  html: { extensions: ['.html', '.htm'], load: async () => (await import('./html.js')).loadHtml },
  pdf: { extensions: ['.pdf'], load: async () => (await import('./pdf.js')).loadPdf },
  docx: { extensions: ['.docx', '.dotx'], load: async () => (await import('./docx.js')).loadDocx },
  odt: { extensions: ['.odt', '.ott'], load: async () => (await import('./odt.js')).loadOdt },
}

/** File extensions klarsprak reads, and the format each maps to. */
export const FORMATS: Record<string, string> = Object.fromEntries(
  Object.entries(LOADERS).flatMap(([format, { extensions }]) => extensions.map((extension) => [extension, format])),
)

export function formatOf(path: string): string | undefined {
  return FORMATS[extname(path).toLowerCase()]
}

export interface LoadOptions {
  /** Force a format instead of going by the extension. */
  format?: string
  /** Merge-field patterns (compiled), in addition to those the loader finds. */
  placeholders?: readonly RegExp[]
}

/** Turn already-read bytes into a Document, with its merge fields marked. */
export async function loadDocument(path: string, bytes: Uint8Array, options: LoadOptions = {}): Promise<Document> {
  const format = options.format ?? formatOf(path) ?? 'txt'
  const entry = LOADERS[format]
  if (!entry) throw new UserError(`klarsprak kan ikke lese formatet «${format}».`, path)
  const doc = await (await entry.load())(path, bytes)
  return withPlaceholders(doc, options.placeholders)
}

/** Default largest file read, in megabytes (a 5 MB document is already a whole book). */
export const DEFAULT_MAX_FILE_MB = 50

/** Read and load one file; every expected failure becomes a UserError naming the file. */
export async function readDocument(path: string, options: LoadOptions & { maxFileMB?: number } = {}): Promise<Document> {
  return loadDocument(path, readBytes(path, options.maxFileMB ?? DEFAULT_MAX_FILE_MB), options)
}

/**
 * The file's bytes, refusing files over the size limit before reading them. Synchronous on
 * purpose: many small files read faster this way than through the thread pool.
 */
function readBytes(path: string, maxFileMB: number): Uint8Array {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    throw readError(path, error)
  }
  try {
    const { size } = fstatSync(fd)
    if (size > maxFileMB * 1024 * 1024) {
      throw new UserError(
        `er ${(size / 1024 / 1024).toFixed(1).replace('.', ',')} MB, mer enn grensen på ${maxFileMB} MB. Del opp filen, eller øk grensen med --max-file-size eller «maxFileSize» i .klarsprak.yml.`,
        path,
      )
    }
    const bytes = new Uint8Array(size)
    for (let done = 0; done < size; ) {
      const read = readSync(fd, bytes, done, size - done, done)
      if (read === 0) return bytes.subarray(0, done)
      done += read
    }
    return bytes
  } catch (error) {
    throw error instanceof UserError ? error : readError(path, error)
  } finally {
    closeSync(fd)
  }
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
