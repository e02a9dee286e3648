#!/usr/bin/env node
// Thin entry point: all behaviour lives in src/cli/main.ts, bundled to dist/cli/bundle.js by `npm run build`.
import { main, writeAllSync } from '../dist/cli/bundle.js'

const readStdin = async () => {
  const chunks = []
  for await (const chunk of process.stdin) chunks.push(chunk)
  return new Uint8Array(Buffer.concat(chunks))
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => writeAllSync(1, text),
  stderr: (text) => writeAllSync(2, text),
  readStdin,
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns,
})
