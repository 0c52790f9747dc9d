/**
 * The message protocol: every message written once, as a zod schema of its payload and its
 * reply, in one map per direction. Types come from the schemas; ./channel.ts sends and serves
 * them, validating the payload where it arrives and the reply where it comes back.
 *
 * `zod/mini` (with `jitless`: zod probes `new Function`, which the extension's CSP forbids): the
 * content script bundles this module, and the mini build is a tenth of zod's full one.
 *
 * To add a message: add an entry `type: message(payload, reply)` to its direction's map, and a
 * handler where that direction is served (the handlers' type makes a missing one an error).
 */
import { z } from 'zod/mini';
import type { Envelope } from './envelope';
import { CatalogArticle, Details, MatchIndex } from '../dataset/compiled';
import { MatchRef } from '../dataset/ref';
import { FirstWordsWire } from '../matching/first-words';
import { Decision, Mode, Preferences as Store, SiteChoice } from '../sites/policy';

z.config({ jitless: true });

/** One message: what the asker sends and what the answerer returns. */
export interface Message<P extends z.ZodMiniType = z.ZodMiniType, R extends z.ZodMiniType = z.ZodMiniType> {
  payload: P;
  reply: R;
}

const message = <P extends z.ZodMiniType, R extends z.ZodMiniType>(payload: P, reply: R): Message<P, R> => ({ payload, reply });

/** A map of one direction's messages, by type. */
export type Protocol = Record<string, Message>;

export type Payload<M extends Protocol, K extends keyof M> = z.input<M[K]['payload']>;
export type Reply<M extends Protocol, K extends keyof M> = z.output<M[K]['reply']>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const none = z.object({});
const natural = z.int().check(z.nonnegative());

// ---- Shapes carried by several messages. ----

/** One matched actor or figure on a page, as the popup lists it. */
export const PageMatch = z.object({
  ref: MatchRef,
  name: z.string(),
  /** Actor kind, or "figure". */
  kind: z.string(),
  count: natural,
});
export type PageMatch = z.infer<typeof PageMatch>;

export const PageState = z.object({
  url: z.string(),
  site: z.nullable(z.string()),
  decision: Decision,
  /** "scanning" until the first pass ends. */
  status: z.enum(['scanning', 'ready', 'off']),
  matches: z.array(PageMatch),
});
export type PageState = z.infer<typeof PageState>;

/** One occurrence of a match on the page, as a W3C Web Annotation TextQuoteSelector. */
export const PageQuote = z.object({ ref: MatchRef, exact: z.string(), prefix: z.string(), suffix: z.string() });
export type PageQuote = z.infer<typeof PageQuote>;

/** How much the dataset says about a match (`weightOf`), and whether a statement it made is disputed. */
export const MatchWeight = z.object({ weight: z.number(), disputed: z.boolean() });
export type MatchWeight = z.infer<typeof MatchWeight>;

/**
 * The match index as a page gets it: whole for a small dataset; for a large one without actors
 * and aliases but with `firstWords`, the filter the page tests its words against before it asks
 * for their aliases (`data:aliases`).
 */
export const IndexReply = z.extend(MatchIndex, { firstWords: z.optional(FirstWordsWire) });
export type IndexReply = z.infer<typeof IndexReply>;

/** Aliases for a page of a large dataset, with their actors (`alias.actor` is a position in `actors`). */
export const AliasBatch = z.object({
  actors: MatchIndex.shape.actors,
  aliases: MatchIndex.shape.aliases,
  /** Positions in `actors` of those with aliases not sent (one-word unsafe ones): ask by actor once the page names them. */
  withheld: z.array(natural),
});
export type AliasBatch = z.infer<typeof AliasBatch>;

const Summary = z.object({ version: z.string(), articles: natural, actors: natural, figures: natural, statements: natural, disputes: natural });

// ---- The directions. ----

/** What a page's content script and the extension's pages both ask the background. */
const dataMessages = {
  /**
   * What the dataset says about one match, for the card and the popup. `page`: the address of the
   * page read, when the popup asks (a content script's own address comes from its sender), so that
   * the page's own article comes first when it is one of the dataset's.
   */
  'data:details': message(z.object({ ref: MatchRef, page: z.optional(z.string().check(z.maxLength(8192))) }), z.nullable(Details)),
  /** Weight and disputed flag of each match, in the order asked (the popup sorts by weight; the page marks disputed ones). */
  'data:weights': message(z.object({ refs: z.array(MatchRef).check(z.maxLength(10_000)) }), z.array(MatchWeight)),
};

