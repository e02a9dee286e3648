import { rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { UserError } from '../errors.js'

/** Write a file so that readers see the old or the new content, never half of it. */
export async function atomicWrite(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  try {
    await writeFile(temp, content, 'utf8')
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    const code = (error as NodeJS.ErrnoException).code ?? 'ukjent feil'
    throw new UserError(`kan ikke skrive rapporten (${code}). Sjekk at mappen finnes og at du har skrivetilgang.`, path)
  }
}
