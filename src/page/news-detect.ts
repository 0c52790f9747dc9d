/**
 * Does this page present a news article? The default mode highlights only on such pages.
 * Reads only metadata, a few selectors and the address: no text scan. Signals, any one enough:
 * - schema.org metadata (JSON-LD or microdata) of an article type;
 * - Open Graph `og:type` "article", corroborated: CMSs such as WordPress label every page
 *   "article", so it counts only with a publication date, a publisher, an author or a section
 *   (article:* or author/date meta), or a byline or date on the page;
 * - an `<article>` element with a date;
 * - an address shaped like an article's (a date in the path, or /article/, /news/, /story/
 *   followed by a slug) on a page with one main heading;
 * - a site on the list of known news publishers (./news-sites.ts), whatever the page.
 *
 * Measured on the corpus by tests/eval/news-detect.ts (figures in docs/news-detection.md).
 */
import { isKnownNewsSite } from './news-sites';

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'livebloggingposting',
  'liveblogposting',
  'blogposting',
  'report',
]);

interface NewsSignals {
  jsonLd: boolean;
  microdata: boolean;
  openGraph: boolean;
  articleElement: boolean;
  articleUrl: boolean;
  knownSite: boolean;
}

/** What confirms an og:type "article": signs of publication, not just of a page. */
const OG_CORROBORATION = [
  'meta[property="article:published_time" i]',
  'meta[property="article:publisher" i]',
  'meta[property="article:author" i]',
  'meta[property="article:section" i]',
  'meta[name="author" i]',
  'meta[name="dc.date.issued" i]',
  'meta[name="date" i]',
  'meta[name="pubdate" i]',
  'meta[name="publishdate" i]',
  'meta[name="parsely-pub-date" i]',
  'meta[name="sailthru.date" i]',
  '[itemprop="datePublished"]',
  'time[datetime]',
  '[rel="author"]',
  '[class*="byline" i]',
].join(',');

/** /2020/05/14/…, /2020/05/…, /article/<slug>, /news/<slug>, /story/<slug> (and plurals). */
const ARTICLE_PATH = /\/(?:19|20)\d{2}\/(?:0?[1-9]|1[0-2])\/|\/(?:article|articles|news|story|stories)\/[^/]*[a-z0-9][^/]*/i;

/**
 * The signals the page gives, each on its own (`looksLikeNews` takes any one of them).
 * @public Bundled by tests/eval/news-detect.ts, where knip does not follow.
 */
export function newsSignals(doc: Document, url: string = doc.URL): NewsSignals {
  let parsed: URL | null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  const ogType = (doc.querySelector('meta[property="og:type" i]')?.getAttribute('content') ?? '').trim().toLowerCase();
  return {
    jsonLd: hasArticleJsonLd(doc),
    microdata: [...doc.querySelectorAll('[itemtype]')].some((el) =>
      ARTICLE_TYPES.has((el.getAttribute('itemtype') ?? '').split('/').pop()?.toLowerCase() ?? ''),
    ),
    openGraph: ogType === 'article' && doc.querySelector(OG_CORROBORATION) !== null,
    articleElement: doc.querySelector('article time, article [datetime], article [itemprop="datePublished"]') !== null,
    articleUrl: parsed !== null && ARTICLE_PATH.test(parsed.pathname) && doc.querySelectorAll('h1').length === 1,
    knownSite: parsed !== null && isKnownNewsSite(parsed.hostname),
  };
}

export function looksLikeNews(doc: Document, url: string = doc.URL): boolean {
  const s = newsSignals(doc, url);
  return s.jsonLd || s.microdata || s.openGraph || s.articleElement || s.articleUrl || s.knownSite;
}

function hasArticleJsonLd(doc: Document): boolean {
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    if (containsArticleType(data, 0)) return true;
  }
  return false;
}

function containsArticleType(value: unknown, depth: number): boolean {
  if (depth > 4 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsArticleType(v, depth + 1));
  const obj = value as Record<string, unknown>;
  const type = obj['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t.toLowerCase()))) return true;
  return containsArticleType(obj['@graph'], depth + 1) || containsArticleType(obj['mainEntity'], depth + 1);
}
