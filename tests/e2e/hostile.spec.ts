/**
 * Hostile pages (tests/fixtures/hostile/): huge, deep, restless, booby-trapped or locked-down
 * pages, with the built extension switched on. On each: the page keeps working (its heartbeat
 * keeps ticking, its own results are intact, it logs no error), the extension keeps working
 * (exact highlights where the page says its names are) or stands aside cleanly (nothing
 * highlighted, nothing changed), and nothing of the page's DOM changes but the extension's one
 * UI host.
 *
 * Timings are measured, never asserted here: each test attaches a "hostile" annotation with the
 * extension's longest stretch on the main thread (task-trace.ts) and the page's longest
 * heartbeat gap; `npm run trust:report` holds them to the 50 ms bar.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { serveStatic, type StaticServer } from '../support/serve';
import { setSite, waitForScan, type ScanStatus } from '../support/extension-state';
import { collectErrors, type ErrorLog } from '../corpus/page-errors';
import { installWatch, MAX_RECORDS, readWatch, UI_HOST_ADDED } from '../corpus/page-watch';
import { describe } from '../corpus/table-reporter';
import { startTaskTrace, type TaskSummary } from '../corpus/task-trace';
import { expect, test as e2e } from './fixtures';

const DIR = '/tests/fixtures/hostile/';

/**
 * The strict policy the CSP fixture is served with. `data:` images are allowed for the fixture's
 * own `data:,` favicon link, which Chromium fetches (and reports refused) only sometimes.
 */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "frame-src 'self'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

interface Heartbeat {
  beats: number;
  maxGapMs: number;
  errors: string[];
  violations: string[];
}

interface Opened {
  page: Page;
  cdp: CDPSession;
  errors: ErrorLog;
  status: ScanStatus;
  /** Stops the trace and attaches the timings; returns them for the test's own use. */
  finish(): Promise<{ tasks: TaskSummary; heartbeat: Heartbeat }>;
}

