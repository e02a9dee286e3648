// Runs the CLI exactly as bin/klarsprak.js does (the report really is written, to the stdout the
// benchmark gives it), then prints the peak memory (KB) on stderr.
import { setFlagsFromString } from 'node:v8'

setFlagsFromString('--regexp-tier-up-ticks=0') // as bin/klarsprak.js does
const { main, writeAllSync } = await import('../../dist/cli/bundle.js')

const code = await main(process.argv.slice(2), {
  stdout: (text) => writeAllSync(1, text),
  stderr: (text) => writeAllSync(2, text),
  readStdin: async () => new Uint8Array(),
  cwd: process.cwd(),
  env: process.env,
  isTTY: false,
})
process.stderr.write(`bench-rss ${process.resourceUsage().maxRSS}\n`)
process.exitCode = code
