/**
 * The message protocol, one map per direction. Every request is validated with zod where it
 * arrives, and every handler answers with a `Result` (an Error does not survive the boundary).
 * Messages are accepted only from the extension's own contexts (see `isOwnSender`).
 */
import { z } from 'zod';
import { MatchRef } from '../dataset/compiled';
import type { Details, MatchIndex } from '../dataset/compiled';
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
} as const;
export interface ToContentReplies {
  'page:state': PageState;
  'page:reveal': boolean;
}

/** Content script, popup or options page → background (runtime.sendMessage). */
export const ToBackground = {
  /** The compiled match index (names and figure patterns only). */
  'data:index': z.object({}),
  /** What the dataset says about one match, for the card and the popup. */
  'data:details': z.object({ ref: MatchRef }),
  /** Dataset version and counts, for the options page. */
  'data:summary': z.object({}),
  /** The content script reports its match count (and whether the reader switched it off), for the toolbar badge. */
  'page:count': z.object({ count: z.number().int().nonnegative(), off: z.boolean() }),
} as const;
export interface ToBackgroundReplies {
  'data:index': MatchIndex;
  'data:details': Details | null;
  'data:summary': { version: string; articles: number; actors: number; figures: number; statements: number; disputes: number };
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
export function parseIncoming<M extends Record<string, z.ZodType>>(
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
