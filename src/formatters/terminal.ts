/**
 * Text from documents, file names and rule files, made safe to print on a terminal: every C0
 * control but tab (and, where the layout is ours, line feed), DEL and every C1 control becomes
 * U+FFFD. Escape sequences (ESC, CSI U+009B, OSC …) are then shown, not obeyed, with or
 * without colour. One code unit for one, so columns and underlines stay where they were.
 */
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g
const ANY_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/

export const REPLACEMENT = '\uFFFD'

/** One line of foreign text: line feeds are replaced too. */
export function printable(text: string): string {
  return ANY_CONTROL.test(text) ? text.replace(CONTROLS, REPLACEMENT) : text
}

/** Foreign text of several lines (rule notes, examples): line feeds are kept. */
export function printableLines(text: string): string {
  return text.replace(CONTROLS_BUT_NEWLINE, REPLACEMENT)
}
