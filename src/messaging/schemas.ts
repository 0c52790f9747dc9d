/**
 * The requests of the message protocol (./protocol.ts) as zod schemas, one map per direction:
 * the background checks every request it receives against `ToBackground` (./serve.ts).
 *
 * Never imported by the content script (today only the background and tests import it): zod
 * cost the content script about 18 KB, evaluated on every page it runs on. The content script
 * checks what it receives with the hand-written guards of ./guards.ts instead, and
 * tests/unit/guards.test.ts holds `ToContent` here and those guards to the same answers.
 */
// zod/mini, not zod: a tenth of the size for any page that carries it (src/dataset/ref.ts).
import { z } from 'zod/mini';
import { MatchRef } from '../dataset/ref';
import { readEnvelope } from './protocol';

z.config({ jitless: true });

/** Popup (or background) → content script of one tab (tabs.sendMessage). */
export const ToContent = {
  /** The page's state: whether it is on, and what matched with counts. */
  'page:state': z.object({}),
  /** Scroll to the next occurrence of a match, flash it and open its card. */
  'page:reveal': z.object({ ref: MatchRef }),
  /** Keyboard shortcut: move to the next or previous highlight, scroll to it and open its card with the focus in it. */
  'page:navigate': z.object({ direction: z.enum(['next', 'previous']) }),
  /** Every occurrence with its text quote (W3C TextQuoteSelector), for the popup's JSON-LD export. */
  'page:quotes': z.object({}),
} as const;

/** Content script, popup or options page → background (runtime.sendMessage). */
export const ToBackground = {
  /** The compiled match index (names and figure patterns only). */
  'data:index': z.object({}),
  /**
   * What the dataset says about one match, for the card and the popup. `page`: the address of the
   * page read, when the popup asks (a content script's own address comes from its sender), so that
   * the page's own article comes first when it is one of the dataset's.
   */
  'data:details': z.object({ ref: MatchRef, page: z.optional(z.string().check(z.maxLength(8192))) }),
  /** Every article of the dataset with its metadata and counts (the options page; the popup, to know the page read). */
  'data:articles': z.object({}),
  /** The card's "n more": open the popup in a tab, at this match, for the sender's tab. */
  'ui:open-details': z.object({ ref: MatchRef }),
  /**
   * For a page of a large dataset, whose `data:index` came without aliases: the one-word aliases
   * that are one of `words`, the longer ones whose first two tokens are a pair of `pairs` (flat:
   * first, second, first, second…), by the matcher's token hashes, and every alias of the
   * `actors` the page names (src/background/lazy-index.ts).
   */
  'data:aliases': z.object({
    words: z.array(z.int()).check(z.maxLength(100_000)),
    pairs: z.array(z.int()).check(z.maxLength(200_000)),
    actors: z.array(z.string()).check(z.maxLength(10_000)),
  }),
  /** Dataset version and counts, for the options page. */
  'data:summary': z.object({}),
  /** Weight and disputed flag of each match, in the order asked (the popup sorts by weight; the page marks disputed ones). */
  'data:weights': z.object({ refs: z.array(MatchRef).check(z.maxLength(10_000)) }),
  /** The content script reports its match count (and whether the reader switched it off), for the toolbar badge. */
  'page:count': z.object({ count: z.int().check(z.nonnegative()), off: z.boolean() }),
} as const;

/** Parses an incoming message against a direction's map; null when it is not ours or invalid. */
export function parseIncoming<M extends Record<string, z.ZodMiniType>>(
  map: M,
  message: unknown,
): { type: keyof M & string; payload: unknown } | null {
  const read = readEnvelope(map, message);
  if (!read) return null;
  const parsed = map[read.type]!.safeParse(read.payload);
  return parsed.success ? { type: read.type, payload: parsed.data } : null;
}
