/**
 * Pages that change after they load, against the built extension in Chromium: text that arrives
 * later is highlighted as it arrives, text that leaves loses its highlight, the ambiguity rule
 * follows the page as it changes, a new body is read anew, switching off leaves nothing behind,
 * and the page's DOM is never changed by the extension. Also the trees a page's text may live
 * in besides the document: open shadow roots and same-origin frames.
 *
 * The fixture pages (tests/fixtures/pages/live-blog.html, frames.html) change their own DOM the
 * way live blogs, infinite scrolls and single-page apps do, through functions the tests call,
 * and mark every node they add or remove, so that any other change is visible.
 */
import type { Frame, Page } from '@playwright/test';
import { PopupObject } from '../support/pages/popup';
import { expect, tabIdOf, test, waitForHighlights } from '../support/extension-test';
import { setSite } from '../support/extension-state';

const LIVE = '/tests/fixtures/pages/live-blog.html';
const FRAMES = '/tests/fixtures/pages/frames.html';

declare global {
  interface Window {
    page: {
      prepend(html: string): string;
      appendMany(count: number, html: string): void;
      remove(id: string): void;
      appendInline(id: string, html: string): void;
      replaceBody(html: string): void;
    };
    __foreign: string[];
  }
}

/**
 * Records every mutation from the end of parsing on (the content script starts later, at
 * document_idle) that the page's own functions did not make: an added or removed node, an
 * edited text or attribute, that the page did not mark as its own.
 */
async function recordForeignMutations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__foreign = [];
    const own = (n: Node) => (n as Node & { __byPage?: boolean }).__byPage === true;
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => {
        for (const r of records) {
          const nodes = [...r.addedNodes, ...r.removedNodes];
          const foreign = r.type === 'childList' ? nodes.some((n) => !own(n)) : !own(r.target);
          if (foreign) window.__foreign.push(`${r.type} on ${r.target.nodeName}: +${[...r.addedNodes].map((n) => n.nodeName)} -${[...r.removedNodes].map((n) => n.nodeName)}`);
        }
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  });
}

/**
 * The range texts of the highlights that mark matches, one per match (the kinds' groups; the
 * "active" and "disputed" groups repeat some of them), in a page's or a frame's document.
 */
const highlighted = (target: Page | Frame) =>
  target.evaluate(() =>
    ['newslens-person', 'newslens-organisation', 'newslens-country', 'newslens-figure'].flatMap((name) =>
      [...(CSS.highlights.get(name) ?? [])].map((r) => (r as Range).toString()),
    ),
  );
const count = async (page: Page, text: string) => (await highlighted(page)).filter((t) => t === text).length;

test('text that arrives later is highlighted, and text that leaves loses its highlight', async ({ context, site }) => {
  const page = await context.newPage();
  await recordForeignMutations(page);
  await page.goto(site.a + LIVE);
  await waitForHighlights(page, 1);
  expect(await highlighted(page)).toEqual(['Vladimir Putin']);

  // A live blog's new post.
  const id = await page.evaluate(() => window.page.prepend('<p>Emmanuel Macron called Antony Blinken.</p>'));
  await expect.poll(() => highlighted(page)).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Antony Blinken', 'Vladimir Putin']));

  // An infinite scroll's next page: many posts at once.
  await page.evaluate(() => window.page.appendMany(40, '<p>Sergei Lavrov met reporters.</p>'));
  await expect.poll(() => count(page, 'Sergei Lavrov')).toBe(40);

  // A name completed by inline text that arrives later is one name: "Boris " + <b>Johnson</b>.
  await page.evaluate(() => window.page.appendInline('ticker', 'Johnson'));
  await expect.poll(() => highlighted(page)).toContain('Boris Johnson');

  // Removed text loses its highlights; the rest stays.
  await page.evaluate((postId) => window.page.remove(postId), id);
  await expect.poll(() => highlighted(page)).not.toContain('Emmanuel Macron');
  expect(await highlighted(page)).not.toContain('Antony Blinken');
  expect(await count(page, 'Sergei Lavrov')).toBe(40);
  expect(await highlighted(page)).toContain('Vladimir Putin');

  // Every ranges left still covers its name: none points into removed text.
  for (const text of await highlighted(page)) expect(['Vladimir Putin', 'Sergei Lavrov', 'Boris Johnson']).toContain(text);
  expect(await page.evaluate(() => window.__foreign)).toEqual([]);
});

test('the ambiguity rule follows the page: a bare surname is highlighted only while the full name is on the page', async ({ openPage }) => {
  const page = await openPage(LIVE, 1);

  // "Johnson" alone may be any Johnson: not highlighted.
  await page.evaluate(() => window.page.prepend('<p>Johnson declined to comment.</p>'));
  await page.evaluate(() => window.page.prepend('<p>Emmanuel Macron arrived.</p>'));
  await expect.poll(() => highlighted(page)).toContain('Emmanuel Macron');
  expect(await highlighted(page)).not.toContain('Johnson');

  // The page names Boris Johnson: now the bare "Johnson" earlier on the page is him.
  const full = await page.evaluate(() => window.page.prepend('<p>Boris Johnson urged restraint.</p>'));
  await expect.poll(() => highlighted(page)).toEqual(expect.arrayContaining(['Boris Johnson', 'Johnson']));

  // The full name leaves the page: so does the support for the bare one.
  await page.evaluate((postId) => window.page.remove(postId), full);
  await expect.poll(() => highlighted(page)).not.toContain('Boris Johnson');
  expect(await highlighted(page)).not.toContain('Johnson');
});

