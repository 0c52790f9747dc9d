/**
 * From a match's offsets in a block's text back to DOM positions. Apart from the reader
 * (blocks.ts) because it runs later, when a match is placed, and must refuse text that changed
 * since the block was read.
 */
import type { TextBlock, TextSegment } from './text-block';

/** DOM positions of a match, ready for `new StaticRange(…)` or `Range.setStart/setEnd`. */
interface DomRange {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/**
 * The DOM positions of `[start, end)` in `block.text`, or null when the stretch is empty, lies in
 * virtual separators only, or its end nodes changed since the block was read (stale: rescan).
 * Ends that fall in a virtual separator move inwards to the nearest text.
 */
export function rangeFor(block: TextBlock, start: number, end: number): DomRange | null {
  const segments = block.segments;
  if (!(start < end)) return null;
  // First segment ending after `start`, last segment starting before `end`.
  let s = firstEndingAfter(segments, start);
  while (s < segments.length && segments[s]!.node === null) s++;
  let e = firstEndingAfter(segments, end - 1);
  if (e >= segments.length) e = segments.length - 1;
  while (e >= 0 && segments[e]!.node === null) e--;
  if (s >= segments.length || e < s) return null;
  const first = segments[s]!;
  const last = segments[e]!;
  if (!isFresh(first) || !isFresh(last)) return null;
  const startOffset = Math.max(start, first.start) - first.start;
  const endOffset = Math.min(end, last.end) - last.start;
  if (first === last && startOffset >= endOffset) return null;
  return { startNode: first.node!, startOffset, endNode: last.node!, endOffset };
}

function firstEndingAfter(segments: readonly TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function isFresh(segment: TextSegment): boolean {
  const node = segment.node;
  return node !== null && node.isConnected && node.data.length === segment.end - segment.start;
}
