/**
 * What the hostile-page test (tests/e2e/hostile.spec.ts) opens and reads: the fixture pages of
 * tests/fixtures/hostile/ served from 127.0.0.1 (the CSP one with its policy), the built extension
 * switched on there, a trace of the extension's main-thread work, and readers that look at the
 * page from a clean world, out of reach of the page's own redefinitions.
 *
 * Timings are measured, never asserted: `finish` attaches a "hostile" annotation with the
 * extension's longest stretch on the main thread (task-trace.ts) and the page's longest
 * heartbeat gap; `npm run trust:report` holds them to the 50 ms bar.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { serveStatic, type StaticServer } from './serve';
import { setSite, waitForScan, type ScanStatus } from './extension-state';
import { collectErrors, type ErrorLog } from './page-errors';
import { installWatch, MAX_RECORDS, readWatch, UI_HOST_ADDED } from './page-watch';
import { describe, startTaskTrace, type TaskSummary } from './task-trace';
import { expect, test as e2e } from './extension-test';

export { expect };

const DIR = '/tests/fixtures/hostile/';

/**
 * The strict policy the CSP fixture is served with. `data:` images are allowed for the fixture's
 * own `data:,` favicon link, which Chromium fetches (and reports refused) only sometimes.
 */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "frame-src 'self'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

export interface Heartbeat {
  beats: number;
  maxGapMs: number;
  errors: string[];
  violations: string[];
}

export interface Opened {
  page: Page;
  cdp: CDPSession;
  errors: ErrorLog;
  status: ScanStatus;
  /** Stops the trace and attaches the timings; returns them for the test's own use. */
  finish(): Promise<{ tasks: TaskSummary; heartbeat: Heartbeat }>;
}

export const test = e2e.extend<{ open: (file: string, scanTimeoutMs?: number) => Promise<Opened> }, { hostileServer: StaticServer }>({
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
export async function inCleanWorld<T>(cdp: CDPSession, fn: string): Promise<T> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'newslens-hostile-test' });
  const r = await cdp.send('Runtime.evaluate', { expression: `(${fn})()`, contextId: executionContextId, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) throw new Error(`in clean world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}

/** The extension's highlights as text, read from a clean world: how many ranges name each of `names`. */
export async function highlightCounts(cdp: CDPSession, names: string[]): Promise<{ byName: Record<string, number>; total: number; detached: number; empty: number }> {
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
export async function highlightsInside(cdp: CDPSession, selector: string): Promise<number> {
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

export async function expected(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...(window as unknown as { __expected: Record<string, number> }).__expected }));
}

export async function pageResult<T>(page: Page): Promise<T> {
  return page.evaluate(() => (window as unknown as { __pageResult: T }).__pageResult);
}

/** Asserts the page's heartbeat is still ticking (it advanced over `ms`). */
export async function expectAlive(page: Page, ms = 300): Promise<void> {
  const before = await page.evaluate(() => (window as unknown as { __heartbeat: Heartbeat }).__heartbeat.beats);
  await page.waitForTimeout(ms);
  const after = await page.evaluate(() => (window as unknown as { __heartbeat: Heartbeat }).__heartbeat.beats);
  expect(after, 'the page heartbeat keeps ticking').toBeGreaterThan(before);
}

/** The page's DOM mutations since DOMContentLoaded that are not the page's own (`own`) nor the UI host. */
export async function foreignMutations(page: Page, own: (m: string) => boolean = () => false): Promise<string[]> {
  const log = await readWatch(page);
  let host = 0;
  return log.mutations.filter((m) => !own(m) && !(UI_HOST_ADDED.test(m) && host++ === 0));
}

export async function hoverFirstHighlight(page: Page, cdp: CDPSession): Promise<boolean> {
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

