/**
 * Per-site control from the page itself: the context menu entry "Turn highlights off on this
 * site" (and on again), with the toolbar badge saying "off" meanwhile.
 */
import { allHighlighted, expect, tabIdOf, test, waitForHighlights } from '../support/extension-test';
import { ARTICLE, NOT_NEWS, badgeText, clickContextMenu, pageDecision } from '../support/browser-events';
import { storedPreferences } from '../support/extension-state';

test('the context menu turns highlights off on the site, and on again', async ({ context, site, serviceWorker, openPage }) => {
  const page = await openPage(ARTICLE, 5);
  const other = await context.newPage();
  await other.goto(site.b + ARTICLE);
  await waitForHighlights(other, 5);
  const tabId = await tabIdOf(serviceWorker, page.url());
  const count = (await allHighlighted(page)).length;
  await expect.poll(() => badgeText(serviceWorker, tabId)).toBe(String(count));

  await clickContextMenu(serviceWorker, tabId, page.url());
  await expect.poll(() => allHighlighted(page)).toEqual([]);
  await expect.poll(() => badgeText(serviceWorker, tabId)).toBe('off');
  expect((await storedPreferences(serviceWorker)).sites?.['127.0.0.1']).toBe('off');
  // Another site keeps its highlights.
  expect((await allHighlighted(other)).length).toBeGreaterThan(5);

  await clickContextMenu(serviceWorker, tabId, page.url());
  await waitForHighlights(page, count);
  await expect.poll(() => badgeText(serviceWorker, tabId)).toBe(String(count));
  expect((await storedPreferences(serviceWorker)).sites?.['127.0.0.1']).toBe('on');
});

test('on a page the default leaves alone, the context menu turns highlights on', async ({ context, site, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(site.a + NOT_NEWS);
  const tabId = await tabIdOf(serviceWorker, page.url());
  await expect.poll(() => pageDecision(serviceWorker, tabId)).toEqual({ reason: 'not-news', status: 'off' });
  expect(await allHighlighted(page)).toEqual([]);
  await clickContextMenu(serviceWorker, tabId, page.url());
  await waitForHighlights(page, 2);
  expect(await allHighlighted(page)).toContain('Vladimir Putin');
});
