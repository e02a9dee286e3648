import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { main, type Io } from '../../src/cli/main.js'

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Run the CLI in-process with captured streams. */
export async function run(
  argv: string[],
  options: { cwd: string; stdin?: string; env?: Record<string, string>; isTTY?: boolean },
): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    readStdin: async () => new TextEncoder().encode(options.stdin ?? ''),
    cwd: options.cwd,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    columns: 100,
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

/** A temporary folder with the given files (path → text or bytes). */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'klarsprak-test-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

export const HEAVY =
  'Vi viser til Deres søknad vedrørende praktisk bistand. Det foreligger ikke opplysninger om at vedkommende har behov for ytterligere bistand i henhold til søknaden.\n'
export const PLAIN = 'Du får hjelp til å vaske huset hver uke. Vi kommer på tirsdager.\n'
