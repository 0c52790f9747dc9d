/**
 * Ids from messages and files are looked up as own properties: "constructor", "__proto__" and
 * other names every object inherits are unknown ids, wherever an id arrives.
 */
import { describe, expect, it } from 'vitest';
import { compileDetails } from './compile';
import { detailsFor } from './details';
import { loadDataset } from './load';
import { own } from './own';
import { ContentToBackground, ToContent, UiToBackground, envelope, parseIncoming } from '../messaging/protocol';
import { choiceFor } from '../sites/policy';
import { parseSettingsFile } from '../sites/settings-file';
import { readPreferences } from '../sites/store';
import { actorName } from '../ui/format';

const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe.each(INHERITED)('the id %j', (id) => {
  it('is an unknown message type in every direction', () => {
    for (const map of [ContentToBackground, UiToBackground, ToContent]) expect(parseIncoming(map, envelope(id, {}))).toBeNull();
  });

  it('names no actor or figure of the dataset', () => {
    const store = compileDetails(loadDataset('assets/dataset').dataset!);
    expect(detailsFor(store, { type: 'actor', id })).toBeNull();
    expect(detailsFor(store, { type: 'figure', id })).toBeNull();
    expect(own(store.actors, id)).toBeUndefined();
    expect(actorName(store.actors, id)).toBe(id);
  });

  it('is a site without a choice until one is stored, and then a site like any other', () => {
    expect(choiceFor({ sites: {} }, id)).toBeUndefined();
    const stored = readPreferences(JSON.parse(`{"mode":"news","paused":false,"sites":{"${id}":"off","example.com":"on"}}`));
    expect(choiceFor(stored.value, id)).toBe(id === '__proto__' ? undefined : 'off');
    expect(choiceFor(stored.value, 'example.com')).toBe('on');
    expect(Object.getPrototypeOf(stored.value.sites)).toBe(Object.prototype);
  });
});

describe('a settings file with a site named "__proto__"', () => {
  it('keeps it as an own key and changes no prototype', () => {
    const parsed = parseSettingsFile('{"format":"newslens-settings","version":1,"exported":"","settings":{"mode":"news","paused":false},"sites":{"__proto__":"off"}}');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Object.getPrototypeOf(parsed.value.sites)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed.value.sites, '__proto__')).toBe(true);
  });
});
