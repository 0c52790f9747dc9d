/**
 * Where the extension runs: one pure decision, tested with a table of cases
 * (tests/unit/policy.test.ts).
 */
// zod/mini: the content script reads settings, and zod's full build would cost it about 100 KB.
import { z } from 'zod/mini';

z.config({ jitless: true });

/**
 * - news: pages that present a news article (the default: the mission is news pages);
 * - everywhere: every web page;
 * - listed: only the sites the reader switched on.
 */
export const Mode = z.enum(['news', 'everywhere', 'listed']);
export type Mode = z.infer<typeof Mode>;

export const SETTINGS_VERSION = 1;

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  mode: Mode,
  /** The global pause: nothing is highlighted anywhere while it is on. */
  paused: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { version: SETTINGS_VERSION, mode: 'news', paused: false };

/** A reader's choice for one site: on or off; absent means "follow the mode". */
export const SiteChoice = z.enum(['on', 'off']);
export type SiteChoice = z.infer<typeof SiteChoice>;

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

export type Decision =
  | { enabled: true; reason: 'site-on' | 'everywhere' | 'news-page' }
  | { enabled: false; reason: 'unsupported' | 'paused' | 'site-off' | 'not-news' | 'not-listed' };

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
