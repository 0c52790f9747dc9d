/**
 * A match made a DOM range on the page, with what the card and the popup show of it. scan.ts
 * places safe matches as it reads, scan-records.ts the ones the ambiguity rule keeps later: one
 * way to place, for both.
 */
import type { MatchIndex, MatchRef } from '../dataset/compiled';
import type { ActorKind } from '../dataset/schema';
import type { TextMatch } from '../matching/matcher';
import { rangeFor } from './block-ranges';
import type { TextBlock } from './text-block';

export interface PlacedMatch {
  ref: MatchRef;
  name: string;
  kind: ActorKind | 'figure';
  range: Range;
}

/** The match as a Range over the block's nodes, or null when its text changed since it was read (the watcher has queued its block). */
export function placeMatch(doc: Document, index: MatchIndex, block: TextBlock, match: TextMatch): PlacedMatch | null {
  const pos = rangeFor(block, match.start, match.end);
  if (!pos) return null;
  const range = doc.createRange();
  range.setStart(pos.startNode, pos.startOffset);
  range.setEnd(pos.endNode, pos.endOffset);
  return toPlaced(index, match, range);
}

function toPlaced(index: MatchIndex, m: TextMatch, range: Range): PlacedMatch {
  if (m.type === 'actor') {
    const a = index.actors[m.ref]!;
    return { ref: { type: 'actor', id: a.id }, name: a.name, kind: a.kind, range };
  }
  const f = index.figures[m.ref]!;
  return { ref: { type: 'figure', id: f.id }, name: range.toString().replace(/\s+/g, ' '), kind: 'figure', range };
}
