/**
 * Playwright fixtures for tests against the built extension: a fresh Chromium profile with the
 * extension loaded, and a static server on 127.0.0.1 for the demo and fixture pages. Every request
 * that would leave the machine is aborted and recorded.
 */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { basename, resolve } from 'node:path';
import { CHROME_BUILD, launchWithExtension } from './launch';
import { serveStatic, type StaticServer } from './serve';
import { testBuild } from './test-build';
import { ARTICLE } from './browser-events';
import { allHighlighted, readHighlights, tabIdOf, waitForHighlights } from './extension-state';
import { CardObject } from './pages/card';

interface Site {
  /** http://127.0.0.1:<port> */
  a: string;
  /** http://localhost:<port>: the same files under another site name. */
  b: string;
}

interface Fixtures {
  /** Build and load the extension with another dataset directory (e.g. a test fixture). */
  dataset: string | undefined;
  /**
   * 'test' (default): the tests' own build, whose card tests can read (tests/support/test-build.ts); 'reader':
   * the build readers get ($NEWSLENS_OUT/chrome-mv3, made by `npm run build`), for the tests of
   * what a page cannot reach.
   */
  build: 'test' | 'reader';
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  site: Site;
  /** Requests that tried to leave 127.0.0.1/localhost (aborted). */
  outbound: string[];
  /** A new tab showing `path` of site a, once the extension has painted `min` highlights there. */
  openPage: (path: string, min?: number) => Promise<Page>;
  /** The reading specs' article (tests/fixtures/pages/reading-article.html), highlighted, with its tab and its card. */
  article: { page: Page; tabId: number; card: CardObject };
}

interface WorkerFixtures {
  server: StaticServer;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await serveStatic(resolve('.'));
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  dataset: [undefined, { option: true }],
  build: ['test', { option: true }],
  outbound: async ({}, use) => {
    await use([]);
  },
  context: async ({ outbound, dataset, build }, use) => {
    const extensionDir = dataset ? buildWithDataset(dataset) : build === 'reader' ? CHROME_BUILD : testBuild('chrome');
    const launched = await launchWithExtension({ extensionDir });
    await launched.context.route(/.*/, (route) => {
      const url = new URL(route.request().url());
      if (url.protocol.startsWith('http') && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
        outbound.push(url.href);
        return route.abort();
      }
      return route.continue();
    });
    await use(launched.context);
    await launched.close();
  },
  serviceWorker: async ({ context }, use) => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(sw);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  site: async ({ server }, use) => {
    await use({ a: server.origin, b: `http://localhost:${server.port}` });
  },
  openPage: async ({ context, site }, use) => {
    await use(async (path, min = 1) => {
      const page = await context.newPage();
      await page.goto(site.a + path);
      await waitForHighlights(page, min);
      return page;
    });
  },
  article: async ({ openPage, serviceWorker }, use) => {
    const page = await openPage(ARTICLE, 10);
    await use({ page, tabId: await tabIdOf(serviceWorker, page.url()), card: new CardObject(page) });
  },
});

export { expect };

/**
 * Builds the tests' variant of the Chrome extension with another dataset into
 * .output/test-build/chrome/<name>/ (once per test worker) and returns the folder to load. The
 * build runs the dataset check like any build.
 */
function buildWithDataset(datasetDir: string): string {
  return testBuild('chrome', basename(datasetDir), { NEWSLENS_DATASET: datasetDir });
}

export { allHighlighted, readHighlights as highlightedTexts, tabIdOf, waitForHighlights };
