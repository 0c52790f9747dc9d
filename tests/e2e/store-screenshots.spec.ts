/**
 * The store's screenshots, 1280×800, made from the demo page with no hand work, into
 * $NEWSLENS_STORE_SHOTS (default .output/store-screenshots; store/README.md says why they are not
 * committed). Motion is left on, as a reader sees it, and each shot waits until the card's
 * appearing animation has ended: a shot taken mid-fade shows the page through the card.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { CardObject } from '../support/pages/card';
import { OptionsObject } from '../support/pages/options';
import { PopupObject } from '../support/pages/popup';
import { expect, tabIdOf, test, waitForHighlights } from '../support/extension-test';
import { DEMO } from '../support/browser-events';

const SIZE = { width: 1280, height: 800 };

async function shotDir(): Promise<string> {
  const dir = resolve(process.env.NEWSLENS_STORE_SHOTS ?? '.output/store-screenshots');
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Resolves once every animation on the element has finished and it is fully opaque. */
async function settled(el: Locator): Promise<void> {
  await el.evaluate((node) => Promise.all(node.getAnimations().map((a) => a.finished)));
  await expect(el).toHaveCSS('opacity', '1');
}

async function expectSize(path: string): Promise<void> {
  const png = await readFile(path);
  expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(SIZE);
}

async function demoWithCard(page: Page, url: string): Promise<void> {
  await page.setViewportSize(SIZE);
  await page.goto(url);
  await waitForHighlights(page, 10);
  await page.evaluate(() => window.scrollTo(0, 0));
  const card = new CardObject(page);
  await card.hover('Vladimir Putin', 0, 'none');
  await card.expectOpen('Vladimir Putin');
  await settled(card.root);
}

test('store screenshots at 1280×800: the card, the popup, the options page', async ({ context, site, extensionId, serviceWorker }) => {
  const dir = await shotDir();
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  await demoWithCard(page, site.a + DEMO);
  // The animation really ran: this is the case a mid-fade shot got wrong.
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: no-preference)').matches)).toBe(true);
  const card = resolve(dir, '1-card.png');
  await page.screenshot({ path: card });
  await expectSize(card);

  // The popup beside the page it describes, as a reader sees it under the toolbar button.
  const popup = await PopupObject.open(context, extensionId, await tabIdOf(serviceWorker, page.url()));
  await popup.page.setViewportSize({ width: 400, height: 640 });
  await popup.expand('actor', 'vladimir-putin');
  // The header shows the icon itself, loaded (not a broken image).
  await expect.poll(() => popup.page.locator('header img.nl-logo').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
  const popupPng = await popup.page.screenshot();
  await page.mouse.move(5, 5); // the card closes; the page alone behind the popup
  await page.keyboard.press('Escape');
  const pagePng = await page.screenshot();
  const board = await context.newPage();
  await board.setViewportSize(SIZE);
  await board.setContent(
    `<body style="margin:0;position:relative;width:1280px;height:800px;overflow:hidden">
      <img src="data:image/png;base64,${pagePng.toString('base64')}" style="position:absolute;inset:0;filter:brightness(0.92)">
      <img src="data:image/png;base64,${popupPng.toString('base64')}" style="position:absolute;top:8px;right:16px;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.35)">
    </body>`,
  );
  await board.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  const popupShot = resolve(dir, '2-popup.png');
  await board.screenshot({ path: popupShot });
  await expectSize(popupShot);

  const options = await OptionsObject.open(context, extensionId);
  await options.page.setViewportSize(SIZE);
  await options.addSite('lemonde.fr', 'on');
  await options.addSite('example.com', 'off');
  await options.dataset();
  await expect.poll(() => options.page.locator('header img.nl-logo').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
  const optionsShot = resolve(dir, '3-options.png');
  await options.page.screenshot({ path: optionsShot });
  await expectSize(optionsShot);
});
