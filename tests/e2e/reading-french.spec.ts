/**
 * The reader's language: with Chromium in French, the card, the popup and the options page speak
 * French (public/_locales/fr). The first test launches its own browser in French (the UI language
 * is chosen at start, from LANGUAGE on Linux) and needs Chromium's French resources (Debian:
 * chromium-l10n); the second renders the card with the French messages in any Chromium.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { QUIET_FLAGS, chromiumPath, launchPlainChromium } from '../support/chromium';
import { tabIdOf } from '../support/extension-state';
import { testBuild } from '../support/test-build';
import { serveStatic } from '../support/serve';
import { CardObject } from '../support/pages/card';
import { PopupObject } from '../support/pages/popup';
import { compileDetails } from '../../src/dataset/compile';
import { detailsFor } from '../../src/dataset/details';
import { loadDataset } from '../../src/dataset/load';
import { bundleModules } from '../support/dom-bundle';
import { waitForHighlights } from '../support/extension-test';
import { ARTICLE } from '../support/browser-events';

/** Chromium shows an extension's French messages only if it has a French UI itself. */
const frenchUi = existsSync(join(dirname(chromiumPath()), 'locales', 'fr.pak'));

test('the card, the popup and the options page in French, with the browser in French', async () => {
  // Under CI a missing install is a failure, not a skip: .ci/run installs chromium-l10n.
  if (!frenchUi && process.env.CI) throw new Error(`no French UI in this Chromium (${join(dirname(chromiumPath()), 'locales', 'fr.pak')} is missing): .ci/run should have installed chromium-l10n`);
  test.skip(!frenchUi, `no French UI in this Chromium (${join(dirname(chromiumPath()), 'locales', 'fr.pak')} is missing; Debian: apt-get install chromium-l10n)`);
  // The tests' build: its card's shadow root is open to the page objects (tests/support/test-build.ts).
  const build = testBuild('chrome');
  const server = await serveStatic('.');
  const profile = await mkdtemp(join(tmpdir(), 'newslens-fr-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'fr-FR',
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' },
    args: [...QUIET_FLAGS, '--headless=new', '--lang=fr', `--disable-extensions-except=${build}`, `--load-extension=${build}`],
  });
  await context.route(/.*/, (route) => {
    const url = new URL(route.request().url());
    return url.protocol.startsWith('http') && url.hostname !== '127.0.0.1' ? route.abort() : route.continue();
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(sw.url()).host;
    expect(await sw.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())).toMatch(/^fr/);

    const page = await context.newPage();
    await page.goto(server.origin + ARTICLE);
    await waitForHighlights(page, 5);
    const card = new CardObject(page);
    await card.hover('Vladimir Putin');
    await expect(page.getByRole('dialog', { name: 'À propos de Vladimir Putin' })).toBeVisible();
    await expect(card.root.locator('.nl-role')).toContainText('Personne');
    // The card shows the most recent of Putin's articles: its chains are in French, whichever they
    // are (the BBC's "Selon Kremlin, rapporté par BBC" is checked word for word below).
    await expect(card.root.locator('.nl-statement .nl-claim .nl-chain').first()).toContainText('rapporté par');

    const popup = await PopupObject.open(context, extensionId, await tabIdOf(sw, page.url()));
    await expect(popup.page.locator('.nl-switch-label')).toHaveText('Surligner sur 127.0.0.1');
    await expect(popup.page.locator('[data-group="group_people"] h3')).toContainText('Personnes');
    await expect(popup.page.getByTestId('export')).toHaveText('Exporter en JSON-LD');

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.locator('h1')).toHaveText('Réglages de NewsLens');
    await expect(options.getByTestId('mode-news').locator('xpath=..')).toContainText('Pages d’actualité (par défaut)');
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await server.close();
  }
});

test('the card with the French messages', async () => {
  const fr = JSON.parse(readFileSync('public/_locales/fr/messages.json', 'utf8')) as Record<string, unknown>;
  const store = compileDetails(loadDataset('assets/dataset').dataset!);
  // The BBC article's part of Putin's details: the messages under test, on statements whose wording is known.
  const all = detailsFor(store, { type: 'actor', id: 'vladimir-putin' })!;
  const bbc = (x: { article: string }) => x.article === 'bbc-2022-02-20-ukraine-macron-putin';
  const details = {
    ...all,
    said: all.said.filter(bbc),
    about: all.about.filter(bbc),
    reported: all.reported.filter(bbc),
    disputes: all.disputes.filter(bbc),
    articles: Object.fromEntries(Object.entries(all.articles).filter(([id]) => id === 'bbc-2022-02-20-ukraine-macron-putin')),
  };
  const script = await bundleModules(
    { card: 'src/ui/Card.tsx', i18n: 'src/ui/i18n.ts', preact: 'node_modules/preact/dist/preact.mjs' },
    'NLFr',
  );
  const browser = await launchPlainChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="fr"><div id="root"></div></html>');
    await page.addScriptTag({ content: script });
    await page.evaluate(
      ([messages, d]) => {
        type Api = { card: typeof import('../../src/ui/Card'); i18n: typeof import('../../src/ui/i18n'); preact: typeof import('preact') };
        const api = (window as unknown as { NLFr: Api }).NLFr;
        api.i18n.useFallbackMessages(messages as Parameters<Api['i18n']['useFallbackMessages']>[0]);
        const props = { details: d, position: { left: 0, top: 0, maxHeight: null, side: null }, onClose() {}, onPointerEnter() {}, onPointerLeave() {} };
        api.preact.render(api.preact.h(api.card.Card, props), document.getElementById('root')!);
      },
      [fr, details] as const,
    );
    await expect(page.getByRole('dialog', { name: 'À propos de Vladimir Putin' })).toBeVisible();
    await expect(page.locator('.nl-role')).toContainText('Personne');
    await expect(page.locator('[data-section="heading_said"] h4')).toContainText('A déclaré');
    // Putin's statements come from several articles: take the BBC's Kremlin account, which Ukraine rejects.
    const disputed = page.locator('.nl-statement.nl-disputed', { hasText: 'Selon Kremlin, rapporté par BBC' }).first();
    await expect(disputed.locator('.nl-claim .nl-chain')).toHaveText('Selon Kremlin, rapporté par BBC');
    await expect(disputed.locator('.nl-how').first()).toContainText('Ukraine rejette');
    await expect(page.getByRole('button', { name: 'Fermer' })).toBeVisible();
  } finally {
    await browser.close();
  }
});
