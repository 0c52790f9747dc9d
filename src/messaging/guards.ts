/**
 * Hand-written guards for everything the content script receives: requests from the popup and
 * the background (`ToContentGuards`) and the background's replies (`ReplyGuards`). Stored settings
 * have theirs in src/sites/policy.ts.
 *
 * Why not zod, as where requests reach the background (./schemas.ts) and where the options page
 * reads a settings file (src/sites/schemas.ts): the content script runs on every page the reader
 * opens, and zod cost it about 18 KB of its 110 KB, all of it evaluated before the first
 * highlight (zod builds its schemas when its module loads). These guards are under 3 KB and
 * build next to nothing up front. The cost of two forms is that they could drift apart:
 * tests/unit/guards.test.ts feeds the same valid and invalid samples to both and requires the
 * same answers, and the guards are typed by the zod-derived types of ./protocol.ts.
 *
 * The guards follow zod's rules: objects are non-null non-arrays and may carry keys not named
 * (zod strips them, a guard leaves them); optional means absent or undefined; numbers are finite,
 * integers safe integers; records are plain objects. A guard does not copy: it answers yes or no.
 */
import type { IndexAlias, IndexAliasContext, IndexFigure, MatchIndex } from '../dataset/compiled';
import type { ActorKind } from '../dataset/schema';
import type { ToBackgroundReplies, ToBackgroundType, ToContentPayloads, ToContentType } from './protocol';

export type Guard<T> = (value: unknown) => value is T;
type GuardOf<G> = G extends Guard<infer T> ? T : never;
type Flat<T> = { [K in keyof T]: T[K] };
/** The type an `object` guard checks: keys whose guard takes undefined are optional. */
type ShapeOf<S extends Record<string, Guard<unknown>>> = Flat<
  { [K in keyof S as undefined extends GuardOf<S[K]> ? never : K]: GuardOf<S[K]> } & {
    [K in keyof S as undefined extends GuardOf<S[K]> ? K : never]?: GuardOf<S[K]>;
  }
>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const string = (v: unknown): v is string => typeof v === 'string';
export const boolean = (v: unknown): v is boolean => typeof v === 'boolean';
export const number = (v: unknown): v is number => Number.isFinite(v);
export const integer = (v: unknown): v is number => Number.isSafeInteger(v);
export const natural = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export const oneOf =
  <const T extends readonly unknown[]>(values: T): Guard<T[number]> =>
  (v): v is T[number] =>
    values.includes(v);

export const optional =
  <T>(guard: Guard<T>): Guard<T | undefined> =>
  (v): v is T | undefined =>
    v === undefined || guard(v);

export const nullable =
  <T>(guard: Guard<T>): Guard<T | null> =>
  (v): v is T | null =>
    v === null || guard(v);

/** Every element, holes included (a hole is undefined, as zod reads it). */
export const arrayOf =
  <T>(guard: Guard<T>): Guard<T[]> =>
  (v): v is T[] => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (!guard(v[i])) return false;
    return true;
  };

export const object = <S extends Record<string, Guard<unknown>>>(shape: S): Guard<ShapeOf<S>> => {
  const entries = Object.entries(shape);
  return (v): v is ShapeOf<S> => {
    if (!isObject(v)) return false;
    for (const [key, guard] of entries) if (!guard(v[key])) return false;
    return true;
  };
};

/** A plain object (zod's `isPlainObject`: not a Map, a Date…) whose own enumerable values all pass. */
export const recordOf =
  <T>(guard: Guard<T>): Guard<Record<string, T>> =>
  (v): v is Record<string, T> => {
    if (!isObject(v)) return false;
    const ctor = v.constructor;
    if (typeof ctor === 'function' && !(isObject(ctor.prototype) && Object.hasOwn(ctor.prototype, 'isPrototypeOf'))) return false;
    for (const key of Object.keys(v)) if (key !== '__proto__' && !guard(v[key])) return false;
    return true;
  };

// ---- The dataset's shapes, as src/dataset/ref.ts, compiled.ts and schema.ts declare them. ----

export const ACTOR_KINDS = ['person', 'organisation', 'government', 'country', 'media', 'group', 'anonymous'] as const satisfies readonly ActorKind[];
export const QUALIFIERS = ['exactly', 'about', 'up-to', 'at-least', 'close-to', 'more-than', 'fewer-than'] as const;
export const STATEMENT_KINDS = ['direct-quote', 'partial-quote', 'paraphrase'] as const;
export const SOURCE_STATUSES = ['named', 'unnamed', 'unverified'] as const;
export const DISPUTE_HOWS = ['denies', 'rejects', 'contradicts', 'doubts'] as const;

const strings = arrayOf(string);

export const isMatchRef = object({ type: oneOf(['actor', 'figure'] as const), id: string });

const isActorKind = oneOf(ACTOR_KINDS);
const optionalStrings = (v: unknown): boolean => v === undefined || strings(v);
const optionalNumber = (v: unknown): boolean => v === undefined || Number.isFinite(v);

