/**
 * src/page/live-highlights.ts (with scan.ts and watch.ts) in real Chromium, without the
 * extension: the first pass, then the page changing under it. Each case is one of the ways a
 * change joins or splits the text around it (watch.ts explains which blocks each one rereads),
 * and the highlights must always be what a fresh pass over the page would give.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { launchPlainChromium } from '../support/chromium';
import type { MatchIndex } from '../../src/dataset/compiled';
import { bundleModules } from '../support/dom-bundle';

type Api = {
  live: typeof import('../../src/page/live-highlights');
  painter: typeof import('../../src/page/painter');
  hits: typeof import('../../src/page/hit-test');
  lazy: typeof import('../../src/background/lazy-index');
};
declare global {
  interface Window {
    NLL: Api;
    run: { abort: AbortController; live: InstanceType<Api['live']['LiveHighlights']> };
    updates: number;
  }
}

const INDEX: MatchIndex = {
  version: 'dom-live-test',
  actors: [
    { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' },
    { id: 'boris-johnson', name: 'Boris Johnson', kind: 'person' },
    { id: 'emmanuel-macron', name: 'Emmanuel Macron', kind: 'person' },
  ],
  aliases: [
    { text: 'Vladimir Putin', actor: 0, safe: true, caseSensitive: false },
    { text: 'Putin', actor: 0, safe: true, caseSensitive: false },
    { text: 'Boris Johnson', actor: 1, safe: true, caseSensitive: false },
    { text: 'Johnson', actor: 1, safe: false, caseSensitive: false },
    { text: 'Emmanuel Macron', actor: 2, safe: true, caseSensitive: false },
  ],
  figures: [],
};

let browser: Browser;
let script: string;

test.beforeAll(async () => {
  script = await bundleModules(
    {
      live: 'src/page/live-highlights.ts',
      painter: 'src/page/painter.ts',
      hits: 'src/page/hit-test.ts',
      lazy: 'src/background/lazy-index.ts',
    },
    'NLL',
  );
  browser = await launchPlainChromium();
});

test.afterAll(async () => {
  await browser?.close();
});

/**
 * A page with `html` as its body, highlighted by a live run as the content script starts one.
 * `lazy`: the index comes as a large dataset's does, in parts (src/background/lazy-index.ts).
 */
