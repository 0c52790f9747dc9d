/**
 * The hover card against the built extension: where it opens, how it follows the page, how it
 * closes (WCAG 1.4.13), how keyboard users reach it, and what it says about an actor and a figure.
 */
import { readFileSync } from 'node:fs';
import { overlap, type Rect } from '../support/pages/card';
import { PopupObject } from '../support/pages/popup';
import { expect, tabIdOf, test } from '../support/extension-test';
import { highlightsInOrder, pressCommand } from '../support/browser-events';
import { loadDataset } from '../../src/dataset/load';

const VIEWPORT = { width: 1280, height: 900 };
const inside = (r: Rect) => r.x >= 0 && r.y >= 0 && r.x + r.width <= VIEWPORT.width && r.y + r.height <= VIEWPORT.height;
const seedArticle = JSON.parse(readFileSync('assets/dataset/articles/bbc-2022-02-20-ukraine-macron-putin.json', 'utf8')) as {
  url: string;
  title: string;
};
// The dataset holds many articles: a statement's chain ends with the publisher of its own article.
const dataset = loadDataset('assets/dataset').dataset!;
const publisherNames = [...new Set(dataset.articles.map((a) => dataset.actors.find((x) => x.id === a.publisher)!.name))];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const chainReportedByAPublisher = new RegExp(`^(According to|.+ told |.+ on ).*reported by (${publisherNames.map(escapeRegExp).join('|')})$`);

