/**
 * Does this page present a news article? The default mode highlights only on such pages.
 * Signals, cheapest first: schema.org metadata (JSON-LD or microdata) of an article type,
 * Open Graph `og:type` "article", and an <article> element with a date. Reads only <head>
 * metadata and a few selectors: no text scan.
 */

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

export interface NewsSignals {
  jsonLd: boolean;
  microdata: boolean;
  openGraph: boolean;
  articleElement: boolean;
}

export function newsSignals(doc: Document): NewsSignals {
  return {
    jsonLd: hasArticleJsonLd(doc),
    microdata: [...doc.querySelectorAll('[itemtype]')].some((el) =>
      ARTICLE_TYPES.has((el.getAttribute('itemtype') ?? '').split('/').pop()?.toLowerCase() ?? ''),
    ),
    openGraph: (doc.querySelector('meta[property="og:type" i]')?.getAttribute('content') ?? '').trim().toLowerCase() === 'article',
    articleElement: doc.querySelector('article time, article [datetime], article [itemprop="datePublished"]') !== null,
  };
}

export function looksLikeNews(doc: Document): boolean {
  const s = newsSignals(doc);
  return s.jsonLd || s.microdata || s.openGraph || s.articleElement;
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
