import { UserError } from '../errors.js'
import type { Document } from '../types.js'
import { MAX_DECODED_MB, MAX_PAGES, MAX_STREAM_MB } from './pdf-limits.js'
import { readInWorker, runnerSettings, type RunResult } from './pdf-runner.js'

/**
 * PDF → Document. pdf.js and the layout (pdf-read.ts) run in a worker thread (pdf-runner.ts)
 * with bounds on pages, decoded size, memory and time (pdf-limits.ts); this module checks the
 * file is whole and turns what the worker found into one line for the user.
 */

const CORRUPT = 'PDF-filen er skadet eller ufullstendig. Åpne og lagre den på nytt, eller lag en ny PDF.'
const ENCRYPTED = 'PDF-filen er passordbeskyttet. Lagre en kopi uten passord og prøv igjen.'
const NO_TEXT = 'PDF-en har ikke tekst (skannet?). Kjør tekstgjenkjenning (OCR) først, eller bruk originalfilen.'

/** 200000 → «200 000». */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ' ')
}

function message(result: Exclude<RunResult, { ok: true }>): string {
  switch (result.problem) {
    case 'corrupt':
      return CORRUPT
    case 'encrypted':
      return ENCRYPTED
    case 'no-text':
      return NO_TEXT
    case 'pages':
      return `PDF-en har ${thousands(result.pages)} sider, mer enn grensen på ${thousands(MAX_PAGES)}. Del den opp i mindre filer og sjekk dem hver for seg.`
    case 'stream-size':
      return `En del av PDF-en pakkes ut til over ${MAX_STREAM_MB} MB, så filen er trolig skadet. Lag en ny PDF fra originalen og prøv igjen.`
    case 'decoded-size':
      return `Innholdet i PDF-en pakkes ut til over ${MAX_DECODED_MB} MB i alt, så filen er trolig skadet eller svært stor. Lag en ny PDF fra originalen, eller del den opp.`
    case 'memory':
      return `PDF-en trenger mer enn ${runnerSettings.memoryMB} MB minne for å leses, så filen er trolig skadet. Lag en ny PDF fra originalen og prøv igjen.`
    case 'timeout':
      return `PDF-en tok for lang tid å lese (over ${String(runnerSettings.timeoutMs / 1000).replace('.', ',')} sekunder) og ble stoppet. Lag en ny PDF fra originalen, eller del den opp.`
  }
}

export async function loadPdf(path: string, bytes: Uint8Array): Promise<Document> {
  if (!looksComplete(bytes)) throw new UserError(CORRUPT, path)
  const result = await readInWorker(bytes)
  if (!result.ok) throw new UserError(message(result), path)
  return { path, format: 'pdf', text: result.text, blocks: result.blocks, directives: [] }
}

/** A PDF starts with «%PDF-» and ends with «%%EOF» (a truncated download does not). */
function looksComplete(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 1024))
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 2048)))
  return head.includes('%PDF-') && tail.includes('%%EOF')
}

function latin1(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 4096) {
    out += String.fromCharCode(...bytes.subarray(i, i + 4096))
  }
  return out
}
