/**
 * The toolbar popup against the built extension: the site and its switch, the pause, the
 * matches grouped and sorted by what the dataset says, "Show on page", every honest state, the
 * toolbar badge, and the JSON-LD export.
 */
import { compileDetails } from '../../src/dataset/compile';
import { detailsFor, weightOf } from '../../src/dataset/details';
import { loadDataset } from '../../src/dataset/load';
import { PopupObject } from '../support/pages/popup';
import { allHighlighted, expect, tabIdOf, test, waitForHighlights } from '../support/extension-test';
import { ARTICLE, EMPTY_NEWS, NOT_NEWS, badgeText } from '../support/browser-events';

const store = compileDetails(loadDataset(process.env.NEWSLENS_DATASET ?? 'assets/dataset').dataset!);
const weight = (ref: string) => {
  const [type, id] = ref.split(':') as ['actor' | 'figure', string];
  return weightOf(detailsFor(store, { type, id })!);
};

test('the header names the site with its switch and the pause; matches are grouped by kind with counts and sorted by weight; the badge counts them', async ({ context, extensionId, serviceWorker, article }) => {
  const { page, tabId } = article;
  const popup = await PopupObject.open(context, extensionId, tabId);

  await expect(popup.page.locator('.nl-switch-label')).toHaveText('Highlight on 127.0.0.1');
  await expect(popup.siteSwitch).toBeChecked();
  await expect(popup.page.locator('.nl-reason')).toHaveText('On by default: this page presents a news article.');
  await expect(popup.pauseSwitch).not.toBeChecked();

  const groups = await popup.groups();
  const order = ['group_people', 'group_organisations', 'group_countries', 'group_figures'];
  expect(groups.map((g) => g.group)).toEqual(order.filter((g) => groups.some((x) => x.group === g)));
  expect(groups.length).toBeGreaterThanOrEqual(3);
  let total = 0;
  for (const g of groups) {
    expect(g.heading).toMatch(new RegExp(`\\(${g.rows.length}\\)$`));
    for (const row of g.rows) expect(row.weight, row.ref).toBe(weight(row.ref));
    const weights = g.rows.map((r) => r.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    total += g.rows.reduce((n, r) => n + r.count, 0);
  }
  // Every highlight is counted once, and the toolbar badge shows the same number.
  expect(total).toBe((await allHighlighted(page)).length);
  await expect.poll(() => badgeText(serviceWorker, tabId)).toBe(String(total));
});

test('"Show on page" scrolls to the next occurrence, flashes it and opens its card', async ({ context, extensionId, article }) => {
  const { page, tabId, card } = article;
  const russia = (await allHighlighted(page)).filter((t) => t === 'Russia').length;
  expect(russia).toBeGreaterThanOrEqual(2);
  // Record what the active highlight shows, frame by frame, to see it blink.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __active: number[] }).__active = seen;
    const tick = () => {
      seen.push(CSS.highlights.get('newslens-active')?.size ?? 0);
      setTimeout(tick, 30);
    };
    tick();
  });

  /** Where the lit occurrence is in the document's text, and whether it is in view; null while it blinks off. */
  const activePosition = () =>
    page.evaluate(() => {
      const range = [...(CSS.highlights.get('newslens-active') ?? [])][0] as Range | undefined;
      const rect = range?.getClientRects()[0];
      if (!range || !rect) return null;
      const pre = document.createRange();
      pre.setStart(document.body, 0);
      pre.setEnd(range.startContainer, range.startOffset);
      return { offset: pre.toString().length, inView: rect.top >= 0 && rect.bottom <= innerHeight };
    });

  const popup = await PopupObject.open(context, extensionId, tabId);
  await popup.reveal('actor', 'russia');
  // A real popup floats over the page; here it is a tab, so the page comes back to the front
  // (background tabs run their timers once a second).
  await page.bringToFront();
  await card.expectOpen('Russia');
  const positions: number[] = [];
  for (let i = 0; i < 2; i++) {
    if (i > 0) {
      await popup.page.getByTestId('reveal').click();
      await page.bringToFront();
    }
    await expect.poll(() => card.activeText()).toEqual(['Russia']);
    // Read while the highlight is lit (it blinks for a moment after each click).
    let pos = await activePosition();
    for (let tries = 0; pos === null && tries < 100; tries++) {
      await page.waitForTimeout(20);
      pos = await activePosition();
    }
    if (!pos) throw new Error('the occurrence never lit up');
    expect(pos.inView).toBe(true);
    positions.push(pos.offset);
  }
  // The second click shows the next occurrence, not the same one.
  expect(positions[1]).toBeGreaterThan(positions[0]!);
  await expect.poll(async () => {
    const seen = await page.evaluate(() => (window as unknown as { __active: number[] }).__active);
    return seen.slice(Math.max(0, seen.indexOf(1))).includes(0);
  }).toBe(true);
  const seen = await page.evaluate(() => (window as unknown as { __active: number[] }).__active);
  // It blinked: off and on again after first being on.
  const firstOn = seen.indexOf(1);
  expect(firstOn).toBeGreaterThanOrEqual(0);
  expect(seen.slice(firstOn)).toContain(0);
});

