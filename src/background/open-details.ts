/**
 * The card's "n more": the popup opens in a tab of its own at one match (`popup.html?tab=<id>&
 * actor=<id>` or `&figure=<id>`), speaking for the tab the card was in. A card cannot open the
 * toolbar popup itself (browsers let only the reader do that), and it lives in a web page,
 * which may not open the extension's pages: the background does it on the card's request.
 */
import { browser } from '../browser';
import type { MatchRef } from '../dataset/compiled';

function detailsPageUrl(ref: MatchRef, tabId: number | undefined): string {
  const query = new URLSearchParams();
  if (tabId !== undefined) query.set('tab', String(tabId));
  query.set(ref.type, ref.id);
  return `/popup.html?${query.toString()}`;
}

export async function openDetails(ref: MatchRef, tabId: number | undefined): Promise<void> {
  const url = browser.runtime.getURL(detailsPageUrl(ref, tabId) as '/popup.html');
  const opener = tabId !== undefined ? { openerTabId: tabId } : {};
  await browser.tabs.create({ url, ...opener });
}
