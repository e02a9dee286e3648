import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { frontmatter } from 'micromark-extension-frontmatter'
import type { Nodes, Parents } from 'mdast'
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

/** Markdown text → Document (see the module comment). */
export function loadMarkdown(path: string, source: string): Document {
  const tree = fromMarkdown(source, {
    extensions: [frontmatter(['yaml', 'toml'])],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml'])],
  })
  const keep = new Uint8Array(source.length)
  const blocks: Block[] = []
  const directives: Directive[] = []

  const visit = (node: Nodes, listDepth: number): void => {
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
        return
      }
      case 'html': {
        const line = node.position?.start.line
        if (line !== undefined) {
          const directive = parseDirective(node.value, line)
          if (directive) directives.push(directive)
        }
        return
      }
      case 'code':
      case 'yaml':
      case 'definition':
        return
      default:
        if ('children' in node) {
          const depth = node.type === 'listItem' ? listDepth + 1 : listDepth
          for (const child of (node as Parents).children) visit(child as Nodes, depth)
        }
    }
  }
  visit(tree, 0)

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
function markProse(node: Nodes, keep: Uint8Array): void {
  if (node.type === 'text' || node.type === 'inlineCode') {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) keep.fill(1, start, end)
    return
  }
  if (node.type === 'html') return
  if ('children' in node) for (const child of (node as Parents).children) markProse(child as Nodes, keep)
}