test('honest states: loading, nothing matched, not a news page, switched off here, paused', async ({ context, site, extensionId, serviceWorker, openPage }) => {
  // Loading: the page's answer is held back until the test releases it.
  const news = await openPage(ARTICLE, 5);
  const newsTab = await tabIdOf(serviceWorker, news.url());
  const held = await context.newPage();
  await held.addInitScript(() => {
    const w = window as unknown as { __release?: () => void; chrome: { tabs: { sendMessage: (...a: unknown[]) => Promise<unknown> } } };
    const gate = new Promise<void>((resolve) => (w.__release = resolve));
    const send = w.chrome.tabs.sendMessage.bind(w.chrome.tabs);
    w.chrome.tabs.sendMessage = async (...args: unknown[]) => {
      await gate;
      return send(...args);
    };
  });
  await held.goto(`chrome-extension://${extensionId}/popup.html?tab=${newsTab}`);
  await expect(held.locator('[data-state="loading"]')).toBeVisible();
  await expect(held.locator('[data-state="loading"]')).toHaveText('Looking at the page…');
  await held.evaluate(() => (window as unknown as { __release: () => void }).__release());
  await expect(held.getByTestId('matches')).toBeVisible();
  await expect(held.locator('[data-state="loading"]')).toHaveCount(0);

  // Nothing matched on a news page.
  const empty = await context.newPage();
  await empty.goto(site.a + EMPTY_NEWS);
  const emptyPopup = await PopupObject.open(context, extensionId, await tabIdOf(serviceWorker, empty.url()));
  expect(await emptyPopup.state()).toMatchObject({ state: 'empty', text: 'Nothing on this page is in the dataset.' });

  // Not a news page: quiet, and says how to switch it on.
  const other = await context.newPage();
  await other.goto(site.a + NOT_NEWS);
  const otherTab = await tabIdOf(serviceWorker, other.url());
  const otherPopup = await PopupObject.open(context, extensionId, otherTab);
  expect(await otherPopup.state()).toMatchObject({ state: 'off', reason: 'not-news' });
  await expect(otherPopup.siteSwitch).not.toBeChecked();
  expect(await allHighlighted(other)).toEqual([]);

  // Switched off here: the state says so and the badge says "off".
  const popup = await PopupObject.open(context, extensionId, newsTab);
  await popup.setSite(false);
  expect(await popup.state()).toMatchObject({ state: 'off', reason: 'site-off', text: 'Highlighting is switched off on this site.' });
  await expect.poll(() => badgeText(serviceWorker, newsTab)).toBe('off');

  // Paused everywhere: the pause wins over the site's own switch, which is disabled meanwhile.
  await popup.setSite(true);
  await expect.poll(() => badgeText(serviceWorker, newsTab)).not.toBe('off');
  await popup.setPause(true);
  expect(await popup.state()).toMatchObject({ state: 'paused', text: 'Highlighting is paused everywhere.' });
  await expect(popup.siteSwitch).toBeDisabled();
  await expect.poll(() => allHighlighted(news)).toEqual([]);
  await popup.setPause(false);
  await waitForHighlights(news, 5);
});

test('a page where extensions cannot run', async ({ context, extensionId, serviceWorker }) => {
  const browserPage = await context.newPage();
  await browserPage.goto('chrome://version/');
  // The extension cannot read that tab's address: it is the newest tab.
  const tabId = await serviceWorker.evaluate(async () => {
    const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome.tabs.query({});
    return Math.max(...tabs.map((t) => t.id ?? 0));
  });
  const popup = await PopupObject.open(context, extensionId, tabId);
  const state = await popup.state();
  expect(state.state).toBe('unsupported');
  expect(state.text).toContain('Browsers keep extensions off their own pages');
  await expect(popup.siteSwitch).toHaveCount(0);
});

test('exports the page as JSON-LD: Web Annotations with text quotes, statements as Claim, disputes as ClaimReview', async ({ context, extensionId, serviceWorker, article }) => {
  const { page } = article;
  const popup = await PopupObject.open(context, extensionId, await tabIdOf(serviceWorker, page.url()));
  const rows = (await popup.groups()).flatMap((g) => g.rows);
  const { fileName, doc } = await popup.exportJsonLd();
  expect(fileName).toMatch(/^newslens-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.jsonld$/);
  expect((doc['@context'] as unknown[])[0]).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(doc.type).toBe('AnnotationCollection');
  type Anno = { id: string; type: string; body: Record<string, unknown>[]; target: { source: string; selector: { type: string; exact: string; prefix: string; suffix: string } }[] };
  const items = (doc.first as { items: Anno[] }).items;
  expect(items.length).toBe(rows.length);

  // Every occurrence on the page is a target, with the page's own text.
  const targets = items.flatMap((i) => i.target);
  expect(targets.map((t) => t.selector.exact).sort()).toEqual((await allHighlighted(page)).sort());
  for (const t of targets) {
    expect(t.source).toBe(page.url());
    expect(t.selector.type).toBe('TextQuoteSelector');
  }
  const putin = items.find((i) => i.id.endsWith(':actor:vladimir-putin'))!;
  const first = putin.target[0]!.selector;
  // The quote finds the passage again in the page's text.
  const text = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
  expect(text).toContain(`${first.prefix}${first.exact}${first.suffix}`.replace(/\s+/g, ' '));

  const claims = putin.body.filter((b) => b.type === 'schema:Claim');
  const reviews = putin.body.filter((b) => b.type === 'schema:ClaimReview');
  expect(claims.length).toBeGreaterThan(0);
  expect(reviews.length).toBeGreaterThan(0);
  const claimIds = new Set(claims.map((c) => c.id));
  for (const r of reviews) expect(claimIds.has((r['schema:itemReviewed'] as { id: string }).id)).toBe(true);
  await expect(popup.page.locator('.nl-saved')).toContainText(fileName);
});
