/**
 * The background: holds the compiled dataset, answers the content scripts, the popup and the
 * options page, keeps the toolbar badge, owns the keyboard shortcuts and the context menu, and
 * is the one writer of the reader's preferences. It keeps no state of its own that matters: the
 * MV3 service worker may be stopped at any moment, and everything it answers comes from the
 * bundled data or storage.
 */
import { catalog, index, summary } from 'virtual:newslens-dataset';
import { browser } from '../browser';
import { articleDetailsPath } from '../dataset/compiled';
import { serve } from '../messaging/channel';
import type { MessageSender } from '../messaging/ext';
import { ContentToBackground, UiToBackground } from '../messaging/protocol';
import { Preferences } from '../sites/policy';
import { normaliseSite } from '../sites/settings-file';
import { setBadge } from './badge';
import { registerCommands } from './commands';
import { attachFrame } from './frame-attach';
import { pageChanged, registerContextMenu } from './context-menu';
import { createIndexServer } from './lazy-index';
import { createDetailsSource } from './details-source';
import { openDetails } from './open-details';
import { createSettingsWriter, setMode, setPaused, setSite } from './settings-writer';

/** Whether a message comes from one of the extension's own pages (the popup, the options page), not a content script. */
function fromOwnPage(sender: MessageSender): boolean {
  return sender.url !== undefined && sender.url.startsWith(`${self.location.origin}/`);
}

export function registerBackground(): void {
  const source = createDetailsSource(catalog, readArticle);
  const indexServer = createIndexServer(index);
  const writer = createSettingsWriter();
  const data = {
    'data:weights': ({ refs }: { refs: Parameters<typeof source.weights>[0] }) => source.weights(refs),
  };
  serve(
    ContentToBackground,
    {
      ...data,
      // A content script's page is its sender's address.
      'data:details': ({ ref }, sender) => source.details(ref, sender.url),
      'data:index': () => indexServer.index(),
      'data:aliases': ({ words, pairs, actors }) => indexServer.aliases(words, pairs, actors),
      'ui:open-details': async ({ ref }, sender) => {
        await openDetails(ref, sender.tab?.id);
        return null;
      },
      'page:count': async ({ count, off }, sender) => {
        const tabId = sender.tab?.id;
        // Only the top frame's count names the tab's badge.
        if (tabId !== undefined && (sender.frameId ?? 0) === 0) {
          await setBadge(tabId, count, off);
          await pageChanged(sender.tab as Parameters<typeof pageChanged>[0], count);
        }
        return null;
      },
      'frame:attach': (_, sender) => attachFrame(sender),
    },
    (sender) => !fromOwnPage(sender),
  );
  // Content scripts only read the preferences (from storage): only the extension's pages may change them.
  serve(
    UiToBackground,
    {
      ...data,
      // The popup names the page it speaks for.
      'data:details': ({ ref, page }) => source.details(ref, page),
      'data:articles': () => source.articles(),
      'data:summary': () => summary,
      'settings:pause': ({ paused }) => writer.update(setPaused(paused)),
      'settings:mode': ({ mode }) => writer.update(setMode(mode)),
      'settings:site': ({ site, choice }) => {
        if (normaliseSite(site) !== site) throw new TypeError(`not a site: ${JSON.stringify(site)}`);
        return writer.update(setSite(site, choice));
      },
      'settings:import': (prefs) => writer.update(() => Preferences.parse(prefs)),
    },
    fromOwnPage,
  );
  registerCommands(writer);
  registerContextMenu(writer);
}

/** An article's details file, from the extension's own files (never the network). */
async function readArticle(id: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(`/${articleDetailsPath(id)}` as '/'));
  if (!response.ok) throw new Error(`details of article "${id}": HTTP ${response.status}`);
  return response.json();
}
