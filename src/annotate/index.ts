import type { AnnotateContext, AnnotateResult } from './types.js'

/**
 * One writer per document format, mirroring input/: each takes the original bytes and returns
 * the bytes of an annotated copy. Loaded on first use, like the loaders.
 */
export type Annotator = (path: string, bytes: Uint8Array, context: AnnotateContext) => AnnotateResult

export const ANNOTATORS: Record<string, { extension: (path: string) => string; load: () => Promise<Annotator> }> = {
  docx: { extension: keepExtension('.docx'), load: async () => (await import('./docx.js')).annotateDocx },
  odt: { extension: keepExtension('.odt'), load: async () => (await import('./odt.js')).annotateOdt },
}

/** The copy keeps the original's extension (.dotx stays a template); `fallback` when it has none. */
function keepExtension(fallback: string): (path: string) => string {
  return (path) => /\.[^./\\]+$/.exec(path)?.[0] ?? fallback
}

export type { AnnotateContext, AnnotateResult } from './types.js'
