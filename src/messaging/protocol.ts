/**
 * The message protocol, one map per direction. Every request is validated where it arrives, and
 * every handler answers with a `Result` (an Error does not survive the boundary). Messages are
 * accepted only from the extension's own contexts (see `isOwnSender`).
 *
 * This module has no validation code of its own, so that every context may import it: the
 * background checks what it receives with the zod schemas of ./schemas.ts, the content script
 * with the hand-written guards of ./guards.ts (why: the top of guards.ts). The payload types come
 * from the zod schemas (`import type`: no zod in a bundle that imports only this module).
 */
import type { z } from 'zod/mini';
import type { MatchRef } from '../dataset/ref';
import type { CatalogArticle, Details, MatchIndex } from '../dataset/compiled';
import type { FirstWordsWire } from '../matching/first-words';
import type { Decision } from '../sites/policy';
import type * as schemas from './schemas';

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

/** Popup (or background) → content script of one tab (tabs.sendMessage): requests as they arrive (schemas.ts `ToContent`). */
export type ToContentPayloads = { [K in keyof typeof schemas.ToContent]: z.output<(typeof schemas.ToContent)[K]> };
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

/** Content script, popup or options page → background (runtime.sendMessage): requests as sent (schemas.ts `ToBackground`). */
export type ToBackgroundPayloads = { [K in keyof typeof schemas.ToBackground]: z.input<(typeof schemas.ToBackground)[K]> };
export interface ToBackgroundReplies {
  'data:index': IndexReply;
  'data:aliases': AliasBatch;
  'data:details': Details | null;
  'data:summary': { version: string; articles: number; actors: number; figures: number; statements: number; disputes: number };
  'data:weights': MatchWeight[];
  'data:articles': CatalogArticle[];
  'ui:open-details': null;
  'page:count': null;
}

export type ToContentType = keyof ToContentPayloads;
export type ToBackgroundType = keyof ToBackgroundPayloads;

export interface Envelope<T extends string = string> {
  newslens: 1;
  type: T;
  payload: unknown;
}

export function envelope<T extends string>(type: T, payload: unknown): Envelope<T> {
  return { newslens: 1, type, payload };
}

/**
 * The type and raw payload of an incoming message if it is ours and of a type in `map` (an own
 * key: not "constructor"); null otherwise. The payload is not checked here: the caller checks it
 * against `map[type]`. An absent payload reads as `{}`.
 */
export function readEnvelope<M extends object>(map: M, message: unknown): { type: keyof M & string; payload: unknown } | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Partial<Envelope>;
  if (m.newslens !== 1 || typeof m.type !== 'string' || !Object.hasOwn(map, m.type)) return null;
  return { type: m.type as keyof M & string, payload: m.payload ?? {} };
}

/**
 * Only the extension's own pages and content scripts may talk to it. Web pages cannot reach
 * runtime.onMessage at all (no externally_connectable), but the check stays as defence in depth.
 */
export function isOwnSender(sender: { id?: string | undefined }, ownId: string | undefined): boolean {
  return ownId !== undefined && sender.id === ownId;
}

/** Runs a handler and wraps what it gives, or the error it throws, in a `Result`. */
export function answer(run: () => unknown): Promise<Result<unknown>> {
  return Promise.resolve()
    .then(run)
    .then(
      (value): Result<unknown> => ({ ok: true, value }),
      (e: unknown): Result<unknown> => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
}
