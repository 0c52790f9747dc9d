/**
 * Answers `data:details` from the catalog the background bundles and the per-article details
 * files the build writes (`dataset/<article-id>.json`), fetched on first need and checked with
 * zod. A file that fails to load or to validate is not cached: the next request tries again.
 * Loaded articles stay while the service worker lives (they cannot change: they ship with it).
 */
import { ArticleDetails } from '../dataset/compiled';
import type { ArticleDetails as ArticleDetailsType, Catalog, CatalogArticle, Details, DetailsStore, MatchRef } from '../dataset/compiled';
import { detailsFor } from '../dataset/details';
import { articleUrlKey } from '../dataset/article-url';
import type { MatchWeight } from '../messaging/protocol';

/** Reads one article's details file as JSON (the background passes a `fetch` of its own files). */
export type ReadArticle = (id: string) => Promise<unknown>;

export interface DetailsSource {
  /** What the dataset says about a match; `pageUrl`, when it is one of the dataset's articles, puts that article first. */
  details(ref: MatchRef, pageUrl?: string): Promise<Details | null>;
  weights(refs: readonly MatchRef[]): MatchWeight[];
  /** Every article with its counts, most recent first. */
  articles(): CatalogArticle[];
  /** The dataset article whose address is `url` (normalised: see ../dataset/article-url.ts). */
  articleAt(url: string | undefined): string | undefined;
}

export function createDetailsSource(catalog: Catalog, read: ReadArticle): DetailsSource {
  const loaded = new Map<string, Promise<ArticleDetailsType>>();
  const byUrl = new Map<string, string>();
  // The catalog lists articles oldest first, as the whole store does: merged in that order, ties keep the same order.
  const rank = new Map(Object.keys(catalog.articles).map((id, i) => [id, i]));
  for (const a of Object.values(catalog.articles)) {
    const key = articleUrlKey(a.url);
    if (key) byUrl.set(key, a.id);
  }
  const load = (id: string): Promise<ArticleDetailsType> => {
    let p = loaded.get(id);
    if (!p) {
      p = read(id).then((json) => {
        const parsed = ArticleDetails.safeParse(json);
        if (!parsed.success) throw new Error(`invalid details file for article "${id}": ${parsed.error.issues[0]?.message ?? ''}`);
        if (parsed.data.article !== id) throw new Error(`details file for "${id}" holds "${parsed.data.article}"`);
        return parsed.data;
      });
      // A failure is not kept: a later request retries.
      p.catch(() => loaded.delete(id));
      loaded.set(id, p);
    }
    return p;
  };
  const entry = (ref: MatchRef) => (Object.hasOwn(catalog.refs, `${ref.type}:${ref.id}`) ? catalog.refs[`${ref.type}:${ref.id}`] : undefined);
  const articleAt = (url: string | undefined) => {
    const key = url ? articleUrlKey(url) : null;
    return key ? byUrl.get(key) : undefined;
  };
  return {
    articleAt,
    async details(ref, pageUrl) {
      // Own keys only: "constructor" or "__proto__" is an unknown id, like any other.
      const known = ref.type === 'actor' ? Object.hasOwn(catalog.actors, ref.id) : entry(ref) !== undefined;
      if (!known) return null;
      // No entry: an actor with nothing said by or about them (the card shows who they are).
      const ids = [...(entry(ref)?.articles ?? [])].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
      const files = await Promise.all(ids.map(load));
      const store: DetailsStore = { actors: catalog.actors, articles: catalog.articles, statements: {}, disputes: {}, figures: {} };
      for (const file of files) {
        for (const s of file.statements) store.statements[s.id] = s;
        for (const d of file.disputes) store.disputes[d.id] = d;
        for (const f of file.figures) store.figures[f.id] = f;
      }
      const details = detailsFor(store, ref);
      const page = articleAt(pageUrl);
      if (details && page) details.page = page;
      return details;
    },
    articles: () =>
      Object.values(catalog.articles)
        .map((a) => ({ ...a, counts: catalog.counts[a.id] ?? { statements: 0, figures: 0, disputes: 0, actors: 0 } }))
        .sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id)),
    weights: (refs) => refs.map((ref) => {
      const found = entry(ref);
      return { weight: found?.weight ?? 0, disputed: found?.disputed ?? false };
    }),
  };
}
