import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { frontmatter } from 'micromark-extension-frontmatter'
import type { Nodes, Parents } from 'mdast'
import { UserError } from '../errors.js'
import type { Block, BlockKind, Directive, Document } from '../types.js'
import { decodeTextWithEncoding, withDecoding } from './decode.js'
import { parseDirective } from './directives.js'

/**
 * Markdown → Document, via the unified markdown parser (mdast).
 *
 * The Document text has the same length and line layout as the source: everything that is not
 * prose (markup characters, link targets, code, front matter, HTML) is blanked with spaces. So
 * offsets, lines and columns map one to one to the file the user has open.
 */
export function loadMarkdownFile(path: string, bytes: Uint8Array): Document {
  const decoded = decodeTextWithEncoding(bytes, path)
  return withDecoding(loadMarkdown(path, decoded.text), decoded)
}

/**
 * Bounds on shapes the Markdown parser (micromark) handles in more than linear time or recursion
 * depth: nested block containers on one line (`> > > …`, `* * * …`), long emphasis delimiter runs
 * next to text, and link brackets piling up in one paragraph. Real documents stay far below them.
 */
export const MAX_MD_NESTING = 50
export const MAX_MD_DELIMITER_RUN = 100
export const MAX_MD_BRACKETS = 1000

const number = (n: number): string => n.toLocaleString('nb-NO').replace(/\s/g, '\u00a0')
const TOO_DEEP = `Markdown-filen har lister eller sitater nestet mer enn ${MAX_MD_NESTING} nivåer dypt. Rett opp strukturen og prøv igjen.`
const LONG_RUN = `Markdown-filen har en rekke med over ${MAX_MD_DELIMITER_RUN} «*» eller «_» inntil tekst. Fjern tegnene eller sett \\ foran dem, og prøv igjen.`
const BRACKETS = `Markdown-filen har over ${number(MAX_MD_BRACKETS)} «[» i ett avsnitt. Del opp avsnittet med en tom linje og prøv igjen.`
const STACK = 'Markdown-filen er for dypt nestet til å leses. Forenkle strukturen og prøv igjen.'

/** Markdown text → Document (see the module comment). */
export function loadMarkdown(path: string, source: string): Document {
  checkShapes(path, source)
  let tree: Parents
  try {
    tree = fromMarkdown(source, {
      extensions: [frontmatter(['yaml', 'toml'])],
      mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml'])],
    })
  } catch (error) {
    // The last resort: a shape the checks above do not know overflows the parser's stack.
    if (error instanceof RangeError) throw new UserError(STACK, path)
    throw error
  }
  const keep = new Uint8Array(source.length)
  const blocks: Block[] = []
  const directives: Directive[] = []

  // An explicit stack, not recursion: the tree can be deeper than the call stack.
  const pending: [Nodes, number][] = [[tree, 0]]
  while (pending.length > 0) {
    const [node, listDepth] = pending.pop()!
    switch (node.type) {
      case 'heading':
      case 'paragraph':
      case 'tableCell': {
        const kind: BlockKind =
          node.type === 'heading'
            ? 'heading'
            : node.type === 'tableCell'
              ? 'table-cell'
              : listDepth > 0
                ? 'list-item'
                : 'paragraph'
        markProse(node, keep)
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        if (start !== undefined && end !== undefined) blocks.push({ kind, start, end })
        break
      }
      case 'html': {
        const line = node.position?.start.line
        if (line !== undefined) {
          const directive = parseDirective(node.value, line)
          if (directive) directives.push(directive)
        }
        break
      }
      case 'code':
      case 'yaml':
      case 'definition':
        break
      default:
        if ('children' in node) {
          const depth = node.type === 'listItem' ? listDepth + 1 : listDepth
          const children = (node as Parents).children
          // Reversed onto the stack, so they come off in document order.
          for (let i = children.length - 1; i >= 0; i--) pending.push([children[i] as Nodes, depth])
        }
    }
  }

  let text = ''
  let run = 0
  const parts: string[] = []
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!
    if (keep[i] === 1 || ch === '\n' || ch === '\r') continue
    // Blank non-prose characters; flushing in runs keeps this linear.
    parts.push(source.slice(run, i), ' ')
    run = i + 1
  }
  parts.push(source.slice(run))
  text = parts.join('')
  return { path, format: 'md', text, source, blocks, directives }
}

/** Mark the characters of prose inside a block (text nodes; inline code counts as a word). */
function markProse(root: Nodes, keep: Uint8Array): void {
  const pending: Nodes[] = [root]
  while (pending.length > 0) {
    const node = pending.pop()!
    if (node.type === 'text' || node.type === 'inlineCode') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) keep.fill(1, start, end)
    } else if (node.type !== 'html' && 'children' in node) {
      for (const child of (node as Parents).children) pending.push(child as Nodes)
    }
  }
}

/** A container marker at the start of a line: `>`, or a list marker followed by white space. */
const CONTAINER = / {0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|(?=[\r\n]|$)))/y
const DELIMITER_RUN = /[*_]{101,}/g

/** Refuse the shapes the parser cannot take in linear time (see {@link MAX_MD_NESTING}). */
function checkShapes(path: string, source: string): void {
  let brackets = 0
  const lines = /[^\r\n]*(?:\r\n?|\n|$)/g
  for (let match = lines.exec(source); match !== null && match[0] !== ''; match = lines.exec(source)) {
    const line = match[0]
    let depth = 0
    CONTAINER.lastIndex = 0
    let contentStart = 0
    for (let marker = CONTAINER.exec(line); marker !== null && marker[0] !== ''; marker = CONTAINER.exec(line)) {
      if (++depth > MAX_MD_NESTING) throw new UserError(TOO_DEEP, path)
      contentStart = CONTAINER.lastIndex
    }
    const rest = line.slice(contentStart)
    if (rest.trim() === '') {
      brackets = 0 // a blank line (inside its containers) ends the paragraph
      continue
    }
    for (const run of line.matchAll(DELIMITER_RUN)) {
      // A run that touches text can open or close emphasis; a line of only * or _ is a rule.
      const before = line[run.index - 1]
      const after = line[run.index + run[0].length]
      if ((before !== undefined && /\S/.test(before)) || (after !== undefined && /\S/.test(after))) {
        throw new UserError(LONG_RUN, path)
      }
    }
    for (let i = rest.indexOf('['); i !== -1; i = rest.indexOf('[', i + 1)) {
      if (rest[i - 1] !== '\\' && ++brackets > MAX_MD_BRACKETS) throw new UserError(BRACKETS, path)
    }
  }
}