test('a page that replaces its body is read anew, and nothing of the old body stays highlighted', async ({ context, site }) => {
  const page = await context.newPage();
  await recordForeignMutations(page);
  await page.goto(site.a + LIVE);
  await waitForHighlights(page, 1);

  await page.evaluate(() => window.page.replaceBody('<main><h1>Next article</h1><p>Oleksii Reznikov visited NATO headquarters.</p></main>'));
  await expect.poll(() => highlighted(page)).toEqual(expect.arrayContaining(['Oleksii Reznikov', 'NATO']));
  expect(await highlighted(page)).not.toContain('Vladimir Putin');
  // Ranges of the old body would still be registered (and count) even though they paint nothing.
  expect((await highlighted(page)).sort()).toEqual(['NATO', 'Oleksii Reznikov']);
  expect(await page.evaluate(() => window.__foreign)).toEqual([]);
});

test('switching the site off stops the watching: later text gets no highlight', async ({ context, extensionId, serviceWorker, openPage }) => {
  const page = await openPage(LIVE, 1);
  await page.evaluate(() => window.page.prepend('<p>Emmanuel Macron arrived.</p>'));
  await expect.poll(() => highlighted(page)).toContain('Emmanuel Macron');

  const popup = await PopupObject.open(context, extensionId, await tabIdOf(serviceWorker, page.url()));
  await popup.setSite(false);
  await expect.poll(() => highlighted(page)).toEqual([]);

  await page.evaluate(() => window.page.prepend('<p>Sergei Lavrov and Antony Blinken met.</p>'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
  expect(await highlighted(page)).toEqual([]);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);

  // On again: the page as it is now, including what arrived while it was off.
  await popup.setSite(true);
  await expect.poll(() => highlighted(page)).toEqual(expect.arrayContaining(['Sergei Lavrov', 'Antony Blinken', 'Emmanuel Macron']));
});

test('names inside open shadow roots are highlighted and painted, without changing the page', async ({ context, site }) => {
  const page = await context.newPage();
  await recordForeignMutations(page);
  await page.goto(site.a + FRAMES);
  await expect.poll(() => highlighted(page)).toEqual(expect.arrayContaining(['Sergei Lavrov', 'Vladimir Putin']));
  // The range lies in the shadow tree (the host's own light text is not rendered, not read).
  const inShadow = await page.evaluate(() => {
    const group = CSS.highlights.get('newslens-person')!;
    return [...group].some((r) => (r as Range).startContainer.getRootNode() instanceof ShadowRoot && (r as Range).toString() === 'Vladimir Putin');
  });
  expect(inShadow).toBe(true);
  expect(await count(page, 'Vladimir Putin')).toBe(1);

  // Painted: the document's ::highlight() rules reach into the shadow tree (highlight styles
  // inherit along the flat tree), so the text looks different with the highlight than without.
  const quote = page.locator('news-quote p');
  const painted = await quote.screenshot();
  await page.evaluate(() => {
    const w = window as unknown as { __saved?: Highlight };
    w.__saved = CSS.highlights.get('newslens-person');
    CSS.highlights.delete('newslens-person');
  });
  const bare = await quote.screenshot();
  expect(painted.equals(bare)).toBe(false);

  // A shadow root that arrives later is watched too.
  await page.evaluate(() => {
    const w = window as unknown as { __saved?: Highlight };
    CSS.highlights.set('newslens-person', w.__saved!);
    const el = document.createElement('news-quote');
    el.textContent = 'Antony Blinken replied.';
    (el as unknown as { __byPage: boolean }).__byPage = true;
    document.querySelector('article')!.append(el);
  });
  await expect.poll(() => highlighted(page)).toContain('Antony Blinken');
  expect(await page.evaluate(() => window.__foreign)).toEqual([]);
});

test('a same-origin frame is highlighted by its own run; a cross-origin one is left alone', async ({ context, site, serviceWorker, openPage }) => {
  // Switched on for both site names, so that only the origin rule keeps the cross-origin frame dark.
  await setSite(serviceWorker, 'localhost', 'on');
  const page = await openPage(FRAMES, 2);
  const same = page.frame({ url: /frame-inner\.html$/ })!;
  await expect.poll(() => highlighted(same)).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Élysée']));
  // The top document's highlights are its own: the frame's names are not among them.
  expect(await highlighted(page)).not.toContain('Emmanuel Macron');

  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.id = 'other';
    frame.src = src;
    document.body.append(frame);
    return new Promise((r) => frame.addEventListener('load', r));
  }, `${site.b}/tests/fixtures/pages/frame-inner.html`);
  const other = page.frame({ url: (u) => u.host.startsWith('localhost') })!;
  // Give a content script there every chance to run.
  await other.evaluate(() => new Promise((r) => setTimeout(r, 800)));
  expect(await other.evaluate(() => CSS.highlights.size)).toBe(0);
  // The same file opened as a page of its own at localhost is highlighted: the frame was dark for being cross-origin.
  const alone = await context.newPage();
  await alone.goto(`${site.b}/tests/fixtures/pages/frame-inner.html`);
  await waitForHighlights(alone, 1);
});
