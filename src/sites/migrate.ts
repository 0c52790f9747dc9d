/**
 * Settings migrations: pure, so they can be tested with a table of stored shapes.
 * Each stored version upgrades one step at a time to SETTINGS_VERSION.
 * Checked with the hand-written guards of ./policy.ts: the content script reads settings.
 */
import { DEFAULT_SETTINGS, SETTINGS_VERSION, isMode, isSettings, type Settings } from './policy';

export type Migrated = { ok: true; value: Settings; changed: boolean } | { ok: false; error: string };

export function migrateSettings(raw: unknown): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'not an object' };
  const version = (raw as { version?: unknown }).version;
  if (version === SETTINGS_VERSION) {
    // Only the known keys, as zod's parse gave them.
    if (isSettings(raw)) return { ok: true, value: { version: raw.version, mode: raw.mode, paused: raw.paused }, changed: false };
    // Keep what is valid, default the rest: a single bad field does not cost the reader the others.
    const merged = { ...DEFAULT_SETTINGS };
    const r = raw as Record<string, unknown>;
    if (isMode(r.mode)) merged.mode = r.mode;
    if (typeof r.paused === 'boolean') merged.paused = r.paused;
    return { ok: true, value: merged, changed: true };
  }
  return { ok: false, error: `unknown version ${JSON.stringify(version)}` };
}
