import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs'
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

/** What to do about a document over the size limit. */
const DOCUMENT_LIMIT_ADVICE = 'Del opp filen, eller øk grensen med --max-file-size eller «maxFileSize» i .klarsprak.yml.'

// Non-blocking, so that a FIFO swapped in after the check below cannot hang the open; no
// controlling terminal from a tty. Both are ignored for regular files (and absent on Windows).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0)

/**
 * The file's bytes, refusing anything that is not a regular file (a FIFO would block for ever,
 * a device never ends) and files over the size limit, before reading them. The type is checked
 * on the path first, so a device is never even opened, and again on the open descriptor, so a
 * file swapped in between cannot slip through. Synchronous on purpose: many small files read
 * faster this way than through the thread pool.
 */
export function readBytes(path: string, maxFileMB: number, limitAdvice = DOCUMENT_LIMIT_ADVICE): Uint8Array {
  let fd: number
  try {
    const info = statSync(path)
    if (!info.isFile()) throw notRegularFile(path, info)
    fd = openSync(path, OPEN_FLAGS)
  } catch (error) {
    throw error instanceof UserError ? error : readError(path, error)
  }
  try {
    const info = fstatSync(fd)
    if (!info.isFile()) throw notRegularFile(path, info)
    const { size } = info
    if (size > maxFileMB * 1024 * 1024) {
      throw new UserError(
        `er ${(size / 1024 / 1024).toFixed(1).replace('.', ',')} MB, mer enn grensen på ${maxFileMB} MB. ${limitAdvice}`,
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

/** What a stat or a folder entry says about the kind of file. */
export type FileKind = Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>

/** The refusal for a path that exists but is no regular file (folder, FIFO, socket, device). */
export function notRegularFile(path: string, info: FileKind): UserError {
  if (info.isDirectory()) return new UserError('er en mappe, ikke en fil.', path)
  const kind = info.isFIFO()
    ? 'en FIFO (navngitt rør)'
    : info.isSocket()
      ? 'en socket'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'en enhetsfil'
        : 'en spesialfil'
  return new UserError(`er ${kind}, ikke en vanlig fil. klarsprak leser bare vanlige filer (og standard inn med «-»).`, path)
}

/** A failed read as a Norwegian line; `what` says whether the path is a file or a folder. */
export function readError(path: string, error: unknown, what: 'file' | 'folder' = 'file'): UserError {
  const code = (error as NodeJS.ErrnoException).code
  const it = what === 'file' ? 'filen' : 'mappen'
  switch (code) {
    case 'ENOENT':
      return new UserError('finnes ikke. Sjekk at stien er skrevet riktig.', path)
    case 'EACCES':
    case 'EPERM':
      return new UserError(`kan ikke leses (mangler tilgang). Sjekk rettighetene til ${it}.`, path)
    case 'EISDIR':
      return new UserError('er en mappe, ikke en fil.', path)
    case 'ENOTDIR':
      return new UserError('finnes ikke: en del av stien er en fil, ikke en mappe. Sjekk stien.', path)
    case 'ELOOP':
      return new UserError('er en lenke som går i ring. Sjekk lenken.', path)
    default:
      return new UserError(`kan ikke leses (${code ?? 'ukjent feil'}).`, path)
  }
}
