/**
 * Driving and asking the built extension from a test, through its service worker: switch the
 * test site on or off (the default mode runs only on pages that look like news), and ask a
 * tab's content script how far it got (the same `page:state` message the popup sends).
 */
import type { Page, Worker } from '@playwright/test';

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

export type ScanStatus = 'scanning' | 'ready' | 'off' | 'no answer';

/** The content script's status in the tab showing `url` ("no answer": no content script there). */
async function scanStatus(serviceWorker: Worker, url: string): Promise<ScanStatus> {
  return serviceWorker.evaluate(async (u) => {
    let status: ScanStatus = 'no answer';
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const r = (await chrome.tabs.sendMessage(tab.id, { newslens: 1, type: 'page:state', payload: {} })) as
          | { ok: boolean; value?: { url: string; status: ScanStatus } }
          | undefined;
        if (r?.ok && r.value?.url === u) status = r.value.status;
      } catch {
        // No content script in this tab (yet).
      }
    }
    return status;
  }, url);
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
export async function readHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, group] of CSS.highlights) {
      if (!name.startsWith('newslens-') || name.startsWith('newslens-active')) continue;
      out[name] = [...group].map((r) => (r as Range).toString());
    }
    return out;
  });
}

/** Whether anything of the extension is left on the page: highlight groups or its UI host. */
export async function leftovers(page: Page): Promise<{ groups: string[]; hosts: number }> {
  return page.evaluate(() => ({
    groups: [...CSS.highlights.keys()].filter((n) => n.startsWith('newslens-')),
    hosts: document.querySelectorAll('newslens-ui').length,
  }));
}