// The index's elements are written out, not built from the combinators: a page checks thousands
// of them once, while its code is still cold, and direct property reads run about four times as
// fast there as the combinators' calls and computed keys.
const indexActor = (v: unknown): v is MatchIndex['actors'][number] => isObject(v) && typeof v.id === 'string' && typeof v.name === 'string' && isActorKind(v.kind);
const aliasContext = (c: unknown): c is IndexAliasContext =>
  isObject(c) &&
  optionalStrings(c.before) &&
  optionalStrings(c.after) &&
  optionalStrings(c.notBefore) &&
  optionalStrings(c.notAfter) &&
  (c.cueOnly === undefined || typeof c.cueOnly === 'boolean');
const indexAlias = (v: unknown): v is IndexAlias =>
  isObject(v) &&
  typeof v.text === 'string' &&
  natural(v.actor) &&
  typeof v.safe === 'boolean' &&
  typeof v.caseSensitive === 'boolean' &&
  (v.context === undefined || aliasContext(v.context));
const indexFigure = (v: unknown): v is IndexFigure =>
  isObject(v) &&
  typeof v.id === 'string' &&
  Number.isFinite(v.value) &&
  optionalNumber(v.low) &&
  optionalNumber(v.high) &&
  strings(v.unitTerms) &&
  typeof v.percent === 'boolean' &&
  optionalStrings(v.names) &&
  typeof v.measureKey === 'string';
const firstWordsWire = object({ any: string, lower: string, size: natural, punctuation: boolean });

const detailActor = object({
  id: string,
  name: string,
  kind: oneOf(ACTOR_KINDS),
  role: optional(string),
  description: optional(string),
  wikidata: optional(string),
});
const detailArticle = object({ id: string, title: string, publisher: string, publisherName: string, url: string, published: string, language: string });
const detailStatement = object({
  id: string,
  article: string,
  speaker: string,
  text: string,
  kind: oneOf(STATEMENT_KINDS),
  verb: string,
  attribution: arrayOf(object({ actor: string, relation: string })),
  sourceStatus: oneOf(SOURCE_STATUSES),
  about: strings,
  figures: strings,
  quote: string,
});
const detailDispute = object({
  id: string,
  article: string,
  statement: string,
  by: string,
  how: oneOf(DISPUTE_HOWS),
  counter: optional(string),
  summary: string,
  quote: string,
});
const detailFigure = object({
  id: string,
  article: string,
  value: number,
  low: optional(number),
  high: optional(number),
  unit: string,
  qualifier: oneOf(QUALIFIERS),
  measure: string,
  measureKey: string,
  where: optional(string),
  source: string,
  surface: string,
});
const details = object({
  ref: isMatchRef,
  actor: optional(detailActor),
  figure: optional(detailFigure),
  said: arrayOf(detailStatement),
  about: arrayOf(detailStatement),
  reported: arrayOf(detailStatement),
  disputes: arrayOf(detailDispute),
  related: arrayOf(detailFigure),
  actors: recordOf(detailActor),
  articles: recordOf(detailArticle),
  statements: recordOf(detailStatement),
  page: optional(string),
});

// ---- The messages. ----

/** Requests to the content script, by type (schemas.ts `ToContent`). */
export const ToContentGuards: { [K in ToContentType]: Guard<ToContentPayloads[K]> } = {
  'page:state': object({}),
  'page:reveal': object({ ref: isMatchRef }),
  'page:navigate': object({ direction: oneOf(['next', 'previous'] as const) }),
  'page:quotes': object({}),
};

/** The value of the background's reply to each request (reply-schemas.ts). */
export const ReplyGuards: { [K in ToBackgroundType]: Guard<ToBackgroundReplies[K]> } = {
  'data:index': object({
    version: string,
    actors: arrayOf(indexActor),
    aliases: arrayOf(indexAlias),
    figures: arrayOf(indexFigure),
    firstWords: optional(firstWordsWire),
  }),
  'data:aliases': object({ actors: arrayOf(indexActor), aliases: arrayOf(indexAlias), withheld: arrayOf(natural) }),
  'data:details': nullable(details),
  'data:summary': object({ version: string, articles: natural, actors: natural, figures: natural, statements: natural, disputes: natural }),
  'data:weights': arrayOf(object({ weight: number, disputed: boolean })),
  'data:articles': arrayOf(
    object({
      id: string,
      title: string,
      publisher: string,
      publisherName: string,
      url: string,
      published: string,
      language: string,
      counts: object({ statements: natural, figures: natural, disputes: natural, actors: natural }),
    }),
  ),
  'ui:open-details': (v): v is null => v === null,
  'page:count': (v): v is null => v === null,
};

/** A `Result` as it travels: `{ ok: true, value }` with a value `valid` accepts, or `{ ok: false, error }`. */
export const isResult = <T>(v: unknown, valid: Guard<T>): v is { ok: true; value: T } | { ok: false; error: string } =>
  isObject(v) && (v.ok === true ? valid(v.value) : v.ok === false && string(v.error));
