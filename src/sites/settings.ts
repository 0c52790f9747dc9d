/**
 * The one module that reads and writes what the extension stores.
 *
 * Keys (storage.local):
 *   settings        Settings (versioned; migrated and validated on read)
 *   site:<site>     "on" | "off": the reader's choice for one site
 *
 * Each site's choice is a key of its own, so that switches from several tabs and the popup at
 * once never overwrite each other (no read-modify-write of a shared object): the last write for
 * a site wins, and only for that site.
 *
 * Every value read is validated; a corrupted or foreign value falls back to a safe default, is
 * repaired in storage, and is reported once (console.warn) per key and session.
 */
// Through ../messaging/ext.ts, not `wxt/browser`: the content script reads settings here, and
// carries no webextension-polyfill (ext.ts says why); values are checked with the hand-written
// guards of ./policy.ts, not zod, for the same reason.
import { ext } from '../messaging/ext';
import { DEFAULT_SETTINGS, isSettings, isSiteChoice, type Settings, type SiteChoice as Choice } from './policy';
import { migrateSettings } from './migrate';

const SETTINGS_KEY = 'settings';
const SITE_PREFIX = 'site:';

const reported = new Set<string>();
function reportOnce(key: string, what: string): void {
  if (reported.has(key)) return;
  reported.add(key);
  console.warn(`NewsLens: stored "${key}" was ${what}; it was reset to a safe default.`);
}

export function siteKey(site: string): string {
  return SITE_PREFIX + site;
}

export async function getSettings(): Promise<Settings> {
  const raw = (await ext().storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (raw === undefined) return DEFAULT_SETTINGS;
  const migrated = migrateSettings(raw);
  if (migrated.ok) {
    if (migrated.changed) await ext().storage.local.set({ [SETTINGS_KEY]: migrated.value });
    return migrated.value;
  }
  reportOnce(SETTINGS_KEY, `invalid (${migrated.error})`);
  await ext().storage.local.set({ [SETTINGS_KEY]: DEFAULT_SETTINGS });
  return DEFAULT_SETTINGS;
}

export async function updateSettings(patch: Partial<Omit<Settings, 'version'>>): Promise<Settings> {
  const merged = { ...(await getSettings()), ...patch };
  if (!isSettings(merged)) throw new TypeError(`invalid settings: ${JSON.stringify(patch)}`);
  const next: Settings = { version: merged.version, mode: merged.mode, paused: merged.paused };
  await ext().storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Validates a raw stored choice; undefined means "no choice". */
export function parseChoice(raw: unknown): Choice | undefined {
  return isSiteChoice(raw) ? raw : undefined;
}

export async function getSiteChoice(site: string): Promise<Choice | undefined> {
  const key = siteKey(site);
  const raw = (await ext().storage.local.get(key))[key];
  const choice = parseChoice(raw);
  if (raw !== undefined && choice === undefined) {
    reportOnce(key, 'not "on" or "off"');
    await ext().storage.local.remove(key);
  }
  return choice;
}

export async function setSiteChoice(site: string, choice: Choice | undefined): Promise<void> {
  const key = siteKey(site);
  if (choice === undefined) await ext().storage.local.remove(key);
  else await ext().storage.local.set({ [key]: choice });
}

/** Every site with a choice, for the options page. Invalid entries are dropped and repaired. */
export async function listSiteChoices(): Promise<Record<string, Choice>> {
  const all = await ext().storage.local.get(null);
  const out: Record<string, Choice> = {};
  const bad: string[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(SITE_PREFIX)) continue;
    const choice = parseChoice(raw);
    if (choice) out[key.slice(SITE_PREFIX.length)] = choice;
    else bad.push(key);
  }
  if (bad.length > 0) {
    bad.forEach((k) => reportOnce(k, 'not "on" or "off"'));
    await ext().storage.local.remove(bad);
  }
  return out;
}

/**
 * Calls `onChange` when the settings or this site's choice change (in any tab or the popup).
 * Returns the function that stops watching.
 */
export function watchSite(site: string, onChange: () => void): () => void {
  const key = siteKey(site);
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    if (SETTINGS_KEY in changes || key in changes) onChange();
  };
  ext().storage.onChanged.addListener(listener);
  return () => ext().storage.onChanged.removeListener(listener);
}

/**
 * Makes the stored site choices exactly `choices` (an imported settings file): sets those given,
 * removes the others. Called only with validated data (src/sites/settings-file.ts).
 */
export async function replaceSiteChoices(choices: Record<string, Choice>): Promise<void> {
  const current = await listSiteChoices();
  const stale = Object.keys(current).filter((site) => !(site in choices)).map(siteKey);
  const next = Object.fromEntries(Object.entries(choices).map(([site, choice]) => [siteKey(site), choice]));
  if (Object.keys(next).length > 0) await ext().storage.local.set(next);
  if (stale.length > 0) await ext().storage.local.remove(stale);
}

/** Calls `onChange` when the settings or any site's choice change (the options page). Returns the function that stops watching. */
export function watchAll(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    if (Object.keys(changes).some((k) => k === SETTINGS_KEY || k.startsWith(SITE_PREFIX))) onChange();
  };
  ext().storage.onChanged.addListener(listener);
  return () => ext().storage.onChanged.removeListener(listener);
}

export const STORAGE_KEYS = { SETTINGS_KEY, SITE_PREFIX } as const;
