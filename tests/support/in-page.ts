/**
 * Functions that run inside the browser, in Chromium (Playwright) and Firefox (puppeteer) alike:
 * both send a function's source to the page or the extension and run it there, so each one is
 * self-contained (no imports, no outer names, no named inner functions).
 */

/** In a page: the extension's highlight groups (the active-one group left out) with their range texts. */
export function highlightGroups(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, group] of CSS.highlights) {
    if (!name.startsWith('newslens-') || name.startsWith('newslens-active')) continue;
    out[name] = [...group].map((r) => (r as Range).toString());
  }
  return out;
}

/** In a page: whether the extension has painted at least `min` ranges. */
export function paintedAtLeast(min: number): boolean {
  let count = 0;
  for (const [name, group] of CSS.highlights) if (name.startsWith('newslens-') && !name.startsWith('newslens-active')) count += group.size;
  return count >= min;
}

/**
 * In a page: the elements the extension may have added beside <head> and <body> (its card's
 * host), what the page can see of them, and whether the page can give one a shadow root.
 */
export function uiHostProbe(): { tags: string[]; roots: boolean[]; attach: boolean[]; dialogs: number; text: string } {
  const hosts = [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body);
  return {
    tags: hosts.map((h) => h.localName),
    roots: hosts.map((h) => h.shadowRoot !== null),
    attach: hosts.map((h) => {
      try {
        h.attachShadow({ mode: 'open' });
        return true;
      } catch {
        return false;
      }
    }),
    dialogs: document.querySelectorAll('[role="dialog"], .nl-card').length,
    text: hosts.map((h) => h.textContent ?? '').join(''),
  };
}

export type PageStatus = 'scanning' | 'ready' | 'off';

/**
 * In the extension (Chromium's service worker, or a Firefox extension page): every tab whose
 * content script answers, with its page's address and scan status. The extension has no "tabs"
 * permission, so tab addresses are hidden from it: each tab's content script is asked for its
 * page state instead (the `page:state` message the popup sends).
 */
export async function tabStates(): Promise<{ tabId: number; url: string; status: PageStatus }[]> {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
  const api = g.browser ?? g.chrome;
  const found: { tabId: number; url: string; status: PageStatus }[] = [];
  for (const tab of await api.tabs.query({})) {
    if (tab.id === undefined) continue;
    try {
      const r = (await api.tabs.sendMessage(tab.id, { newslens: 1, type: 'page:state', payload: {} })) as
        | { ok: boolean; value?: { url: string; status: PageStatus } }
        | undefined;
      if (r?.ok && r.value) found.push({ tabId: tab.id, url: r.value.url, status: r.value.status });
    } catch {
      // No content script in this tab (yet).
    }
  }
  return found;
}
