/**
 * Screenshots of the card, the popup and the options page, in light and dark, saved by the run
 * under $NEWSLENS_SCREENSHOTS (default .output/screenshots); the README shows copies from
 * docs/screenshots/ (`npm run screenshots` refreshes them). Each also checks that the surface
 * follows the reader's colour scheme.
 */
import { resolve } from 'node:path';
import { CardObject } from '../support/pages/card';
import { OptionsObject } from '../support/pages/options';
import { PopupObject } from '../support/pages/popup';
import { expect, tabIdOf, test, waitForHighlights } from '../support/extension-test';
import { ARTICLE, DEMO, screenshotDir } from '../support/browser-events';

const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(28, 31, 38)' } as const;

for (const scheme of ['light', 'dark'] as const) {
  test(`card, popup and options in ${scheme}`, async ({ context, site, extensionId, serviceWorker }) => {
    const dir = await screenshotDir();
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(site.a + ARTICLE);
    await waitForHighlights(page, 10);
    const card = new CardObject(page);
    await card.hover('Vladimir Putin', 0, 'start');
    await card.expectOpen('Vladimir Putin');
    await expect(card.root).toHaveCSS('background-color', BACKGROUND[scheme]);
    await page.screenshot({ path: resolve(dir, `card-${scheme}.png`) });

    const popup = await PopupObject.open(context, extensionId, await tabIdOf(serviceWorker, page.url()));
    await popup.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await popup.expand('actor', 'vladimir-putin');
    await expect(popup.page.locator('main.nl-popup')).toHaveCSS('background-color', BACKGROUND[scheme]);
    await popup.page.screenshot({ path: resolve(dir, `popup-${scheme}.png`), fullPage: false });

    const options = await OptionsObject.open(context, extensionId);
    await options.page.setViewportSize({ width: 900, height: 1000 });
    await options.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await options.addSite('lemonde.fr', 'on');
    await options.addSite('example.com', 'off');
    await options.dataset();
    await expect(options.page.locator('main.nl-options')).toHaveCSS('background-color', BACKGROUND[scheme]);
    await options.page.screenshot({ path: resolve(dir, `options-${scheme}.png`), fullPage: true });
  });
}

test('the demo page with an open card, for the README', async ({ context, site }) => {
  const dir = await screenshotDir();
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(site.a + DEMO);
  await waitForHighlights(page, 10);
  await page.evaluate(() => window.scrollTo(0, 0));
  const card = new CardObject(page);
  await card.hover('Vladimir Putin', 0, 'none');
  await card.expectOpen('Vladimir Putin');
  await page.screenshot({ path: resolve(dir, 'demo-card.png') });
});
