/**
 * `npm start`: opens the demo news page in Chromium with the freshly built extension loaded.
 * With a display it stays open for you to use; without one (or with --headless) it runs
 * headless, prints what it highlighted, saves screenshots under .output/screenshots/ and exits.
 *
 * It launches the browser itself (scripts/start-browser.ts) rather than through the tests'
 * launcher in tests/support/: scripts/ and tests/ do not import each other.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { activeTabId, openWithExtension } from './start-browser';

const SHOTS = resolve('.output/screenshots');

async function main(): Promise<void> {
  const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
  await mkdir(SHOTS, { recursive: true });
  const ext = await openWithExtension(resolve(process.env.NEWSLENS_OUT ?? '.output', 'chrome-mv3'), headless, resolve('demo/news.html'));
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  const url = ext.demoUrl;
  await page.goto(url);
  console.log(`NewsLens ${headless ? '(headless)' : ''} on ${url}`);

  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('newslens-')), null, { timeout: 15_000 });
  await page.waitForTimeout(200);
  const found = await page.evaluate(() => {
    const groups: Record<string, Record<string, number>> = {};
    for (const [name, group] of CSS.highlights) {
      if (!name.startsWith('newslens-') || name.startsWith('newslens-active')) continue;
      const counts: Record<string, number> = {};
      for (const r of group) {
        const text = (r as Range).toString().replace(/\s+/g, ' ');
        counts[text] = (counts[text] ?? 0) + 1;
      }
      groups[name.replace('newslens-', '')] = counts;
    }
    return groups;
  });
  let total = 0;
  for (const [kind, counts] of Object.entries(found)) {
    const list = Object.entries(counts).map(([t, n]) => (n > 1 ? `${t} ×${n}` : t));
    total += Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`  ${kind.padEnd(13)} ${list.join(', ')}`);
  }
  console.log(`Highlighted ${total} occurrences.`);

  await page.screenshot({ path: resolve(SHOTS, 'demo-highlights.png') });
  // Hover the first "Vladimir Putin" and capture the open card.
  const point = await page.evaluate(() => {
    for (const [, group] of CSS.highlights)
      for (const r of group) if ((r as Range).toString() === 'Vladimir Putin') {
        const rect = (r as Range).getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    return null;
  });
  if (point) {
    await page.mouse.move(point.x, point.y, { steps: 2 });
    // The card lives in a closed shadow root on a host with a random tag (src/page/ui-host.ts):
    // wait for the host to arrive, then for the card's fade-in to end, so that the shot shows the
    // card and not the page through it. `document.getAnimations()` reaches into shadow trees,
    // closed ones too (Web Animations: shadow-including descendants).
    await page.waitForFunction(() => [...document.documentElement.children].some((e) => e.localName.includes('-')), undefined, { timeout: 5_000 });
    const faded = await page.evaluate(async () => {
      const started = performance.now();
      while (document.getAnimations().length === 0 && performance.now() - started < 1_000) await new Promise(requestAnimationFrame);
      const running = document.getAnimations();
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
      return running.length;
    });
    if (faded === 0) await page.waitForTimeout(800);
    await page.screenshot({ path: resolve(SHOTS, 'demo-card.png') });
    console.log(`Card open for Vladimir Putin: ${resolve(SHOTS, 'demo-card.png')}`);
  }
  // The popup for the demo tab.
  await page.bringToFront();
  const tabId = await activeTabId(ext.serviceWorker).catch(() => undefined);
  if (tabId !== undefined) {
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('[data-testid="matches"]').waitFor({ timeout: 5_000 });
    await popup.screenshot({ path: resolve(SHOTS, 'demo-popup.png') });
    if (!headless) await page.bringToFront();
    else await popup.close();
  }
  console.log(`Screenshots in ${SHOTS}`);

  if (headless) {
    await ext.close();
    return;
  }
  console.log('Close the browser window to stop.');
  await new Promise<void>((done) => ext.context.on('close', () => done()));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
