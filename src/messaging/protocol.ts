/**
 * The message protocol, one map per direction. Every request is validated with zod where it
 * arrives, and every handler answers with a `Result` (an Error does not survive the boundary).
 * Messages are accepted only from the extension's own contexts (see `isOwnSender`).
 */
// zod/mini, not zod: the content script validates what it receives with these schemas, and
// zod's full build would cost it about 100 KB (src/dataset/ref.ts).
import { z } from 'zod/mini';
import { MatchRef } from '../dataset/ref';
import type { Details, MatchIndex } from '../dataset/compiled';
import type { FirstWordsWire } from '../matching/first-words';
import type { Decision } from '../sites/policy';

z.config({ jitless: true });

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** One matched actor or figure on a page, as the popup lists it. */
export interface PageMatch {
  ref: MatchRef;
  name: string;
  /** Actor kind, or "figure". */
  kind: string;
  count: number;
}

export interface PageState {
  url: string;
  site: string | null;
  decision: Decision;
  /** "scanning" until the first pass ends. */
  status: 'scanning' | 'ready' | 'off';
  matches: PageMatch[];
}

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
export interface ToContentReplies {
  'page:state': PageState;
  'page:reveal': boolean;
  'page:navigate': boolean;
  'page:quotes': PageQuote[];
}

/** One occurrence of a match on the page, as a W3C Web Annotation TextQuoteSelector. */
export interface PageQuote {
  ref: MatchRef;
  exact: string;
  prefix: string;
  suffix: string;
}

/** How much the dataset says about a match (`weightOf`), and whether a statement it made is disputed. */
export interface MatchWeight {
  weight: number;
  disputed: boolean;
}

/**
 * The match index as a page gets it: whole for a small dataset; for a large one without actors
 * and aliases but with `firstWords`, the filter the page tests its words against before it asks
 * for their aliases (`data:aliases`).
 */
export type IndexReply = MatchIndex & { firstWords?: FirstWordsWire };

/** Aliases for a page of a large dataset, with their actors (`alias.actor` is a position in `actors`). */
export interface AliasBatch {
  actors: MatchIndex['actors'];
  aliases: MatchIndex['aliases'];
  /** Positions in `actors` of those with aliases not sent (one-word unsafe ones): ask by actor once the page names them. */
  withheld: number[];
}

/** Content script, popup or options page → background (runtime.sendMessage). */
export const ToBackground = {
  /** The compiled match index (names and figure patterns only). */
  'data:index': z.object({}),
  /** What the dataset says about one match, for the card and the popup. */
  'data:details': z.object({ ref: MatchRef }),
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
export interface ToBackgroundReplies {
  'data:index': IndexReply;
  'data:aliases': AliasBatch;
  'data:details': Details | null;
  'data:summary': { version: string; articles: number; actors: number; figures: number; statements: number; disputes: number };
  'data:weights': MatchWeight[];
  'page:count': null;
}

export type ToContentType = keyof typeof ToContent;
export type ToBackgroundType = keyof typeof ToBackground;

export interface Envelope<T extends string = string> {
  newslens: 1;
  type: T;
  payload: unknown;
}

export function envelope<T extends string>(type: T, payload: unknown): Envelope<T> {
  return { newslens: 1, type, payload };
}

/** Parses an incoming message against a direction's map; null when it is not ours or invalid. */
export function parseIncoming<M extends Record<string, z.ZodMiniType>>(
  map: M,
  message: unknown,
): { type: keyof M & string; payload: unknown } | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Partial<Envelope>;
  if (m.newslens !== 1 || typeof m.type !== 'string' || !Object.hasOwn(map, m.type)) return null;
  const schema = map[m.type as keyof M];
  if (!schema) return null;
  const parsed = schema.safeParse(m.payload ?? {});
  if (!parsed.success) return null;
  return { type: m.type as keyof M & string, payload: parsed.data };
}

/**
 * Only the extension's own pages and content scripts may talk to it. Web pages cannot reach
 * runtime.onMessage at all (no externally_connectable), but the check stays as defence in depth.
 */
export function isOwnSender(sender: { id?: string | undefined }, ownId: string): boolean {
  return sender.id === ownId;
}
