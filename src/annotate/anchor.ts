import type { Block } from '../types.js'
import type { SourceMap } from '../input/sourcemap.js'
import type { TextSegment } from '../input/xml.js'

/** A place in an XML part: decoded offset `offset` of text slot `slot`. */
export interface XmlPlace {
  part: string
  slot: number
  offset: number
  /** The place is at the very start (or end) of its segment's text. */
  segment: TextSegment
}

/**
 * Text offsets [start, end) → places in the XML, within the block the span starts in. A boundary
 * that falls where no text of the XML is (a merge field, a tab, a field result that is not shown)
 * moves inwards to the nearest text, so markup is never put inside a field. Undefined when the
 * block has no mapped text (headers, footers) or the span leaves its part.
 */
export function resolveSpan(map: SourceMap, blocks: Block[], start: number, end: number): { start: XmlPlace; end: XmlPlace } | undefined {
  const block = blockAt(blocks, start)
  if (!block) return undefined
  const segments = map.segments
  const limit = Math.min(end, block.end)
  const first = firstEndingAfter(segments, start)
  const startSegment = segments[first]
  if (!startSegment || startSegment.start >= Math.max(limit, start + 1) || startSegment.start >= block.end) return undefined
  const startPlace = placeAt(startSegment, Math.max(start, startSegment.start))
  // The last segment starting before `limit`.
  let last = first
  while (last + 1 < segments.length && segments[last + 1]!.start < limit) last++
  const endSegment = segments[last]!
  const endPlace = placeAt(endSegment, Math.min(limit, endSegment.end))
  if (startPlace.part !== endPlace.part) return undefined
  return { start: startPlace, end: endPlace }
}

function placeAt(segment: TextSegment, offset: number): XmlPlace {
  const exact = segment.to - segment.from === segment.end - segment.start
  const decoded = exact ? segment.from + (offset - segment.start) : offset <= segment.start ? segment.from : segment.to
  return { part: segment.part, slot: segment.slot, offset: decoded, segment }
}

/** Index of the first segment with end > offset (binary search; segments are sorted). */
function firstEndingAfter(segments: TextSegment[], offset: number): number {
  let low = 0
  let high = segments.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (segments[mid]!.end <= offset) low = mid + 1
    else high = mid
  }
  return low
}

export function blockAt(blocks: Block[], offset: number): Block | undefined {
  let low = 0
  let high = blocks.length - 1
  let found: Block | undefined
  while (low <= high) {
    const mid = (low + high) >> 1
    if (blocks[mid]!.start <= offset) {
      found = blocks[mid]
      low = mid + 1
    } else high = mid - 1
  }
  return found && offset <= found.end ? found : undefined
}
