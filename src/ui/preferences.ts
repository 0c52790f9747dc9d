/**
 * The preferences as the popup and the options page use them: read from storage
 * (src/sites/store.ts), changed only by asking the background, their one writer
 * (src/background/settings-writer.ts). A change resolves with what was stored, or rejects
 * with the background's reason.
 */
import { send } from '../messaging/channel';
import { UiToBackground, type Payload } from '../messaging/protocol';
import type { Preferences, SiteChoice } from '../sites/policy';

export { getPreferences, watchPreferences } from '../sites/store';

async function change<K extends 'settings:pause' | 'settings:mode' | 'settings:site' | 'settings:import'>(
  type: K,
  payload: Payload<typeof UiToBackground, K>,
): Promise<Preferences> {
  const r = await send(UiToBackground, type, payload);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

export const setPaused = (paused: boolean) => change('settings:pause', { paused });
export const setMode = (mode: Preferences['mode']) => change('settings:mode', { mode });
/** Undefined clears the site's choice. */
export const setSiteChoice = (site: string, choice: SiteChoice | undefined) => change('settings:site', { site, choice: choice ?? null });
/** Replaces every preference at once (an imported settings file). */
export const importPreferences = (prefs: Preferences) => change('settings:import', prefs);
