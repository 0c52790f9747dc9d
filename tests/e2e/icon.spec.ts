/**
 * The toolbar icon's second state: switching the site off turns the tab's icon grey, and on again
 * restores it. Chromium has no getter for a tab's icon, so the test records the background's own
 * `action.setIcon` calls in the service worker (passing each through to the browser) and checks
 * that each one named the right set and that the browser accepted it (a missing or unreadable
 * image rejects).
 */
import type { Worker } from '@playwright/test';
import { iconPaths } from '../../src/icons/paths';
import { expect, tabIdOf, test } from '../support/extension-test';
import { ARTICLE, clickContextMenu } from '../support/browser-events';

type Call = { tabId: number; path: Record<string, string>; ok: boolean | null };

async function recordSetIcon(sw: Worker): Promise<void> {
  await sw.evaluate(() => {
    const g = globalThis as unknown as { chrome: { action: { setIcon(d: unknown): Promise<void> } }; __iconCalls: Call[] };
    const real = g.chrome.action.setIcon.bind(g.chrome.action);
    g.__iconCalls = [];
    g.chrome.action.setIcon = (d: unknown) => {
      const call: Call = { ...(d as { tabId: number; path: Record<string, string> }), ok: null };
      g.__iconCalls.push(call);
      return real(d as never).then(
        () => void (call.ok = true),
        (e: unknown) => { call.ok = false; throw e; },
      );
    };
  });
}

const lastCall = (sw: Worker, tabId: number) =>
  sw.evaluate((id) => (globalThis as unknown as { __iconCalls: Call[] }).__iconCalls.filter((c) => c.tabId === id).at(-1) ?? null, tabId);

const absolute = (state: 'on' | 'off') => Object.fromEntries(Object.entries(iconPaths(state)).map(([k, v]) => [k, `/${v}`]));

test('a switched-off site gets the grey icon, and the normal one when switched on again', async ({ serviceWorker, openPage }) => {
  await recordSetIcon(serviceWorker);
  const page = await openPage(ARTICLE, 5);
  const tabId = await tabIdOf(serviceWorker, page.url());
  await expect.poll(() => lastCall(serviceWorker, tabId)).toEqual({ tabId, path: absolute('on'), ok: true });

  await clickContextMenu(serviceWorker, tabId, page.url());
  await expect.poll(() => lastCall(serviceWorker, tabId)).toEqual({ tabId, path: absolute('off'), ok: true });

  await clickContextMenu(serviceWorker, tabId, page.url());
  await expect.poll(() => lastCall(serviceWorker, tabId)).toEqual({ tabId, path: absolute('on'), ok: true });
});
