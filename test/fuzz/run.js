#!/usr/bin/env node
// `npm run fuzz`: the property tests of test/property/ at a larger scale.
//
//   npm run fuzz -- [--cases N] [--seed S] [--path api|cli|bin|all] [--format txt|md|html|docx|odt]
//                   [--known] [--max-failures N] [--shrink N] [--replay SEED]
//
// Bundles test/fuzz/main.ts (which imports src/ and test/property/) with esbuild into
// dist/fuzz/, the same depth as dist/cli/, so the paths the sources resolve from
// import.meta.url (rules/, package.json, dist/builtin-rules.json) stay right. Exit code 1 when
// an invariant is broken; each failing seed is printed with its shrunk input.
import { build } from 'esbuild'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OUT = `${ROOT}dist/fuzz/main.js`

await build({
  entryPoints: [`${ROOT}test/fuzz/main.ts`],
  outfile: OUT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['pdfjs-dist', 'esbuild'],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __fuzzRequire } from 'node:module'; const require = __fuzzRequire(import.meta.url);" },
})
const { fuzz } = await import(pathToFileURL(OUT).href)
process.exitCode = await fuzz(process.argv.slice(2))
