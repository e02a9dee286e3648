/**
 * What one PDF may cost to read. A PDF is small on disk but can ask for far more: a page tree
 * with 200,000 page references, a content stream that inflates 1,000-fold, a page that keeps
 * pdf.js busy for minutes. These bounds refuse such a file with one line and go on with the rest.
 */

/**
 * Most pages read from one PDF. Letters are 1–20 pages and brochures rarely 100; a PDF of
 * thousands of pages is an archive, better checked in parts. Reading costs about 3 ms per page
 * with one line of text and 10–15 ms per full brochure page, so a PDF at the limit stays well
 * inside PDF_TIMEOUT_MS.
 */
export const MAX_PAGES = 2000

/** Largest decoded size of one Flate stream other than an image (content, fonts, object streams). */
export const MAX_STREAM_MB = 64

/** Largest decoded size of all those streams of one PDF together. */
export const MAX_DECODED_MB = 256

/**
 * Most memory reading one PDF may add to the process (resident size), and the heap limit of the
 * worker that reads it. The heap limit alone does not cover the ArrayBuffers pdf.js decodes
 * streams and images into, hence the resident-size watchdog.
 */
export const MAX_MEMORY_MB = 512

/** Longest time one PDF may take to read (pdf.js and the layout), in milliseconds. */
export const PDF_TIMEOUT_MS = 30_000

/** How often the memory watchdog samples the resident size while a PDF is read, in milliseconds. */
export const WATCHDOG_INTERVAL_MS = 20
