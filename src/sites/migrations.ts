/**
 * From version 1 of the stored settings to version 2 (src/sites/store.ts describes both): pure,
 * tested with a table of stored shapes (store.test.ts, beside this module).
 */
import { DEFAULT_PREFERENCES, Mode, Preferences, SiteChoice } from './policy';

const LEGACY_SITE_PREFIX = 'site:';

/**
 * Version 1's `{ version: 1, mode, paused }`: what is valid of it, with no sites (`legacySites`
 * brings those). A value already of version 2 whose version mark was lost stays as it is.
 */
export function fromVersion1(old: unknown): Preferences {
  if (Preferences.safeParse(old).success) return Preferences.parse(old);
  const o = typeof old === 'object' && old !== null ? (old as Record<string, unknown>) : {};
  const mode = Mode.safeParse(o.mode);
  return {
    mode: mode.success ? mode.data : DEFAULT_PREFERENCES.mode,
    paused: typeof o.paused === 'boolean' ? o.paused : DEFAULT_PREFERENCES.paused,
    sites: {},
  };
}

/** Version 1's per-site keys among everything stored: the valid choices, and every such key (to remove). */
export function legacySites(all: Record<string, unknown>): { sites: Record<string, SiteChoice>; keys: string[] } {
  const sites: Record<string, SiteChoice> = {};
  const keys: string[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(LEGACY_SITE_PREFIX)) continue;
    keys.push(key);
    const choice = SiteChoice.safeParse(raw);
    if (choice.success) Object.defineProperty(sites, key.slice(LEGACY_SITE_PREFIX.length), { value: choice.data, enumerable: true, writable: true, configurable: true });
  }
  return { sites, keys };
}
