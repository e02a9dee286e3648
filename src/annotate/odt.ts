import type { AnnotateContext, AnnotateResult } from './types.js'
export function annotateOdt(_path: string, _bytes: Uint8Array, _context: AnnotateContext): AnnotateResult {
  throw new Error('todo')
}
