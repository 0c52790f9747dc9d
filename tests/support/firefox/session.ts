/**
 * What every Firefox test needs: a fresh Firefox ESR profile with the built extension installed
 * (tests/support/launch-firefox.ts), the demo and fixture pages served from 127.0.0.1 and localhost
 * (two sites on one port), and a dead-end proxy that records any request trying to leave the
 * machine. Everything is torn down when the test ends, pass or fail.
 */
import { resolve } from 'node:path';
import type { TestContext } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { highlightGroups, paintedAtLeast } from '../in-page';
import { launchFirefoxWithExtension, waitInPage } from '../launch-firefox';
import { serveStatic } from '../serve';
import { testBuild } from '../test-build';
import { recordOutbound } from './outbound';

export const DEMO = '/demo/news.html';

interface Site {
  /** http://127.0.0.1:<port> */
  a: string;
  /** http://localhost:<port>: the same files under another site name. */
  b: string;
}

export interface FirefoxSession {
  browser: Browser;
  /** moz-extension://<uuid> */
  extensionOrigin: string;
  site: Site;
  /** Requests that tried to leave the machine (refused by the proxy). */
  outbound: string[];
  /** A new tab showing `url`, in front. */
  open(url: string): Promise<Page>;
}

/** Launches everything for one test; `t.after` tears it down. */
export async function openFirefox(t: TestContext, options: { build?: 'test' | 'reader' } = {}): Promise<FirefoxSession> {
  const server = await serveStatic(resolve('.'));
  const proxy = await recordOutbound();
  t.after(async () => {
    await proxy.close();
    await server.close();
  });
  // The tests' own build (its card readable: tests/support/test-build.ts), or the readers' build.
  const extensionDir = options.build === 'reader' ? undefined : testBuild('firefox');
  const ff = await launchFirefoxWithExtension({ prefs: proxy.prefs, ...(extensionDir ? { extensionDir } : {}) });
  t.after(() => ff.close());
  return {
    browser: ff.browser,
    extensionOrigin: ff.extensionOrigin,
    site: { a: server.origin, b: `http://localhost:${server.port}` },
    outbound: proxy.requests,
    open: async (url) => {
      const page = await ff.browser.newPage();
      await page.goto(url);
      await page.bringToFront();
      return page;
    },
  };
}

/** Names of the highlight groups the extension registered on a page, with their range texts. */
export function highlightedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(highlightGroups);
}

export async function allHighlighted(page: Page): Promise<string[]> {
  return Object.values(await highlightedTexts(page)).flat();
}

/** Waits until the extension has painted at least `min` ranges on the page. */
export async function waitForHighlights(page: Page, min = 1): Promise<void> {
  await waitInPage(page, paintedAtLeast, min);
}

/** Calls `read` until `done` holds for its value, and returns that value; throws with the last one. */
export async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const until = Date.now() + timeout;
  let last: T;
  for (;;) {
    last = await read();
    if (done(last)) return last;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
