import { randomBytes } from 'node:crypto'
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  linkSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { UserError } from '../errors.js'

const SLICE = 1 << 20
/** One buffer for every write: a UTF-16 slice of SLICE code units needs at most 3 × SLICE bytes. */
let buffer: Buffer | undefined

/** Waiting on a full pipe: sleep, not spin. Atomics.wait blocks the thread without using the CPU. */
const sleeper = new Int32Array(new SharedArrayBuffer(4))
const FIRST_PAUSE_MS = 1
const LONGEST_PAUSE_MS = 50

/**
 * Write text to a file descriptor, synchronously, through one reusable buffer: a large report is
 * never copied whole. A full non-blocking pipe (EAGAIN) is waited on with a short sleep that
 * grows while the reader stays away (1 ms up to 50 ms); a closed one (`| head`) ends quietly.
 */
export function writeAllSync(fd: number, text: string): void {
  buffer ??= Buffer.allocUnsafe(3 * SLICE)
  for (let i = 0; i < text.length; i += SLICE) {
    const length = buffer.write(text.slice(i, i + SLICE))
    let pause = FIRST_PAUSE_MS
    for (let done = 0; done < length; ) {
      try {
        done += writeSync(fd, buffer, done, length - done)
        pause = FIRST_PAUSE_MS
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EPIPE') return
        if (code !== 'EAGAIN') throw error
        Atomics.wait(sleeper, 0, 0, pause)
        pause = Math.min(LONGEST_PAUSE_MS, pause * 2)
      }
    }
  }
}

/** Where the report goes: written piece by piece, then committed (or abandoned on failure). */
export interface OutputFile {
  write(text: string): void
  /** Finish: the report is in place. */
  commit(): void
  /** Give up: nothing of this run is left behind (a temp file is removed). */
  abort(): void
}

/** What is being written, for messages: «rapporten» (check -o) or «kopien» (annotate). */
type Written = 'rapporten' | 'kopien'

const writeFailure = (error: unknown, path: string, what: Written = 'rapporten'): UserError => {
  if (error instanceof UserError) return error
  const code = (error as NodeJS.ErrnoException).code ?? 'ukjent feil'
  return new UserError(`kan ikke skrive ${what} (${code}). Sjekk at mappen finnes og at du har skrivetilgang.`, path)
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw writeFailure(error, path)
  }
}

/**
 * Refuse an output that is one of the inputs, before anything is written (as ESLint does):
 * the same device and inode (also through a symlink or a hard link), or the same real path.
 * `shown` is the path as the user gave it, for the message.
 */
export function assertNotAnInput(path: string, shown: string, inputs: Iterable<{ path: string; shown: string }>): void {
  let output: Stats
  let real: string
  try {
    output = statSync(path)
    real = realpathSync.native(path)
  } catch {
    // A path that does not exist (yet) cannot be one of the files found to check.
    return
  }
  for (const input of inputs) {
    let same = false
    try {
      const info = statSync(input.path)
      same = info.dev === output.dev && info.ino === output.ino
      if (!same) same = realpathSync.native(input.path) === real
    } catch {
      continue
    }
    if (same) {
      throw new UserError(
        `er en av filene som sjekkes (${input.shown}), og rapporten ville skrevet over den. Velg et annet filnavn etter -o.`,
        shown,
      )
    }
  }
}

/**
 * Open the report file for writing, with `shown` as the name in messages:
 * - a new path or an existing regular file: a temp file beside it, renamed over it at the end,
 *   so readers see the old report or the new one, never half of one; an existing file keeps its
 *   permission mode (and, for root, its owner); a read-only file is refused, not replaced;
 * - a symlink: followed, and its target replaced as above in the target's folder, so the link
 *   stays a link (like `>` in a shell); a link to nothing is refused;
 * - a device, FIFO or other special file (/dev/null, /dev/stdout on a pipe): written in place,
 *   never replaced by a regular file.
 */
export function openOutput(path: string, shown = path): OutputFile {
  const link = lstatOrUndefined(path)
  if (link === undefined) return tempOutput(path, shown)
  let info: Stats
  try {
    info = statSync(path)
  } catch (error) {
    if (link.isSymbolicLink() && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError('er en symbolsk lenke til en fil som ikke finnes. Rett lenken, eller velg et annet filnavn etter -o.', shown)
    }
    throw writeFailure(error, shown)
  }
  if (info.isDirectory()) throw new UserError('er en mappe. Oppgi et filnavn etter -o.', shown)
  // Through the path as given: /dev/stdout is a link to a pipe that has no real path. A socket
  // cannot be opened at all; as one of our own descriptors (/dev/stdout when the parent gave us
  // a socket pair) it is written to directly.
  if (!info.isFile()) {
    const own = OWN_DESCRIPTOR.exec(path)
    const fd = own ? (own[2] === undefined ? Number(own[1]) : own[2] === 'stdout' ? 1 : 2) : undefined
    return inPlaceOutput(path, shown, info.isSocket() ? fd : undefined)
  }
  let target = path
  if (link.isSymbolicLink()) {
    try {
      target = realpathSync.native(path)
    } catch (error) {
      throw writeFailure(error, shown)
    }
  }
  let writable = (info.mode & 0o222) !== 0
  if (writable) {
    try {
      accessSync(target, constants.W_OK)
    } catch {
      writable = false
    }
  }
  if (!writable) throw new UserError('er skrivebeskyttet, og klarsprak erstatter den ikke. Fjern skrivebeskyttelsen, eller velg et annet filnavn etter -o.', shown)
  return tempOutput(target, shown, info)
}

