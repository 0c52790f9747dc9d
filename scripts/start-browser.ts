/**
 * The browser `npm start` opens: Chromium (CHROMIUM_PATH, else Debian's) in a fresh profile with
 * the built extension loaded, and the demo page answered from disk by Playwright's routing, so
 * that no server runs. The tests have their own launcher and server (tests/support/); scripts/
 * and tests/ do not import each other, and this one only needs what a person's run needs.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

/** Where the demo appears: a loopback address that Playwright answers, never the network. */
const DEMO_ORIGIN = 'http://127.0.0.1:8719';

interface Opened {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  demoUrl: string;
  close(): Promise<void>;
}

export async function openWithExtension(extensionDir: string, headless: boolean, demoFile: string): Promise<Opened> {
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  if (!executablePath) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH');
  const profile = await mkdtemp(join(tmpdir(), 'newslens-start-'));
  // No sync, updates or background requests: the browser stays off the network.
  const quiet = ['--no-sandbox', '--no-first-run', '--disable-sync', '--disable-background-networking', '--disable-component-update'];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    args: [...quiet, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    viewport: { width: 1280, height: 900 },
  });
  const demoUrl = `${DEMO_ORIGIN}/demo/news.html`;
  await context.route(`${DEMO_ORIGIN}/**`, (route) =>
    route.request().url() === demoUrl ? route.fulfill({ path: demoFile, contentType: 'text/html; charset=utf-8' }) : route.fulfill({ status: 404 }),
  );
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return {
    context,
    extensionId: new URL(serviceWorker.url()).host,
    serviceWorker,
    demoUrl,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The front tab's id, asked of the extension (without the "tabs" permission it sees ids, not URLs). */
export function activeTabId(serviceWorker: Worker): Promise<number> {
  return serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } };
    const [tab] = await chrome.tabs.query({ active: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}