test.describe('where the card opens', () => {
  test('beside the name, inside the viewport, never over the name; flipped at the bottom edge, shifted at the right edge', async ({ article }) => {
    const { page, card } = article;

    // Mid-page: below the name.
    await card.hover('Antony Blinken', 0, 'center');
    await card.expectOpen('Antony Blinken');
    let name = await card.highlightRect('Antony Blinken', 0, 'none');
    let box = await card.box();
    expect(overlap(box, name)).toBe(false);
    expect(inside(box)).toBe(true);
    expect(await card.side()).toBe('below');
    expect(box.y).toBeGreaterThanOrEqual(name.y + name.height);

    // At the bottom of the viewport: above the name.
    await page.mouse.move(2, 2);
    await card.expectClosed();
    await card.hover('Joe Biden', 0, 'end');
    await card.expectOpen('Joe Biden');
    name = await card.highlightRect('Joe Biden', 0, 'none');
    expect(name.y).toBeGreaterThan(VIEWPORT.height / 2);
    box = await card.box();
    expect(await card.side()).toBe('above');
    expect(overlap(box, name)).toBe(false);
    expect(inside(box)).toBe(true);

    // At the right edge of the column: the card stays inside the viewport.
    await page.mouse.move(2, 2);
    await card.expectClosed();
    await card.hover('Boris Johnson', 0, 'center');
    await card.expectOpen('Boris Johnson');
    box = await card.box();
    name = await card.highlightRect('Boris Johnson', 0, 'none');
    expect(inside(box)).toBe(true);
    expect(overlap(box, name)).toBe(false);
  });

  test('one card at a time: pointing at another name replaces the card', async ({ article }) => {
    const { page, card } = article;
    await card.hover('Vladimir Putin');
    await card.expectOpen('Vladimir Putin');
    await card.hover('Emmanuel Macron');
    await card.expectOpen('Emmanuel Macron');
    await expect(card.root).toHaveCount(1);
    await expect(page.locator('newslens-ui')).toHaveCount(1);
  });

  test('it is a dialog named after what it is about', async ({ article }) => {
    const { page, card } = article;
    await card.hover('Antony Blinken');
    await expect(page.getByRole('dialog', { name: 'About Antony Blinken' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Close' })).toBeVisible();
    await page.getByRole('button', { name: 'Close' }).click();
    await card.expectClosed();
  });
});

test.describe('keyboard', () => {
  test('the shortcuts move to the next and previous highlight, scroll it into view and open its card with the focus in it', async ({ serviceWorker, article }) => {
    const { page, tabId, card } = article;
    const order = await highlightsInOrder(page);
    expect(order.length).toBeGreaterThan(5);

    await pressCommand(serviceWorker, tabId, 'next-highlight');
    await expect(card.root).toBeVisible();
    await expect.poll(() => card.activeText()).toEqual([order[0]]);
    expect(await card.focusIsInside()).toBe(true);

    await pressCommand(serviceWorker, tabId, 'next-highlight');
    await expect.poll(() => card.activeText()).toEqual([order[1]]);
    await pressCommand(serviceWorker, tabId, 'previous-highlight');
    await expect.poll(() => card.activeText()).toEqual([order[0]]);
    await expect(card.root).toHaveCount(1);

    // Previous from the first wraps to the last, far below: it is scrolled into view.
    await pressCommand(serviceWorker, tabId, 'previous-highlight');
    await expect.poll(() => card.activeText()).toEqual([order[order.length - 1]]);
    const active = await page.evaluate(() => {
      const r = [...CSS.highlights.get('newslens-active')!][0] as Range;
      const rect = r.getClientRects()[0]!;
      return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
    });
    expect(inside(active)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await card.focusIsInside()).toBe(true);

    // Escape closes it and gives the focus back to the page.
    await page.keyboard.press('Escape');
    await card.expectClosed();
    expect(await card.focusIsInside()).toBe(false);
  });

  test('the card follows the page when it scrolls, and a box inside the page', async ({ serviceWorker, article }) => {
    const { page, tabId, card } = article;
    const [first] = await highlightsInOrder(page);
    await pressCommand(serviceWorker, tabId, 'next-highlight');
    await expect.poll(() => card.activeText()).toEqual([first]);
    const name = () => card.highlightRect(first!, 0, 'none');
    const gap = async () => (await card.box()).y - (await name()).y;
    const before = await gap();
    const nameBefore = await name();
    await page.evaluate(() => window.scrollBy({ top: 60, behavior: 'instant' as ScrollBehavior }));
    await expect.poll(async () => (await name()).y).toBeCloseTo(nameBefore.y - 60, 0);
    await expect.poll(gap).toBeCloseTo(before, 0);

    // A name inside a scrolling box: the card moves with the box's content.
    await page.keyboard.press('Escape');
    await card.hover('Oleksii Reznikov');
    await card.expectOpen('Oleksii Reznikov');
    const name0 = await card.highlightRect('Oleksii Reznikov', 0, 'none');
    const box0 = await card.box();
    // Keep the pointer on the card while the box scrolls.
    await page.mouse.move(box0.x + box0.width / 2, box0.y + 20, { steps: 3 });
    await page.evaluate(() => document.getElementById('box')!.scrollBy({ top: 20, behavior: 'instant' as ScrollBehavior }));
    await expect.poll(async () => (await card.highlightRect('Oleksii Reznikov', 0, 'none')).y).toBeCloseTo(name0.y - 20, 0);
    await expect.poll(async () => (await card.box()).y - (await card.highlightRect('Oleksii Reznikov', 0, 'none')).y).toBeCloseTo(box0.y - name0.y, 0);
  });
});

test.describe('what the card says', () => {
  test('for an actor: name, kind, role as of the article, statements with kind, verb, attribution and badges, disputes side by side, the source article', async ({ article }) => {
    const { page, card } = article;
    await card.hover('Vladimir Putin');
    await card.expectOpen('Vladimir Putin');
    await expect(card.root.locator('.nl-role')).toContainText('Person');
    await expect(card.root.locator('.nl-role')).toContainText('President of Russia');
    // The role is as of the latest article that names Putin: the dataset holds several.
    await expect(card.root.locator('.nl-as-of')).toHaveText(/as of \d{1,2} \w+ \d{4}/);

    const statements = card.root.locator('.nl-statement');
    expect(await statements.count()).toBeGreaterThan(0);
    for (const s of await statements.all()) {
      await expect(s.locator('.nl-kind')).toHaveText(/^(Quote|Partial quote|Paraphrase)$/);
      await expect(s.locator('.nl-claim .nl-verb')).not.toBeEmpty();
      await expect(s.locator('.nl-claim .nl-chain')).toHaveText(chainReportedByAPublisher);
    }
    // A disputed statement and its dispute, side by side. The card shows the most recent articles
    // first and only some of them, so which disputed statement it shows depends on the dataset:
    // only its shape is checked here; the wording of the BBC's "Ukraine rejects" is checked in the
    // popup (loop.spec.ts) and the unit tests.
    const disputed = card.root.locator('.nl-statement.nl-disputed').first();
    await expect(disputed.locator('.nl-claim .nl-chain')).toHaveText(chainReportedByAPublisher);
    await expect(disputed.locator('.nl-dispute .nl-how')).not.toBeEmpty();
    const claim = (await disputed.locator('.nl-claim').boundingBox())!;
    const dispute = (await disputed.locator('.nl-disputes').boundingBox())!;
    expect(dispute.x).toBeGreaterThanOrEqual(claim.x + claim.width - 1);
    expect(Math.abs(dispute.y - claim.y)).toBeLessThan(4);

    const source = card.root.locator('.nl-sources .nl-article', { has: page.locator(`a[href="${seedArticle.url}"]`) });
    await expect(source.locator('a')).toHaveAttribute('href', seedArticle.url);
    await expect(source.locator('a')).toHaveText(seedArticle.title);
    await expect(source.locator('.nl-article-meta')).toContainText('BBC');
    await expect(source.locator('time')).toHaveAttribute('datetime', '2022-02-20');
  });

  test('badges for unnamed and unverified sources, and chains as a reader says them', async ({ article }) => {
    const { page, card } = article;
    await card.hover('French presidency');
    await card.expectOpen('French presidency');
    await expect(card.root.locator('.nl-chain').first()).toHaveText('According to the French presidency, reported by BBC');

    await page.mouse.move(2, 2);
    await card.expectClosed();
    await card.hover('close to 75 per cent');
    await card.expectOpen('close to 75 per cent');
    const unnamed = card.root.locator('.nl-statement', { has: page.locator('.nl-status-unnamed') }).first();
    await expect(unnamed.locator('.nl-status-unnamed')).toHaveText(/Unnamed source/);
    await expect(unnamed.locator('.nl-claim .nl-chain')).toHaveText('An unnamed intelligence official told CNN, reported by BBC');

    // Reznikov disputes unverified reports: the card shows them, badged, with his dispute beside them.
    await page.mouse.move(2, 2);
    await card.expectClosed();
    await card.hover('Oleksii Reznikov');
    await card.expectOpen('Oleksii Reznikov');
    const unverified = card.root.locator('.nl-statement', { has: page.locator('.nl-status-unverified') }).first();
    await expect(unverified.locator('.nl-status-unverified')).toHaveText(/Unverified/);
    await expect(unverified.locator('.nl-dispute .nl-how')).toContainText('Oleksii Reznikov contradicts');
  });

  test('for a figure: value, qualifier, what it measures, who gives it, the other figures of the measure; and a plain note when the page says otherwise', async ({ article }) => {
    const { page, card } = article;
    await card.hover('up to 190,000 troops');
    await card.expectOpen('up to 190,000 troops');
    await expect(card.root.locator('.nl-figure-value')).toHaveText('up to 190,000 troops');
    await expect(card.root.locator('.nl-figure-measure')).toContainText('Russian troops');
    await expect(card.root.locator('.nl-figure-source')).toHaveText('United States');
    await expect(card.root.locator('.nl-related li')).not.toHaveCount(0);
    await expect(card.root.locator('.nl-page-note')).toHaveCount(0);

    // The page's "190,000-200,000 troops" is not the dataset's "up to 190,000 troops": the card says so.
    await page.mouse.move(2, 2);
    await card.expectClosed();
    await card.hover('190,000-200,000 troops');
    await expect(card.root).toBeVisible();
    await expect(card.root.locator('.nl-page-note')).toHaveAttribute('data-note', 'number');
    await expect(card.root.locator('.nl-page-note')).toContainText('This page gives a different number: “190,000-200,000 troops”. The dataset has up to 190,000 troops.');
  });
});

test.describe('colours', () => {
  test('each kind has its colour group, and matches whose own statements are disputed carry the disputed mark, removed with the rest', async ({ context, extensionId, serviceWorker, article }) => {
    const { page } = article;
    const groups = () =>
      page.evaluate(() => Object.fromEntries([...CSS.highlights].map(([name, g]) => [name, [...g].map((r) => (r as Range).toString())])));
    await expect.poll(async () => (await groups())['newslensmark-disputed'] ?? []).toContain('Vladimir Putin');
    const g = await groups();
    expect(g['newslens-person']).toContain('Vladimir Putin');
    expect(g['newslens-organisation']).toContain('NATO');
    expect(g['newslens-country']).toContain('Ukraine');
    expect(g['newslens-figure']).toContain('up to 190,000 troops');
    // Biden made no statement in the dataset: nothing of his is disputed.
    expect(g['newslensmark-disputed']).not.toContain('Joe Biden');
    const painted = new Set(Object.entries(g).filter(([k]) => k.startsWith('newslens-')).flatMap(([, v]) => v));
    for (const text of g['newslensmark-disputed']!) expect(painted.has(text)).toBe(true);
    // The mark's colours come from the stylesheet the browser injects.
    const style = await page.evaluate(() => {
      const p = document.getElementById('first')!;
      return getComputedStyle(p, '::highlight(newslensmark-disputed)').textDecorationStyle;
    });
    expect(style).toBe('wavy');

    const popup = await PopupObject.open(context, extensionId, await tabIdOf(serviceWorker, page.url()));
    await popup.setSite(false);
    await expect.poll(async () => Object.keys(await groups()).filter((k) => k.startsWith('newslens'))).toEqual([]);
  });
});
