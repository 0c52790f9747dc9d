/**
 * Driving and asking the built extension from a test, through its service worker: switch the
 * test site on or off (the default mode runs only on pages that look like news), and ask a
 * tab's content script how far it got (the same `page:state` message the popup sends).
 */
import type { Page, Worker } from '@playwright/test';

/** Stores the reader's choice for `site` as the popup's switch does (`site:<site>` = on/off). */
export async function setSite(serviceWorker: Worker, site: string, choice: 'on' | 'off'): Promise<void> {
  await serviceWorker.evaluate(([key, value]) => chrome.storage.local.set({ [key]: value }), [`site:${site}`, choice] as const);
}

export type ScanStatus = 'scanning' | 'ready' | 'off' | 'no answer';

/** The content script's status in the tab showing `url` ("no answer": no content script there). */
export async function scanStatus(serviceWorker: Worker, url: string): Promise<ScanStatus> {
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