/** Content script → background (runtime.sendMessage). The background answers only reads here. */
export const ContentToBackground = {
  ...dataMessages,
  /** The compiled match index (names and figure patterns only). */
  'data:index': message(none, IndexReply),
  /**
   * For a page of a large dataset, whose `data:index` came without aliases: the one-word aliases
   * that are one of `words`, the longer ones whose first two tokens are a pair of `pairs` (flat:
   * first, second, first, second…), by the matcher's token hashes, and every alias of the
   * `actors` the page names (src/background/lazy-index.ts).
   */
  'data:aliases': message(
    z.object({
      words: z.array(z.int()).check(z.maxLength(100_000)),
      pairs: z.array(z.int()).check(z.maxLength(200_000)),
      actors: z.array(z.string()).check(z.maxLength(10_000)),
    }),
    AliasBatch,
  ),
  /** The card's "n more": open the popup in a tab, at this match, for the sender's tab. */
  'ui:open-details': message(z.object({ ref: MatchRef }), z.null()),
  /** The content script reports its match count (and whether the reader switched it off), for the toolbar badge. */
  'page:count': message(z.object({ count: natural, off: z.boolean() }), z.null()),
  /**
   * From the frame probe of a subframe of the same origin as its top: run the engine (the content
   * script and its styles) in the sender's frame. Tab and frame come from the sender, never a payload.
   */
  'frame:attach': message(none, z.null()),
} satisfies Protocol;

/**
 * Popup and options page → background (runtime.sendMessage). Every change to the settings is
 * one of these: the background is their only writer (src/background/settings-writer.ts).
 */
export const UiToBackground = {
  ...dataMessages,
  /** Every article of the dataset with its metadata and counts (the options page; the popup, to know the page read). */
  'data:articles': message(none, z.array(CatalogArticle)),
  /** Dataset version and counts, for the options page. */
  'data:summary': message(none, Summary),
  /** Switch the global pause on or off. */
  'settings:pause': message(z.object({ paused: z.boolean() }), Store),
  /** Choose where the extension runs. */
  'settings:mode': message(z.object({ mode: Mode }), Store),
  /** Set one site's choice; null clears it (the site follows the mode again). */
  'settings:site': message(z.object({ site: z.string(), choice: z.nullable(SiteChoice) }), Store),
  /** Replace everything with an imported settings file (already validated by the options page, and again here). */
  'settings:import': message(Store, Store),
} satisfies Protocol;

/** Popup or background → the content script of one tab (tabs.sendMessage). */
export const ToContent = {
  /** The page's state: whether it is on, and what matched with counts. */
  'page:state': message(none, PageState),
  /** Scroll to the next occurrence of a match, flash it and open its card. */
  'page:reveal': message(z.object({ ref: MatchRef }), z.boolean()),
  /** Keyboard shortcut: move to the next or previous highlight, scroll to it and open its card with the focus in it. */
  'page:navigate': message(z.object({ direction: z.enum(['next', 'previous']) }), z.boolean()),
  /** Every occurrence with its text quote (W3C TextQuoteSelector), for the popup's JSON-LD export. */
  'page:quotes': message(none, z.array(PageQuote)),
} satisfies Protocol;

export { envelope } from './envelope';

/**
 * The type and payload of an incoming message if it is ours, of a type of `map` (an own key:
 * "constructor" and "__proto__" are unknown types) and with a valid payload; null otherwise.
 * An absent payload reads as `{}`.
 */
export function parseIncoming<M extends Protocol>(map: M, message: unknown): { type: keyof M & string; payload: unknown } | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Partial<Envelope>;
  if (m.newslens !== 1 || typeof m.type !== 'string' || !Object.hasOwn(map, m.type)) return null;
  const parsed = map[m.type]!.payload.safeParse(m.payload ?? {});
  return parsed.success ? { type: m.type, payload: parsed.data } : null;
}

/** A reply as it travels, checked against the message's reply schema: anything else reads as an error. */
export function parseReply<M extends Protocol, K extends keyof M & string>(map: M, type: K, reply: unknown): Result<Reply<M, K>> {
  const result = z.union([z.object({ ok: z.literal(true), value: map[type]!.reply }), z.object({ ok: z.literal(false), error: z.string() })]).safeParse(reply);
  if (result.success) return result.data as Result<Reply<M, K>>;
  return { ok: false, error: `invalid answer to ${type}` };
}

/**
 * Only the extension's own pages and content scripts may talk to it. Web pages cannot reach
 * runtime.onMessage at all (no externally_connectable), but the check stays as defence in depth.
 */
export function isOwnSender(sender: { id?: string | undefined }, ownId: string | undefined): boolean {
  return ownId !== undefined && sender.id === ownId;
}
