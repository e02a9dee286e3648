import type { ResolvedConfig } from '../config/config.js'
import { UserError } from '../errors.js'
import { DEFAULT_MAX_FILE_MB } from '../input/index.js'
import { compilePlaceholderPatterns, DEFAULT_PLACEHOLDER_PATTERNS } from '../input/placeholders.js'
import type { Profile } from '../types.js'

/**
 * Largest value of --max-file-size (and «maxFileSize»), in megabytes. V8 holds at most
 * 2^29 − 24 UTF-16 code units (≈ 537 million characters) in one string, so a larger text file
 * cannot be decoded at all, and a document format near that size needs gigabytes of memory.
 */
export const MAX_FILE_MB_LIMIT = 500

/** --max-file-size (or «maxFileSize»), checked: a finite number of megabytes in (0, MAX_FILE_MB_LIMIT]. */
export function maxFileMBOf(option: string | undefined, config: ResolvedConfig): number {
  const value = option === undefined ? (config.maxFileSize ?? DEFAULT_MAX_FILE_MB) : option.trim() === '' ? NaN : Number(option.trim().replace(',', '.'))
  if (Number.isFinite(value) && value > 0 && value <= MAX_FILE_MB_LIMIT) return value
  const name = option === undefined ? '«maxFileSize» i .klarsprak.yml' : '--max-file-size'
  throw new UserError(`${name} må være et tall større enn 0 og høyst ${MAX_FILE_MB_LIMIT} (megabyte), ikke «${option ?? String(value)}».`)
}

/**
 * What `check`, `stats` and `annotate` derive alike from their options and the config: the file
 * size limit, the merge-field patterns and the profile (undefined: detect it).
 */
export function runSettings(
  options: { maxFileSize?: string; profile?: 'vedtak' | 'general' | 'auto' },
  config: ResolvedConfig,
): { maxFileMB: number; placeholders: RegExp[]; profile: Profile | undefined } {
  const setting = options.profile ?? config.profile ?? 'auto'
  return {
    maxFileMB: maxFileMBOf(options.maxFileSize, config),
    placeholders: compilePlaceholderPatterns([...DEFAULT_PLACEHOLDER_PATTERNS, ...config.placeholders]),
    profile: setting === 'auto' ? undefined : setting,
  }
}
