/**
 * Many articles about one story (tests/fixtures/dataset-linked: four fictional articles by three
 * outlets): the card and the popup group statements by article with the page's own first, a
 * denial reported by one outlet sits beside the claim another outlet reported, a measure whose
 * sources differ shows each value with its source and date, and the options page lists the
 * articles. The page tests/fixtures/pages/linked-article.html is one of the four, by its address.
 */
import { CardObject } from '../support/pages/card';
import { PopupObject } from '../support/pages/popup';
import { expect, tabIdOf, test } from '../support/extension-test';

const PAGE = '/tests/fixtures/pages/linked-article.html';
const OWN = 'test-gazette-2031-03-15-more-talks';

test.use({ dataset: 'tests/fixtures/dataset-linked' });

test('the card shows statements from several articles, the page\'s own first, and "n more" opens the popup at the actor', async ({ context, openPage }) => {
  const page = await openPage(PAGE, 3);
  const card = new CardObject(page);
  await card.hover('Vladimir Putin');
  await card.expectOpen('Vladimir Putin');
  const groups = card.root.locator('.nl-article-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0)).toHaveAttribute('data-article', OWN);
  await expect(groups.nth(0)).toHaveAttribute('data-own', 'true');
  await expect(groups.nth(0).locator('.nl-group-head')).toContainText('This page');
  await expect(groups.nth(0).locator('.nl-group-head')).toContainText('Test Gazette, 15 Mar 2031');
  // Then the most recent of the others.
  await expect(groups.nth(1).locator('.nl-group-head')).toContainText('Daily Ledger, 1 Mar 2031');
  // Two articles more (three statements) wait in the popup.
  const more = card.root.getByTestId('more');
  await expect(more).toHaveText('3 more');

  const opened = context.waitForEvent('page');
  await more.click();
  const popup = await opened;
  await popup.waitForLoadState();
  const url = new URL(popup.url());
  expect(url.pathname).toBe('/popup.html');
  expect(url.searchParams.get('actor')).toBe('vladimir-putin');
  const row = popup.locator('li.nl-match[data-ref="actor:vladimir-putin"]');
  await expect(row).toHaveAttribute('data-focus', 'true');
  await expect(row.locator('.nl-article-group')).toHaveCount(4);
  await expect(row.locator('.nl-article-group').first()).toHaveAttribute('data-article', OWN);
  await expect(popup.getByTestId('own-article')).toHaveAttribute('data-article', OWN);
  await expect(popup.getByTestId('own-article')).toContainText('More talks on Testville (fictional test article)');
});

test('a denial reported by one outlet sits beside the claim another outlet reported; the popup filters by article and kind', async ({ context, extensionId, serviceWorker, openPage }) => {
  const page = await openPage(PAGE, 3);
  const popup = await PopupObject.open(context, extensionId, await tabIdOf(serviceWorker, page.url()));
  const row = await popup.expand('actor', 'vladimir-putin');
  const claim = row.locator('.nl-statement[data-statement="lk310105-blinken-100000"]');
  await expect(claim).toHaveClass(/nl-disputed/);
  await expect(claim.locator('.nl-claim .nl-source')).toHaveText('Test Gazette, 5 Jan 2031');
  const denial = claim.locator('.nl-dispute[data-dispute="lk310210-putin-denies-100000"]');
  await expect(denial).toContainText('Troops were not massing near Testville.');
  await expect(denial.locator('.nl-source')).toHaveText('North Herald, 10 Feb 2031');

  // Kind: what is disputed only.
  await row.locator('.nl-chip[data-kind="disputed"]').click();
  await expect(row.locator('.nl-statement')).toHaveCount(1);
  await expect(row.locator('.nl-statement')).toHaveAttribute('data-statement', 'lk310105-blinken-100000');
  // Kind: what they said, in one article.
  await row.locator('.nl-chip[data-kind="said"]').click();
  await expect(row.locator('.nl-statement')).toHaveCount(4);
  await row.getByTestId('filter-article').selectOption('north-herald-2031-02-10-putin-denies');
  await expect(row.locator('.nl-statement')).toHaveCount(1);
  await expect(row.locator('.nl-statement')).toHaveAttribute('data-statement', 'lk310210-putin-no-massing');
  await row.locator('.nl-chip[data-kind="about"]').click();
  await expect(row.locator('.nl-statement')).toHaveCount(0);
  await expect(row.locator('.nl-empty')).toBeVisible();
});

test('a figure whose sources differ: each value with its source and date, and where the page\'s number stands', async ({ openPage }) => {
  const page = await openPage(PAGE, 3);
  const card = new CardObject(page);
  await card.hover('130,000 troops');
  await card.expectOpen('130,000 troops');
  const measure = card.root.locator('.nl-measure');
  await expect(measure).toHaveAttribute('data-differ', 'true');
  await expect(measure.locator('h3')).toHaveText('Sources differ: 4 values for this measure');
  const values = await measure.locator('.nl-related li').allInnerTexts();
  expect(values).toEqual([
    expect.stringMatching(/^100,000 troops · .*Antony Blinken · Test Gazette, 5 Jan 2031$/),
    expect.stringMatching(/^150,000 troops · .*Antony Blinken · North Herald, 10 Feb 2031$/),
    expect.stringMatching(/^up to 190,000 troops · .*Antony Blinken · Daily Ledger, 1 Mar 2031$/),
    expect.stringMatching(/^130,000 troops \(this card\) · .*Antony Blinken · Test Gazette, 15 Mar 2031$/),
  ]);
  await expect(card.root.locator('.nl-standing')).toHaveText(
    "The page's 130,000 is higher than 1 and lower than 2 of the 4 values reported.",
  );
});

test('the options page lists every article with its outlet, date, language, counts and a link to its source', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const rows = page.getByTestId('articles').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toHaveAttribute('data-article', OWN);
  const herald = page.locator('tr[data-article="north-herald-2031-02-10-putin-denies"]');
  await expect(herald.locator('a')).toHaveAttribute('href', 'https://herald.example.test/news/putin-denies');
  await expect(herald).toContainText('Putin denies troops are massing (fictional test article)');
  await expect(herald).toContainText('North Herald');
  await expect(herald).toContainText('10 Feb 2031');
  await expect(herald).toContainText('en');
  await expect(herald).toContainText('2 statements · 1 figures · 1 disputes · 3 actors');
});
