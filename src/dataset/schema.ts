/**
 * The dataset's schema: the one source of its types (`z.infer`), used by the build-time check,
 * the compiler and the extension alike.
 *
 * Layout on disk (see docs/dataset.md):
 *   assets/dataset/actors.json           every actor, shared by all articles
 *   assets/dataset/articles/<id>.json    one article: metadata, figures, statements, disputes
 *   assets/dataset/texts/<id>.txt        its plain text, which the evidence is checked against;
 *                                        never bundled (the extension ships excerpts only)
 *
 * Actors are global because the same person appears in many articles; what changes from one
 * article to the next (their role) is recorded per article in `Article.roles`.
 */
import { z } from 'zod';
import { ActorKind, DisputeHow, Qualifier, SourceStatus, StatementKind } from './kinds';

z.config({ jitless: true });

/** Lower-case slug: the stable key curators and statements refer to. */
const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug like "vladimir-putin"');

export { ActorKind, DisputeHow, Qualifier, SourceStatus, StatementKind } from './kinds';

/**
 * Set by `npm run dataset:draft` on everything it drafts; the curator removes it after review.
 * The check (and so the build) refuses any entry that still carries it.
 */
const Unreviewed = z.literal(true).optional();

/** Words (or short phrases) around an alias on the page, for `AliasContext`. */
const ContextWords = z.array(z.string().trim().min(1)).default([]);

/**
 * What the words right around an alias say about it (docs/matching.md; src/matching/context.ts).
 * Each entry is a word or short phrase that must stand right before (it ends where the alias
 * starts) or right after the alias. Case: a word written in lower case here matches in any
 * case, a Capitalised one in Title Case or ALL CAPS, an ALL-CAPS one only in ALL CAPS.
 */
export const AliasContext = z.strictObject({
  /** Cues: the alias names this actor here ("President" before "Biden"). An unsafe alias with a cue counts as safe there, and supports the actor on the whole page. */
  before: ContextWords,
  /** Cues after the alias: "US President", "Biden administration", "Moscow denies". */
  after: ContextWords,
  /** The alias names something else here: "Brigitte" before "Macron", "Tour de" before "France", "Contact" before "US". Never highlighted there, safe or not. */
  notBefore: ContextWords,
  /** After: "Washington Post", "France 24", "Kremlin palace". */
  notAfter: ContextWords,
  /**
   * Only a cue makes this alias count: page support is not enough. For a capital that stands
   * for its government ("Moscow denies"), which is far more often the city ("talks in Moscow",
   * "a Moscow airport") even on pages about the country.
   */
  cueOnly: z.boolean().default(false),
});
export type AliasContext = z.infer<typeof AliasContext>;

/**
 * One way the page may name an actor.
 * - `safe: true`: specific enough to highlight on its own ("Vladimir Putin", "Kremlin").
 * - `safe: false`: ambiguous alone ("Johnson", "US", "Washington"): highlighted only where the
 *   page also names the actor by a safe alias, or where `context` confirms it (see
 *   src/matching/ambiguity.ts and docs/matching.md).
 * - `caseSensitive: true`: acronyms ("US", "NATO", "CNN") match in their own case only.
 *   Otherwise a name matches as written, in Title Case, or in ALL CAPS (headlines).
 * - `context`: words around the alias that confirm it or show it names something else.
 * - `lang`: which languages write the name this way (docs/matching.md, "Names in other languages").
 */
export const Alias = z.strictObject({
  text: z.string().trim().min(1),
  safe: z.boolean(),
  caseSensitive: z.boolean().default(false),
  context: AliasContext.optional(),
  /**
   * The languages that write the actor this way (ISO 639-1: "en", "fr", "de", "es", "ru", "uk"),
   * for curators and the docs; absent: not said. The matcher reads only "de": such a name may
   * take the German genitive "s" ("Putins", "Russlands"). Otherwise a French name on an English
   * page is still the actor.
   */
  lang: z.array(z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code like "fr"')).min(1).optional(),
});
export type Alias = z.infer<typeof Alias>;

export const Actor = z.strictObject({
  id: Id,
  name: z.string().trim().min(1),
  kind: ActorKind,
  /** Role as of the actor's first article; an article can override it in `Article.roles`. */
  role: z.string().trim().min(1).optional(),
  description: z.string().trim().min(1).optional(),
  aliases: z.array(Alias).default([]),
  wikidata: z
    .string()
    .regex(/^Q[1-9][0-9]*$/, 'must be a Wikidata item id like "Q7747"')
    .optional(),
  unreviewed: Unreviewed,
});
export type Actor = z.infer<typeof Actor>;

export const ActorsFile = z.strictObject({
  $schema: z.string().optional(),
  actors: z.array(Actor),
});

/** W3C Web Annotation selectors locating a passage of the article's text. */
const TextQuoteSelector = z.strictObject({
  exact: z.string().min(1),
  prefix: z.string().default(''),
  suffix: z.string().default(''),
});
const TextPositionSelector = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});
export const Evidence = z.strictObject({
  quote: TextQuoteSelector,
  position: TextPositionSelector,
});
export type Evidence = z.infer<typeof Evidence>;


