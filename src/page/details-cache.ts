/**
 * The card's data, asked for once per match while the page is open: the hover card asks during
 * the open delay and again when it opens, and both must cost one request. A failed request (the
 * background asleep, restarting, busy) is not kept: the next ask tries again.
 */
import type { Details, MatchRef } from '../dataset/compiled';

export class DetailsCache {
  private readonly cache = new Map<string, Promise<Details | null>>();

  constructor(private readonly fetchDetails: (ref: MatchRef) => Promise<Details | null>) {}

  get(ref: MatchRef): Promise<Details | null> {
    const key = `${ref.type}:${ref.id}`;
    let p = this.cache.get(key);
    if (!p) {
      p = this.fetchDetails(ref).catch(() => null);
      this.cache.set(key, p);
      void p.then((d) => {
        if (d === null && this.cache.get(key) === p) this.cache.delete(key);
      });
    }
    return p;
  }
}
