/**
 * What the reading-experience specs share: fixture pages, and the browser events the tests cannot
 * produce with the keyboard or the mouse (extension shortcuts and the context menu belong to the
 * browser's own UI, which headless Chromium does not show). For those, the test dispatches the
 * very event the browser would (`chrome.commands.onCommand`, `chrome.contextMenus.onClicked`) in
 * the service worker, so that the extension's own listeners run as they would for a reader.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page, Worker } from '@playwright/test';

export const ARTICLE = '/tests/fixtures/pages/reading-article.html';
export const AGGRESSIVE = '/tests/fixtures/pages/reading-aggressive.html';
export const NOT_NEWS = '/tests/fixtures/pages/reading-not-news.html';
export const EMPTY_NEWS = '/tests/fixtures/pages/reading-empty-news.html';
export const DEMO = '/demo/news.html';

type Chrome = {
  tabs: { get(id: number): Promise<unknown>; sendMessage(id: number, message: unknown): Promise<unknown> };
  commands: { onCommand: { dispatch(command: string, tab: unknown): void } };
  contextMenus: { onClicked: { dispatch(info: unknown, tab: unknown): void } };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

/** The browser delivering a keyboard shortcut of the manifest's `commands` to the extension. */
export async function pressCommand(sw: Worker, tabId: number, command: 'next-highlight' | 'previous-highlight'): Promise<void> {
  await sw.evaluate(
    async ([id, name]) => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      c.commands.onCommand.dispatch(name, await c.tabs.get(id));
    },
    [tabId, command] as const,
  );
}

/** The reader choosing NewsLens's entry in the page's context menu. */
export async function clickContextMenu(sw: Worker, tabId: number, pageUrl: string): Promise<void> {
  await sw.evaluate(
    async ([id, url]) => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      c.contextMenus.onClicked.dispatch({ menuItemId: 'newslens-site-toggle', pageUrl: url, editable: false }, await c.tabs.get(id));
    },
    [tabId, pageUrl] as const,
  );
}

/** What the content script of a tab says about its page: its decision and status. */
export async function pageDecision(sw: Worker, tabId: number): Promise<{ reason: string; status: string } | null> {
  return sw.evaluate(async (id) => {
    const c = (globalThis as unknown as { chrome: Chrome }).chrome;
    const r = (await c.tabs.sendMessage(id, { newslens: 1, type: 'page:state', payload: {} }).catch(() => null)) as {
      ok: boolean;
      value?: { decision: { reason: string }; status: string };
    } | null;
    return r?.ok && r.value ? { reason: r.value.decision.reason, status: r.value.status } : null;
  }, tabId);
}

export function badgeText(sw: Worker, tabId: number): Promise<string> {
  return sw.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId: id }), tabId);
}

export function storage(sw: Worker): Promise<Record<string, unknown>> {
  return sw.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(null));
}

/** Every highlighted text on the page, in document order. */
export function highlightsInOrder(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    for (const [name, group] of CSS.highlights) {
      if (!name.startsWith('newslens-') || name.startsWith('newslens-active')) continue;
      for (const r of group) ranges.push(r as Range);
    }
    return ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map((r) => r.toString());
  });
}

/** Where the run saves its screenshots: $NEWSLENS_SCREENSHOTS, else .output/screenshots. */
export async function screenshotDir(): Promise<string> {
  const dir = resolve(process.env.NEWSLENS_SCREENSHOTS ?? '.output/screenshots');
  await mkdir(dir, { recursive: true });
  return dir;
}
