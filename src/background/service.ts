/**
 * The background: holds the compiled dataset, answers the content scripts, the popup and the
 * options page, keeps the toolbar badge, owns the keyboard shortcuts and the context menu, and
 * is the one writer of the reader's preferences. It keeps no state of its own that matters: the
 * MV3 service worker may be stopped at any moment, and everything it answers comes from the
 * bundled data or storage.
 */
import { details, index, summary } from 'virtual:newslens-dataset';
import { detailsFor } from '../dataset/details';
import { serve } from '../messaging/channel';
import type { MessageSender } from '../messaging/ext';
import { ContentToBackground, UiToBackground } from '../messaging/protocol';
import { Preferences } from '../sites/policy';
import { normaliseSite } from '../sites/settings-file';
import { setBadge } from './badge';
import { registerCommands } from './commands';
import { pageChanged, registerContextMenu } from './context-menu';
import { createIndexServer } from './lazy-index';
import { createSettingsWriter, setMode, setPaused, setSite } from './settings-writer';
import { createWeigher } from './weights';

/** Whether a message comes from one of the extension's own pages (the popup, the options page), not a content script. */
function fromOwnPage(sender: MessageSender): boolean {
  return sender.url !== undefined && sender.url.startsWith(`${self.location.origin}/`);
}

export function registerBackground(): void {
  const weigh = createWeigher(details);
  const indexServer = createIndexServer(index);
  const writer = createSettingsWriter();
  const data = {
    'data:details': ({ ref }: { ref: Parameters<typeof detailsFor>[1] }) => detailsFor(details, ref),
    'data:weights': ({ refs }: { refs: Parameters<typeof weigh>[0] }) => weigh(refs),
  };
  serve(
    ContentToBackground,
    {
      ...data,
      'data:index': () => indexServer.index(),
      'data:aliases': ({ words, pairs, actors }) => indexServer.aliases(words, pairs, actors),
      'page:count': async ({ count, off }, sender) => {
        const tabId = sender.tab?.id;
        // Only the top frame's count names the tab's badge.
        if (tabId !== undefined && (sender.frameId ?? 0) === 0) {
          await setBadge(tabId, count, off);
          await pageChanged(sender.tab as Parameters<typeof pageChanged>[0], count);
        }
        return null;
      },
    },
    (sender) => !fromOwnPage(sender),
  );
  // Content scripts only read the preferences (from storage): only the extension's pages may change them.
  serve(
    UiToBackground,
    {
      ...data,
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