export const Figure = z.strictObject({
  id: Id,
  /** The number as given ("up to 190,000" has value 190000). */
  value: z.number().finite(),
  /** Bounds where the text gives a range ("between 100,000 and 130,000"). */
  low: z.number().finite().optional(),
  high: z.number().finite().optional(),
  unit: z.string().trim().min(1),
  /**
   * Words that tie a number on a page to this measure: one must follow the number within a few
   * words ("75 per cent of Russia's conventional forces"). Default: the unit's usual words
   * (src/dataset/compile.ts) for a count; none for a percentage, which then matches any "75%".
   */
  terms: z.array(z.string().trim().min(1)).min(1).optional(),
  qualifier: Qualifier,
  /**
   * True when the text gives no number, only an order of magnitude ("tens of thousands of
   * troops"). `value` is then the smallest reading (10000, qualifier "at-least"), kept so the
   * figure can sit beside others of its measure; a matcher must not match it by number.
   */
  vague: z.boolean().optional(),
  /** What it measures, in a few words: "Russian troops around Ukraine". */
  measure: z.string().trim().min(1),
  /** A key shared by figures of the same measure across articles, to set them side by side. */
  measureKey: Id,
  where: z.string().trim().min(1).optional(),
  /** The actor who gives the figure. */
  source: Id,
  /** The figure as the article writes it: "up to 190,000 troops". */
  surface: z.string().min(1),
  evidence: Evidence,
  unreviewed: Unreviewed,
});
export type Figure = z.infer<typeof Figure>;


/** One link in "who reported it, via whom": "the French presidency said", "told CNN". */
const AttributionLink = z.strictObject({
  actor: Id,
  /** How this link passed it on: "said", "told", "reported", "according to". */
  relation: z.string().trim().min(1),
});

export const Statement = z.strictObject({
  id: Id,
  speaker: Id,
  /** What was said: the exact quote, or a faithful paraphrase. */
  text: z.string().trim().min(1),
  kind: StatementKind,
  /** "said", "told CNN", "denies", "estimates". */
  verb: z.string().trim().min(1),
  /** From the speaker outwards: who passed it on, then who reported that (the article's publisher last). */
  attribution: z.array(AttributionLink).min(1),
  sourceStatus: SourceStatus,
  /** Actors the statement is about (not counting the speaker). */
  about: z.array(Id).default([]),
  figures: z.array(Id).default([]),
  evidence: Evidence,
  unreviewed: Unreviewed,
});
export type Statement = z.infer<typeof Statement>;


const Dispute = z.strictObject({
  id: Id,
  /** The statement disputed. */
  statement: Id,
  by: Id,
  how: DisputeHow,
  /** The counter-statement, where the article gives one (a statement id). */
  counter: Id.optional(),
  /** The dispute in a few words, for display when there is no counter-statement. */
  summary: z.string().trim().min(1),
  evidence: Evidence,
  unreviewed: Unreviewed,
});

export const Article = z.strictObject({
  $schema: z.string().optional(),
  id: Id,
  title: z.string().trim().min(1),
  /** An actor id (kind media). */
  publisher: Id,
  url: z.url(),
  published: z.iso.date(),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'must be a BCP 47 tag like "en" or "en-GB"'),
  /** Role of each actor as of this article, where it differs from `Actor.role`. */
  roles: z.record(Id, z.string().trim().min(1)).default({}),
  figures: z.array(Figure).default([]),
  statements: z.array(Statement).default([]),
  disputes: z.array(Dispute).default([]),
  /**
   * The sha256 (hex) of `texts/<id>.txt`, the plain text the evidence offsets count (UTF-16 code
   * units of the file read as UTF-8). The text stays in the repository, out of the bundle.
   */
  textSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in lower-case hex'),
  unreviewed: Unreviewed,
});
export type Article = z.infer<typeof Article>;