async function open(html: string, lazy = false): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`);
  await page.addScriptTag({ content: script });
  await page.evaluate(
    async ([index, lazy]) => {
      const { live: L, painter: P, hits: H, lazy: Z } = window.NLL;
      const server = Z.createIndexServer(index, lazy ? 1 : Infinity);
      const abort = new AbortController();
      window.updates = 0;
      const live = new L.LiveHighlights(window, server.index(), new P.Painter(P.highlightApi(window)!), new H.HitIndex(), {
        signal: abort.signal,
        isOwn: (node) => (node as Element).localName === 'newslens-ui',
        startedAt: performance.now(),
        onUpdate: () => window.updates++,
        fetchAliases: async (words, pairs, actors) => server.aliases(words, pairs, actors),
      });
      window.run = { abort, live };
      await live.start();
    },
    [INDEX, lazy] as const,
  );
  return page;
}

/** The highlighted texts, in reading order, as the page paints them. */
const painted = (page: Page) =>
  page.evaluate(() => window.run.live.matches().map((m) => m.range.toString()));

/** Every highlight registered, whatever its group: ranges left behind would show here. */
const registered = (page: Page) =>
  page.evaluate(() => [...CSS.highlights.values()].flatMap((g) => [...g].map((r) => (r as Range).toString())).sort());

/** Waits until the watcher has had its frame and the update has settled. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));

test('a block removed from between two runs of text joins them into one name', async () => {
  const page = await open('<div id="d">Vladimir <p id="p">(aside)</p>Putin spoke.</div>');
  expect(await painted(page)).toEqual(['Putin']);
  await page.evaluate(() => document.getElementById('p')!.remove());
  await settle(page);
  expect(await painted(page)).toEqual(['Vladimir Putin']);
  expect(await registered(page)).toEqual(['Vladimir Putin']);
});

test('a block inserted inside a run of text splits it: the full name is gone, the surname stays', async () => {
  const page = await open('<div id="d">Vladimir <b id="b">Putin</b> spoke.</div>');
  expect(await painted(page)).toEqual(['Vladimir Putin']);
  await page.evaluate(() => document.getElementById('b')!.before(Object.assign(document.createElement('p'), { textContent: '(aside)' })));
  await settle(page);
  expect(await painted(page)).toEqual(['Putin']);
  expect(await registered(page)).toEqual(['Putin']);
});

test('edited text is read again: one name replaced by another', async () => {
  const page = await open('<p id="p">Vladimir Putin arrived.</p><p>Nothing else.</p>');
  await page.evaluate(() => {
    (document.getElementById('p')!.firstChild as Text).data = 'Emmanuel Macron arrived.';
  });
  await settle(page);
  expect(await painted(page)).toEqual(['Emmanuel Macron']);
  expect(await registered(page)).toEqual(['Emmanuel Macron']);
});

test('a block appended to a long feed is highlighted, in reading order with the rest', async () => {
  const page = await open(`<div id="feed">${'<p>Vladimir Putin spoke.</p>'.repeat(50)}</div><p>Boris Johnson wrote.</p>`);
  expect(await painted(page)).toHaveLength(51);
  await page.evaluate(() => document.getElementById('feed')!.append(Object.assign(document.createElement('p'), { textContent: 'Emmanuel Macron replied.' })));
  await settle(page);
  const texts = await painted(page);
  expect(texts).toHaveLength(52);
  // Reading order: the appended post sits between the feed and the paragraph after it.
  expect(texts.slice(-2)).toEqual(['Emmanuel Macron', 'Boris Johnson']);
});

test('blocks changed in several places at once, and a shadow tree filled later, keep reading order', async () => {
  const page = await open(
    '<p id="a">Vladimir Putin spoke.</p><p id="b">Plain.</p><p>Boris Johnson wrote.</p><p id="c">Plain.</p>' +
      '<div id="host"></div><p>Putin again.</p><p id="d">Plain.</p>',
  );
  expect(await painted(page)).toEqual(['Vladimir Putin', 'Boris Johnson', 'Putin']);
  await page.evaluate(() => {
    document.getElementById('d')!.textContent = 'Macron, last: Emmanuel Macron.';
    document.getElementById('b')!.textContent = 'Emmanuel Macron second.';
    document.getElementById('c')!.textContent = 'Johnson fourth.';
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('p'), { textContent: 'Vladimir Putin, in the shadow.' }));
    document.getElementById('host')!.replaceWith(host);
  });
  await settle(page);
  expect(await page.evaluate(() => window.run.live.matches().map((m) => m.range.toString()))).toEqual([
    'Vladimir Putin',
    'Emmanuel Macron',
    'Boris Johnson',
    'Johnson',
    'Vladimir Putin',
    'Putin',
    'Emmanuel Macron',
  ]);
});

test('past a thousand changes in a frame (a full rescan), the result is what a fresh pass gives', async () => {
  const page = await open('<div id="feed"></div><p>Johnson declined.</p>');
  expect(await painted(page)).toEqual([]);
  await page.evaluate(() => {
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < 1500; i++) feed.append(Object.assign(document.createElement('p'), { textContent: i === 700 ? 'Boris Johnson wrote.' : `Post ${i}.` }));
  });
  await settle(page);
  // The safe full name supports the bare surname read in an earlier pass.
  expect(await painted(page)).toEqual(['Boris Johnson', 'Johnson']);
});

test("the extension's own UI host is never read", async () => {
  const page = await open('<p>Nothing to see.</p>');
  await page.evaluate(() => {
    const host = document.createElement('newslens-ui');
    host.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('div'), { textContent: 'Vladimir Putin, in a card' }));
    host.append('Vladimir Putin');
    document.documentElement.append(host);
  });
  await settle(page);
  expect(await painted(page)).toEqual([]);
  expect(await page.evaluate(() => window.updates)).toBe(0);
});

test('a large dataset, sent in parts: a bare surname read earlier is highlighted once the full name arrives, and not before', async () => {
  const page = await open('<p>Johnson declined to comment.</p><p>Vladimir Putin spoke.</p>', true);
  expect(await painted(page)).toEqual(['Vladimir Putin']);
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Boris Johnson wrote.' })));
  // The page asks for Boris Johnson's aliases, "Johnson" among them, then reads the first paragraph again.
  await expect.poll(() => painted(page)).toEqual(['Johnson', 'Vladimir Putin', 'Boris Johnson']);
});

test('after the abort, the page is no longer watched', async () => {
  const page = await open('<p>Nothing yet.</p>');
  await page.evaluate(() => window.run.abort.abort());
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Vladimir Putin arrived.' })));
  await settle(page);
  expect(await painted(page)).toEqual([]);
  expect(await page.evaluate(() => window.updates)).toBe(0);
});

test('more changes in one frame than the threshold take the full-rescan path, and the highlights follow the final text', async () => {
  const page = await open('<div id="root"></div>');
  await page.evaluate(() => {
    const root = document.getElementById('root')!;
    const texts: Text[] = [];
    for (let i = 0; i < 50; i++) texts.push(root.appendChild(document.createElement('p')).appendChild(document.createTextNode('Nobody here.')));
  });
  await settle(page);
  const before = await page.evaluate(() => window.run.live.watchStats.fullRescans);
  // 1,100 text changes in one task, as the storm fixture's bursts do (tests/fixtures/hostile/storm.js).
  await page.evaluate(() => {
    const texts = [...document.querySelectorAll('#root p')].map((p) => p.firstChild as Text);
    for (let k = 0; k < 1_100; k++) texts[k % texts.length]!.data = k % 2 ? 'Vladimir Putin spoke.' : 'Nobody here.';
    texts[0]!.data = 'Emmanuel Macron spoke.';
  });
  await expect.poll(() => page.evaluate(() => window.run.live.watchStats.fullRescans)).toBeGreaterThan(before);
  // The last write to paragraph i was change 1,050 + i: a name when i is odd; then the first one's.
  const want = ['Emmanuel Macron', ...Array.from({ length: 49 }, (_, j) => j + 1).filter((i) => i % 2 === 1).map(() => 'Vladimir Putin')];
  await expect.poll(() => painted(page)).toEqual(want);
});

test('the observer of a shadow root whose host leaves the document is released', async () => {
  const page = await open('<div id="host"><template shadowrootmode="open"><p>Emmanuel Macron in a shadow root.</p></template></div><p>Vladimir Putin.</p>');
  await expect.poll(() => painted(page)).toContain('Emmanuel Macron');
  const watching = await page.evaluate(() => window.run.live.watchStats.watched);
  expect(watching).toBe(2);
  await page.evaluate(() => document.getElementById('host')!.remove());
  await settle(page);
  await expect.poll(() => page.evaluate(() => window.run.live.watchStats.watched)).toBe(1);
  expect(await painted(page)).toEqual(['Vladimir Putin']);
});
