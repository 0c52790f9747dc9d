/**
 * Driving and asking the built extension in Chromium from a test, through its service worker:
 * switch the test site on or off (the default mode runs only on pages that look like news), find
 * a tab, ask a tab's content script how far it got (the same `page:state` message the popup
 * sends), and read the highlights on a page.
 */
import type { Page, Worker } from '@playwright/test';
import { highlightGroups, paintedAtLeast, tabStates, type PageStatus } from './in-page';

/** The reader's preferences as stored (src/sites/store.ts): one `settings` value, version 2. */
export interface StoredPreferences {
  mode: 'news' | 'everywhere' | 'listed';
  paused: boolean;
  sites: Record<string, 'on' | 'off'>;
}

/**
 * The one way tests and scripts change the stored preferences: merges `change` into them (a
 * `sites` entry of null removes that site), written in the store's current format with its
 * version, as the background's writer leaves it. Tests write storage directly, not through the
 * background, so that they can set up any state; use it before the pages under test act.
 */
export async function setPreferences(
  serviceWorker: Worker,
  change: Partial<Omit<StoredPreferences, 'sites'>> & { sites?: Record<string, 'on' | 'off' | null> },
): Promise<StoredPreferences> {
  return serviceWorker.evaluate(async (c) => {
    const raw = (await chrome.storage.local.get('settings')).settings as Partial<StoredPreferences> | undefined;
    const current = raw && typeof raw === 'object' && raw.sites && typeof raw.sites === 'object' ? raw : {};
    const sites: Record<string, 'on' | 'off'> = { ...(current.sites ?? {}) };
    for (const [site, choice] of Object.entries(c.sites ?? {})) {
      if (choice === null) delete sites[site];
      else sites[site] = choice;
    }
    const next = { mode: c.mode ?? current.mode ?? 'news', paused: c.paused ?? current.paused ?? false, sites };
    await chrome.storage.local.set({ settings: next, settings$: { v: 2 } });
    return next;
  }, change);
}

/** The stored preferences (undefined fields where nothing is stored yet). */
export async function storedPreferences(serviceWorker: Worker): Promise<Partial<StoredPreferences>> {
  return serviceWorker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings ?? {}) as Partial<StoredPreferences>);
}

/** Stores the reader's choice for `site`, as the popup's switch does. */
export async function setSite(serviceWorker: Worker, site: string, choice: 'on' | 'off'): Promise<void> {
  await setPreferences(serviceWorker, { sites: { [site]: choice } });
}

/** What a tab's content script says of its pass, or 'no answer' where none answers. */
export type ScanStatus = PageStatus | 'no answer';

/** The content script's status in the tab showing `url` ("no answer": no content script there). */
async function scanStatus(serviceWorker: Worker, url: string): Promise<ScanStatus> {
  const states = await serviceWorker.evaluate(tabStates);
  return states.find((s) => s.url === url)?.status ?? 'no answer';
}

/** The id of the tab showing `url`, asked of the extension's service worker. */
export async function tabIdOf(serviceWorker: Worker, url: string): Promise<number> {
  const tab = (await serviceWorker.evaluate(tabStates)).find((s) => s.url === url);
  if (!tab) throw new Error(`no tab for ${url}`);
  return tab.tabId;
}

/** Polls until the content script of `page` has finished its first pass (or is off); the last status. */
export async function waitForScan(serviceWorker: Worker, page: Page, timeoutMs: number): Promise<ScanStatus> {
  const until = Date.now() + timeoutMs;
  let status: ScanStatus = 'no answer';
  while (Date.now() < until) {
    status = await scanStatus(serviceWorker, page.url()).catch(() => 'no answer' as const);
    if (status === 'ready' || status === 'off') return status;
    // Not more often: each question costs the content script a summary of its matches.
    await page.waitForTimeout(250);
  }
  return status;
}

/** The extension's highlights on `page`, by group, as the page's main world sees them. */
export function readHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(highlightGroups);
}

/** Every highlighted text on `page`, group after group. */
export async function allHighlighted(page: Page): Promise<string[]> {
  return Object.values(await readHighlights(page)).flat();
}

/** Waits until the extension has painted at least `min` ranges on `page`. */
export async function waitForHighlights(page: Page, min = 1): Promise<void> {
  await page.waitForFunction(paintedAtLeast, min, { timeout: 10_000 });
}

/** Whether anything of the extension is left on the page: highlight groups or its UI host. */
export async function leftovers(page: Page): Promise<{ groups: string[]; hosts: number }> {
  return page.evaluate(() => ({
    groups: [...CSS.highlights.keys()].filter((n) => n.startsWith('newslens-')),
    hosts: document.querySelectorAll('newslens-ui').length,
  }));
}
