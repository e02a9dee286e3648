import { html } from './html.js'
import { json, jsonChunks } from './json.js'
import { stylish } from './stylish.js'
import type { ChunkFormatter, Formatter } from './types.js'

export const FORMATTERS: Record<string, Formatter> = { stylish, json, html }
/** Formats that can also be produced in chunks, for output too large to hold as one string. */
export const CHUNK_FORMATTERS: Record<string, ChunkFormatter> = { json: jsonChunks }
export type { ChunkFormatter, FormatContext, Formatter } from './types.js'
