/**
 * Where the extension runs: one pure decision, tested with a table of cases
 * (policy.test.ts, beside it).
 */
import { z } from 'zod/mini';

z.config({ jitless: true });

/**
 * - news: pages that present a news article (the default: the mission is news pages);
 * - everywhere: every web page;
 * - listed: only the sites the reader switched on.
 */
export const Mode = z.enum(['news', 'everywhere', 'listed']);
export type Mode = z.infer<typeof Mode>;

/** A reader's choice for one site: on or off; absent means "follow the mode". */
export const SiteChoice = z.enum(['on', 'off']);
export type SiteChoice = z.infer<typeof SiteChoice>;

/** What the reader sets once for every site (src/sites/store.ts keeps it with the per-site choices). */
export const Settings = z.object({
  mode: Mode,
  /** The global pause: nothing is highlighted anywhere while it is on. */
  paused: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { mode: 'news', paused: false };

/**
 * Everything the reader sets: the settings and each site's choice, by site. Read sites with
 * `choiceFor` (an own-property check: "__proto__" and "constructor" are sites like any other).
 */
export const Preferences = z.object({ ...Settings.shape, sites: z.record(z.string(), SiteChoice) });
export type Preferences = z.infer<typeof Preferences>;

export const DEFAULT_PREFERENCES: Preferences = { ...DEFAULT_SETTINGS, sites: {} };

export function choiceFor(prefs: Pick<Preferences, 'sites'>, site: string): SiteChoice | undefined {
  return Object.hasOwn(prefs.sites, site) ? prefs.sites[site] : undefined;
}

/**
 * The site a URL belongs to, as the reader thinks of it: the host name without "www.".
 * Null for pages where the extension cannot or should not run (browser pages, files, stores).
 */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase();
  if (!host) return null;
  if (RESTRICTED_HOSTS.has(host)) return null;
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** Web stores where browsers forbid extensions to run. */
const RESTRICTED_HOSTS = new Set([
  'chrome.google.com',
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
]);

export const Decision = z.union([
  z.object({ enabled: z.literal(true), reason: z.enum(['site-on', 'everywhere', 'news-page']) }),
  z.object({ enabled: z.literal(false), reason: z.enum(['unsupported', 'paused', 'site-off', 'not-news', 'not-listed']) }),
]);
export type Decision = z.infer<typeof Decision>;

/**
 * Decides whether to highlight on a page. The reader's per-site choice overrides the mode either
 * way; the global pause overrides everything.
 */
export function decide(input: {
  url: string;
  settings: Settings;
  choice: SiteChoice | undefined;
  /** Whether the page presents a news article (src/page/news-detect.ts); ignored unless mode is news. */
  looksLikeNews: boolean;
}): Decision {
  if (siteOf(input.url) === null) return { enabled: false, reason: 'unsupported' };
  if (input.settings.paused) return { enabled: false, reason: 'paused' };
  if (input.choice === 'off') return { enabled: false, reason: 'site-off' };
  if (input.choice === 'on') return { enabled: true, reason: 'site-on' };
  switch (input.settings.mode) {
    case 'everywhere':
      return { enabled: true, reason: 'everywhere' };
    case 'listed':
      return { enabled: false, reason: 'not-listed' };
    case 'news':
      return input.looksLikeNews ? { enabled: true, reason: 'news-page' } : { enabled: false, reason: 'not-news' };
  }
}
