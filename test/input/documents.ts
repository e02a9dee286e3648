import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { UserError } from '../../src/errors.js'
import type { Document } from '../../src/types.js'

/** Shared by the loader tests (Word, ODF, PDF). */
export const DOCUMENTS = new URL('../../fixtures/documents/', import.meta.url).pathname

/** Load fixtures/documents/<name> with a loader. */
export function fixtureWith(load: (path: string, bytes: Uint8Array) => Promise<Document>, name: string): Promise<Document> {
  const path = `${DOCUMENTS}${name}`
  return load(path, readFileSync(path))
}

export const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** Each block's text, whitespace normalised. */
export function texts(doc: Document): string[] {
  return doc.blocks.map((block) => normalise(doc.text.slice(block.start, block.end)))
}

/** The text of each merge field. */
export function placeholders(doc: Document): string[] {
  return (doc.placeholders ?? []).map((p) => doc.text.slice(p.start, p.end))
}

/** The UserError a loader rejects with (fails the test if it resolves or throws anything else). */
export async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UserError)
  return error as UserError
}
