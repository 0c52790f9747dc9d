/**
 * The one writer of the reader's preferences (src/sites/store.ts). Every change (pause, mode, a
 * site's choice, an import) is a function of the current value, run one after the other in a
 * queue: each reads what the previous one wrote, so changes from the popup, the options page,
 * the context menu, a keyboard command and an import at the same moment all land.
 *
 * It also migrates (WXT runs the item's migrations when it is defined here, at every start of
 * the background, install and update included), folds the choices of version 1's `site:<site>`
 * keys in, and repairs a corrupted value as soon as it sees one.
 */
import { browser } from '../browser';
import { Preferences, type SiteChoice } from '../sites/policy';
import { defineSettingsItem, readPreferences, reportOnce } from '../sites/store';
import { fromVersion1, legacySites } from '../sites/migrations';

export type Change = (current: Preferences) => Preferences;

export interface SettingsWriter {
  /** Applies `change` atomically; resolves with what was stored. */
  update(change: Change): Promise<Preferences>;
  /** The current value, after every change queued before. */
  read(): Promise<Preferences>;
}

export function createSettingsWriter(): SettingsWriter {
  const item = defineSettingsItem({ 2: fromVersion1 });
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };
  const current = async (): Promise<Preferences> => {
    const read = readPreferences(await item.getValue());
    if (read.problems.length > 0) {
      reportOnce(read.problems, true);
      await item.setValue(read.value);
    }
    return read.value;
  };
  const writer: SettingsWriter = {
    update: (change) =>
      enqueue(async () => {
        const next = Preferences.parse(change(await current()));
        await item.setValue(next);
        return next;
      }),
    read: () => enqueue(current),
  };
  // Repair at start, fold version 1's site keys in, and repair whatever anyone else writes.
  void enqueue(async () => {
    const all = await browser.storage.local.get(null);
    const legacy = legacySites(all);
    await current();
    if (legacy.keys.length === 0) return;
    await writer.update((p) => ({ ...p, sites: { ...legacy.sites, ...p.sites } }));
    await browser.storage.local.remove(legacy.keys);
  }).catch((e: unknown) => console.warn('NewsLens: settings migration failed', e));
  item.watch((raw) => {
    if (readPreferences(raw).problems.length > 0) void writer.read();
  });
  return writer;
}

/** Changes, for the writer: pure. */
export const setPaused = (paused: boolean): Change => (p) => ({ ...p, paused });
export const setMode = (mode: Preferences['mode']): Change => (p) => ({ ...p, mode });
export const setSite =
  (site: string, choice: SiteChoice | null): Change =>
  (p) => {
    const sites = Object.fromEntries(Object.entries(p.sites).filter(([s]) => s !== site));
    if (choice) Object.defineProperty(sites, site, { value: choice, enumerable: true, writable: true, configurable: true });
    return { ...p, sites };
  };
/** Switches a site off if `enabled`, on otherwise (the context menu, the keyboard command). */
export const toggleSite =
  (site: string, enabled: boolean): Change =>
  (p) =>
    setSite(site, enabled ? 'off' : 'on')(p);
