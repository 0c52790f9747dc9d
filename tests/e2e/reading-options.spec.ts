/**
 * The options page against the built extension: the reader's sites (switch, removal, adding),
 * the mode and the pause, import and export as a validated JSON file, and the dataset's figures.
 */
import { loadDataset } from '../../src/dataset/load';
import { compileDetails } from '../../src/dataset/compile';
import { OptionsObject } from '../support/pages/options';
import { PopupObject } from '../support/pages/popup';
import { allHighlighted, expect, tabIdOf, test, waitForHighlights } from '../support/extension-test';
import { ARTICLE, NOT_NEWS, pageDecision, storage } from '../support/browser-events';
import { setPreferences, storedPreferences } from '../support/extension-state';

test('lists the sites switched on and off; switches and removes them; adds one from an address', async ({ context, extensionId, serviceWorker, openPage }) => {
  await setPreferences(serviceWorker, { sites: { 'lemonde.fr': 'on', 'example.com': 'off' } });
  const options = await OptionsObject.open(context, extensionId);
  await expect.poll(() => options.sites()).toEqual({ 'example.com': 'off', 'lemonde.fr': 'on' });

  await options.toggleSite('example.com');
  await expect.poll(async () => (await storedPreferences(serviceWorker)).sites?.['example.com']).toBe('on');
  await options.removeSite('lemonde.fr');
  await expect.poll(async () => Object.keys((await storedPreferences(serviceWorker)).sites ?? {})).toEqual(['example.com']);

  await options.addSite('https://www.Theguardian.com/world/2024/jan/01/story', 'off');
  await expect.poll(() => options.sites()).toEqual({ 'example.com': 'on', 'theguardian.com': 'off' });
  await options.addSite('not a site', 'on');
  await expect(options.page.locator('.nl-add-site .nl-error')).toHaveText('“not a site” is not a site name such as example.com.');

  // A switch flipped in the popup shows here at once.
  const page = await openPage(ARTICLE, 5);
  const popup = await PopupObject.open(context, extensionId, await tabIdOf(serviceWorker, page.url()));
  await popup.setSite(false);
  await expect.poll(() => options.sites()).toMatchObject({ '127.0.0.1': 'off' });
});

test('the mode decides where it runs: news pages by default, everywhere, or only the listed sites', async ({ context, extensionId, serviceWorker, site, openPage }) => {
  const options = await OptionsObject.open(context, extensionId);
  await expect(options.mode('news')).toBeChecked();
  const news = await openPage(ARTICLE, 5);
  const other = await context.newPage();
  await other.goto(site.a + NOT_NEWS);
  const otherTab = await tabIdOf(serviceWorker, other.url());
  await expect.poll(() => pageDecision(serviceWorker, otherTab)).toEqual({ reason: 'not-news', status: 'off' });
  expect(await allHighlighted(other)).toEqual([]);

  await options.setMode('everywhere');
  await waitForHighlights(other, 2);
  expect(await allHighlighted(other)).toContain('Vladimir Putin');

  await options.setMode('listed');
  await expect.poll(() => allHighlighted(news)).toEqual([]);
  await expect.poll(() => allHighlighted(other)).toEqual([]);
  // Listing a site switches it on, whatever the page.
  await options.addSite(`localhost`, 'on');
  const listed = await context.newPage();
  await listed.goto(`${site.b}${NOT_NEWS}`);
  await waitForHighlights(listed, 2);

  // The pause stops everything, and is one switch with the popup's.
  await options.page.getByTestId('pause').check();
  await expect.poll(() => allHighlighted(listed)).toEqual([]);
  expect(await storedPreferences(serviceWorker)).toMatchObject({ mode: 'listed', paused: true });
});

test('exports the settings as JSON, and imports only a valid file: a bad one says why and changes nothing', async ({ context, extensionId, serviceWorker }) => {
  await setPreferences(serviceWorker, { mode: 'everywhere', paused: false, sites: { 'lemonde.fr': 'on', 'example.com': 'off' } });
  const options = await OptionsObject.open(context, extensionId);
  await expect(options.mode('everywhere')).toBeChecked();
  const { fileName, json } = await options.exportSettings();
  expect(fileName).toMatch(/^newslens-settings-\d{4}-\d{2}-\d{2}\.json$/);
  expect(json).toMatchObject({
    format: 'newslens-settings',
    version: 1,
    settings: { mode: 'everywhere', paused: false },
    sites: { 'example.com': 'off', 'lemonde.fr': 'on' },
  });

  const before = await storage(serviceWorker);
  const bad: [string, RegExp][] = [
    ['{ not json', /^Nothing was changed\. The file is not JSON/],
    [JSON.stringify({ hello: 'world' }), /^Nothing was changed\. The file is not a NewsLens settings file/],
    [JSON.stringify({ ...json, settings: { mode: 'sometimes', paused: false } }), /settings\.mode: must be "news", "everywhere" or "listed"$/],
    [JSON.stringify({ ...json, sites: { 'lemonde.fr': 'on', 'bad site': 'off' } }), /sites\["bad site"\]: is not a site name/],
  ];
  for (const [contents, message] of bad) {
    const result = await options.importSettings(contents);
    expect(result.ok).toBe(false);
    expect(result.text).toMatch(message);
    expect(await storage(serviceWorker)).toEqual(before);
  }

  const next = { ...json, settings: { mode: 'listed', paused: true }, sites: { 'nytimes.com': 'on' } };
  const result = await options.importSettings(JSON.stringify(next));
  expect(result).toEqual({ ok: true, text: 'Imported. Sites in the file: 1; mode: “Only the sites I list”.' });
  expect(await storedPreferences(serviceWorker)).toEqual({ mode: 'listed', paused: true, sites: { 'nytimes.com': 'on' } });
  await expect(options.mode('listed')).toBeChecked();
  await expect.poll(() => options.sites()).toEqual({ 'nytimes.com': 'on' });
});

test("shows the dataset's version, articles and counts", async ({ context, extensionId }) => {
  const { dataset } = loadDataset(process.env.NEWSLENS_DATASET ?? 'assets/dataset');
  const details = compileDetails(dataset!);
  const options = await OptionsObject.open(context, extensionId);
  const shown = await options.dataset();
  expect(shown.version).toMatch(/\S{6,}/);
  const number = (s: string | undefined) => Number((s ?? '').replace(/[^\d]/g, ''));
  expect(number(shown.articles)).toBe(dataset!.articles.length);
  expect(number(shown.actors)).toBe(dataset!.actors.length);
  expect(number(shown.figures)).toBe(Object.keys(details.figures).length);
  expect(number(shown.statements)).toBe(Object.keys(details.statements).length);
  expect(number(shown.disputes)).toBe(Object.keys(details.disputes).length);
  // The keyboard shortcuts are named, as the browser has them.
  await expect(options.page.getByTestId('shortcuts')).toContainText('Alt+Shift+J: next highlight. Alt+Shift+K: previous highlight.');
});
