/** The card's data is asked for once per match, and a failed request is asked again, not kept. */
import { describe, expect, it } from 'vitest';
import type { Details, MatchRef } from '../dataset/compiled';
import { DetailsCache } from './details-cache';

const details = (ref: MatchRef): Details => ({
  ref,
  said: [],
  about: [],
  reported: [],
  disputes: [],
  related: [],
  actors: {},
  articles: {},
  statements: {},
});

const putin: MatchRef = { type: 'actor', id: 'vladimir-putin' };
// A figure with the same id as the actor: the type is part of the key.
const figure: MatchRef = { type: 'figure', id: 'vladimir-putin' };

/** A stand-in for the background: answers each request in turn from `replies`, and counts them. */
function background(...replies: ('ok' | 'none' | 'fail')[]) {
  const asked: MatchRef[] = [];
  const fetch = async (ref: MatchRef): Promise<Details | null> => {
    const reply = replies[asked.length] ?? 'ok';
    asked.push(ref);
    if (reply === 'fail') throw new Error('the background did not answer');
    return reply === 'none' ? null : details(ref);
  };
  return { asked, fetch };
}

describe('DetailsCache', () => {
  it('asks once for a match, however often the card asks, and keeps actors and figures apart', async () => {
    const bg = background();
    const cache = new DetailsCache(bg.fetch);
    const [a, b] = await Promise.all([cache.get(putin), cache.get({ ...putin })]);
    expect(a).toBe(b);
    expect(await cache.get(putin)).toBe(a);
    expect((await cache.get(figure))?.ref).toEqual(figure);
    expect(bg.asked).toEqual([putin, figure]);
  });

  it('gives null for a failed request and asks again next time', async () => {
    const bg = background('fail', 'none', 'ok');
    const cache = new DetailsCache(bg.fetch);
    expect(await cache.get(putin)).toBeNull();
    expect(await cache.get(putin)).toBeNull();
    expect((await cache.get(putin))?.ref).toEqual(putin);
    expect(await cache.get(putin)).not.toBeNull();
    expect(bg.asked).toHaveLength(3);
  });
});
