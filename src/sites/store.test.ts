/** The stored preferences: validation with field-by-field fallback, migrations, and the writer's changes (pure parts). */
import { describe, expect, it } from 'vitest';
import { setMode, setPaused, setSite, toggleSite } from '../background/settings-writer';
import { DEFAULT_PREFERENCES } from './policy';
import { fromVersion1, legacySites } from './migrations';
import { readPreferences } from './store';

describe('readPreferences', () => {
  it('takes a valid value as it is, and nothing stored as the defaults', () => {
    const prefs = { mode: 'listed', paused: true, sites: { 'example.com': 'on' } };
    expect(readPreferences(prefs)).toEqual({ value: prefs, problems: [] });
    expect(readPreferences(undefined)).toEqual({ value: DEFAULT_PREFERENCES, problems: [] });
  });
  it.each([
    ['garbage', DEFAULT_PREFERENCES, ['not an object']],
    [[1, 2], DEFAULT_PREFERENCES, ['not an object']],
    [{ mode: 'sometimes', paused: true, sites: { 'a.example': 'on' } }, { mode: 'news', paused: true, sites: { 'a.example': 'on' } }, ['mode']],
    [{ mode: 'everywhere', paused: 'yes', sites: { 'a.example': 42, 'b.example': 'off' } }, { mode: 'everywhere', paused: false, sites: { 'b.example': 'off' } }, ['paused', 'sites["a.example"]']],
    [{ mode: 'news', paused: false, sites: 'all', extra: 1 }, DEFAULT_PREFERENCES, ['sites', 'extra']],
  ])('keeps what is valid of %j', (raw, value, problems) => {
    expect(readPreferences(raw)).toEqual({ value, problems });
  });
});

describe('migrations', () => {
  it('turn version 1 into version 2, keeping its valid fields', () => {
    expect(fromVersion1({ version: 1, mode: 'everywhere', paused: true })).toEqual({ mode: 'everywhere', paused: true, sites: {} });
    expect(fromVersion1({ version: 1, mode: 'sometimes', paused: 'no' })).toEqual(DEFAULT_PREFERENCES);
    expect(fromVersion1('garbage')).toEqual(DEFAULT_PREFERENCES);
  });
  it('leave a value already of version 2 as it is', () => {
    const prefs = { mode: 'listed', paused: false, sites: { 'example.com': 'off' } };
    expect(fromVersion1(prefs)).toEqual(prefs);
  });
  it("collect version 1's site keys, valid or not, and their valid choices", () => {
    expect(legacySites({ settings: {}, 'site:a.example': 'on', 'site:b.example': 42, 'site:c.example': 'off', other: 'on' })).toEqual({
      sites: { 'a.example': 'on', 'c.example': 'off' },
      keys: ['site:a.example', 'site:b.example', 'site:c.example'],
    });
  });
});

describe("the writer's changes", () => {
  const start = { mode: 'news' as const, paused: false, sites: { 'a.example': 'on' as const } };
  it('change one thing each and keep the rest', () => {
    expect(setPaused(true)(start)).toEqual({ ...start, paused: true });
    expect(setMode('listed')(start)).toEqual({ ...start, mode: 'listed' });
    expect(setSite('b.example', 'off')(start)).toEqual({ ...start, sites: { 'a.example': 'on', 'b.example': 'off' } });
    expect(setSite('a.example', null)(start)).toEqual({ ...start, sites: {} });
    expect(toggleSite('a.example', true)(start).sites['a.example']).toBe('off');
    expect(toggleSite('b.example', false)(start).sites['b.example']).toBe('on');
  });
  it('never change the value they are given', () => {
    const copy = structuredClone(start);
    setSite('a.example', null)(start);
    setPaused(true)(start);
    expect(start).toEqual(copy);
  });
});
