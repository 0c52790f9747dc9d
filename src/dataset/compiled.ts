/**
 * What the build makes of the dataset for the extension at run time.
 *
 * - `MatchIndex`: the small part every page needs: names and figure patterns, nothing else.
 *   The content script gets only this (from the background), so a dataset of thousands of
 *   articles costs a page its names, not its statements.
 * - `Details`: statements, disputes and articles, asked for by the card and the popup only
 *   when they open.
 */
// zod/mini: the content script validates the index and details it receives with these.
import { z } from 'zod/mini';
import { MatchRef } from './ref';
import { ActorKind, DisputeHow, Qualifier, SourceStatus, StatementKind } from './kinds';

z.config({ jitless: true });

export const IndexActor = z.object({
  id: z.string(),
  name: z.string(),
  kind: ActorKind,
});

/** The alias's `context` (schema.ts `AliasContext`), only the parts that are set. */
export const IndexAliasContext = z.object({
  before: z.optional(z.array(z.string())),
  after: z.optional(z.array(z.string())),
  notBefore: z.optional(z.array(z.string())),
  notAfter: z.optional(z.array(z.string())),
  cueOnly: z.optional(z.boolean()),
});
export type IndexAliasContext = z.infer<typeof IndexAliasContext>;

export const IndexAlias = z.object({
  text: z.string(),
  /** Position of the actor in `MatchIndex.actors`. */
  actor: z.int().check(z.nonnegative()),
  safe: z.boolean(),
  caseSensitive: z.boolean(),
  context: z.optional(IndexAliasContext),
  /** The name may take the German genitive "s" ("Putins", "Russlands"): set for aliases whose `lang` has "de". */
  genitive: z.optional(z.boolean()),
});
export type IndexAlias = z.infer<typeof IndexAlias>;

export const IndexFigure = z.object({
  id: z.string(),
  value: z.number(),
  low: z.optional(z.number()),
  high: z.optional(z.number()),
  /** Words that may follow the number within a short window: "troops", "soldiers". */
  unitTerms: z.array(z.string()),
  /** True for percentages: "75%", "75 per cent", "75 percent". A percentage with unit terms also needs one of them after it. */
  percent: z.boolean(),
  /**
   * Folded proper names that may stand between the number and its unit term ("Russian" in
   * "30,000 Russian troops"), from the figure's own surface and measure. Any other capitalised
   * word there says whose they are ("30,000 American troops"): no match. Absent: not checked.
   */
  names: z.optional(z.array(z.string())),
  measureKey: z.string(),
});
export type IndexFigure = z.infer<typeof IndexFigure>;

export const MatchIndex = z.object({
  /** Content hash of the dataset: changes whenever the data does. */
  version: z.string(),
  actors: z.array(IndexActor),
  aliases: z.array(IndexAlias),
  figures: z.array(IndexFigure),
});
export type MatchIndex = z.infer<typeof MatchIndex>;

/** A reference to one thing the page can match (declared in ./ref.ts: the content script validates it). */
export { MatchRef };

export const DetailArticle = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  publisherName: z.string(),
  url: z.string(),
  published: z.string(),
  language: z.string(),
});
export type DetailArticle = z.infer<typeof DetailArticle>;

export const DetailActor = z.object({
  id: z.string(),
  name: z.string(),
  kind: ActorKind,
  /** The role as of the actor's most recent article. */
  role: z.optional(z.string()),
  description: z.optional(z.string()),
  wikidata: z.optional(z.string()),
});
export type DetailActor = z.infer<typeof DetailActor>;

export const DetailStatement = z.object({
  id: z.string(),
  article: z.string(),
  speaker: z.string(),
  text: z.string(),
  kind: StatementKind,
  verb: z.string(),
  attribution: z.array(z.object({ actor: z.string(), relation: z.string() })),
  sourceStatus: SourceStatus,
  about: z.array(z.string()),
  figures: z.array(z.string()),
  /** The passage of the article it stands in. */
  quote: z.string(),
});
export type DetailStatement = z.infer<typeof DetailStatement>;

