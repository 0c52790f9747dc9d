/**
 * The toolbar icon per tab: the normal mark where NewsLens runs, the grey one where the site is
 * switched off or NewsLens is paused. Both sets are PNGs made at build time from assets/icon.svg
 * (src/icons/paths.ts), so the two states differ only in colour.
 */
import { browser } from '../browser';
import { iconPaths } from '../icons/paths';

type IconApi = { setIcon(details: { tabId: number; path: Record<number, string> }): Promise<void> };

/** MV3 names it `action`, MV2 (Firefox) `browserAction`. */
function iconApi(): IconApi | undefined {
  const b = browser as unknown as { action?: IconApi; browserAction?: IconApi };
  return b.action ?? b.browserAction;
}

export async function setTabIcon(tabId: number, off: boolean, api: IconApi | undefined = iconApi()): Promise<void> {
  // Set every time, not only on a change: the browser resets a tab's icon when the tab navigates.
  if (!api) return;
  try {
    // Paths are absolute so that they resolve from the background page and the service worker alike.
    const path = Object.fromEntries(Object.entries(iconPaths(off ? 'off' : 'on')).map(([size, p]) => [size, `/${p}`]));
    await api.setIcon({ tabId, path });
  } catch {
    // The tab closed meanwhile: nothing to update.
  }
}
