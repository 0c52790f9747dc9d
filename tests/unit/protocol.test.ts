import { describe, expect, it } from 'vitest';
import { envelope, isOwnSender } from '../../src/messaging/protocol';
import { ToBackground, ToContent, parseIncoming } from '../../src/messaging/schemas';

describe('parseIncoming', () => {
  it('accepts a well-formed message of the map', () => {
    expect(parseIncoming(ToBackground, envelope('data:details', { ref: { type: 'actor', id: 'vladimir-putin' } }))).toEqual({
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
    ['a type of the other direction', envelope('page:state', {})],
    ['bad payload', envelope('data:details', { ref: { type: 'person', id: 'x' } })],
    ['bad count', envelope('page:count', { count: -1, off: false })],
  ])('rejects %s', (_name, message) => {
    expect(parseIncoming(ToBackground, message)).toBeNull();
  });
  it('keeps directions apart', () => {
    expect(parseIncoming(ToContent, envelope('page:state', {}))?.type).toBe('page:state');
    expect(parseIncoming(ToContent, envelope('data:index', {}))).toBeNull();
  });
});

describe('isOwnSender', () => {
  it('accepts only the extension itself', () => {
    expect(isOwnSender({ id: 'abc' }, 'abc')).toBe(true);
    expect(isOwnSender({ id: 'other' }, 'abc')).toBe(false);
    expect(isOwnSender({}, 'abc')).toBe(false);
  });
});
