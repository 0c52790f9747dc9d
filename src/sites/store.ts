/**
 * Where the reader's preferences live: one WXT storage item, `local:settings`, holding the
 * mode, the pause and every site's choice (src/sites/policy.ts `Preferences`).
 *
 * One item, so that every change is one write of one value, made in the background alone
 * (src/background/settings-writer.ts queues them): the popup, the options page, the context
 * menu, a keyboard command and an import acting at once cannot overwrite each other. Content
 * scripts and the extension's pages only read it here.
 *
 * Versions (WXT's item metadata, `settings$`): 1 was `{ version: 1, mode, paused }` with each
 * site's choice in a key `site:<site>` of its own; 2 is `Preferences`. The background migrates
 * (settings-writer.ts); nobody else does, so a reader that finds an older or corrupted value
 * uses what is valid in it and safe defaults for the rest until the background has repaired it.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_PREFERENCES, Mode, Preferences, SiteChoice } from './policy';

const SETTINGS_KEY = 'local:settings';
const SETTINGS_VERSION = 2;

type Migrations = Record<number, (old: unknown) => unknown>;

/** The item; only the background passes `migrations` (WXT runs them as soon as an item that has them is defined). */
export function defineSettingsItem(migrations?: Migrations) {
  return storage.defineItem<unknown>(SETTINGS_KEY, migrations ? { version: SETTINGS_VERSION, migrations } : { version: SETTINGS_VERSION });
}

export interface Read {
  value: Preferences;
  /** What was wrong with the stored value (empty when it was valid or absent). */
  problems: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a stored value. What is valid is kept, field by field and site by site, and the rest
 * falls back to the defaults: one bad field does not cost the reader the others.
 */
export function readPreferences(raw: unknown): Read {
  if (raw === null || raw === undefined) return { value: DEFAULT_PREFERENCES, problems: [] };
  const whole = Preferences.safeParse(raw);
  if (whole.success) return { value: whole.data, problems: [] };
  if (!isObject(raw)) return { value: DEFAULT_PREFERENCES, problems: ['not an object'] };
  const problems: string[] = [];
  const mode = Mode.safeParse(raw.mode);
  if (!mode.success) problems.push('mode');
  const paused = typeof raw.paused === 'boolean' ? raw.paused : (problems.push('paused'), DEFAULT_PREFERENCES.paused);
  const sites: Record<string, SiteChoice> = {};
  if (isObject(raw.sites)) {
    for (const [site, choice] of Object.entries(raw.sites)) {
      const parsed = SiteChoice.safeParse(choice);
      if (parsed.success) Object.defineProperty(sites, site, { value: parsed.data, enumerable: true, writable: true, configurable: true });
      else problems.push(`sites["${site}"]`);
    }
  } else problems.push('sites');
  for (const key of Object.keys(raw)) if (!['mode', 'paused', 'sites'].includes(key)) problems.push(key);
  return { value: { mode: mode.success ? mode.data : DEFAULT_PREFERENCES.mode, paused, sites }, problems };
}

const reported = new Set<string>();
/** Reports a corrupted value once per context and kind of problem. */
export function reportOnce(problems: string[], repaired: boolean): void {
  const key = problems.join(',');
  if (problems.length === 0 || reported.has(key)) return;
  reported.add(key);
  console.warn(`NewsLens: stored "settings" was invalid (${key}); ${repaired ? 'it was repaired with safe defaults' : 'safe defaults are used'}.`);
}

// Defined on first use: a module that only validates (unit tests, the options page's file
// check) must not touch the browser's storage by being imported.
let item: ReturnType<typeof defineSettingsItem> | undefined;
const settingsItem = () => (item ??= defineSettingsItem());

/** The preferences as stored now, validated (for the content script and the extension's pages). */
export async function getPreferences(): Promise<Preferences> {
  const read = readPreferences(await settingsItem().getValue());
  reportOnce(read.problems, false);
  return read.value;
}

/** Calls `onChange` with the new preferences whenever they change. Returns the function that stops watching. */
export function watchPreferences(onChange: (prefs: Preferences) => void): () => void {
  return settingsItem().watch((raw) => onChange(readPreferences(raw).value));
}
