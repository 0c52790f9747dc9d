/**
 * A hostile page's attacks on the extension itself, one row each, against the build readers get
 * (`npm run build`: a closed card root on a random tag, random highlight names), in real
 * Chromium. Each row tries the attack from the page's own world, the way a page's scripts would,
 * and asserts that it fails. Every row fails on c0a544f, the code before these defences:
 * - started-event: WXT's content-script context posted `<id>:content:wxt:content-script-started`
 *   to the page, and replaying it as a document event switched the extension off;
 * - read-card: `document.querySelector('newslens-ui').shadowRoot` gave the page the open card;
 * - define-host: the host's tag was fixed, so a page could define it (before or after) and run its
 *   own code on our element;
 * - remove-host: a removed host took the open card with it;
 * - synthetic-input: `pointermove` / `mouseover` dispatched by the page opened the card;
 * - clobber: `<form id="browser"><input name="runtime" id="…">` became the extension's API;
 * - highlight-names: the names were fixed (`newslens-person`), and a group the page replaced or
 *   deleted stayed replaced.
 * The last test is no attack: an orphaned script (the extension reloaded under it) must remove
 * its highlights and card on its own; on c0a544f they stayed on the page.
 * The same attacks in Firefox: tests/firefox/hostile.test.ts. The card is read here through the
 * DevTools protocol (`DOM.getDocument` with `pierce`), which reaches closed roots; a page cannot.
 */
import type { CDPSession, Page } from '@playwright/test';
import { allHighlighted, setSite } from '../support/extension-state';
import { expect, test, waitForHighlights } from '../support/extension-test';
import { highlightPoint, hostTags, replaceHighlightGroups, syntheticHover, uiHostProbe } from '../support/in-page';

test.use({ build: 'reader' });

const DEMO = '/demo/news.html';
const CLOBBER = '/tests/fixtures/hostile/clobber.html';
/** The bare names a page could predict from the source. */
const BARE = ['newslens-person', 'newslens-organisation', 'newslens-country', 'newslens-figure', 'newslens-active', 'newslensmark-disputed'];

interface Attack {
  name: string;
  page: string;
  run(t: { page: Page; cdp: CDPSession; extensionId: string }): Promise<void>;
}

