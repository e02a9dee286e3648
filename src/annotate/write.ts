import { randomBytes } from 'node:crypto'
import { closeSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { UserError } from '../errors.js'

/**
 * Write a file atomically: to a temporary file with a random name in the same folder (opened
 * with 'wx', so nothing is followed or overwritten), then moved into place. Without `force` an
 * existing file is never replaced: the move is a hard link, which fails when the name exists.
 */
export function writeCopy(path: string, data: Uint8Array, force: boolean): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const fd = openSync(temp, 'wx')
    try {
      for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done)
    } finally {
      closeSync(fd)
    }
    if (force) {
      renameSync(temp, path)
    } else {
      linkNoClobber(temp, path)
    }
  } catch (error) {
    rmSync(temp, { force: true })
    if (error instanceof UserError) throw error
    const code = (error as NodeJS.ErrnoException).code ?? 'ukjent feil'
    throw new UserError(`kan ikke skrive kopien (${code}). Sjekk at mappen finnes og at du har skrivetilgang.`, path)
  }
}

function linkNoClobber(temp: string, path: string): void {
  try {
    linkSync(temp, path)
    rmSync(temp, { force: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw existsError(path)
    // File systems without hard links: check, then move.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'ENOSYS') {
      renameIfAbsent(temp, path)
      return
    }
    throw error
  }
}

function renameIfAbsent(temp: string, path: string): void {
  try {
    const fd = openSync(path, 'wx')
    closeSync(fd)
  } catch {
    throw existsError(path)
  }
  renameSync(temp, path)
}

export function existsError(path: string): UserError {
  return new UserError('finnes fra før. Bruk --force for å skrive over den, eller velg et annet navn med -o.', path)
}
