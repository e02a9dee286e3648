// The project's own plain-text loader (src/input/text.ts), compiled on the fly with esbuild, so
// the fixture scripts lay out exactly the blocks `klarsprak` reads from the .txt letters.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
let loader

/** `loadText` from src/input/text.ts. */
export async function textLoader() {
  loader ??= build({
    entryPoints: [`${ROOT}src/input/text.ts`],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  }).then(async (result) => {
    const code = result.outputFiles[0].text
    return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)).loadText
  })
  return loader
}
