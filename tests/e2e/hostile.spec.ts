/**
 * Hostile pages (tests/fixtures/hostile/): huge, deep, restless, booby-trapped or locked-down
 * pages, with the built extension switched on. One table, one test per page. On each: the page
 * keeps working (its heartbeat keeps ticking, its own results are intact, it logs no error), the
 * extension keeps working (exact highlights where the page says its names are, `window.__expected`)
 * or stands aside cleanly (nothing highlighted, nothing changed), and nothing of the page's DOM
 * changes but the extension's one UI host and the page's own changes the table names.
 *
 * Timings are measured, never asserted here (tests/support/hostile.ts attaches them; `npm run
 * trust:report` holds them to the 50 ms bar).
 */
import type { CDPSession, Page } from '@playwright/test';
import {
  expect,
  expectAlive,
  expected,
  foreignMutations,
  highlightCounts,
  highlightsInside,
  hoverFirstHighlight,
  inCleanWorld,
  pageResult,
  test,
  type Heartbeat,
} from '../support/hostile';

interface Ctx {
  page: Page;
  cdp: CDPSession;
}

interface HostileCase {
  title: string;
  /** The fixture, with its query. */
  file: string;
  /** The test's own time limit, for the slow pages. */
  timeoutMs?: number;
  /** How long the first pass may take. */
  scanTimeoutMs?: number;
  /** The content script reports its first pass done before the checks (default true). */
  ready?: boolean;
  /** Runs before the highlights are read (the page's own work, or a value `check` compares with later). */
  before?(ctx: Ctx): Promise<unknown>;
  /**
   * The highlights: 'exact' (each name of `__expected`, as often as it says), 'settle' (the same,
   * once the page's changes have settled, and none left on text that is gone), 'none'.
   */
  highlights: 'exact' | 'settle' | 'none';
  /** Hover the first highlight: 'opens' asserts that a card opens; 'hover' only moves there. */
  card?: 'opens' | 'hover';
  /** The checks of this page alone, after the highlights and the card; `saved` is what `before` returned. */
  check?(ctx: Ctx, saved: unknown): Promise<void>;
  /** The page's own DOM changes, which are not the extension's; null: the DOM is not compared. */
  own?: ((mutation: string) => boolean) | null;
  /** After the trace stops: checks of the page's heartbeat record. */
  after?(heartbeat: Heartbeat): void;
  /** Console errors that are the page's business (default: none may appear). */
  pagesOwnError?(message: string): boolean;
}

const waitDone = (page: Page, timeout: number) =>
  page.waitForFunction(() => (window as unknown as { __pageResult: { done: boolean } }).__pageResult.done, undefined, { timeout, polling: 250 });

/** What the editors test types, and where. */
const TYPED = ' Then Emmanuel Macron called the Kremlin and NATO.';

async function typeAtEnd(page: Page, click: () => Promise<void>, text: string): Promise<void> {
  await click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 15 });
}

const shadowSnapshot = (page: Page) => page.evaluate(() => (window as unknown as { __shadowSnapshot(): Record<string, string> }).__shadowSnapshot());

