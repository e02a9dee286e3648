// Runs the CLI like bin/klarsprak.js, discards the report and prints the peak memory (KB).
import { main } from '../../dist/cli/bundle.js'

let bytes = 0
const code = await main(process.argv.slice(2), {
  stdout: (text) => {
    bytes += text.length
  },
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => new Uint8Array(),
  cwd: process.cwd(),
  env: process.env,
  isTTY: false,
})
process.stderr.write(`bench-rss ${process.resourceUsage().maxRSS}\n`)
process.exitCode = code
