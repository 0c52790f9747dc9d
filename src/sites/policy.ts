/**
 * Where the extension runs: one pure decision, tested with a table of cases
 * (tests/unit/policy.test.ts).
 */
// No zod here: the content script reads settings through this module (src/sites/settings.ts),
// and zod would cost it about 17 KB on every page (src/messaging/guards.ts says more). The zod
// forms of these types, for the options page, are in ./schemas.ts; tests/unit/guards.test.ts
// holds the guards below and those schemas to the same answers.

/**
 * - news: pages that present a news article (the default: the mission is news pages);
 * - everywhere: every web page;
 * - listed: only the sites the reader switched on.
 */
export const MODES = ['news', 'everywhere', 'listed'] as const;
export type Mode = (typeof MODES)[number];

export const SETTINGS_VERSION = 1;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  mode: Mode;
  /** The global pause: nothing is highlighted anywhere while it is on. */
  paused: boolean;
}

export const DEFAULT_SETTINGS: Settings = { version: SETTINGS_VERSION, mode: 'news', paused: false };

/** A reader's choice for one site: on or off; absent means "follow the mode". */
export const SITE_CHOICES = ['on', 'off'] as const;
export type SiteChoice = (typeof SITE_CHOICES)[number];

export const isMode = (v: unknown): v is Mode => (MODES as readonly unknown[]).includes(v);
export const isSiteChoice = (v: unknown): v is SiteChoice => (SITE_CHOICES as readonly unknown[]).includes(v);
/** Current settings (keys beyond the three are allowed, as zod allows them; migrate.ts drops them). */
export const isSettings = (v: unknown): v is Settings =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (v as Settings).version === SETTINGS_VERSION && isMode((v as Settings).mode) && typeof (v as Settings).paused === 'boolean';

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
