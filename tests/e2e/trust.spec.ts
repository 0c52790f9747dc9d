/**
 * Trust: dataset text is only ever text, settings survive corruption (concurrency:
 * settings-concurrency.spec.ts), the MV3
 * service worker may stop at any moment, and the extension makes no network requests.
 */
import { CardObject } from '../support/pages/card';
import { PopupObject } from '../support/pages/popup';
import { allHighlighted, expect, tabIdOf, test, waitForHighlights } from '../support/extension-test';
import { setSite, storedPreferences } from '../support/extension-state';

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

test('corrupted settings fall back to safe defaults, keep what is valid, and are repaired by the background', async ({ context, site, serviceWorker, openPage }) => {
  for (const corrupted of ['garbage', { mode: 'sometimes', paused: 'yes', sites: { localhost: 'off', '127.0.0.1': 42, constructor: 'on' } }]) {
    await serviceWorker.evaluate((value) => chrome.storage.local.set({ settings: value, settings$: { v: 2 } }), corrupted);
    const page = await openPage(DEMO, 10);
    const repaired: Record<string, unknown> = typeof corrupted === 'string' ? { mode: 'news', paused: false, sites: {} } : { mode: 'news', paused: false, sites: { localhost: 'off', constructor: 'on' } };
    await expect.poll(() => storedPreferences(serviceWorker)).toEqual(repaired);
    const other = await context.newPage();
    await other.goto(site.b + DEMO);
    await other.waitForTimeout(typeof corrupted === 'string' ? 0 : 800);
    if (typeof corrupted !== 'string') expect(await allHighlighted(other)).toEqual([]);
    await page.close();
    await other.close();
  }
});

test('after the service worker is stopped, cards, popup and stored choices still work', async ({ context, site, extensionId, serviceWorker, openPage }) => {
  const page = await openPage(DEMO, 10);
  const tabId = await tabIdOf(serviceWorker, page.url());
  await setSite(serviceWorker, 'localhost', 'off');

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
  expect((await storedPreferences(sw)).sites).toEqual({ localhost: 'off' });
  const other = await context.newPage();
  await other.goto(site.b + DEMO);
  await other.waitForTimeout(800);
  expect(await allHighlighted(other)).toEqual([]);
});

test('no extension context makes a network request', async ({ context, site, extensionId, serviceWorker, outbound, openPage }) => {
  const requests: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(site.a) && !url.startsWith(site.b) && !url.startsWith('chrome-extension://')) requests.push(url);
    if (r.serviceWorker()) requests.push(`service worker: ${url}`);
  });
  const page = await openPage(DEMO, 10);
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
