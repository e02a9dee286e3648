import { Worker } from 'node:worker_threads'
import { MAX_MEMORY_MB, PDF_TIMEOUT_MS, WATCHDOG_INTERVAL_MS } from './pdf-limits.js'
import type { ReadResult } from './pdf-read.js'
import type { WorkerAnswer } from './pdf-worker.js'

/** What reading a PDF in the worker gave: the reader's answer, or why the worker was stopped. */
export type RunResult = ReadResult | { ok: false; problem: 'timeout' | 'memory' }

/** The time and memory bounds per PDF; tests lower them to keep a hostile PDF's test short. */
export const runnerSettings = { timeoutMs: PDF_TIMEOUT_MS, memoryMB: MAX_MEMORY_MB }

let starts = 0

/** How many workers this process has started (one per run, plus one after each stopped one). */
export function workerStarts(): number {
  return starts
}

/**
 * Where the worker's entry is: next to this module once built (dist/input/, or
 * dist/cli/chunks/ in the CLI bundle, see build.ts). From the TypeScript sources (the tests),
 * it is the built one, which `npm test` builds first.
 */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('../../dist/input/pdf-worker.js', import.meta.url)
    : new URL('./pdf-worker.js', import.meta.url)
}

/**
 * One worker reads every PDF of a run, one at a time (starting one costs about 0.1 s). It is
 * unreferenced while idle, so it never keeps the process alive; a worker that was stopped (too
 * slow, too much memory) is replaced by a new one for the next PDF.
 */
let worker: Worker | undefined
let nextId = 1
let queue: Promise<unknown> = Promise.resolve()

function startWorker(): Worker {
  starts++
  const started = new Worker(workerUrl(), {
    resourceLimits: { maxOldGenerationSizeMb: MAX_MEMORY_MB },
  })
  // An 'error' with no listener would end the process; a job in flight has its own listener.
  started.on('error', () => undefined)
  started.on('exit', () => {
    if (worker === started) worker = undefined
  })
  started.unref()
  return started
}

/** Read one PDF in the worker, within the time and memory bounds. `bytes` is not changed. */
export function readInWorker(bytes: Uint8Array): Promise<RunResult> {
  const job = queue.then(() => run(bytes))
  queue = job.catch(() => undefined)
  return job
}

function run(bytes: Uint8Array): Promise<RunResult> {
  return new Promise<RunResult>((resolve, reject) => {
    const current = (worker ??= startWorker())
    const id = nextId++
    const baseline = process.memoryUsage.rss()
    const limit = runnerSettings.memoryMB * 1024 * 1024
    const done = (): void => {
      clearTimeout(timer)
      clearInterval(watchdog)
      current.off('message', onMessage)
      current.off('error', onError)
      current.off('exit', onExit)
      current.unref()
    }
    const stop = (problem: 'timeout' | 'memory'): void => {
      done()
      if (worker === current) worker = undefined
      void current.terminate()
      resolve({ ok: false, problem })
    }
    const onMessage = (answer: WorkerAnswer): void => {
      if (answer.id !== id) return
      done()
      if ('failure' in answer) reject(new Error(`PDF reader failed: ${answer.failure}`))
      else resolve(answer.result)
    }
    const onError = (error: Error & { code?: string }): void => {
      done()
      if (worker === current) worker = undefined
      // The heap limit (resourceLimits) was reached.
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve({ ok: false, problem: 'memory' })
      else reject(error)
    }
    const onExit = (code: number): void => {
      done()
      reject(new Error(`PDF reader stopped (exit code ${code})`))
    }
    // The main thread waits while the worker reads, so it can watch: the heap limit does not
    // cover the ArrayBuffers pdf.js decodes into; the resident size of the process does.
    const watchdog = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > limit) stop('memory')
    }, WATCHDOG_INTERVAL_MS)
    const timer = setTimeout(() => stop('timeout'), runnerSettings.timeoutMs)
    current.on('message', onMessage)
    current.on('error', onError)
    current.on('exit', onExit)
    current.ref()
    // The worker gets its own copy (pdf.js detaches the buffer it reads).
    const copy = new Uint8Array(bytes)
    current.postMessage({ id, bytes: copy }, [copy.buffer])
  })
}
