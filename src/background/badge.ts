import { browser } from '../browser';
import { setTabIcon } from './icon-states';

/** MV3 names it `action`, MV2 (Firefox) `browserAction`. */
function actionApi() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** The toolbar badge: the page's match count, or "off" (and the grey icon) where the site is switched off. */
export async function setBadge(tabId: number, count: number, off: boolean): Promise<void> {
  const action = actionApi();
  if (!action) return;
  await setTabIcon(tabId, off);
  const text = off ? 'off' : count > 0 ? (count > 999 ? '999+' : String(count)) : '';
  try {
    await action.setBadgeText({ tabId, text });
    await action.setBadgeBackgroundColor({ tabId, color: off ? '#868e96' : '#3b5bdb' });
  } catch {
    // The tab closed meanwhile: nothing to update.
  }
}
