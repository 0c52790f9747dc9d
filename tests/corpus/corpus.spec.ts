/**
 * Every page of the corpus (../shared/corpus, or CORPUS_DIR) with the built extension, against
 * the same page without it. One test per page. Each page is loaded twice from 127.0.0.1, every
 * request that leaves it aborted: in a Chromium with the extension (the site switched on, so that
 * it runs whatever the page looks like), traced; and at the same time in a plain Chromium, for
 * at least as long and with the same scroll and pointer moves, as the baseline. Checked on each
 * page:
 *
 * (a) the page's DOM: mutations seen by the page's own MutationObserver with the extension, of
 *     kinds the page never makes without it, must be none but the extension's one UI host (see
 *     tests/support/page-watch.ts; more repetitions of the page's own kinds are timing, and only counted);
 *     switching the site off removes every highlight and the host, and nothing else changes in
 *     the task that removes the host;
 * (b) errors: none logged with the extension that the page does not log without it;
 * (c) names: the dataset's names highlighted at least at the floor that the manifest and the
 *     page's shown text give (name-floors.ts);
 * (d) tasks and memory, recorded, never asserted here (timings are not test results): the
 *     extension's longest task from the trace (tests/support/task-trace.ts), heap held by the running scan
 *     (before vs after switching off, same page), and the heap against the baseline. The table
 *     reporter prints them; `npm run trust:report` holds them to the 50 ms bar.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { chromiumPath, QUIET_FLAGS } from '../support/chromium';
import { launchWithExtension, type LaunchedExtension } from '../support/launch';
import { testBuild } from '../support/test-build';
import { serveStatic, type StaticServer } from '../support/serve';
import { corpusDir, listCorpus, type CorpusPage } from './corpus-pages';
import { leftovers, readHighlights, setSite, waitForScan, type ScanStatus } from '../support/extension-state';
import { checkNames, countShown } from './name-floors';
import { collectErrors, introducedErrors, type ErrorLog } from '../support/page-errors';
import { clearWatch, extraMutations, foreignMutations, installWatch, MAX_RECORDS, readWatch, switchOffChanges, waitForQuiet, type WatchLog } from '../support/page-watch';
import type { CorpusResult } from './result';
import { startTaskTrace } from '../support/task-trace';

const DIR = corpusDir();
const PAGES = listCorpus(DIR);
const SITE = '127.0.0.1';
/** After the first pass: time for late work (the mutation watcher, a page's own timers). */
const SETTLE_MS = 600;
const LOAD_TIMEOUT_MS = 20_000;
const SCAN_TIMEOUT_MS = 20_000;
const CARD = 'newslens-ui [role="dialog"]';
/** The baseline waits for the page's DOM to be still this long (at most QUIET_CAP_MS more). */
const QUIET_MS = 500;
const QUIET_CAP_MS = 4_000;

