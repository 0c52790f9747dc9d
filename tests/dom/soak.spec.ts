/**
 * Soak: a single-page app replaces its view every second (a list of names, with a shadow root in
 * each view) for ten minutes of simulated time (Playwright's clock drives timers, frames and
 * `performance.now`), with a live run of the highlights (src/page/live-highlights.ts) watching.
 * The heap, measured after a forced collection, must stay flat: what the run holds for views
 * that are gone (matches, ranges, observers of their shadow roots) is let go. The figures are
 * printed and attached; the assertion is on size (the growth between minute 1 and minute 10),
 * never on time.
 */
import { expect, test, type Browser } from '@playwright/test';
import { launchPlainChromium } from '../support/chromium';
import type { MatchIndex } from '../../src/dataset/compiled';
import { bundleModules } from '../support/dom-bundle';

const INDEX: MatchIndex = {
  version: 'dom-soak-test',
  actors: [
    { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' },
    { id: 'emmanuel-macron', name: 'Emmanuel Macron', kind: 'person' },
  ],
  aliases: [
    { text: 'Vladimir Putin', actor: 0, safe: true, caseSensitive: false },
    { text: 'Emmanuel Macron', actor: 1, safe: true, caseSensitive: false },
  ],
  figures: [],
};

/** Allowed growth of the heap between minute 1 and minute 10 (the run holds about 100 KB per view). */
const MAX_GROWTH_BYTES = 1_000_000;

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchPlainChromium();
});
test.afterAll(async () => {
  await browser?.close();
});

test('ten minutes of a single-page app replacing its view: the heap stays flat', async () => {
  test.setTimeout(240_000);
  const script = await bundleModules({ live: 'src/page/live-highlights.ts', painter: 'src/page/painter.ts', hits: 'src/page/hit-test.ts', lazy: 'src/background/lazy-index.ts' }, 'NLS');
  const page = await browser.newPage();
  await page.clock.install();
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body><main id="app"></main></body></html>');
  await page.addScriptTag({ content: script });
  await page.evaluate(async (index) => {
    type Api = {
      live: typeof import('../../src/page/live-highlights');
      painter: typeof import('../../src/page/painter');
      hits: typeof import('../../src/page/hit-test');
      lazy: typeof import('../../src/background/lazy-index');
    };
    const { live: L, painter: P, hits: H, lazy: Z } = (window as unknown as { NLS: Api }).NLS;
    const server = Z.createIndexServer(index, Infinity);
    const live = new L.LiveHighlights(window, server.index(), new P.Painter(P.highlightApi(window)!), new H.HitIndex(), {
      signal: new AbortController().signal,
      isOwn: () => false,
      startedAt: performance.now(),
    });
    (window as unknown as { soak: unknown }).soak = live;
    await live.start();
    let view = 0;
    // The app: a new view every second, 200 paragraphs and a component with a shadow root.
    setInterval(() => {
      view++;
      const app = document.getElementById('app')!;
      const rows = Array.from({ length: 200 }, (_, i) => `<p>View ${view}, row ${i}: ${i % 2 ? 'Vladimir Putin' : 'Emmanuel Macron'} spoke.</p>`).join('');
      app.innerHTML = `<section>${rows}</section><div class="widget"></div>`;
      app.querySelector('.widget')!.attachShadow({ mode: 'open' }).innerHTML = `<p>Widget ${view}: Vladimir Putin.</p>`;
    }, 1_000);
  }, INDEX);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const stats = () => page.evaluate(() => {
    const live = (window as unknown as { soak: { matches(): unknown[]; watchStats: { watched: number } } }).soak;
    return { matches: live.matches().length, watched: live.watchStats.watched };
  });
  const figures: { minute: number; heapBytes: number; matches: number; watched: number }[] = [];
  for (let minute = 1; minute <= 10; minute++) {
    // A second at a time, so that each view's frame and rescan happen between views.
    for (let s = 0; s < 60; s++) await page.clock.runFor(1_000);
    figures.push({ minute, heapBytes: await heap(), ...(await stats()) });
  }
  console.log(`soak: ${JSON.stringify(figures)}`);
  test.info().annotations.push({ type: 'soak', description: JSON.stringify(figures) });
  const last = figures[figures.length - 1]!;
  // The current view only: 200 rows and the widget's name, one shadow root watched beside the document.
  expect(last.matches).toBe(201);
  expect(last.watched).toBeLessThanOrEqual(2);
  expect(last.heapBytes - figures[0]!.heapBytes).toBeLessThan(MAX_GROWTH_BYTES);
});
