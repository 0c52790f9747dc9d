/**
 * One pass over a page: text blocks → matcher → ambiguity rule → DOM ranges. Time-sliced: the
 * pass yields to the page whenever it has worked for SLICE_MS, so that no task of ours blocks
 * the page for long, however large the page.
 */
import type { MatchIndex, MatchRef } from '../dataset/compiled';
import type { ActorKind } from '../dataset/schema';
import { resolveAmbiguous } from '../matching/ambiguity';
import { createMatcher, type Matcher, type TextMatch } from '../matching/matcher';
import { collectBlocks, rangeFor, type TextBlock } from './blocks';

export const SLICE_MS = 8;

export interface PlacedMatch {
  ref: MatchRef;
  name: string;
  kind: ActorKind | 'figure';
  range: Range;
}

const matchers = new WeakMap<MatchIndex, Matcher>();
export function matcherFor(index: MatchIndex): Matcher {
  let m = matchers.get(index);
  if (!m) matchers.set(index, (m = createMatcher(index)));
  return m;
}

/** Gives the page the main thread back; resolves on the next task. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function scanPage(
  doc: Document,
  index: MatchIndex,
  options: { signal: AbortSignal; skip?: (el: Element) => boolean },
): Promise<PlacedMatch[]> {
  const matcher = matcherFor(index);
  const blocks: TextBlock[] = [];
  const found: TextMatch[][] = [];
  let sliceStart = performance.now();
  for (const block of collectBlocks(doc.body ?? doc.documentElement, { skip: options.skip })) {
    blocks.push(block);
    found.push(matcher.find(block.text));
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      if (options.signal.aborted) return [];
      sliceStart = performance.now();
    }
  }
  const kept = resolveAmbiguous(found, index);
  const placed: PlacedMatch[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    for (const m of kept[b] ?? []) {
      const pos = rangeFor(block, m.start, m.end);
      if (!pos) continue;
      const range = doc.createRange();
      range.setStart(pos.startNode, pos.startOffset);
      range.setEnd(pos.endNode, pos.endOffset);
      placed.push(toPlaced(index, m, range));
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      if (options.signal.aborted) return [];
      sliceStart = performance.now();
    }
  }
  return placed;
}

function toPlaced(index: MatchIndex, m: TextMatch, range: Range): PlacedMatch {
  if (m.type === 'actor') {
    const a = index.actors[m.ref]!;
    return { ref: { type: 'actor', id: a.id }, name: a.name, kind: a.kind, range };
  }
  const f = index.figures[m.ref]!;
  return { ref: { type: 'figure', id: f.id }, name: range.toString().replace(/\s+/g, ' '), kind: 'figure', range };
}