/** Aborts every request that leaves 127.0.0.1 and closes every WebSocket; returns the aborted URLs. */
async function keepLocal(context: BrowserContext): Promise<string[]> {
  const aborted: string[] = [];
  await context.route(/.*/, (route) => {
    const url = new URL(route.request().url());
    if (url.protocol.startsWith('http') && url.hostname !== SITE) {
      aborted.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  await context.routeWebSocket(/.*/, (ws) => ws.close());
  return aborted;
}

interface Workers {
  server: StaticServer;
  withExtension: LaunchedExtension;
  baseline: BrowserContext;
}

const test = base.extend<object, Workers>({
  server: [
    async ({}, use) => {
      const server = await serveStatic(DIR);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  withExtension: [
    async ({}, use) => {
      // The tests' build: the readers' code with a card tests can read (tests/support/test-build.ts).
      const launched = await launchWithExtension({ extensionDir: testBuild('chrome') });
      await keepLocal(launched.context);
      // Every request an extension context makes (its service worker, its pages) goes here; the
      // page's own requests do not. The count must stay 0 (issue 6: nothing leaves the machine).
      launched.context.on('request', (r) => {
        const url = r.url();
        if (url.startsWith('chrome-extension://')) return; // the extension's own files, not the network
        let fromExtension = r.serviceWorker() !== null;
        try {
          fromExtension ||= r.frame().url().startsWith('chrome-extension://');
        } catch {
          // A service worker's request has no frame.
        }
        if (fromExtension) extensionRequests.push(url);
      });
      await launched.context.addInitScript(installWatch, MAX_RECORDS);
      await use(launched);
      await launched.close();
    },
    { scope: 'worker' },
  ],
  baseline: [
    async ({}, use) => {
      // A profile like the extension's (persistent, not incognito), so that the browser treats
      // both loads alike (it fetches a page's web-app manifest only in a regular profile, say).
      const profile = await mkdtemp(join(tmpdir(), 'newslens-baseline-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath(),
        headless: true,
        args: [...QUIET_FLAGS, '--headless=new'],
        viewport: { width: 1280, height: 900 },
      });
      await keepLocal(context);
      await context.addInitScript(installWatch, MAX_RECORDS);
      await use(context);
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

/**
 * Where the pointer goes to open a card: a highlight whose middle is really under the pointer (not
 * covered by an ad, a banner, a menu), looked for among the first MAX_POINTER_TRIES rendered
 * highlights, scrolling each into view (none found: null). The baseline replays every scroll and
 * the pointer move.
 */
interface HighlightPoint {
  /** The scroll positions the search went through, in order; the last is where it stopped. */
  scrolls: [number, number][];
  x: number;
  y: number;
}

const MAX_POINTER_TRIES = 12;

async function firstHighlightPoint(page: Page): Promise<HighlightPoint | null> {
  return page.evaluate((tries) => {
    const scrolls: [number, number][] = [];
    for (const [name, group] of CSS.highlights) {
      if (!name.startsWith('newslens-') || name.startsWith('newslens-active')) continue;
      for (const r of group) {
        const range = r as Range;
        if (![...range.getClientRects()].some((c) => c.width > 0 && c.height > 0)) continue;
        if (tries-- <= 0) return null;
        const first = range.getClientRects()[0]!;
        if (first.top < 0 || first.bottom > innerHeight) {
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          scrolls.push([scrollX, scrollY]);
        }
        const rect = [...range.getClientRects()].find((c) => c.width > 0 && c.height > 0);
        if (!rect || rect.top < 0 || rect.bottom > innerHeight || rect.left < 0 || rect.right > innerWidth) continue;
        const x = rect.left + rect.width / 2;
        const y = rect.top + rect.height / 2;
        const caret = document.caretPositionFromPoint?.(x, y);
        if (caret && range.isPointInRange(caret.offsetNode, caret.offset)) return { scrolls, x, y };
      }
    }
    return null;
  }, MAX_POINTER_TRIES);
}

/**
 * Runs `read` on `page`, once more after the page has loaded again if the page navigated itself
 * meanwhile (some pages reload on their first visit: a consent banner, say).
 */
async function steady<T>(page: Page, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!/context was destroyed|navigat/i.test(String(error))) throw error;
    await page.waitForLoadState('load').catch(() => undefined);
    return read();
  }
}

/** The renderer's JS heap after a full collection (the whole isolate: page and extension). */
async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

if (PAGES.length === 0) {
  test('the corpus folder has pages', () => {
    throw new Error(`no pages in ${DIR} (set CORPUS_DIR or pass a folder to npm run test:corpus)`);
  });
}

/** Requests made by the extension's own contexts since the worker started (see the fixture). */
const extensionRequests: string[] = [];

for (const corpusPage of PAGES) {
  test(corpusPage.file, async ({ server, withExtension, baseline }) => {
    test.setTimeout(120_000);
    const before = extensionRequests.length;
    const result = await runPage(corpusPage, server, withExtension, baseline);
    result.extensionRequests = extensionRequests.slice(before);
    test.info().annotations.push({ type: 'corpus', description: JSON.stringify(result) });

    expect.soft(result.status, 'the content script finished its first pass').toBe('ready');
    expect.soft(result.domChanges, "mutations of the page's DOM that came with the extension").toEqual([]);
    expect.soft(result.offChanges, 'mutations when the site is switched off (only the UI host may go)').toEqual([]);
    expect.soft(result.offLeftovers, 'left on the page after switching off').toEqual({ groups: [], hosts: 0 });
    expect.soft(result.errorsIntroduced, 'errors logged with the extension and not without').toEqual([]);
    for (const check of result.names) {
      expect.soft(check.highlighted, `"${check.name}" highlighted (manifest counts ${check.manifest}; floor ${check.floor})`).toBeGreaterThanOrEqual(check.floor);
    }
    if (result.cardTried) expect.soft(result.cardOpened, 'hovering a highlight opens its card').toBe(true);
    expect.soft(result.extensionRequests, 'network requests made by the extension').toEqual([]);
  });
}

interface Handoff {
  /** Where and when the watched run scrolled and pointed (null: no highlight to point at). */
  point: HighlightPoint | null;
  scanMs: number;
}

interface BaselineRun {
  watched: WatchLog;
  errors: ErrorLog;
  shown: Record<string, number>;
  heap: number;
  ms: number;
}

/** A value to be given later: the baseline waits for what the watched run did. */
function later<T>(): { promise: Promise<T>; give(value: T): void } {
  let give!: (value: T) => void;
  const promise = new Promise<T>((ok) => (give = ok));
  return { promise, give };
}

/**
 * The page without the extension, loaded at the same time as the watched run (two cores: the
 * baseline takes the other), replaying its scroll and pointer at the same moment, and watched
 * at least as long, until the page's DOM is still. CORPUS_SEQUENTIAL=1 runs it after instead.
 */
async function runBaseline(url: string, baseline: BrowserContext, handoff: Promise<Handoff>, window: Promise<number>): Promise<BaselineRun> {
  const plain = await baseline.newPage();
  const errors = collectErrors(plain);
  const started = Date.now();
  await plain.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS }).catch(() => undefined);
  const { point, scanMs } = await handoff;
  const untilPointer = scanMs + SETTLE_MS - (Date.now() - started);
  if (untilPointer > 0) await plain.waitForTimeout(untilPointer);
  if (point) {
    // In one task, as the search scrolled: only the last position is ever rendered.
    await plain.evaluate((scrolls) => scrolls.forEach(([x, y]) => scrollTo(x, y)), point.scrolls).catch(() => undefined);
    await plain.mouse.move(point.x, point.y, { steps: 2 });
  }
  const rest = (await window) - (Date.now() - started);
  if (rest > 0) await plain.waitForTimeout(rest);
  // The baseline must see at least what the page did by itself in the watched run: a page that
  // builds itself from script may be slower here (or there), so wait for its DOM to settle.
  await waitForQuiet(plain, QUIET_MS, QUIET_CAP_MS);
  const watched = await steady(plain, () => readWatch(plain));
  const shown = countShown(await steady(plain, () => plain.evaluate(() => document.body?.innerText ?? '')).catch(() => ''));
  const cdp = await baseline.newCDPSession(plain);
  const heap = await heapUsed(cdp);
  await cdp.detach().catch(() => undefined);
  await plain.close();
  return { watched, errors, shown, heap, ms: Date.now() - started };
}

async function runPage(corpusPage: CorpusPage, server: StaticServer, ext: LaunchedExtension, baseline: BrowserContext): Promise<CorpusResult> {
  const url = `${server.origin}/${corpusPage.file.split('/').map(encodeURIComponent).join('/')}`;
  await setSite(ext.serviceWorker, SITE, 'on');
  const handoff = later<Handoff>();
  const windowMs = later<number>();
  const sequential = process.env.CORPUS_SEQUENTIAL === '1';
  let plainRun = sequential ? null : runBaseline(url, baseline, handoff.promise, windowMs.promise);
  plainRun?.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled

  // 1. With the extension, traced.
  const page = await ext.context.newPage();
  const errors = collectErrors(page);
  let navigations = 0;
  page.on('framenavigated', (frame) => void (frame === page.mainFrame() && navigations++));
  const cdp = await ext.context.newCDPSession(page);
  const trace = await startTaskTrace(cdp, `chrome-extension://${ext.extensionId}/`);
  const started = Date.now();
  let point: HighlightPoint | null = null;
  let scanMs = 0;
  let window: number;
  let loaded: boolean;
  let status: ScanStatus;
  let cardOpened = false;
  try {
    loaded = await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS }).then(
      () => true,
      () => false,
    );
    status = await waitForScan(ext.serviceWorker, page, SCAN_TIMEOUT_MS);
    scanMs = Date.now() - started;
    await page.waitForTimeout(SETTLE_MS);
    point = await steady(page, () => firstHighlightPoint(page)).catch(() => null);
  } finally {
    handoff.give({ point, scanMs });
  }
  try {
    if (point) {
      await page.mouse.move(point.x, point.y, { steps: 2 });
      cardOpened = await page
        .locator(CARD)
        .waitFor({ state: 'visible', timeout: 3_000 })
        .then(
          () => true,
          () => false,
        );
    }
  } finally {
    window = Date.now() - started;
    windowMs.give(window);
  }
  const watched = await steady(page, () => readWatch(page));
  const highlights = await steady(page, () => readHighlights(page));
  const traceStart = Date.now();
  const tasks = await trace.stop();
  const traceMs = Date.now() - traceStart;
  const heapOn = await heapUsed(cdp);
  const offStart = Date.now();

  // Switching the site off: everything of ours goes, nothing else changes.
  await page.mouse.move(1, 1);
  await steady(page, () => clearWatch(page));
  await setSite(ext.serviceWorker, SITE, 'off');
  await expect
    .poll(() => steady(page, () => leftovers(page)), { timeout: 5_000 })
    .toEqual({ groups: [], hosts: 0 })
    .catch(() => undefined);
  const offLeftovers = await steady(page, () => leftovers(page));
  const offWatched = await steady(page, () => readWatch(page));
  const heapOff = await heapUsed(cdp);
  await cdp.detach().catch(() => undefined);
  await page.close();
  const offMs = Date.now() - offStart;

  // 2. Without the extension (already running, unless sequential).
  plainRun ??= runBaseline(url, baseline, handoff.promise, windowMs.promise);
  const plain = await plainRun;

  if (process.env.CORPUS_DUMP_DIR) {
    // For looking into a failure: both mutation logs, the switch-off log and the errors, as JSON.
    await mkdir(process.env.CORPUS_DUMP_DIR, { recursive: true });
    const dump = { watched: watched.mutations, baseline: plain.watched.mutations, off: offWatched.mutations, errors: errors.messages, baselineErrors: plain.errors.messages };
    await writeFile(join(process.env.CORPUS_DUMP_DIR, `${corpusPage.file.replace(/[^\w.-]+/g, '_')}.json`), JSON.stringify(dump, null, 1));
  }
  const allHighlighted = Object.values(highlights).flat();
  const extra = extraMutations(watched.mutations, plain.watched.mutations);
  const domChanges = foreignMutations(extra.novel);
  return {
    file: corpusPage.file,
    extensionRequests: [], // filled in by the test, which watches the whole browser
    set: corpusPage.columns.set ?? '',
    loaded,
    reloadedItself: navigations > 1,
    status,
    scanMs,
    windowMs: window,
    mutations: watched.mutationCount,
    baselineMutations: plain.watched.mutationCount,
    domChanges: domChanges.slice(0, 20),
    domChangeCount: domChanges.length,
    moreOfPageKinds: extra.more.length,
    offChanges: switchOffChanges(offWatched),
    offLeftovers,
    errorsIntroduced: introducedErrors(errors, plain.errors).slice(0, 20),
    pageErrors: plain.errors.messages.length,
    highlights: allHighlighted.length,
    byGroup: Object.fromEntries(Object.entries(highlights).map(([k, v]) => [k.replace('newslens-', ''), v.length])),
    names: checkNames(corpusPage.columns, plain.shown, allHighlighted),
    cardTried: point !== null,
    cardOpened,
    tasks: {
      longestPageTaskMs: Math.max(0, ...watched.longTasks),
      extensionLongest: tasks.extension[0] ?? null,
      extensionOver50: tasks.extension.filter((t) => t.cpuMs > 50 || t.ms > 50).length,
      extensionTasks: tasks.extension.length,
      extensionTotalMs: tasks.extensionTotalMs,
      extensionTotalCpuMs: tasks.extensionTotalCpuMs,
      baselineLongTasks: plain.watched.longTasks.length,
      baselineLongestMs: Math.max(0, ...plain.watched.longTasks),
    },
    runMs: { extension: window, trace: traceMs, off: offMs, baseline: plain.ms },
    heap: {
      runKB: Math.round((heapOn - heapOff) / 1024),
      vsBaselineKB: Math.round((heapOn - plain.heap) / 1024),
    },
  };
}
