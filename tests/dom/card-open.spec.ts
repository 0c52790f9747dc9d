/**
 * src/page/hover-card.ts with the real UI host (src/page/ui-host.ts, its stylesheet included) and
 * card (src/ui/Card.tsx) in real Chromium, without the extension: how a card opens (issue 6: no
 * long task). The pointer resting on a name prepares the host during the open delay; the card is
 * rendered once, hidden, then placed beside the name after the browser's own layout, by a style
 * update; following the page's scrolling renders nothing again.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { launchPlainChromium } from '../support/chromium';
import type { Details } from '../../src/dataset/compiled';
import { compileDetails } from '../../src/dataset/compile';
import { detailsFor } from '../../src/dataset/details';
import { loadDataset } from '../../src/dataset/load';

type Harness = {
  hover: typeof import('../../src/page/hover-card');
  host: typeof import('../../src/page/ui-host');
  card: typeof import('../../src/ui/Card');
  i18n: typeof import('../../src/ui/i18n');
  preact: typeof import('preact');
};
interface Target {
  ref: { type: 'actor'; id: string };
  range: Range;
  name: string;
}
interface CardRun {
  card: InstanceType<Harness['hover']['HoverCard']>;
  target: Target;
  /** Cards rendered by Preact (Card components diffed), since the start. */
  renders: number;
  /** For each card element inserted: its visibility in the task that inserted it. */
  inserted: string[];
  hostAt: number | null;
  cardAt: number | null;
  pointedAt: number;
}
declare global {
  interface Window {
    NLH: Harness;
    cardRun: CardRun;
  }
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let browser: Browser;
let script: string;
let details: Details;

/** The modules as a classic script; `?inline` CSS imports (Vite's) become the file's text, as in the build. */
async function bundle(): Promise<string> {
  const modules = { hover: 'src/page/hover-card.ts', host: 'src/page/ui-host.ts', card: 'src/ui/Card.tsx', i18n: 'src/ui/i18n.ts', preact: 'preact' };
  const contents = Object.entries(modules)
    .map(([name, path]) => `export * as ${name} from ${JSON.stringify(path.startsWith('src/') ? `./${path}` : path)};`)
    .join('\n');
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, sourcefile: 'card-open-entry.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'NLH',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __NEWSLENS_BENCH__: 'false', __NEWSLENS_OPEN_CARD__: 'true', __NEWSLENS_HIGHLIGHT_SUFFIXES__: '[""]' },
    plugins: [
      {
        name: 'inline-css',
        setup(b) {
          b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({ path: fileURLToPath(new URL(args.path.replace(/\?inline$/, ''), `file://${args.resolveDir}/`)), namespace: 'inline-css' }));
          b.onLoad({ filter: /.*/, namespace: 'inline-css' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

test.beforeAll(async () => {
  script = await bundle();
  details = detailsFor(compileDetails(loadDataset('assets/dataset').dataset!), { type: 'actor', id: 'vladimir-putin' })!;
  browser = await launchPlainChromium();
});

test.afterAll(async () => {
  await browser?.close();
});

const PARAGRAPH = '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>';

/** A page with the name at `top` px, the hover card wired to it as the content script wires it. */
async function open(page: Page, top: number): Promise<void> {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;font:16px/1.5 serif">` +
      `<div style="height:${top}px"></div><p><span id="name">Vladimir Putin</span> said something.</p>${PARAGRAPH.repeat(60)}</body></html>`,
  );
  await page.addScriptTag({ content: script });
  const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, unknown>;
  await page.evaluate(
    ([d, messages]) => {
      const { hover, host, card: C, i18n, preact } = window.NLH;
      i18n.useFallbackMessages(messages as Parameters<typeof i18n.useFallbackMessages>[0]);
      const text = document.getElementById('name')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 'Vladimir Putin'.length);
      const target: Target = { ref: { type: 'actor', id: 'vladimir-putin' }, range, name: 'Vladimir Putin' };
      const hits = {
        at(_doc: Document, x: number, y: number) {
          const r = range.getBoundingClientRect();
          return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom ? target : null;
        },
      };
      const painter = { setActive() {} };
      const ui = new host.UiHost(document);
      const run: CardRun = { card: null!, target, renders: 0, inserted: [], hostAt: null, cardAt: null, pointedAt: 0 };
      const previous = preact.options.diffed;
      preact.options.diffed = (vnode) => {
        if (vnode.type === C.Card) run.renders++;
        previous?.(vnode);
      };
      // When the host arrives, and in the task each card element is inserted, whether it shows.
      new MutationObserver(() => {
        const el = document.querySelector('newslens-ui');
        if (!el || run.hostAt !== null) return;
        run.hostAt = performance.now();
        new MutationObserver((records) => {
          for (const r of records)
            for (const n of r.addedNodes)
              if (n instanceof HTMLElement && n.matches('[role="dialog"]')) {
                run.cardAt ??= performance.now();
                run.inserted.push(getComputedStyle(n).visibility);
              }
        }).observe(el.shadowRoot!, { childList: true, subtree: true });
      }).observe(document.documentElement, { childList: true });
      run.card = new hover.HoverCard(
        window,
        ui,
        hits as never,
        painter as never,
        async () => {
          // A details request the test makes fail (the background asleep or restarting).
          const w = window as unknown as { failDetails?: number };
          if ((w.failDetails ?? 0) > 0) {
            w.failDetails!--;
            throw new Error('no answer');
          }
          return d;
        },
        new AbortController().signal,
      );
      window.cardRun = run;
    },
    [details, messages] as const,
  );
}

async function pointAtName(page: Page): Promise<void> {
  const box = (await page.locator('#name').boundingBox())!;
  await page.evaluate(() => (window.cardRun.pointedAt = performance.now()));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
}

const dialog = (page: Page) => page.locator('newslens-ui [role="dialog"]');

test('resting on a name prepares the host during the delay; the card renders once, hidden, then shows beside the name', async () => {
  const page = await browser.newPage();
  await open(page, 120);
  await pointAtName(page);
  await expect(dialog(page)).toBeVisible();
  const run = await page.evaluate(() => ({ ...window.cardRun, card: null, target: null }));
  // The host came while the pointer rested, well before the card (300 ms later).
  expect(run.hostAt).not.toBeNull();
  expect(run.cardAt! - run.hostAt!).toBeGreaterThan(150);
  // Rendered once, and hidden in the task that rendered it (measured and placed after layout).
  expect(run.renders).toBe(1);
  expect(run.inserted).toEqual(['hidden']);

  const name = (await page.locator('#name').boundingBox())!;
  const card = (await dialog(page).boundingBox())!;
  expect(await dialog(page).getAttribute('data-side')).toBe('below');
  expect(card.y).toBeGreaterThanOrEqual(name.y + name.height);
  expect(await dialog(page).evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');

  // Following the page as it scrolls is a style update: no render.
  const gap = card.y - name.y;
  await page.mouse.move(card.x + 20, card.y + 20, { steps: 2 });
  await page.evaluate(() => window.scrollBy(0, 40));
  await expect.poll(async () => (await dialog(page).boundingBox())!.y - (await page.locator('#name').boundingBox())!.y).toBeCloseTo(gap, 0);
  expect(await page.evaluate(() => window.cardRun.renders)).toBe(1);

  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  // The host stays (empty) for the next card; one host, ever.
  expect(await page.locator('newslens-ui').count()).toBe(1);
  await page.close();
});

test('near the bottom edge it opens above the name, not over it; shown from the keyboard it takes the focus', async () => {
  const page = await browser.newPage();
  await open(page, 640);
  await page.evaluate(() => window.cardRun.card.show(window.cardRun.target, { focus: true }));
  await expect(dialog(page)).toBeVisible();
  expect(await dialog(page).getAttribute('data-side')).toBe('above');
  const name = (await page.locator('#name').boundingBox())!;
  const card = (await dialog(page).boundingBox())!;
  expect(card.y + card.height).toBeLessThanOrEqual(name.y);
  expect(card.y).toBeGreaterThanOrEqual(0);
  expect(
    await page.evaluate(() => document.activeElement?.localName === 'newslens-ui' && document.activeElement.shadowRoot?.activeElement?.getAttribute('role') === 'dialog'),
  ).toBe(true);
  await page.close();
});

test('closed before it is placed, a card never shows', async () => {
  const page = await browser.newPage();
  await open(page, 120);
  // Opening and closing in the same task: the card's layout never comes.
  const shown = await page.evaluate(async () => {
    const { card, target } = window.cardRun;
    void card.show(target);
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    card.close();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return document.querySelector('newslens-ui')?.shadowRoot?.querySelector('[role="dialog"]') ?? null;
  });
  expect(shown).toBeNull();
  await page.close();
});

test('a failed details request is asked again at the next opening, not kept', async () => {
  const page = await browser.newPage();
  await open(page, 100);
  await page.evaluate(() => ((window as unknown as { failDetails: number }).failDetails = 1));
  await page.evaluate(() => window.cardRun.card.show(window.cardRun.target));
  await page.waitForTimeout(200);
  await expect(dialog(page)).toHaveCount(0);
  await page.evaluate(() => window.cardRun.card.show(window.cardRun.target));
  await expect(dialog(page)).toBeVisible();
  await page.close();
});
