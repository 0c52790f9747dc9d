/**
 * Whether the page the popup speaks for is itself one of the dataset's articles: by its address
 * (normalised: ../../dataset/article-url.ts), or else by its text, as far as the popup can see
 * it: the tab's title containing the article's headline (news sites add their name to it:
 * "Headline - BBC News"). Headlines shorter than 24 characters are not trusted alone: "Live
 * updates" could name anything. Pure.
 */
import { articleUrlKey } from '../../dataset/article-url';
import type { CatalogArticle } from '../../dataset/compiled';

const MIN_TITLE = 24;

/** Lower case, without accents, punctuation and runs of spaces: "Ukraine: Macron–Putin" → "ukraine macron putin". */
function foldTitle(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function ownArticle(articles: readonly CatalogArticle[], page: { url: string; title?: string | undefined }): CatalogArticle | null {
  const key = articleUrlKey(page.url);
  const byUrl = key ? articles.find((a) => articleUrlKey(a.url) === key) : undefined;
  if (byUrl) return byUrl;
  const title = page.title ? ` ${foldTitle(page.title)} ` : '';
  let best: CatalogArticle | null = null;
  for (const a of articles) {
    const headline = foldTitle(a.title);
    if (headline.length < MIN_TITLE || !title.includes(` ${headline} `)) continue;
    if (!best || headline.length > foldTitle(best.title).length) best = a;
  }
  return best;
}
