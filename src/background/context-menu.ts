/**
 * The page's context menu entry "Turn highlights off on this site" (or "on again"). Its title
 * follows the active tab: the background asks the tab's content script for its state when the
 * reader switches tabs and whenever a page reports its count. A click decides from the page's
 * state at that moment, not from the title, so a stale title never does the wrong thing; the site
 * it switches is the clicked page's address (./site-toggle.ts).
 */
import { browser, type Browser } from '../browser';
import { send } from '../messaging/channel';
import { ToContent, type PageState } from '../messaging/protocol';
// The menu's title is a string the reader sees: from the same i18n module as every other one.
import { t } from '../ui/i18n';
import type { SettingsWriter } from './settings-writer';
import { toggleSiteOf } from './site-toggle';

const MENU_ID = 'newslens-site-toggle';

function menus() {
  return browser.contextMenus ?? (browser as unknown as { menus?: typeof browser.contextMenus }).menus;
}

async function pageState(tabId: number | undefined): Promise<PageState | null> {
  if (tabId === undefined) return null;
  const r = await send(ToContent, 'page:state', {}, tabId);
  return r.ok ? r.value : null;
}

/** The menu's title and whether it can be used, for a page in a given state. */
function menuFor(state: Pick<PageState, 'site' | 'decision'> | null): { title: string; enabled: boolean } {
  if (!state?.site || state.decision.reason === 'unsupported') return { title: t('menu_site_off'), enabled: false };
  if (state.decision.reason === 'paused') return { title: t('menu_paused'), enabled: false };
  return { title: t(state.decision.enabled ? 'menu_site_off' : 'menu_site_on'), enabled: true };
}

async function refreshTitle(tabId: number | undefined): Promise<void> {
  const api = menus();
  if (!api) return;
  const { title, enabled } = menuFor(await pageState(tabId));
  try {
    await api.update(MENU_ID, { title, enabled });
  } catch {
    // The menu is being recreated (worker start): its next refresh sets the title.
  }
}

export function registerContextMenu(writer: SettingsWriter): void {
  const api = menus();
  if (!api) return;
  // Items survive a worker restart in Chrome but not a browser restart in Firefox: recreate them at every start.
  void (async () => {
    await api.removeAll();
    api.create({ id: MENU_ID, title: t('menu_site_off'), contexts: ['page', 'selection', 'link', 'image'] });
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    await refreshTitle(active?.id);
  })();
  api.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    if (tab?.id === undefined) return;
    void toggleSiteOf(tab.id, info.pageUrl ?? tab.url, writer).then(() => refreshTitle(tab.id));
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void refreshTitle(tabId));
}

/**
 * A page reported its count (for the badge): keep the title true if it is the active tab. A page
 * with matches is on, which settles the title without asking; live pages report often, and only
 * a count of 0 (switched off, paused, not a news page, or nothing found) needs the page's state.
 */
export async function pageChanged(tab: Browser.tabs.Tab | undefined, count: number): Promise<void> {
  if (!tab?.active) return;
  if (count > 0) {
    const { title, enabled } = menuFor({ site: 'page', decision: { enabled: true, reason: 'site-on' } });
    await menus()?.update(MENU_ID, { title, enabled }).catch(() => undefined);
    return;
  }
  await refreshTitle(tab.id);
}