const test = e2e.extend<{ open: (file: string, scanTimeoutMs?: number) => Promise<Opened> }, { hostileServer: StaticServer }>({
  hostileServer: [
    async ({}, use) => {
      const server = await serveStatic(resolve('.'), (path) =>
        path === `${DIR}csp.html` ? { headers: { 'content-security-policy': CSP }, body: readFileSync(resolve(`.${DIR}csp.html`)) } : undefined,
      );
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  open: async ({ context, serviceWorker, extensionId, hostileServer }, use) => {
    await setSite(serviceWorker, '127.0.0.1', 'on');
    await setSite(serviceWorker, 'localhost', 'on');
    await context.addInitScript(installWatch, MAX_RECORDS);
    await use(async (file, scanTimeoutMs = 30_000) => {
      const page = await context.newPage();
      const errors = collectErrors(page);
      const cdp = await context.newCDPSession(page);
      const trace = await startTaskTrace(cdp, `chrome-extension://${extensionId}/`);
      await page.goto(`${hostileServer.origin}${DIR}${file}`);
      const status = await waitForScan(serviceWorker, page, scanTimeoutMs);
      return {
        page,
        cdp,
        errors,
        status,
        async finish() {
          const tasks = await trace.stop();
          const heartbeat = await page.evaluate(() => (window as unknown as { __heartbeat: Heartbeat }).__heartbeat);
          const longest = tasks.extension[0];
          const record = {
            fixture: file,
            extLongestMs: longest?.ms ?? 0,
            extLongestCpuMs: longest?.cpuMs ?? 0,
            extLongestWhat: longest ? describe(longest) : '',
            extTotalMs: tasks.extensionTotalMs,
            heartbeatMaxGapMs: heartbeat.maxGapMs,
            beats: heartbeat.beats,
          };
          test.info().annotations.push({ type: 'hostile', description: JSON.stringify(record) });
          console.log(`hostile ${file}: ${JSON.stringify(record)}`);
          return { tasks, heartbeat };
        },
      };
    });
  },
});

/**
 * Runs `fn` in a fresh isolated world of the page's main frame: the page's redefinitions of
 * `CSS`, `Array` or `Node.prototype` do not reach it, so the test reads the real state.
 */
async function inCleanWorld<T>(cdp: CDPSession, fn: string): Promise<T> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'newslens-hostile-test' });
  const r = await cdp.send('Runtime.evaluate', { expression: `(${fn})()`, contextId: executionContextId, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) throw new Error(`in clean world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}

/** The extension's highlights as text, read from a clean world: how many ranges name each of `names`. */
async function highlightCounts(cdp: CDPSession, names: string[]): Promise<{ byName: Record<string, number>; total: number; detached: number; empty: number }> {
  const all = await inCleanWorld<{ texts: string[]; detached: number; empty: number }>(
    cdp,
    `() => {
      const texts = []; let detached = 0; let empty = 0;
      for (const [name, group] of CSS.highlights) {
        if (!name.startsWith('newslens-') || name.startsWith('newslens-active')) continue;
        for (const r of group) {
          if (!r.startContainer.isConnected) detached++;
          const t = r.toString();
          if (t === '') empty++; else texts.push(t);
        }
      }
      return { texts, detached, empty };
    }`,
  );
  const byName: Record<string, number> = {};
  for (const n of names) byName[n] = all.texts.filter((t) => t === n).length;
  return { byName, total: all.texts.length, detached: all.detached, empty: all.empty };
}

/** How many highlight ranges start inside the element matching `selector` (clean world). */
async function highlightsInside(cdp: CDPSession, selector: string): Promise<number> {
  return inCleanWorld<number>(
    cdp,
    `() => {
      const el = document.querySelector(${JSON.stringify(selector)});
      let n = 0;
      for (const [name, group] of CSS.highlights) {
        if (!name.startsWith('newslens-')) continue;
        for (const r of group) if (el && el.contains(r.startContainer)) n++;
      }
      return n;
    }`,
  );
}

async function expected(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...(window as unknown as { __expected: Record<string, number> }).__expected }));
}

async function pageResult<T>(page: Page): Promise<T> {
  return page.evaluate(() => (window as unknown as { __pageResult: T }).__pageResult);
}

/** Asserts the page's heartbeat is still ticking (it advanced over `ms`). */
async function expectAlive(page: Page, ms = 300): Promise<void> {
  const before = await page.evaluate(() => (window as unknown as { __heartbeat: Heartbeat }).__heartbeat.beats);
  await page.waitForTimeout(ms);
  const after = await page.evaluate(() => (window as unknown as { __heartbeat: Heartbeat }).__heartbeat.beats);
  expect(after, 'the page heartbeat keeps ticking').toBeGreaterThan(before);
}

/** The page's DOM mutations since DOMContentLoaded that are not the page's own (`own`) nor the UI host. */
async function foreignMutations(page: Page, own: (m: string) => boolean = () => false): Promise<string[]> {
  const log = await readWatch(page);
  let host = 0;
  return log.mutations.filter((m) => !own(m) && !(UI_HOST_ADDED.test(m) && host++ === 0));
}

async function hoverFirstHighlight(page: Page, cdp: CDPSession): Promise<boolean> {
  const point = await inCleanWorld<{ x: number; y: number } | null>(
    cdp,
    `() => {
      for (const [name, group] of CSS.highlights) {
        if (!name.startsWith('newslens-') || name.startsWith('newslens-active')) continue;
        for (const r of group) {
          r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = [...r.getClientRects()].find((c) => c.width > 0);
          if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return null;
    }`,
  );
  if (!point) return false;
  await page.mouse.move(point.x, point.y, { steps: 2 });
  return page
    .locator('newslens-ui [role="dialog"]')
    .waitFor({ state: 'visible', timeout: 5_000 })
    .then(
      () => true,
      () => false,
    );
}

test.describe('hostile pages', () => {
  test('200,000 text nodes: every name highlighted, the page keeps ticking', async ({ open }) => {
    test.setTimeout(120_000);
    const { page, cdp, errors, status, finish } = await open('many-nodes.html', 90_000);
    expect(status).toBe('ready');
    expect((await pageResult<{ textNodes: number }>(page)).textNodes).toBe(200_000);
    const want = await expected(page);
    expect((await highlightCounts(cdp, Object.keys(want))).byName).toEqual(want);
    await expectAlive(page);
    expect(await foreignMutations(page)).toEqual([]);
    await finish();
    expect(errors.messages).toEqual([]);
  });

  test('one 5 MB text node: its names highlighted, the page keeps ticking', async ({ open }) => {
    test.setTimeout(120_000);
    const { page, cdp, errors, status, finish } = await open('huge-text.html', 90_000);
    expect(status).toBe('ready');
    expect((await pageResult<{ length: number; nodes: number }>(page)).nodes).toBe(1);
    const want = await expected(page);
    expect((await highlightCounts(cdp, Object.keys(want))).byName).toEqual(want);
    await expectAlive(page);
    expect(await foreignMutations(page)).toEqual([]);
    await finish();
    expect(errors.messages).toEqual([]);
  });

  test('nesting 5,000 elements deep: names at every depth highlighted', async ({ open }) => {
    const { page, cdp, errors, status, finish } = await open('deep.html');
    expect(status).toBe('ready');
    expect((await pageResult<{ depth: number }>(page)).depth).toBeGreaterThan(5_000);
    const want = await expected(page);
    expect((await highlightCounts(cdp, Object.keys(want))).byName).toEqual(want);
    await expectAlive(page);
    expect(await foreignMutations(page)).toEqual([]);
    await finish();
    expect(errors.messages).toEqual([]);
  });

  test('a mutation storm (1,000 text changes a second for 10 s): the page keeps up, highlights follow the final text', async ({ open }) => {
    test.setTimeout(90_000);
    const { page, cdp, errors, status, finish } = await open('storm.html?rate=1000&seconds=10');
    expect(status).toBe('ready');
    await page.evaluate(() => (window as unknown as { startStorm(): void }).startStorm());
    await expectAlive(page);
    await page.waitForFunction(() => (window as unknown as { __pageResult: { done: boolean } }).__pageResult.done, undefined, { timeout: 40_000, polling: 250 });
    const storm = await pageResult<{ changes: number; ms: number }>(page);
    expect(storm.changes).toBe(10_000);
    test.info().annotations.push({ type: 'storm-ms', description: String(storm.ms) });
    const want = await expected(page);
    await expect.poll(async () => (await highlightCounts(cdp, Object.keys(want))).byName, { timeout: 10_000 }).toEqual(want);
    const counts = await highlightCounts(cdp, Object.keys(want));
    expect(counts.detached, 'highlights left on text that is gone').toBe(0);
    await expectAlive(page);
    // The page changed its own text 10,000 times; nothing else changed.
    expect(await foreignMutations(page, (m) => m.startsWith('text P '))).toEqual([]);
    await finish();
    expect(errors.messages).toEqual([]);
  });

  test('a body replaced every second: highlights follow the new body, none held on the old ones', async ({ open }) => {
    test.setTimeout(90_000);
    const { page, cdp, errors, finish } = await open('replace-body.html?rounds=6');
    await page.waitForFunction(() => (window as unknown as { __pageResult: { done: boolean } }).__pageResult.done, undefined, { timeout: 30_000, polling: 250 });
    const want = await expected(page);
    await expect.poll(async () => (await highlightCounts(cdp, Object.keys(want))).byName, { timeout: 10_000 }).toEqual(want);
    const counts = await highlightCounts(cdp, Object.keys(want));
    expect(counts.detached, 'ranges held on bodies that were replaced').toBe(0);
    await expectAlive(page);
    expect(await foreignMutations(page, (m) => /^childList HTML \+\[BODY\] -\[BODY\]$/.test(m))).toEqual([]);
    await finish();
    expect(errors.messages).toEqual([]);
  });

  test('a page that redefines Node.prototype, MutationObserver, Highlight and CSS in its world: the extension works and never calls them', async ({ open }) => {
    const { page, cdp, errors, status, finish } = await open('redefine.html');
    expect(status).toBe('ready');
    const want = await expected(page);
    expect((await highlightCounts(cdp, Object.keys(want))).byName).toEqual(want);
    expect(await hoverFirstHighlight(page, cdp), 'a card opens on hover').toBe(true);
    await expectAlive(page);
    const { callsAfterLoad } = await pageResult<{ callsAfterLoad: Record<string, number> }>(page);
    const calls = await page.evaluate(() => ({ ...(window as unknown as { __calls: Record<string, number> }).__calls }));
    // Everything but what the test tooling itself may touch in the page's world.
    for (const name of Object.keys(callsAfterLoad)) {
      if (['parse', 'stringify', 'then', 'addEventListener'].includes(name)) continue;
      expect(calls[name], `the page's ${name} was called by someone else`).toBe(callsAfterLoad[name]);
    }
    expect(await foreignMutations(page)).toEqual([]);
    await finish();
    expect(errors.messages).toEqual([]);
  });

  test('a strict Content-Security-Policy: highlights and a styled card, no violation', async ({ open }) => {
    const { page, cdp, errors, status, finish } = await open('csp.html');
    expect(status).toBe('ready');
    expect((await pageResult<{ inlineStyleBlocked: boolean }>(page)).inlineStyleBlocked, 'the policy is in force').toBe(true);
    const want = await expected(page);
    expect((await highlightCounts(cdp, Object.keys(want))).byName).toEqual(want);
    expect(await hoverFirstHighlight(page, cdp), 'a card opens on hover').toBe(true);
    const card = page.locator('newslens-ui .nl-card');
    await expect(card).toHaveCSS('position', 'absolute');
    await expectAlive(page);
    const { heartbeat } = await finish();
    // The page's own refused style attribute is its business; nothing else may be refused.
    expect(heartbeat.violations.filter((v) => !v.includes('/csp.js'))).toEqual([]);
    expect(await foreignMutations(page)).toEqual([]);
    expect(errors.messages.filter((m) => !/Content Security Policy/.test(m) || /chrome-extension/.test(m))).toEqual([]);
  });

  test('open and closed shadow roots: nothing inside any changes; light DOM, slotted and open-root names highlighted', async ({ open }) => {
    const { page, cdp, errors, status, finish } = await open('shadow.html');
    expect(status).toBe('ready');
    const snapshot = () => page.evaluate(() => (window as unknown as { __shadowSnapshot(): Record<string, string> }).__shadowSnapshot());
    const before = await snapshot();
    const want = await expected(page);
    expect((await highlightCounts(cdp, Object.keys(want))).byName).toEqual(want);
    await hoverFirstHighlight(page, cdp);
    await page.waitForTimeout(300);
    expect(await snapshot()).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { __shadowMutations: string[] }).__shadowMutations)).toEqual([]);
    const inShadow = await inCleanWorld<number>(
      cdp,
      `() => { let n = 0; for (const [name, g] of CSS.highlights) if (name.startsWith('newslens-')) for (const r of g) if (r.startContainer.getRootNode() instanceof ShadowRoot) n++; return n; }`,
    );
    test.info().annotations.push({ type: 'highlights-in-shadow-roots', description: String(inShadow) });
    await expectAlive(page);
    expect(await foreignMutations(page)).toEqual([]);
    await finish();
    expect(errors.messages).toEqual([]);
  });

  test('same-origin, cross-origin and srcdoc iframes: every frame keeps working and unchanged', async ({ open }) => {
    const { page, cdp, errors, status, finish } = await open('frames.html');
    expect(status).toBe('ready');
    const want = await expected(page);
    expect((await highlightCounts(cdp, Object.keys(want))).byName).toEqual(want);
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    expect(frames.map((f) => new URL(f.url()).hostname === 'localhost')).toContain(true);
    await hoverFirstHighlight(page, cdp);
    for (const frame of frames) {
      await expect.poll(() => frame.evaluate(() => document.readyState)).toBe('complete');
      const log = await frame.evaluate(() => (window as unknown as { __newslensTrustWatch?: { mutations: string[] } }).__newslensTrustWatch?.mutations ?? []);
      expect(log, `DOM changes in ${frame.url()}`).toEqual([]);
      if (frame.url() === 'about:srcdoc') {
        expect(await frame.evaluate(() => document.body.innerHTML)).toBe('<p>Inside srcdoc: Vladimir Putin and NATO.</p>');
      } else {
        expect(await frame.evaluate(() => document.getElementById('inner')?.textContent)).toBe(
          await frame.evaluate(() => (window as unknown as { __pageResult: { text: string } }).__pageResult.text),
        );
        const beats = () => frame.evaluate(() => (window as unknown as { __heartbeat: Heartbeat }).__heartbeat.beats);
        const b0 = await beats();
        await page.waitForTimeout(200);
        expect(await beats(), `${frame.url()} keeps ticking`).toBeGreaterThan(b0);
      }
    }
    await expectAlive(page);
    expect(await foreignMutations(page)).toEqual([]);
    await finish();
    expect(errors.messages).toEqual([]);
  });

  test('rich-text editors: nothing highlighted inside them, and typing is never disturbed', async ({ open }) => {
    const { page, cdp, errors, status, finish } = await open('editors.html');
    expect(status).toBe('ready');
    const want = await expected(page);
    expect((await highlightCounts(cdp, Object.keys(want))).byName).toEqual(want);
    for (const id of ['#editor', '#plaintext']) expect(await highlightsInside(cdp, id), `highlights inside ${id}`).toBe(0);

    const typed = ' Then Emmanuel Macron called the Kremlin and NATO.';
    // contenteditable: type at the end of the paragraph.
    const editor = page.locator('#editor p');
    const editorBefore = await editor.textContent();
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(typed, { delay: 15 });
    await page.waitForTimeout(700); // time for any rescan of ours to happen (it must not)
    await page.keyboard.type(' Done.', { delay: 15 });
    expect(await editor.textContent()).toBe(`${editorBefore}${typed} Done.`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('editor');

    // contenteditable="plaintext-only"
    const plain = page.locator('#plaintext');
    const plainBefore = await plain.textContent();
    await plain.click();
    await page.keyboard.press('End');
    await page.keyboard.type(typed, { delay: 15 });
    await page.waitForTimeout(500);
    expect(await plain.textContent()).toBe(`${plainBefore}${typed}`);

    // textarea
    const area = page.locator('#textarea');
    const areaBefore = await area.inputValue();
    await area.click();
    await page.keyboard.press('End');
    await page.keyboard.type(typed, { delay: 15 });
    expect(await area.inputValue()).toBe(`${areaBefore}${typed}`);

    // an editor frame in design mode
    const frame = page.frameLocator('#designed');
    await expect.poll(() => page.frame({ url: /about:srcdoc/ })?.evaluate(() => document.designMode)).toBe('on');
    const framePara = frame.locator('p');
    const frameBefore = await framePara.textContent();
    await framePara.click();
    await page.keyboard.press('End');
    await page.keyboard.type(typed, { delay: 15 });
    expect(await framePara.textContent()).toBe(`${frameBefore}${typed}`);

    await page.waitForTimeout(500);
    for (const id of ['#editor', '#plaintext']) expect(await highlightsInside(cdp, id), `highlights inside ${id} after typing`).toBe(0);
    // Every input event the page saw came from the keyboard, one per character typed.
    const inputs = await page.evaluate(() => (window as unknown as { __inputs: string[] }).__inputs);
    expect(inputs.filter((i) => !i.endsWith(':insertText'))).toEqual([]);
    expect(inputs.length).toBe(typed.length * 3 + ' Done.'.length);
    await expectAlive(page);
    // The page's own edits are the only DOM changes.
    expect(await foreignMutations(page, (m) => /^(text|childList) (P|DIV#plaintext|DIV#editor)\b/.test(m))).toEqual([]);
    await finish();
    expect(errors.messages).toEqual([]);
  });

  test('a document in design mode: nothing highlighted, typing undisturbed', async ({ open }) => {
    const { page, cdp, errors, finish } = await open('design-mode.html');
    expect(await page.evaluate(() => document.designMode)).toBe('on');
    expect((await highlightCounts(cdp, [])).total).toBe(0);
    const para = page.locator('#doc');
    const before = await para.textContent();
    await para.click();
    await page.keyboard.press('End');
    const typed = ' Vladimir Putin answered.';
    await page.keyboard.type(typed, { delay: 15 });
    await page.waitForTimeout(500);
    expect(await para.textContent()).toBe(`${before}${typed}`);
    expect((await highlightCounts(cdp, [])).total).toBe(0);
    await expectAlive(page);
    await finish();
    expect(errors.messages).toEqual([]);
  });
});
