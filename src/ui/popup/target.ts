/**
 * Which tab the popup speaks for, and what to say when that tab's content script does not
 * answer. The popup opened from the toolbar has `activeTab`, so it knows the tab's address;
 * opened in a tab (`popup.html?tab=<id>`, for keyboard users and tests) it may not.
 */
import { browser } from '../../browser';
import { siteOf } from '../../sites/policy';

export interface TargetTab {
  id: number;
  /** Undefined where the browser hides the address from the extension. */
  url: string | undefined;
  /** The tab's title, where the browser shows it to the extension (to know a dataset article by its headline). */
  title?: string | undefined;
}

export async function targetTab(search: string): Promise<TargetTab | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    const tab = await browser.tabs.get(fromQuery).catch(() => undefined);
    return { id: fromQuery, url: tab?.url, title: tab?.title };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url, title: tab.title };
}

/**
 * Why no content script answered:
 * - unsupported: a page where browsers do not let extensions run (browser pages, web stores);
 * - reload: a web page that was open before the extension started (content scripts are not
 *   injected into pages already open);
 * - unknown: the address is hidden, so either of the above.
 */
export function silentReason(url: string | undefined): 'unsupported' | 'reload' | 'unknown' {
  if (url === undefined || url === '') return 'unknown';
  return siteOf(url) === null ? 'unsupported' : 'reload';
}
