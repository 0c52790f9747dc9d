/**
 * Settings migrations: pure, so they can be tested with a table of stored shapes.
 * Each stored version upgrades one step at a time to SETTINGS_VERSION.
 */
import { Settings, SETTINGS_VERSION, DEFAULT_SETTINGS } from './policy';

export type Migrated = { ok: true; value: Settings; changed: boolean } | { ok: false; error: string };

export function migrateSettings(raw: unknown): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'not an object' };
  const version = (raw as { version?: unknown }).version;
  if (version === SETTINGS_VERSION) {
    const parsed = Settings.safeParse(raw);
    if (parsed.success) return { ok: true, value: parsed.data, changed: false };
    // Keep what is valid, default the rest: a single bad field does not cost the reader the others.
    const merged = { ...DEFAULT_SETTINGS };
    const r = raw as Record<string, unknown>;
    const mode = Settings.shape.mode.safeParse(r.mode);
    if (mode.success) merged.mode = mode.data;
    const paused = Settings.shape.paused.safeParse(r.paused);
    if (paused.success) merged.paused = paused.data;
    return { ok: true, value: merged, changed: true };
  }
  return { ok: false, error: `unknown version ${JSON.stringify(version)}` };
}
