/**
 * The background: holds the compiled dataset, answers the content scripts, the popup and the
 * options page, keeps the toolbar badge, and owns the keyboard shortcuts and the context menu.
 * It keeps no state of its own that matters: the MV3 service worker may be stopped at any
 * moment, and everything it answers comes from the bundled data or storage.
 */
import { browser } from 'wxt/browser';
import { catalog, index, summary } from 'virtual:newslens-dataset';
import { articleDetailsPath } from '../dataset/article-details';
import type { ToBackgroundReplies } from '../messaging/protocol';
import { ToBackground } from '../messaging/schemas';
import { serve } from '../messaging/serve';
import { setBadge } from './badge';
import { registerCommands } from './commands';
import { pageChanged, registerContextMenu } from './context-menu';
import { createIndexServer } from './lazy-index';
import { createDetailsSource } from './details-source';
import { openDetails } from './open-details';

export function registerBackground(): void {
  const source = createDetailsSource(catalog, readArticle);
  const indexServer = createIndexServer(index);
  serve<typeof ToBackground, ToBackgroundReplies>(ToBackground, {
    'data:index': () => indexServer.index(),
    'data:aliases': ({ words, pairs, actors }) => indexServer.aliases(words, pairs, actors),
    // A content script's page is its sender's address; the popup names the page it speaks for.
    'data:details': ({ ref, page }, sender) => source.details(ref, page ?? (sender.tab ? sender.url : undefined)),
    'data:articles': () => source.articles(),
    'ui:open-details': async ({ ref }, sender) => {
      await openDetails(ref, sender.tab?.id);
      return null;
    },
    'data:summary': () => summary,
    'data:weights': ({ refs }) => source.weights(refs),
    'page:count': async ({ count, off }, sender) => {
      const tabId = sender.tab?.id;
      // Only the top frame's count names the tab's badge.
      if (tabId !== undefined && (sender.frameId ?? 0) === 0) {
        await setBadge(tabId, count, off);
        await pageChanged(sender.tab, count);
      }
      return null;
    },
  });
  registerCommands();
  registerContextMenu();
  browser.runtime.onInstalled.addListener(() => {
    /* nothing to migrate yet beyond settings, which migrate on read (src/sites/migrate.ts) */
  });
}

/** An article's details file, from the extension's own files (never the network). */
async function readArticle(id: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(`/${articleDetailsPath(id)}` as '/'));
  if (!response.ok) throw new Error(`details of article "${id}": HTTP ${response.status}`);
  return response.json();
}
