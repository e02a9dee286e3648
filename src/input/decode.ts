import { UserError } from '../errors.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Bytes → string. UTF-8 (with or without BOM) and UTF-16 with BOM; anything that is not valid
 * text is refused rather than silently mangled.
 */
export function decodeText(bytes: Uint8Array, path: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  }
  if (bytes.includes(0)) {
    throw new UserError('ser ut som en binærfil, ikke tekst. Sjekk at du har valgt riktig fil.', path)
  }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw new UserError(
      'er ikke gyldig UTF-8. Lagre filen som UTF-8 (i Notisblokk: «Lagre som» → Koding: UTF-8) og prøv igjen.',
      path,
    )
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
