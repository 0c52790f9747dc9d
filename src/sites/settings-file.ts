/**
 * The settings file readers export and import (options page): the mode, the pause and every
 * site's choice, as JSON.
 *
 *   { "format": "newslens-settings", "version": 1, "exported": "2026-…",
 *     "settings": { "mode": "news", "paused": false },
 *     "sites": { "example.com": "off", "lemonde.fr": "on" } }
 *
 * Import validates the whole file before anything is written: a bad file changes nothing, and
 * the reader is told what is wrong and where (a code and a path here; words in the UI's
 * language there). Pure.
 */
import { siteOf, type Settings, type SiteChoice } from './policy';
import { Mode, SiteChoice as SiteChoiceSchema } from './policy';

const FILE_FORMAT = 'newslens-settings';
const FILE_VERSION = 1;
/** A settings file is a few kilobytes; anything much larger is something else. */
export const MAX_FILE_BYTES = 1_000_000;

export interface SettingsFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  exported: string;
  settings: Pick<Settings, 'mode' | 'paused'>;
  sites: Record<string, SiteChoice>;
}

export type FileProblem =
  | { code: 'too_large' }
  | { code: 'not_json'; detail: string }
  | { code: 'not_settings' }
  | { code: 'version'; version: string }
  | { code: 'bad_field'; path: string; what: 'mode' | 'boolean' | 'choice' | 'site' | 'object' | 'unknown_field' };

export type Parsed = { ok: true; value: SettingsFile } | { ok: false; problem: FileProblem };

export function toSettingsFile(settings: Settings, sites: Record<string, SiteChoice>, exported: Date): SettingsFile {
  const sorted = Object.fromEntries(Object.entries(sites).sort(([a], [b]) => a.localeCompare(b)));
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    exported: exported.toISOString(),
    settings: { mode: settings.mode, paused: settings.paused },
    sites: sorted,
  };
}

/** A site name as the extension keys it (host name without "www."), or null. */
export function normaliseSite(input: string): string | null {
  const text = input.trim();
  if (!text || /\s/.test(text)) return null;
  return siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}/`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseSettingsFile(text: string): Parsed {
  if (text.length > MAX_FILE_BYTES) return { ok: false, problem: { code: 'too_large' } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: { code: 'not_json', detail: e instanceof Error ? e.message : String(e) } };
  }
  if (!isObject(raw) || raw.format !== FILE_FORMAT) return { ok: false, problem: { code: 'not_settings' } };
  if (raw.version !== FILE_VERSION) return { ok: false, problem: { code: 'version', version: JSON.stringify(raw.version) } };
  const bad = (path: string, what: Extract<FileProblem, { code: 'bad_field' }>['what']): Parsed => ({
    ok: false,
    problem: { code: 'bad_field', path, what },
  });
  for (const key of Object.keys(raw)) if (!['format', 'version', 'exported', 'settings', 'sites'].includes(key)) return bad(key, 'unknown_field');

  const settings = raw.settings;
  if (!isObject(settings)) return bad('settings', 'object');
  for (const key of Object.keys(settings)) if (key !== 'mode' && key !== 'paused') return bad(`settings.${key}`, 'unknown_field');
  const mode = Mode.safeParse(settings.mode);
  if (!mode.success) return bad('settings.mode', 'mode');
  if (typeof settings.paused !== 'boolean') return bad('settings.paused', 'boolean');

  const sites = raw.sites ?? {};
  if (!isObject(sites)) return bad('sites', 'object');
  const out: Record<string, SiteChoice> = {};
  for (const [site, choice] of Object.entries(sites)) {
    if (normaliseSite(site) !== site) return bad(`sites["${site}"]`, 'site');
    const parsed = SiteChoiceSchema.safeParse(choice);
    if (!parsed.success) return bad(`sites["${site}"]`, 'choice');
    // Defined, not assigned: a site named "__proto__" is a key like any other.
    Object.defineProperty(out, site, { value: parsed.data, enumerable: true, writable: true, configurable: true });
  }
  return {
    ok: true,
    value: {
      format: FILE_FORMAT,
      version: FILE_VERSION,
      exported: typeof raw.exported === 'string' ? raw.exported : '',
      settings: { mode: mode.data, paused: settings.paused },
      sites: out,
    },
  };
}
