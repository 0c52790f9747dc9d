import { describe, expect, it } from 'vitest';
import { attachTarget } from './frame-target';

const page = 'https://news.example/article';
const tab = { id: 7, url: page };

describe('attachTarget: the frame the engine is injected into', () => {
  it('is the asking subframe of the page’s origin, by its sender, with Chrome’s document id when given', () => {
    expect(attachTarget({ tab, frameId: 3, url: 'https://news.example/embed/1' })).toEqual({ tabId: 7, frameId: 3 });
    expect(attachTarget({ tab, frameId: 3, documentId: 'D0C', url: 'https://news.example/embed/1' })).toEqual({ tabId: 7, frameId: 3, documentId: 'D0C' });
  });

  it.each([
    ['the top frame', { tab, frameId: 0, url: page }],
    ['a sender without a frame', { tab, url: page }],
    ['a sender without a tab', { frameId: 3, url: page }],
    ['a frame of another origin', { tab, frameId: 3, url: 'https://ads.example/slot' }],
    ['a frame of another port', { tab, frameId: 3, url: 'https://news.example:8443/embed' }],
    ['a frame without an address', { tab, frameId: 3 }],
    ['a tab without an address', { tab: { id: 7 }, frameId: 3, url: page }],
    ['an opaque origin', { tab: { id: 7, url: 'data:text/html,x' }, frameId: 3, url: 'data:text/html,x' }],
  ])('refuses %s', (_, sender) => {
    expect(() => attachTarget(sender)).toThrow();
  });
});
