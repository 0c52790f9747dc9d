/** Import and export of the settings (src/sites/settings-file.ts): a bad file is refused whole, with its reason. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './policy';
import { normaliseSite, parseSettingsFile, toSettingsFile } from './settings-file';

const good = {
  format: 'newslens-settings',
  version: 1,
  exported: '2026-01-01T00:00:00.000Z',
  settings: { mode: 'listed', paused: false },
  sites: { 'lemonde.fr': 'on', 'example.com': 'off' },
};

describe('settings file', () => {
  it('round-trips what it exports', () => {
    const file = toSettingsFile({ ...DEFAULT_SETTINGS, mode: 'everywhere' }, { 'b.org': 'off', 'a.com': 'on' }, new Date('2026-02-03T04:05:06Z'));
    expect(Object.keys(file.sites)).toEqual(['a.com', 'b.org']);
    const parsed = parseSettingsFile(JSON.stringify(file));
    expect(parsed).toEqual({ ok: true, value: file });
  });

  it('accepts a valid file', () => {
    const parsed = parseSettingsFile(JSON.stringify(good));
    expect(parsed.ok && parsed.value.sites).toEqual(good.sites);
  });

  it.each([
    ['not JSON', '{mode: news', 'not_json'],
    ['JSON of something else', JSON.stringify({ hello: 1 }), 'not_settings'],
    ['a newer version', JSON.stringify({ ...good, version: 2 }), 'version'],
    ['a bad mode', JSON.stringify({ ...good, settings: { mode: 'sometimes', paused: false } }), 'bad_field:settings.mode:mode'],
    ['a bad pause', JSON.stringify({ ...good, settings: { mode: 'news', paused: 'yes' } }), 'bad_field:settings.paused:boolean'],
    ['a bad choice', JSON.stringify({ ...good, sites: { 'a.com': 'maybe' } }), 'bad_field:sites["a.com"]:choice'],
    ['a bad site', JSON.stringify({ ...good, sites: { 'not a site': 'on' } }), 'bad_field:sites["not a site"]:site'],
    ['a site with www.', JSON.stringify({ ...good, sites: { 'www.a.com': 'on' } }), 'bad_field:sites["www.a.com"]:site'],
    ['a browser page', JSON.stringify({ ...good, sites: { 'chromewebstore.google.com': 'on' } }), 'bad_field:sites["chromewebstore.google.com"]:site'],
    ['an unknown field', JSON.stringify({ ...good, extra: true }), 'bad_field:extra:unknown_field'],
    ['sites as a list', JSON.stringify({ ...good, sites: ['a.com'] }), 'bad_field:sites:object'],
    ['a file too large', ' '.repeat(1_000_001), 'too_large'],
  ])('refuses %s', (_, text, expected) => {
    const parsed = parseSettingsFile(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const p = parsed.problem;
    expect(p.code === 'bad_field' ? `${p.code}:${p.path}:${p.what}` : p.code).toBe(expected);
  });

  it('reduces what a reader types or pastes to a site', () => {
    expect(normaliseSite('www.Example.com')).toBe('example.com');
    expect(normaliseSite('https://www.lemonde.fr/international/article.html')).toBe('lemonde.fr');
    expect(normaliseSite('localhost')).toBe('localhost');
    expect(normaliseSite('two words')).toBeNull();
    expect(normaliseSite('')).toBeNull();
    expect(normaliseSite('chrome://settings')).toBeNull();
  });
});
