/**
 * The background: holds the compiled dataset, answers the content scripts and the popup, and
 * keeps the toolbar badge. It keeps no state of its own that matters: the MV3 service worker may
 * be stopped at any moment, and everything it answers comes from the bundled data or storage.
 */
import { browser } from 'wxt/browser';
import { details, index, summary } from 'virtual:newslens-dataset';
import { detailsFor } from '../dataset/details';
import { ToBackground, type ToBackgroundReplies } from '../messaging/protocol';
import { serve } from '../messaging/serve';
import { setBadge } from './badge';

export function registerBackground(): void {
  serve<typeof ToBackground, ToBackgroundReplies>(ToBackground, {
    'data:index': () => index,
    'data:details': ({ ref }) => detailsFor(details, ref),
    'data:summary': () => summary,
    'page:count': async ({ count, off }, sender) => {
      const tabId = sender.tab?.id;
      // Only the top frame's count names the tab's badge.
      if (tabId !== undefined && (sender.frameId ?? 0) === 0) await setBadge(tabId, count, off);
      return null;
    },
  });
  browser.runtime.onInstalled.addListener(() => {
    /* nothing to migrate yet beyond settings, which migrate on read (src/sites/migrate.ts) */
  });
}