export const DetailDispute = z.object({
  id: z.string(),
  article: z.string(),
  statement: z.string(),
  by: z.string(),
  how: DisputeHow,
  counter: z.optional(z.string()),
  summary: z.string(),
  quote: z.string(),
});
export type DetailDispute = z.infer<typeof DetailDispute>;

export const DetailFigure = z.object({
  id: z.string(),
  article: z.string(),
  value: z.number(),
  low: z.optional(z.number()),
  high: z.optional(z.number()),
  unit: z.string(),
  qualifier: Qualifier,
  measure: z.string(),
  measureKey: z.string(),
  where: z.optional(z.string()),
  source: z.string(),
  surface: z.string(),
});
export type DetailFigure = z.infer<typeof DetailFigure>;

/** Everything the card and the popup show about one matched actor or figure. */
export const Details = z.object({
  ref: MatchRef,
  actor: z.optional(DetailActor),
  figure: z.optional(DetailFigure),
  /** Statements the actor made, or that give the figure. */
  said: z.array(DetailStatement),
  /** Statements about the actor made by others. */
  about: z.array(DetailStatement),
  /** Statements the actor passed on (a link in their attribution chain, not the speaker). */
  reported: z.array(DetailStatement),
  disputes: z.array(DetailDispute),
  /** Other figures for the same measure (for a figure). */
  related: z.array(DetailFigure),
  /** Every actor and article the above refer to, by id, for names and links. */
  actors: z.record(z.string(), DetailActor),
  articles: z.record(z.string(), DetailArticle),
  /** Statements referred to by disputes (the disputed claim and the counter-statement). */
  statements: z.record(z.string(), DetailStatement),
  /** The article the page being read is, when it is one of the dataset's: its statements come first. */
  page: z.optional(z.string()),
});
export type Details = z.infer<typeof Details>;

/**
 * One article's details, as the build writes them to `dataset/<article-id>.json` in the
 * extension's files, checked where the background reads them (src/background/details-source.ts).
 */
export const ArticleDetails = z.object({
  article: z.string(),
  statements: z.array(DetailStatement),
  disputes: z.array(DetailDispute),
  figures: z.array(DetailFigure),
});
export type ArticleDetails = z.infer<typeof ArticleDetails>;

/** Where an article's details file sits in the extension's files (article ids are slugs). */
export function articleDetailsPath(id: string): string {
  return `dataset/${id}.json`;
}

/** How much one article holds, for the options page's list. */
export const ArticleCounts = z.object({
  statements: z.int().check(z.nonnegative()),
  figures: z.int().check(z.nonnegative()),
  disputes: z.int().check(z.nonnegative()),
  actors: z.int().check(z.nonnegative()),
});
export type ArticleCounts = z.infer<typeof ArticleCounts>;

/** A dataset article as the options page and the popup list it: metadata and counts. */
export const CatalogArticle = z.extend(DetailArticle, { counts: ArticleCounts });
export type CatalogArticle = z.infer<typeof CatalogArticle>;

/**
 * What the background carries in its bundle besides the match index: every actor and article's
 * metadata, and for each match (`actor:<id>`, `figure:<id>`) the articles its details draw on,
 * its weight and whether a statement it made is disputed. Small: no statement texts.
 */
export interface Catalog {
  actors: Record<string, DetailActor>;
  articles: Record<string, DetailArticle>;
  counts: Record<string, ArticleCounts>;
  refs: Record<string, CatalogRef>;
}

export interface CatalogRef {
  /** Article ids whose details files hold everything `detailsFor` needs for this match (never empty: a match without any has no entry). */
  articles: string[];
  weight: number;
  disputed: boolean;
}

/** Everything the card and the popup need, keyed for lookup by id (the whole dataset's, or some articles'). */
export interface DetailsStore {
  actors: Record<string, DetailActor>;
  articles: Record<string, DetailArticle>;
  statements: Record<string, DetailStatement>;
  disputes: Record<string, DetailDispute>;
  figures: Record<string, DetailFigure>;
}
