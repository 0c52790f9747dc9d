/**
 * How much the dataset says about each match, and whether a statement it made (or that gives
 * the figure) is disputed: the popup sorts its list by the first, and the page marks the second.
 * Computed from the details store once per match and kept for the service worker's life (the
 * dataset is bundled: it cannot change while the worker runs).
 */
import type { DetailsStore } from '../dataset/compile';
import type { MatchRef } from '../dataset/compiled';
import { detailsFor, weightOf } from '../dataset/details';
import type { MatchWeight } from '../messaging/protocol';

export function createWeigher(store: DetailsStore): (refs: MatchRef[]) => MatchWeight[] {
  const cache = new Map<string, MatchWeight>();
  const one = (ref: MatchRef): MatchWeight => {
    const key = `${ref.type}:${ref.id}`;
    let w = cache.get(key);
    if (!w) {
      const details = detailsFor(store, ref);
      const own = new Set(details?.said.map((s) => s.id) ?? []);
      w = {
        weight: details ? weightOf(details) : 0,
        disputed: details ? details.disputes.some((d) => own.has(d.statement)) : false,
      };
      cache.set(key, w);
    }
    return w;
  };
  return (refs) => refs.map(one);
}
