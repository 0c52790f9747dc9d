/**
 * Switching the site of a tab off when it is on, on when it is off (the context menu and the
 * keyboard command). The site comes from the tab's address as the browser gives it (the click
 * or the command grants `activeTab`), never from what the page's content script says; the
 * page's state only tells whether it is on now, and a page that does not answer counts as off
 * unless its site is switched on.
 */
import { browser } from '../browser';
import { send } from '../messaging/channel';
import { ToContent } from '../messaging/protocol';
import { choiceFor, siteOf } from '../sites/policy';
import { toggleSite, type SettingsWriter } from './settings-writer';

/** The tab's address: the one the event gave, else the tab's own (undefined where the browser hides it). */
async function addressOf(tabId: number, given: string | undefined): Promise<string | undefined> {
  if (given) return given;
  return (await browser.tabs.get(tabId).catch(() => undefined))?.url;
}

export async function toggleSiteOf(tabId: number, url: string | undefined, writer: SettingsWriter): Promise<'on' | 'off' | null> {
  const site = siteOf((await addressOf(tabId, url)) ?? '');
  if (!site) return null;
  const state = await send(ToContent, 'page:state', {}, tabId);
  // Only a state for this very site says whether it is on; anything else is not trusted for it.
  const onNow = state.ok && state.value.site === site ? state.value.decision.enabled : undefined;
  const stored = await writer.update((p) => toggleSite(site, onNow ?? (!p.paused && choiceFor(p, site) === 'on'))(p));
  return choiceFor(stored, site) ?? null;
}
