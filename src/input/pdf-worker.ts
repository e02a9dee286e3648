/**
 * Entry of the worker thread that reads PDFs (started by pdf-runner.ts): one message
 * { id, bytes } in, one { id, result } out, one PDF at a time.
 */
import { parentPort } from 'node:worker_threads'
import { readPdf, type ReadResult } from './pdf-read.js'

export type WorkerAnswer = { id: number; result: ReadResult } | { id: number; failure: string }

const port = parentPort
if (!port) throw new Error('pdf-worker.js runs as a worker thread')

port.on('message', (message: { id: number; bytes: Uint8Array }) => {
  readPdf(message.bytes).then(
    (result) => port.postMessage({ id: message.id, result } satisfies WorkerAnswer),
    // A bug in the reader, not a problem with the file: the main thread reports it as such.
    (error: unknown) => port.postMessage({ id: message.id, failure: (error as Error | undefined)?.stack ?? String(error) } satisfies WorkerAnswer),
  )
})
