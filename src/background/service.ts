/**
 * The background: holds the compiled dataset, answers the content scripts, the popup and the
 * options page, keeps the toolbar badge, and owns the keyboard shortcuts and the context menu.
 * It keeps no state of its own that matters: the MV3 service worker may be stopped at any
 * moment, and everything it answers comes from the bundled data or storage.
 */
import { browser } from 'wxt/browser';
import { details, index, summary } from 'virtual:newslens-dataset';
import { detailsFor } from '../dataset/details';
import type { ToBackgroundReplies } from '../messaging/protocol';
import { ToBackground } from '../messaging/schemas';
import { serve } from '../messaging/serve';
import { setBadge } from './badge';
import { registerCommands } from './commands';
import { pageChanged, registerContextMenu } from './context-menu';
import { createIndexServer } from './lazy-index';
import { createWeigher } from './weights';

export function registerBackground(): void {
  const weigh = createWeigher(details);
  const indexServer = createIndexServer(index);
  serve<typeof ToBackground, ToBackgroundReplies>(ToBackground, {
    'data:index': () => indexServer.index(),
    'data:aliases': ({ words, pairs, actors }) => indexServer.aliases(words, pairs, actors),
    'data:details': ({ ref }) => detailsFor(details, ref),
    'data:summary': () => summary,
    'data:weights': ({ refs }) => weigh(refs),
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
