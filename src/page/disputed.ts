/**
 * Marks on the page the matches whose own statements are disputed in the dataset (a wavy
 * underline in the "disputed" colour, over the kind's colour), so that a reader sees at a glance
 * where a claim is contested before opening any card. The background answers which matches
 * those are (`data:weights`), once per match; the marks are one more highlight group, removed
 * with the others when the site is switched off.
 */
import type { MatchRef } from '../dataset/compiled';
import { send } from '../messaging/channel';
import { ContentToBackground } from '../messaging/protocol';
import { HIGHLIGHT_SUFFIX, keepRegistered, type HighlightApi } from './painter';

/**
 * Not "newslens-…": that prefix names the groups that hold matches (one per kind), which tests and
 * tools count; this one only marks matches already painted in their kind's group.
 */
const DISPUTED_HIGHLIGHT = `newslensmark-disputed${HIGHLIGHT_SUFFIX}`;

const key = (ref: MatchRef) => `${ref.type}:${ref.id}`;

export class DisputedMarks {
  private readonly known = new Map<string, boolean>();
  private group: Highlight | null = null;
  private cleared = false;
  /** The latest update: an older one still waiting for the background must not paint stale matches. */
  private seq = 0;

  constructor(private readonly api: HighlightApi) {}

  /** Marks the disputed ones among `matches` (the page's current matches; earlier marks are replaced). */
  async update(matches: readonly { ref: MatchRef; range: AbstractRange }[]): Promise<void> {
    const seq = ++this.seq;
    const unknown = new Map<string, MatchRef>();
    for (const m of matches) if (!this.known.has(key(m.ref))) unknown.set(key(m.ref), m.ref);
    if (unknown.size > 0) {
      const refs = [...unknown.values()];
      const r = await send(ContentToBackground, 'data:weights', { refs });
      if (!r.ok) return;
      refs.forEach((ref, i) => this.known.set(key(ref), r.value[i]?.disputed ?? false));
    }
    if (this.cleared || seq !== this.seq) return;
    const ranges = matches.filter((m) => this.known.get(key(m.ref))).map((m) => m.range);
    if (!this.group) {
      if (ranges.length === 0) return;
      this.group = new this.api.Highlight();
      this.group.priority = 3;
    }
    keepRegistered(this.api.registry, DISPUTED_HIGHLIGHT, this.group);
    this.group.clear();
    for (const range of ranges) this.group.add(range);
  }

  clear(): void {
    this.cleared = true;
    if (!this.group) return;
    this.group.clear();
    if (this.api.registry.get(DISPUTED_HIGHLIGHT) === this.group) this.api.registry.delete(DISPUTED_HIGHLIGHT);
    this.group = null;
  }
}
