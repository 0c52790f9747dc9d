import { describe, expect, it } from 'vitest';
import { ContentToBackground, ToContent, UiToBackground, envelope, isOwnSender, parseIncoming, parseReply } from './protocol';

describe('parseIncoming', () => {
  it('accepts a well-formed message of the map', () => {
    expect(parseIncoming(ContentToBackground, envelope('data:details', { ref: { type: 'actor', id: 'vladimir-putin' } }))).toEqual({
      type: 'data:details',
      payload: { ref: { type: 'actor', id: 'vladimir-putin' } },
    });
  });
  it.each([
    ['not an object', 'data:index'],
    ['null', null],
    ['no marker', { type: 'data:index', payload: {} }],
    ['wrong marker', { newslens: 2, type: 'data:index', payload: {} }],
    ['unknown type', envelope('data:everything', {})],
    ['inherited property name', envelope('constructor', {})],
    ['"__proto__"', envelope('__proto__', {})],
    ['"toString"', envelope('toString', {})],
    ['a type of the other direction', envelope('page:state', {})],
    ['a settings change from a content script', envelope('settings:pause', { paused: true })],
    ['bad payload', envelope('data:details', { ref: { type: 'person', id: 'x' } })],
    ['bad count', envelope('page:count', { count: -1, off: false })],
  ])('rejects %s', (_name, message) => {
    expect(parseIncoming(ContentToBackground, message)).toBeNull();
  });
  it('keeps directions apart', () => {
    expect(parseIncoming(ToContent, envelope('page:state', {}))?.type).toBe('page:state');
    expect(parseIncoming(ToContent, envelope('data:index', {}))).toBeNull();
    expect(parseIncoming(UiToBackground, envelope('settings:mode', { mode: 'listed' }))?.payload).toEqual({ mode: 'listed' });
    expect(parseIncoming(UiToBackground, envelope('settings:mode', { mode: 'sometimes' }))).toBeNull();
    expect(parseIncoming(UiToBackground, envelope('data:index', {}))).toBeNull();
  });
  it('reads an import as the whole preferences, or not at all', () => {
    const prefs = { mode: 'news', paused: false, sites: { 'example.com': 'off' } };
    expect(parseIncoming(UiToBackground, envelope('settings:import', prefs))?.payload).toEqual(prefs);
    expect(parseIncoming(UiToBackground, envelope('settings:import', { ...prefs, sites: { 'example.com': 'maybe' } }))).toBeNull();
  });
});

describe('parseReply', () => {
  it('takes a valid result and an error, and reads anything else as an error', () => {
    expect(parseReply(ToContent, 'page:reveal', { ok: true, value: false })).toEqual({ ok: true, value: false });
    expect(parseReply(ToContent, 'page:reveal', { ok: false, error: 'gone' })).toEqual({ ok: false, error: 'gone' });
    expect(parseReply(ToContent, 'page:reveal', { ok: true, value: 'yes' }).ok).toBe(false);
    expect(parseReply(ToContent, 'page:quotes', { ok: true, value: [{ ref: { type: 'actor', id: 'a' }, exact: 'A' }] }).ok).toBe(false);
    expect(parseReply(ContentToBackground, 'data:weights', { ok: true }).ok).toBe(false);
    expect(parseReply(ContentToBackground, 'page:count', null).ok).toBe(false);
  });
});

describe('isOwnSender', () => {
  it('accepts only the extension itself', () => {
    expect(isOwnSender({ id: 'abc' }, 'abc')).toBe(true);
    expect(isOwnSender({ id: 'other' }, 'abc')).toBe(false);
    expect(isOwnSender({}, 'abc')).toBe(false);
  });
});
