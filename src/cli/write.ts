import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { UserError } from '../errors.js'

const SLICE = 1 << 20
/** One buffer for every write: a UTF-16 slice of SLICE code units needs at most 3 × SLICE bytes. */
let buffer: Buffer | undefined

/**
 * Write text to a file descriptor, synchronously, through one reusable buffer: a large report is
 * never copied whole. A full non-blocking pipe is retried; a closed one (`| head`) ends quietly.
 */
export function writeAllSync(fd: number, text: string): void {
  buffer ??= Buffer.allocUnsafe(3 * SLICE)
  for (let i = 0; i < text.length; i += SLICE) {
    const length = buffer.write(text.slice(i, i + SLICE))
    for (let done = 0; done < length; ) {
      try {
        done += writeSync(fd, buffer, done, length - done)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EAGAIN') continue
        if (code === 'EPIPE') return
        throw error
      }
    }
  }
}

/** Write output so that readers see the old or the new file, never half of it. */
export function atomicWrite(path: string, chunks: Iterable<string>): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  try {
    const fd = openSync(temp, 'w')
    try {
      for (const chunk of chunks) writeAllSync(fd, chunk)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    const code = (error as NodeJS.ErrnoException).code ?? 'ukjent feil'
    throw new UserError(`kan ikke skrive rapporten (${code}). Sjekk at mappen finnes og at du har skrivetilgang.`, path)
  }
}
