import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, decide, siteOf, type Settings, type SiteChoice } from './policy';

describe('siteOf', () => {
  it.each([
    ['https://www.bbc.co.uk/news/world-europe-60454795', 'bbc.co.uk'],
    ['https://BBC.co.uk/news', 'bbc.co.uk'],
    ['http://127.0.0.1:8080/demo/news.html', '127.0.0.1'],
    ['http://localhost:3000/', 'localhost'],
    ['https://edition.cnn.com/2022/02/20/europe', 'edition.cnn.com'],
    ['chrome://extensions', null],
    ['about:blank', null],
    ['file:///home/me/page.html', null],
    ['https://chromewebstore.google.com/detail/x', null],
    ['https://addons.mozilla.org/en-US/firefox/', null],
    ['not a url', null],
  ])('%s → %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});

describe('decide', () => {
  const news = 'https://www.bbc.co.uk/news/1';
  const s = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });
  it.each<[string, Settings, SiteChoice | undefined, boolean, boolean, string]>([
    ['news page, default mode', s(), undefined, true, true, 'news-page'],
    ['non-news page, default mode', s(), undefined, false, false, 'not-news'],
    ['site switched off overrides news', s(), 'off', true, false, 'site-off'],
    ['site switched on overrides not-news', s(), 'on', false, true, 'site-on'],
    ['everywhere mode', s({ mode: 'everywhere' }), undefined, false, true, 'everywhere'],
    ['everywhere mode, site off', s({ mode: 'everywhere' }), 'off', true, false, 'site-off'],
    ['listed mode, unlisted site', s({ mode: 'listed' }), undefined, true, false, 'not-listed'],
    ['listed mode, listed site', s({ mode: 'listed' }), 'on', false, true, 'site-on'],
    ['paused beats a site switched on', s({ paused: true }), 'on', true, false, 'paused'],
  ])('%s', (_name, settings, choice, looksLikeNews, enabled, reason) => {
    const d = decide({ url: news, settings, choice, looksLikeNews });
    expect(d).toEqual({ enabled, reason });
  });
  it('never runs on pages extensions cannot touch', () => {
    expect(decide({ url: 'chrome://newtab', settings: s({ mode: 'everywhere' }), choice: 'on', looksLikeNews: true })).toEqual({
      enabled: false,
      reason: 'unsupported',
    });
  });
});