/** /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N. */
const OWN_DESCRIPTOR = /^\/(?:dev|proc\/self)\/fd\/(\d+)$|^\/dev\/(stdout|stderr)$/

/**
 * Devices and pipes: opened for writing as they are (no create, no truncate, no rename), or,
 * given `inherited`, written through that descriptor of ours, which is left open.
 */
function inPlaceOutput(path: string, shown: string, inherited?: number): OutputFile {
  let fd: number | undefined = inherited
  if (fd === undefined) {
    try {
      fd = openSync(path, constants.O_WRONLY | constants.O_NOCTTY)
    } catch (error) {
      throw writeFailure(error, shown)
    }
  }
  const close = (): void => {
    if (fd === undefined || fd === inherited) return
    const open = fd
    fd = undefined
    closeSync(open)
  }
  return {
    write(text) {
      try {
        writeAllSync(fd!, text)
      } catch (error) {
        throw writeFailure(error, shown)
      }
    },
    commit() {
      try {
        close()
      } catch (error) {
        throw writeFailure(error, shown)
      }
    },
    abort() {
      try {
        close()
      } catch {
        // Nothing more can be done about a device that fails to close.
      }
    },
  }
}

const CLEANUP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
const TEMP_ATTEMPTS = 16

/** A new temp file beside `target`: random name, O_EXCL (never follows a planted symlink). */
function createTemp(target: string, shown: string, mode: number, what: Written): { temp: string; fd: number } {
  for (let attempt = 1; ; attempt++) {
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`)
    try {
      return { temp, fd: openSync(temp, 'wx', mode) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < TEMP_ATTEMPTS) continue
      throw writeFailure(error, shown, what)
    }
  }
}

/**
 * A temp file beside `target`, moved into place by `commit` (`move`: a rename by default). The
 * temp file is removed on failure and on SIGINT/SIGTERM/SIGHUP while it exists.
 */
function tempOutput(
  target: string,
  shown: string,
  existing?: Stats,
  move: (temp: string, target: string) => void = renameSync,
  what: Written = 'rapporten',
): OutputFile & { writeBytes(data: Uint8Array): void } {
  let temp: string | undefined
  let open: number | undefined
  let done = false
  const cleanup = (): void => {
    if (done) return
    done = true
    uninstall()
    if (open !== undefined) {
      try {
        closeSync(open)
      } catch {
        // Already closed or broken: the file is removed below either way.
      }
      open = undefined
    }
    if (temp !== undefined) rmSync(temp, { force: true })
  }
  // Killed while writing: remove the temp file, then die of the same signal, as expected.
  // Installed before the temp file exists, so no signal can fall between its creation and them.
  const onSignal = (signal: NodeJS.Signals): void => {
    cleanup()
    process.kill(process.pid, signal)
  }
  const onExit = (): void => cleanup()
  function uninstall(): void {
    for (const signal of CLEANUP_SIGNALS) process.off(signal, onSignal)
    process.off('exit', onExit)
  }
  for (const signal of CLEANUP_SIGNALS) process.on(signal, onSignal)
  process.on('exit', onExit)

  try {
    // A new file gets 0666 less the umask, as any program's output would; the temp file is
    // created 0600 and widened only to the old file's mode.
    const created = createTemp(target, shown, existing ? 0o600 : 0o666, what)
    temp = created.temp
    open = created.fd
    if (existing) {
      fchmodSync(open, existing.mode & 0o777)
      if (process.getuid?.() === 0) fchownSync(open, existing.uid, existing.gid)
    }
  } catch (error) {
    cleanup()
    throw writeFailure(error, shown, what)
  }
  return {
    write(text) {
      try {
        writeAllSync(open!, text)
      } catch (error) {
        cleanup()
        throw writeFailure(error, shown, what)
      }
    },
    writeBytes(data) {
      try {
        for (let done = 0; done < data.length; ) done += writeSync(open!, data, done, data.length - done)
      } catch (error) {
        cleanup()
        throw writeFailure(error, shown, what)
      }
    },
    commit() {
      try {
        closeSync(open!)
        open = undefined
        move(temp!, target)
        done = true
        uninstall()
      } catch (error) {
        cleanup()
        throw writeFailure(error, shown, what)
      }
    },
    abort: cleanup,
  }
}

/** Write output so that readers see the old or the new file, never half of it. */
export function atomicWrite(path: string, chunks: Iterable<string>): void {
  const output = openOutput(path)
  try {
    for (const chunk of chunks) output.write(chunk)
    output.commit()
  } catch (error) {
    output.abort()
    throw error
  }
}

/**
 * Write a new file (annotate's copy) atomically, through the same temp-file writer as reports:
 * random name beside it, O_EXCL, removed on failure and on signals. Without `replace` an existing
 * file is never replaced: the move is a hard link, which fails when the name exists.
 */
export function writeCopy(path: string, data: Uint8Array, replace: boolean): void {
  const output = tempOutput(path, path, undefined, replace ? renameSync : linkNoClobber, 'kopien')
  output.writeBytes(data)
  output.commit()
}

function linkNoClobber(temp: string, path: string): void {
  try {
    linkSync(temp, path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw existsError(path)
    // File systems without hard links: claim the name first, then move over the claim.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error
    try {
      closeSync(openSync(path, 'wx'))
    } catch {
      throw existsError(path)
    }
    renameSync(temp, path)
    return
  }
  rmSync(temp, { force: true })
}

export function existsError(path: string): UserError {
  return new UserError('finnes fra før. Bruk --force for å skrive over den, eller velg et annet navn med -o.', path)
}
