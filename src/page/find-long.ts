/**
 * Matching a very long block (one 5 MB text node) a window at a time, so that it is not one long
 * task; scan.ts calls it for blocks longer than `CHUNK`. Apart because its one promise, that the
 * windows change nothing found, is tested on its own (find-long.test.ts).
 */
import type { Matcher, TextMatch } from '../matching/matcher';
import type { Slicer } from './slices';

/** A block longer than this is matched a window at a time, so that one huge text node is not one long task. */
export const CHUNK = 32_768;
/** Text on either side of a window that its matches may reach into or read as context (names, figures and their cue words are far shorter). */
const OVERLAP = 512;

/**
 * `matcher.find` over a long text, one window at a time with a yield between windows when the
 * slice is spent. Windows start and end at whitespace; each reads `OVERLAP` characters beyond its
 * stretch on both sides (context, and a match that starts inside and ends beyond), and keeps the
 * matches that start inside its stretch: the result is what one call over the whole text gives.
 * Null when the run was aborted.
 */
export async function findLong(matcher: Matcher, text: string, slicer: Slicer): Promise<TextMatch[] | null> {
  const out: TextMatch[] = [];
  for (let from = 0; from < text.length; ) {
    const to = cutAt(text, from + CHUNK);
    const windowStart = from === 0 ? 0 : cutAt(text, Math.max(0, from - OVERLAP), -1);
    const windowEnd = cutAt(text, to + OVERLAP);
    for (const m of matcher.find(text.slice(windowStart, windowEnd))) {
      const start = m.start + windowStart;
      if (start < from || start >= to) continue;
      out.push({ ...m, start, end: m.end + windowStart });
    }
    from = to;
    if (from < text.length && slicer.due() && !(await slicer.yield())) return null;
  }
  return out;
}

/** The first whitespace at or after `at` (or before it, `direction` -1), or the text's end (start). */
function cutAt(text: string, at: number, direction: 1 | -1 = 1): number {
  if (at >= text.length) return text.length;
  if (at <= 0) return 0;
  const limit = 256;
  for (let i = 0; i < limit; i++) {
    const k = at + i * direction;
    if (k <= 0 || k >= text.length) break;
    const c = text.charCodeAt(k);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0) return k;
  }
  return at; // no whitespace near: a word 256 characters long is no name
}
