/**
 * Reads a saved news page for `npm run dataset:draft`: its metadata (JSON-LD first, then Open
 * Graph and the document's own tags) and its article text, extracted by @mozilla/readability
 * over a linkedom document. Build-time only (Node).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface PageMeta {
  title?: string;
  publisher?: string;
  /** YYYY-MM-DD */
  published?: string;
  /** BCP 47, as the article schema takes it: "en", "en-GB". */
  language?: string;
  url?: string;
}

export interface ReadPage {
  meta: PageMeta;
  /** The article's plain text: paragraphs one per line, spaces collapsed within them. */
  text: string;
}

const ARTICLE_TYPES = new Set(['newsarticle', 'article', 'reportagenewsarticle', 'analysisnewsarticle', 'blogposting', 'liveblogposting', 'opinionnewsarticle', 'backgroundnewsarticle']);

type Doc = ReturnType<typeof parseHTML>['document'];

export function readPage(html: string): ReadPage {
  const meta = readMeta(parseHTML(html).document);
  // Readability changes the document it reads: give it its own.
  const article = new Readability(parseHTML(html).document as unknown as Document, { keepClasses: false }).parse();
  const text = plainText(article?.content ?? '');
  return {
    meta: {
      ...meta,
      title: meta.title ?? article?.title ?? undefined,
      publisher: meta.publisher ?? article?.siteName ?? undefined,
      language: meta.language ?? bcp47(article?.lang),
      published: meta.published ?? isoDate(article?.publishedTime),
    },
    text,
  };
}

/** JSON-LD's article object first; Open Graph and the document's tags fill what it lacks. */
export function readMeta(doc: Doc): PageMeta {
  const ld = jsonLdArticle(doc);
  const og = (property: string) =>
    doc.querySelector(`meta[property="${property}"]`)?.getAttribute('content')?.trim() ||
    doc.querySelector(`meta[name="${property}"]`)?.getAttribute('content')?.trim() ||
    undefined;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const name = (v: unknown): string | undefined => str(v) ?? (Array.isArray(v) ? name(v[0]) : str((v as { name?: unknown } | undefined)?.name));
  const idOf = (v: unknown): string | undefined => str(v) ?? str((v as { '@id'?: unknown } | undefined)?.['@id']);
  return clean({
    title: str(ld?.headline) ?? og('og:title') ?? str(doc.querySelector('title')?.textContent),
    publisher: name(ld?.publisher) ?? og('og:site_name'),
    published: isoDate(str(ld?.datePublished) ?? og('article:published_time')),
    language: bcp47(str(ld?.inLanguage) ?? og('og:locale') ?? doc.documentElement?.getAttribute('lang') ?? undefined),
    url: str(ld?.url) ?? idOf(ld?.mainEntityOfPage) ?? og('og:url') ?? doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined,
  });
}

function jsonLdArticle(doc: Doc): Record<string, unknown> | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const found = findArticle(data, 0);
    if (found) return found;
  }
  return undefined;
}

function findArticle(value: unknown, depth: number): Record<string, unknown> | undefined {
  if (depth > 4 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findArticle(v, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const obj = value as Record<string, unknown>;
  const types = Array.isArray(obj['@type']) ? obj['@type'] : [obj['@type']];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t.toLowerCase()))) return obj;
  return findArticle(obj['@graph'], depth + 1) ?? findArticle(obj.mainEntity, depth + 1);
}

/** "2022-02-20T14:03:00Z" → "2022-02-20"; undefined when it is no date. */
export function isoDate(value: string | null | undefined): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value?.trim() ?? '');
  return m?.[1];
}

/** "en_GB", "en-gb", "EN" → "en-GB", "en"; undefined when it is no language tag. */
export function bcp47(value: string | null | undefined): string | undefined {
  const m = /^([a-z]{2,3})(?:[-_]([a-z]{2}))?\b/i.exec(value?.trim() ?? '');
  if (!m) return undefined;
  return m[2] ? `${m[1]!.toLowerCase()}-${m[2].toUpperCase()}` : m[1]!.toLowerCase();
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd';

/**
 * Readability's article HTML as plain text: each block on its own line, spaces collapsed (the
 * curated texts are written that way), blocks nested in blocks read once.
 */
export function plainText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const lines: string[] = [];
  for (const el of document.querySelectorAll(BLOCKS)) {
    if (el.parentElement?.closest(BLOCKS)) continue;
    const line = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
  }
  return lines.join('\n');
}

function clean<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== '')) as T;
}
