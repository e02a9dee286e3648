import { createRequire } from 'node:module'
import type * as Yaml from 'yaml'

const require = createRequire(import.meta.url)
let yaml: typeof Yaml | undefined

/**
 * The yaml library, loaded on first use. Most runs need no YAML at all (the built-in rules are
 * precompiled to JSON), and loading it at start-up cost ~12 ms of the 0.2 s budget for a letter.
 */
export function yamlLib(): typeof Yaml {
  yaml ??= require('yaml') as typeof Yaml
  return yaml
}
