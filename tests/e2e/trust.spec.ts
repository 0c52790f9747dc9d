/**
 * Trust: dataset text is only ever text, settings survive corruption and concurrency, the MV3
 * service worker may stop at any moment, and the extension makes no network requests.
 */
import type { Page } from '@playwright/test';
import { CardObject } from './pages/card';
import { PopupObject } from './pages/popup';
import { allHighlighted, expect, tabIdOf, test, waitForHighlights } from './fixtures';

const DEMO = '/demo/news.html';

test.describe('a dataset with hostile strings', () => {
  test.use({ dataset: 'tests/fixtures/dataset-xss' });

  test('renders them literally in the card and the popup, and runs nothing', async ({ context, site, extensionId, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(`${site.a}/tests/fixtures/pages/xss.html`);
    await waitForHighlights(page, 2);
    const card = new CardObject(page);
    await card.hover('Vladimir Putin');
    await card.expectOpen('Vladimir Putin');
    await expect(card.root).toContainText('<img src=x onerror="window.__xss=4"> was <script>window.__xss=5</script> fine');
    await expect(card.root.locator('.nl-role')).toContainText('<img src=x onerror="window.__xss=2">');
    // Only elements of our own making inside the shadow root: none of the dataset's tags.
    const foreign = await page.evaluate(() =>
      [...document.querySelector('newslens-ui')!.shadowRoot!.querySelectorAll('img, script, svg, b, i, u')].map((e) => e.outerHTML),
    );
    expect(foreign).toEqual([]);

    await card.hover('Mallory Mallet');
    await card.expectOpen('Mallory <img src=x onerror="window.__xss=3">');
    await page.waitForTimeout(300);

    const popup = await PopupObject.open(context, extensionId, await tabIdOf(serviceWorker, page.url()));
    const row = await popup.expand('actor', 'vladimir-putin');
    await expect(row).toContainText('<script>window.__xss=5</script>');
    await expect(row.locator('.nl-dispute')).toContainText('<b onmouseover="window.__xss=6">it</b>');
    await expect(row.locator('img, script, svg, b, i, u')).toHaveCount(0);
    expect(await popup.page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
});

test.describe('a dataset of several articles', () => {
  test.use({ dataset: 'tests/fixtures/dataset-multi' });

  test('shows statements from two articles about the same actor, with each source', async ({ context, site, extensionId, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(`${site.a}/tests/fixtures/pages/two-articles.html`);
    await waitForHighlights(page, 2);
    const popup = await PopupObject.open(context, extensionId, await tabIdOf(serviceWorker, page.url()));
    const row = await popup.expand('actor', 'vladimir-putin');
    const sources = await row.locator('.nl-claim .nl-source').allInnerTexts();
    expect(new Set(sources.map((s) => s.trim())).size).toBeGreaterThanOrEqual(2);
    await expect(row.locator('.nl-disputed .nl-dispute')).toContainText('Vladimir Putin');
    // The role shown is the one of the most recent article.
    const card = new CardObject(page);
    await card.hover('Antony Blinken');
    await expect(card.root.locator('.nl-role')).toContainText('as of the second test article');
  });
});

test('corrupted settings fall back to safe defaults, are repaired, and are reported once', async ({ context, site, serviceWorker }) => {
  await serviceWorker.evaluate(() =>
    chrome.storage.local.set({ settings: 'garbage', 'site:127.0.0.1': 42, 'site:localhost': { on: true } }),
  );
  const warnings: string[] = [];
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().includes('NewsLens')) warnings.push(m.text());
  });
  await page.goto(site.a + DEMO);
  await waitForHighlights(page, 10);
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
  expect(stored.settings).toEqual({ version: 1, mode: 'news', paused: false });
  expect(stored['site:127.0.0.1']).toBeUndefined();
  expect(stored['site:localhost']).toEqual({ on: true }); // not read on this site yet: untouched
  expect(warnings.filter((w) => w.includes('"settings"'))).toHaveLength(1);
  expect(warnings.filter((w) => w.includes('site:127.0.0.1'))).toHaveLength(1);
});

test('200 site switches over 50 sites from three tabs and the popup at once leave exactly the last choice for each site', async ({ context, extensionId }) => {
  const pages: Page[] = [];
  for (let i = 0; i < 4; i++) {
    const p = await context.newPage();
    await p.goto(`chrome-extension://${extensionId}/popup.html?tab=999999`);
    await p.waitForFunction(() => 'newslens' in globalThis);
    pages.push(p);
  }
  // Site k belongs to writer k % 4, which switches it 4 times; writers run at the same time.
  const plan = pages.map((_, w) => {
    const ops: [string, 'on' | 'off'][] = [];
    for (let round = 0; round < 4; round++)
      for (let k = w; k < 50; k += 4) ops.push([`site${k}.example`, (k + round) % 3 === 0 ? 'on' : 'off']);
    return ops;
  });
  expect(plan.flat()).toHaveLength(200);
  await Promise.all(
    pages.map((p, w) =>
      p.evaluate(async (ops) => {
        const s = (globalThis as unknown as { newslens: { settings: { setSiteChoice(site: string, c: string): Promise<void> } } }).newslens.settings;
        // One writer's switches are in order, like a reader's clicks; the four writers interleave.
        for (const [site, choice] of ops) await s.setSiteChoice(site, choice);
      }, plan[w]!),
    ),
  );
  // The expected choice for each site: the last one its writer issued.
  const expected: Record<string, string> = {};
  for (const ops of plan) for (const [site, choice] of ops) expected[site] = choice;
  const stored = await pages[0]!.evaluate(() =>
    (globalThis as unknown as { newslens: { settings: { listSiteChoices(): Promise<Record<string, string>> } } }).newslens.settings.listSiteChoices(),
  );
  expect(stored).toEqual(expected);
});

test('after the service worker is stopped, cards, popup and stored choices still work', async ({ context, site, extensionId, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(site.a + DEMO);
  await waitForHighlights(page, 10);
  const tabId = await tabIdOf(serviceWorker, page.url());
  await serviceWorker.evaluate(() => chrome.storage.local.set({ 'site:localhost': 'off' }));

  const cdp = await context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('stopped');

  const card = new CardObject(page);
  await card.hover('Sergei Lavrov');
  await card.expectOpen('Sergei Lavrov');
  const popup = await PopupObject.open(context, extensionId, tabId);
  const row = await popup.expand('actor', 'vladimir-putin');
  await expect(row.locator('.nl-statement').first()).toBeVisible();
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  expect(await sw.evaluate(() => chrome.storage.local.get('site:localhost'))).toEqual({ 'site:localhost': 'off' });
  const other = await context.newPage();
  await other.goto(site.b + DEMO);
  await other.waitForTimeout(800);
  expect(await allHighlighted(other)).toEqual([]);
});

test('no extension context makes a network request', async ({ context, site, extensionId, serviceWorker, outbound }) => {
  const requests: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(site.a) && !url.startsWith(site.b) && !url.startsWith('chrome-extension://')) requests.push(url);
    if (r.serviceWorker()) requests.push(`service worker: ${url}`);
  });
  const page = await context.newPage();
  await page.goto(site.a + DEMO);
  await waitForHighlights(page, 10);
  const card = new CardObject(page);
  await card.hover('Vladimir Putin');
  await card.expectOpen('Vladimir Putin');
  const popup = await PopupObject.open(context, extensionId, await tabIdOf(serviceWorker, page.url()));
  await popup.expand('actor', 'vladimir-putin');
  await popup.setSite(false);
  await popup.setSite(true);
  await waitForHighlights(page, 10);
  expect(requests).toEqual([]);
  expect(outbound).toEqual([]);
});
