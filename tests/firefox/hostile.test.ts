/**
 * A hostile page's attacks on the extension, in Firefox ESR, against the build readers get
 * (`wxt build -b firefox`: a closed card root on a random tag, random highlight names). The
 * same rows as tests/e2e/hostile-attacks.spec.ts in Chromium, each tried from the page's own world
 * and asserted to fail; each fails on c0a544f. Firefox has no DevTools protocol here to look
 * inside a closed root, so an open card is found the way a reader sees it: the point just below
 * the hovered name belongs to the extension's host (`elementFromPoint` stops at the host).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { DEMO, allHighlighted, openFirefox, poll, waitForHighlights, type FirefoxSession } from '../support/firefox/session';
import { highlightPoint, hostTags, replaceHighlightGroups, syntheticHover, uiHostProbe } from '../support/in-page';

const CLOBBER = '/tests/fixtures/hostile/clobber.html';
const BARE = ['newslens-person', 'newslens-organisation', 'newslens-country', 'newslens-figure', 'newslens-active', 'newslensmark-disputed'];
const TIMEOUT = 120_000;

/** Whether a card shows below (or above) the name at `p`: the point there is the extension's host. */
function cardShown(page: Page, p: { x: number; y: number; h: number }): Promise<boolean> {
  return page.evaluate((x: number, y: number, h: number) => {
    const host = [...document.documentElement.children].find((e) => e !== document.head && e !== document.body);
    if (!host) return false;
    return [y + h + 30, y - h - 30].some((at) => document.elementFromPoint(x, at) === host);
  }, p.x, p.y, p.h);
}

async function openCard(page: Page, text = 'Vladimir Putin'): Promise<{ x: number; y: number; h: number }> {
  await page.mouse.move(1, 1);
  const p = await page.evaluate(highlightPoint, text);
  await page.mouse.move(p.x, p.y, { steps: 2 });
  await poll(() => cardShown(page, p), Boolean, 'a trusted hover opens the card');
  return p;
}

async function load(ff: FirefoxSession, path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.evaluateOnNewDocument(() => {
    const posted: string[] = [];
    (window as unknown as { __posted: string[] }).__posted = posted;
    window.addEventListener('message', (e) => posted.push(JSON.stringify(e.data)), true);
  });
  await page.goto(ff.site.a + path);
  await page.bringToFront();
  await waitForHighlights(page, 4);
  return page;
}

test('a hostile page attacks the extension (Firefox)', { timeout: TIMEOUT }, async (t) => {
  const ff = await openFirefox(t, { build: 'reader' });

  await t.test('started-event: nothing is posted to the page, and a forged started event switches nothing off', async () => {
    const page = await load(ff, DEMO);
    const before = (await allHighlighted(page)).length;
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __posted: string[] }).__posted), []);
    const uuid = new URL(ff.extensionOrigin).host;
    await page.evaluate((id: string) => {
      for (const type of [`${id}:content:wxt:content-script-started`, 'newslens@newslens.example:content:wxt:content-script-started', 'wxt:content-script-started']) {
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
        window.postMessage({ type, contentScriptName: 'content', messageId: 'forged' }, '*');
      }
    }, uuid);
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal((await allHighlighted(page)).length, before);
    await page.close();
  });

  await t.test('read-card: the open card is out of the page\'s reach', async () => {
    const page = await load(ff, DEMO);
    await openCard(page);
    const probe = await page.evaluate(uiHostProbe);
    assert.equal(probe.tags.length, 1);
    assert.notEqual(probe.tags[0], 'newslens-ui');
    assert.deepEqual(probe.roots, [false]);
    assert.deepEqual(probe.attach, [false]);
    assert.equal(probe.dialogs, 0);
    assert.equal(probe.text, '');
    await page.close();
  });

  await t.test('remove-host: a removed host comes back with the open card', async () => {
    const page = await load(ff, DEMO);
    const p = await openCard(page);
    await page.evaluate(() => {
      for (const e of [...document.documentElement.children]) if (e !== document.head && e !== document.body) e.remove();
    });
    await poll(() => cardShown(page, p), Boolean, 'the card is rebuilt');
    assert.equal((await page.evaluate(hostTags)).length, 1);
    await page.close();
  });

  await t.test('synthetic-input: events the page dispatches open no card; the reader\'s own do', async () => {
    const page = await load(ff, DEMO);
    const p = await page.evaluate(highlightPoint, 'Vladimir Putin');
    await page.evaluate(syntheticHover, p);
    await new Promise((r) => setTimeout(r, 800));
    assert.deepEqual(await page.evaluate(hostTags), []);
    await openCard(page);
    await page.close();
  });

  await t.test('clobber: markup named "browser", "chrome" and "runtime" does not stop the extension', async () => {
    const page = await load(ff, CLOBBER);
    const texts = await allHighlighted(page);
    for (const name of ['Vladimir Putin', 'Emmanuel Macron', 'Sergei Lavrov', 'Antony Blinken']) assert.ok(texts.includes(name), `${name} is highlighted`);
    await page.close();
  });

  await t.test('highlight-names: unpredictable, and groups the page replaces or deletes are ours again at the next update', async () => {
    const page = await load(ff, DEMO);
    const names = await page.evaluate(() => [...CSS.highlights.keys()]);
    const ours = names.filter((n) => n.startsWith('newslens-') && !n.startsWith('newslens-active'));
    assert.ok(ours.length > 0);
    for (const n of ours) assert.ok(!BARE.includes(n), `${n} is predictable`);
    await page.evaluate(replaceHighlightGroups, ours);
    await poll(
      () => allHighlighted(page),
      (texts) => ['Vladimir Putin', 'Sergei Lavrov', 'Boris Johnson'].every((n) => texts.includes(n)),
      'our groups back, with the new names',
    );
    await page.close();
  });
});