/** How many card dialogs the document holds, closed shadow roots included (DevTools protocol). */
async function cardsInDocument(cdp: CDPSession): Promise<number> {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  type N = { attributes?: string[]; children?: N[]; shadowRoots?: N[]; contentDocument?: N };
  let n = 0;
  const walk = (node: N): void => {
    const a = node.attributes ?? [];
    for (let i = 0; i < a.length; i += 2) if (a[i] === 'role' && a[i + 1] === 'dialog') n++;
    for (const c of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(c);
  };
  walk(root as N);
  return n;
}

/** Opens the card with real (trusted) input, and waits for it to be in the document. */
async function openCard(page: Page, cdp: CDPSession, text = 'Vladimir Putin'): Promise<void> {
  await page.mouse.move(1, 1);
  const p = await page.evaluate(highlightPoint, text);
  await page.mouse.move(p.x, p.y, { steps: 2 });
  await expect.poll(() => cardsInDocument(cdp), { message: 'a trusted hover opens the card' }).toBe(1);
}

const attacks: Attack[] = [
  {
    name: 'started-event: nothing is posted to the page, and a forged started event switches nothing off',
    page: DEMO,
    async run({ page, extensionId }) {
      const before = (await allHighlighted(page)).length;
      const posted = await page.evaluate(() => (window as unknown as { __posted: string[] }).__posted);
      expect(posted, 'messages the page received').toEqual([]);
      await page.evaluate((id) => {
        for (const type of [`${id}:content:wxt:content-script-started`, `${id}:content-script-started`, 'wxt:content-script-started']) {
          document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
          window.postMessage({ type, contentScriptName: 'content', messageId: 'forged' }, '*');
        }
      }, extensionId);
      await page.waitForTimeout(1_000);
      expect((await allHighlighted(page)).length).toBe(before);
    },
  },
  {
    name: 'read-card: the open card is out of the page\'s reach, and its host cannot be given a root of the page\'s own',
    page: DEMO,
    async run({ page, cdp }) {
      await openCard(page, cdp);
      const probe = await page.evaluate(uiHostProbe);
      expect(probe.tags).toHaveLength(1);
      expect(probe.tags[0], 'a tag the page cannot know in advance').not.toBe('newslens-ui');
      expect(probe.roots, 'host.shadowRoot').toEqual([false]);
      expect(probe.attach, 'attachShadow on the host').toEqual([false]);
      expect(probe.dialogs).toBe(0);
      expect(probe.text).toBe('');
    },
  },
  {
    name: 'define-host: a page that defines the host\'s tag gets no root, and the next card comes on a new host',
    page: DEMO,
    async run({ page, cdp }) {
      await openCard(page, cdp);
      const [tag] = await page.evaluate(hostTags);
      const seen = await page.evaluate((t) => {
        const log: string[] = [];
        customElements.define(
          t!,
          class extends HTMLElement {
            constructor() {
              super();
              try {
                log.push(`internals root: ${String(this.attachInternals().shadowRoot)}`);
              } catch (e) {
                log.push(`no internals: ${(e as Error).name}`);
              }
            }
          },
        );
        return log;
      }, tag);
      expect(seen.join(' ')).not.toContain('ShadowRoot');
      await page.mouse.move(1, 1);
      await expect.poll(() => cardsInDocument(cdp)).toBe(0);
      await openCard(page, cdp, 'Emmanuel Macron');
      const hosts = await page.evaluate(hostTags);
      expect(hosts).toHaveLength(1);
      expect(hosts[0], 'a new host under a new name').not.toBe(tag);
    },
  },
  {
    name: 'remove-host: a page that removes the host while the card is open gets it back, card and all',
    page: DEMO,
    async run({ page, cdp }) {
      await openCard(page, cdp);
      await page.evaluate(() => {
        for (const e of [...document.documentElement.children]) if (e !== document.head && e !== document.body) e.remove();
      });
      await expect.poll(() => page.evaluate(hostTags)).toHaveLength(1);
      await expect.poll(() => cardsInDocument(cdp), { message: 'the card is rebuilt' }).toBe(1);
      // …and shown beside the name again: the point below (or above) it is the host's.
      const p = await page.evaluate(highlightPoint, 'Vladimir Putin');
      await expect
        .poll(() =>
          page.evaluate(({ x, y }) => {
            const host = [...document.documentElement.children].find((e) => e !== document.head && e !== document.body);
            return [y + 40, y - 40].some((at) => document.elementFromPoint(x, at) === host);
          }, p),
        )
        .toBe(true);
    },
  },
  {
    name: 'synthetic-input: pointer and mouse events the page dispatches open no card; the reader\'s own do',
    page: DEMO,
    async run({ page, cdp }) {
      const p = await page.evaluate(highlightPoint, 'Vladimir Putin');
      await page.evaluate(syntheticHover, p);
      await page.waitForTimeout(800);
      expect(await cardsInDocument(cdp)).toBe(0);
      expect(await page.evaluate(hostTags)).toEqual([]);
      await openCard(page, cdp);
      // Escape from the page closes nothing either.
      await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
      await page.waitForTimeout(300);
      expect(await cardsInDocument(cdp)).toBe(1);
    },
  },
  {
    name: 'clobber: markup named "browser", "chrome" and "runtime" does not stop the extension',
    page: CLOBBER,
    async run({ page }) {
      expect(await page.evaluate(() => (window as unknown as { browser: Element }).browser.localName)).toBe('form');
      await waitForHighlights(page, 4);
      expect(await allHighlighted(page)).toEqual(expect.arrayContaining(['Vladimir Putin', 'Emmanuel Macron', 'Sergei Lavrov', 'Antony Blinken']));
    },
  },
  {
    name: 'highlight-names: the names cannot be predicted, and groups the page replaces or deletes are ours again at the next update',
    page: DEMO,
    async run({ page }) {
      const names = await page.evaluate(() => [...CSS.highlights.keys()]);
      const ours = names.filter((n) => n.startsWith('newslens-') && !n.startsWith('newslens-active'));
      expect(ours.length).toBeGreaterThan(0);
      for (const n of ours) expect(BARE, `${n} is predictable`).not.toContain(n);
      // The page swaps every group of ours for an empty one of its own, and deletes one.
      await page.evaluate(replaceHighlightGroups, ours);
      await expect.poll(() => allHighlighted(page)).toEqual(expect.arrayContaining(['Vladimir Putin', 'Sergei Lavrov', 'Boris Johnson']));
    },
  },
];

test.describe('a hostile page attacks the extension', () => {
  for (const attack of attacks) {
    test(attack.name, async ({ context, serviceWorker, extensionId, site }) => {
      await setSite(serviceWorker, '127.0.0.1', 'on');
      // Every window message the page receives, from the first script on.
      await context.addInitScript(() => {
        const posted: string[] = [];
        (window as unknown as { __posted: string[] }).__posted = posted;
        window.addEventListener('message', (e) => posted.push(JSON.stringify(e.data)), true);
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await page.goto(site.a + attack.page);
      await waitForHighlights(page, 4);
      await attack.run({ page, cdp, extensionId });
    });
  }
});

test('an orphaned content script (the extension reloaded under it) removes everything it added', async ({ context, serviceWorker, site }) => {
  await setSite(serviceWorker, '127.0.0.1', 'on');
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(site.a + DEMO);
  await waitForHighlights(page, 4);
  await openCard(page, cdp);
  // The service worker dies with the reload; its evaluate may not return.
  await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => {});
  // Chromium injects no new content script into open tabs: whatever is left is the orphan's.
  await expect.poll(() => allHighlighted(page), { timeout: 10_000 }).toEqual([]);
  await expect.poll(() => page.evaluate(hostTags)).toEqual([]);
  expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('newslens')))).toEqual([]);
});