const CASES: HostileCase[] = [
  {
    title: '200,000 text nodes: every name highlighted, the page keeps ticking',
    file: 'many-nodes.html',
    timeoutMs: 120_000,
    scanTimeoutMs: 90_000,
    before: async ({ page }) => expect((await pageResult<{ textNodes: number }>(page)).textNodes).toBe(200_000),
    highlights: 'exact',
  },
  {
    title: 'one 5 MB text node: its names highlighted, the page keeps ticking',
    file: 'huge-text.html',
    timeoutMs: 120_000,
    scanTimeoutMs: 90_000,
    before: async ({ page }) => expect((await pageResult<{ length: number; nodes: number }>(page)).nodes).toBe(1),
    highlights: 'exact',
  },
  {
    title: 'nesting 5,000 elements deep: names at every depth highlighted',
    file: 'deep.html',
    before: async ({ page }) => expect((await pageResult<{ depth: number }>(page)).depth).toBeGreaterThan(5_000),
    highlights: 'exact',
  },
  {
    title: 'a mutation storm (1,000 text changes a second for 10 s): the page keeps up, highlights follow the final text',
    file: 'storm.html?rate=1000&seconds=10',
    timeoutMs: 90_000,
    before: async ({ page }) => {
      await page.evaluate(() => (window as unknown as { startStorm(): void }).startStorm());
      await expectAlive(page);
      await waitDone(page, 40_000);
      const storm = await pageResult<{ changes: number; ms: number }>(page);
      expect(storm.changes).toBe(10_000);
      test.info().annotations.push({ type: 'storm-ms', description: String(storm.ms) });
    },
    highlights: 'settle',
    // The page changed its own text 10,000 times; nothing else changed.
    own: (m) => m.startsWith('text P '),
  },
  {
    title: 'a body replaced every second: highlights follow the new body, none held on the old ones',
    file: 'replace-body.html?rounds=6',
    timeoutMs: 90_000,
    ready: false,
    before: ({ page }) => waitDone(page, 30_000),
    highlights: 'settle',
    own: (m) => /^childList HTML \+\[BODY\] -\[BODY\]$/.test(m),
  },
  {
    title: 'a page that redefines Node.prototype, MutationObserver, Highlight and CSS in its world: the extension works and never calls them',
    file: 'redefine.html',
    highlights: 'exact',
    card: 'opens',
    check: async ({ page }) => {
      const { callsAfterLoad } = await pageResult<{ callsAfterLoad: Record<string, number> }>(page);
      const calls = await page.evaluate(() => ({ ...(window as unknown as { __calls: Record<string, number> }).__calls }));
      // Everything but what the test tooling itself may touch in the page's world.
      for (const name of Object.keys(callsAfterLoad)) {
        if (['parse', 'stringify', 'then', 'addEventListener'].includes(name)) continue;
        expect(calls[name], `the page's ${name} was called by someone else`).toBe(callsAfterLoad[name]);
      }
    },
  },
  {
    title: 'a strict Content-Security-Policy: highlights and a styled card, no violation',
    file: 'csp.html',
    before: async ({ page }) => expect((await pageResult<{ inlineStyleBlocked: boolean }>(page)).inlineStyleBlocked, 'the policy is in force').toBe(true),
    highlights: 'exact',
    card: 'opens',
    check: ({ page }) => expect(page.locator('newslens-ui .nl-card')).toHaveCSS('position', 'absolute'),
    // The page's own refused style attribute is its business; nothing else may be refused.
    after: (heartbeat) => expect(heartbeat.violations.filter((v) => !v.includes('/csp.js'))).toEqual([]),
    pagesOwnError: (m) => /Content Security Policy/.test(m) && !/chrome-extension/.test(m),
  },
  {
    title: 'open and closed shadow roots: nothing inside any changes; light DOM, slotted and open-root names highlighted',
    file: 'shadow.html',
    before: ({ page }) => shadowSnapshot(page),
    highlights: 'exact',
    card: 'hover',
    check: async ({ page, cdp }, before) => {
      await page.waitForTimeout(300);
      expect(await shadowSnapshot(page)).toEqual(before);
      expect(await page.evaluate(() => (window as unknown as { __shadowMutations: string[] }).__shadowMutations)).toEqual([]);
      const inShadow = await inCleanWorld<number>(
        cdp,
        `() => { let n = 0; for (const [name, g] of CSS.highlights) if (name.startsWith('newslens-')) for (const r of g) if (r.startContainer.getRootNode() instanceof ShadowRoot) n++; return n; }`,
      );
      test.info().annotations.push({ type: 'highlights-in-shadow-roots', description: String(inShadow) });
    },
  },
  {
    title: 'same-origin, cross-origin and srcdoc iframes: every frame keeps working and unchanged',
    file: 'frames.html',
    highlights: 'exact',
    card: 'hover',
    check: async ({ page }) => {
      const frames = page.frames().filter((f) => f !== page.mainFrame());
      expect(frames.map((f) => new URL(f.url()).hostname === 'localhost')).toContain(true);
      for (const frame of frames) {
        await expect.poll(() => frame.evaluate(() => document.readyState)).toBe('complete');
        const log = await frame.evaluate(() => (window as unknown as { __newslensTrustWatch?: { mutations: string[] } }).__newslensTrustWatch?.mutations ?? []);
        expect(log, `DOM changes in ${frame.url()}`).toEqual([]);
        if (frame.url() === 'about:srcdoc') {
          expect(await frame.evaluate(() => document.body.innerHTML)).toBe('<p>Inside srcdoc: Vladimir Putin and NATO.</p>');
          continue;
        }
        expect(await frame.evaluate(() => document.getElementById('inner')?.textContent)).toBe(
          await frame.evaluate(() => (window as unknown as { __pageResult: { text: string } }).__pageResult.text),
        );
        const beats = () => frame.evaluate(() => (window as unknown as { __heartbeat: Heartbeat }).__heartbeat.beats);
        const b0 = await beats();
        await page.waitForTimeout(200);
        expect(await beats(), `${frame.url()} keeps ticking`).toBeGreaterThan(b0);
      }
    },
  },
  {
    title: 'rich-text editors: nothing highlighted inside them, and typing is never disturbed',
    file: 'editors.html',
    highlights: 'exact',
    check: async ({ page, cdp }) => {
      for (const id of ['#editor', '#plaintext']) expect(await highlightsInside(cdp, id), `highlights inside ${id}`).toBe(0);
      // contenteditable: type at the end of the paragraph.
      const editor = page.locator('#editor p');
      const editorBefore = await editor.textContent();
      await typeAtEnd(page, () => editor.click(), TYPED);
      await page.waitForTimeout(700); // time for any rescan of ours to happen (it must not)
      await page.keyboard.type(' Done.', { delay: 15 });
      expect(await editor.textContent()).toBe(`${editorBefore}${TYPED} Done.`);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('editor');
      // contenteditable="plaintext-only"
      const plain = page.locator('#plaintext');
      const plainBefore = await plain.textContent();
      await typeAtEnd(page, () => plain.click(), TYPED);
      await page.waitForTimeout(500);
      expect(await plain.textContent()).toBe(`${plainBefore}${TYPED}`);
      // textarea
      const area = page.locator('#textarea');
      const areaBefore = await area.inputValue();
      await typeAtEnd(page, () => area.click(), TYPED);
      expect(await area.inputValue()).toBe(`${areaBefore}${TYPED}`);
      // an editor frame in design mode
      await expect.poll(() => page.frame({ url: /about:srcdoc/ })?.evaluate(() => document.designMode)).toBe('on');
      const framePara = page.frameLocator('#designed').locator('p');
      const frameBefore = await framePara.textContent();
      await typeAtEnd(page, () => framePara.click(), TYPED);
      expect(await framePara.textContent()).toBe(`${frameBefore}${TYPED}`);

      await page.waitForTimeout(500);
      for (const id of ['#editor', '#plaintext']) expect(await highlightsInside(cdp, id), `highlights inside ${id} after typing`).toBe(0);
      // Every input event the page saw came from the keyboard, one per character typed.
      const inputs = await page.evaluate(() => (window as unknown as { __inputs: string[] }).__inputs);
      expect(inputs.filter((i) => !i.endsWith(':insertText'))).toEqual([]);
      expect(inputs.length).toBe(TYPED.length * 3 + ' Done.'.length);
    },
    // The page's own edits are the only DOM changes.
    own: (m) => /^(text|childList) (P|DIV#plaintext|DIV#editor)\b/.test(m),
  },
  {
    title: 'a document in design mode: nothing highlighted, typing undisturbed',
    file: 'design-mode.html',
    ready: false,
    before: async ({ page }) => expect(await page.evaluate(() => document.designMode)).toBe('on'),
    highlights: 'none',
    check: async ({ page, cdp }) => {
      const para = page.locator('#doc');
      const before = await para.textContent();
      const typed = ' Vladimir Putin answered.';
      await typeAtEnd(page, () => para.click(), typed);
      await page.waitForTimeout(500);
      expect(await para.textContent()).toBe(`${before}${typed}`);
      expect((await highlightCounts(cdp, [])).total).toBe(0);
    },
    own: null,
  },
];

test.describe('hostile pages', () => {
  for (const c of CASES) {
    test(c.title, async ({ open }) => {
      if (c.timeoutMs) test.setTimeout(c.timeoutMs);
      const { page, cdp, errors, status, finish } = await open(c.file, c.scanTimeoutMs);
      if (c.ready !== false) expect(status).toBe('ready');
      const saved = await c.before?.({ page, cdp });
      if (c.highlights === 'none') {
        expect((await highlightCounts(cdp, [])).total).toBe(0);
      } else {
        const want = await expected(page);
        const counts = () => highlightCounts(cdp, Object.keys(want));
        if (c.highlights === 'exact') {
          expect((await counts()).byName).toEqual(want);
        } else {
          await expect.poll(async () => (await counts()).byName, { timeout: 10_000 }).toEqual(want);
          expect((await counts()).detached, 'highlights left on text that is gone').toBe(0);
        }
      }
      if (c.card) {
        const opened = await hoverFirstHighlight(page, cdp);
        if (c.card === 'opens') expect(opened, 'a card opens on hover').toBe(true);
      }
      await c.check?.({ page, cdp }, saved);
      await expectAlive(page);
      if (c.own !== null) expect(await foreignMutations(page, c.own)).toEqual([]);
      const { heartbeat } = await finish();
      c.after?.(heartbeat);
      expect(errors.messages.filter((m) => !c.pagesOwnError?.(m))).toEqual([]);
    });
  }
});
