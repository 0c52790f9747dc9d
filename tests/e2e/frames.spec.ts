/**
 * Frames (tests/fixtures/hostile/frames.html): the engine, content-scripts/content.js, runs in the
 * top frame and in the same-origin frame, which is highlighted, and never in the cross-origin one
 * (the same file from the other host name), which gets only the small all-frames scripts.
 * Read through the DevTools protocol: `Debugger.enable` reports every script a frame has parsed,
 * content scripts included. The cross-origin assertion fails on 6267d2d, where the engine ran in
 * every frame and stopped at once in a cross-origin one.
 */
import type { CDPSession, Frame } from '@playwright/test';
import { setSite } from '../support/extension-state';
import { expect, test } from '../support/extension-test';

test.use({ build: 'reader' });

interface Parsed {
  url: string;
  frameId: string | undefined;
}

/** Every script the session's target has parsed so far, and from now on, with its frame. */
async function parsedScripts(cdp: CDPSession): Promise<Parsed[]> {
  const scripts: Parsed[] = [];
  cdp.on('Debugger.scriptParsed', (e) => {
    const aux = e.executionContextAuxData as { frameId?: string } | undefined;
    scripts.push({ url: e.url, frameId: aux?.frameId });
  });
  await cdp.send('Debugger.enable');
  return scripts;
}

const highlightGroups = (frame: Frame) => frame.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('newslens-')).length);

test('same-origin frames get the engine and are highlighted; a cross-origin frame never loads it', async ({ context, serviceWorker, extensionId, site }) => {
  await setSite(serviceWorker, '127.0.0.1', 'on');
  await setSite(serviceWorker, 'localhost', 'on');
  const page = await context.newPage();
  const top = await parsedScripts(await context.newCDPSession(page));
  await page.goto(`${site.a}/tests/fixtures/hostile/frames.html`);
  const file = (name: string) => `chrome-extension://${extensionId}/content-scripts/${name}`;

  const same = page.frame({ url: /frame-inner\.html\?same$/ })!;
  await expect.poll(() => highlightGroups(same), { timeout: 15_000 }).toBeGreaterThan(0);
  // The engine was parsed in two frames of the page's process: the top and the same-origin frame.
  expect(new Set(top.filter((s) => s.url === file('content.js')).map((s) => s.frameId)).size).toBe(2);

  // Another site: its own process, so its own session (an out-of-process frame).
  await expect.poll(() => page.frame({ url: /frame-inner\.html\?cross$/ })?.evaluate(() => document.readyState)).toBe('complete');
  const cross = await parsedScripts(await context.newCDPSession(page.frame({ url: /frame-inner\.html\?cross$/ })!));
  const urls = () => cross.map((s) => s.url);
  // Its document_idle scripts have run (the probe; before it existed, the engine itself), and what
  // the probe might have asked for would have arrived before one more round trip to the background.
  await expect.poll(() => urls().some((u) => u === file('frame.js') || u === file('content.js'))).toBe(true);
  await serviceWorker.evaluate(() => 1);
  expect(urls()).not.toContain(file('content.js'));
  expect(urls()).toEqual(expect.arrayContaining([file('api.js'), file('frame.js')]));
  expect(await highlightGroups(page.frame({ url: /frame-inner\.html\?cross$/ })!)).toBe(0);
});
