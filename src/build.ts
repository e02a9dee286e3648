// `npm run build` step after tsc: precompile the built-in rule packs to JSON and bundle the CLI
// into one file (start-up is measured: one bundled file starts ~70 ms faster than ~40 modules).
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { UserError } from './errors.js'
import { precompile } from './rules/builtin.js'

const root = fileURLToPath(new URL('../', import.meta.url))

try {
  const count = await precompile()
  await build({
    // The entry lands at dist/cli/bundle.js, the depth of dist/cli/main.js, so paths relative to
    // import.meta.url stay right. Loaders imported on demand (Word, PDF, HTML, Markdown) become
    // chunks read only when such a file is met: start-up parses only what every run needs.
    // The PDF worker's entry lands in chunks/, next to the chunk that starts it (pdf-runner.ts
    // finds it relative to its own module).
    entryPoints: { bundle: `${root}src/cli/main.ts`, 'chunks/pdf-worker': `${root}src/input/pdf-worker.ts` },
    outdir: `${root}dist/cli`,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    // pdf.js (3.4 MB) stays a separate package, imported only when a PDF is read.
    external: ['pdfjs-dist'],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // commander is CommonJS and requires Node built-ins.
    banner: { js: "import { createRequire as __klarsprakRequire } from 'node:module'; const require = __klarsprakRequire(import.meta.url);" },
  })
  console.log(`klarsprak: bygget (${count} innebygde regler)`)
} catch (error) {
  console.error(error instanceof UserError ? error.format() : error)
  process.exitCode = 1
}
