import { describe, expect, it } from 'vitest'
import { printable } from '../../src/formatters/terminal.js'
import { HEAVY, run, tempTree } from './io.js'

const NASTY = '\u001b]0;pwned\u0007\u001b[2J\r\u009b31m\u0000\u007f'
/** The same in a YAML double-quoted string. */
const NASTY_YAML = '\\e]0;pwned\\a\\e[2J\\r\\u009b31m\\0\\x7f'
/** File names cannot hold NUL. */
const NASTY_NAME = NASTY.replace('\u0000', '')
/** What a terminal would obey: any C0 control but \n (and \t), DEL, C1. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
/** Our own colours (SGR), the only escape sequences we print. */
const SGR = /\u001b\[[0-9;]*m/g

describe('text from documents, file names and rule files is neutralised on the terminal', () => {
  const name = `brev${NASTY_NAME}.txt`
  // A NUL would make the text «binary»; the rest is read as text.
  const text = `Vi viser til søknaden vedrørende ${NASTY_NAME} hjemmehjelp. Det foreligger ${NASTY_NAME} ikke noe mer.\n`
  const html = '<p>Vi viser til Deres søknad vedrørende &#x1b;]0;pwned&#x7; hjelp &#155;31m i dag.</p>\n'
  const rule = `type: existence
level: warning
description: "Skummel${NASTY_YAML} regel"
message: "Fant {{actual}}${NASTY_YAML}"
note: "Notat${NASTY_YAML}"
source: Test
tokens: [hjemmehjelp]
examples:
  valid: ["Ok."]
  invalid:
    - text: "Om hjemmehjelp."
      messages: ["1:4-1:15: Fant «hjemmehjelp»${NASTY_YAML}"]
`

  it('stylish (with and without colour), stats, rules and explain print no control characters but our own', async () => {
    const cwd = tempTree({ [`mappe/${name}`]: text, 'mappe/side.html': html, 'regler/skummel.yml': rule })
    const outputs = [
      await run(['mappe', '--no-color', '--rules', 'regler'], { cwd }),
      await run(['mappe', '--rules', 'regler'], { cwd, isTTY: true }),
      await run(['stats', 'mappe'], { cwd }),
      await run(['rules', '--rules', 'regler'], { cwd }),
      await run(['explain', 'skummel', '--rules', 'regler'], { cwd }),
    ]
    for (const result of outputs) {
      expect(result.stderr).toBe('')
      expect(result.stdout.replace(SGR, '')).not.toMatch(RAW_CONTROL)
    }
    const [plain, coloured] = outputs
    expect(plain!.stdout).toContain(`mappe/brev${printable(NASTY_NAME)}.txt\n`)
    // In excerpts a carriage return is a space, like a line feed.
    expect(plain!.stdout).toContain('Vi viser til søknaden vedrørende \uFFFD]0;pwned\uFFFD\uFFFD[2J \uFFFD31m\uFFFD hjemmehjelp.')
    expect(plain!.stdout).toContain('Fant «hjemmehjelp»\uFFFD]0;pwned')
    // HTML maps &#155; to «›» (Windows-1252), as browsers do; &#x1b; and &#x7; are controls.
    expect(plain!.stdout).toContain('Deres søknad vedrørende \uFFFD]0;pwned\uFFFD hjelp ›31m i dag.')
    expect(coloured!.stdout).toContain('\u001b[')
    // The underline still sits under «hjemmehjelp», after the 20 controls and characters of
    // the sequences: one replacement character for one control.
    expect(plain!.stdout).toMatch(/\n {11}Vi viser til søknaden vedrørende \uFFFD[^\n]*hjemmehjelp\.\n {65}\^{11}\n/)
  }, 20000)

  it('stderr lines naming files or quoting rule files carry no control characters', async () => {
    const cwd = tempTree({ 'brev.txt': HEAVY })
    const missing = await run(['brev.txt', `borte${NASTY_NAME}.txt`, '-f', 'json'], { cwd })
    expect(missing.stderr).toBe(`klarsprak: borte${printable(NASTY_NAME)}.txt: finnes ikke. Sjekk at stien er skrevet riktig.\n`)
    const stats = await run(['stats', `borte${NASTY_NAME}.txt`, '-f', 'json'], { cwd })
    expect(stats.stderr).not.toMatch(RAW_CONTROL)
    expect(stats.stderr).toContain('borte\uFFFD]0;pwned')
  })
})
