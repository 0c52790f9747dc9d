/**
 * Messaging without webextension-polyfill (src/messaging/ext.ts, channel.ts), against a fake
 * `chrome`/`browser`: replies go through `sendResponse` with `true` returned, only the
 * extension's own contexts are answered, replies are checked, and a receiver that has gone away
 * throws nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { send, serve } from './channel';
import { apiOf, ext } from './ext';
import { ContentToBackground, ToContent, envelope } from './protocol';

type Listener = (message: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => unknown;

function fakeApi(id = 'own') {
  const listeners = new Set<Listener>();
  const stored: Record<string, unknown> = {};
  return {
    listeners,
    stored,
    runtime: {
      id,
      sendMessage: vi.fn<(m: unknown) => Promise<unknown>>(),
      onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
    storage: {
      local: {
        get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(stored, items),
        remove: async (key: string) => void delete stored[key],
      },
      onChanged: { addListener: () => {}, removeListener: () => {} },
    },
  };
}

const g = globalThis as { chrome?: unknown; browser?: unknown };
let api: ReturnType<typeof fakeApi>;

beforeEach(() => {
  api = fakeApi();
  g.chrome = api;
});
afterEach(() => {
  delete g.chrome;
  delete g.browser;
});

/** Delivers a message to the one listener as the browser would; the reply, or 'no reply' when the listener does not take it. */
async function deliver(message: unknown, sender: { id?: string } = { id: 'own' }): Promise<unknown> {
  const [listener] = api.listeners;
  let reply: (r: unknown) => void = () => {};
  const replied = new Promise((resolve) => (reply = resolve));
  const kept = listener!(message, sender, reply);
  if (kept !== true) return 'no reply';
  return replied;
}

describe('ext', () => {
  it('is `chrome` outside the Firefox build, whatever a page names "browser"', () => {
    expect(ext()).toBe(api);
    // <form id="browser"><input name="runtime" id="x">: a "browser" whose runtime has an id.
    g.browser = { tagName: 'FORM', runtime: { tagName: 'INPUT', id: 'x' } };
    expect(ext()).toBe(api);
  });

  it('is `browser` in the Firefox build', () => {
    const firefox = fakeApi();
    expect(apiOf({ chrome: api, browser: firefox }, true)).toBe(firefox);
    expect(apiOf({ chrome: api, browser: firefox }, false)).toBe(api);
  });
});

describe('serve', () => {
  const handlers = {
    'page:state': () => ({ url: 'u' }) as never,
    'page:reveal': ({ ref }: { ref: { id: string } }) => ref.id === 'x',
    'page:navigate': () => {
      throw new Error('no highlights');
    },
    'page:quotes': async () => [],
  };

  it('answers its own contexts through sendResponse, with true returned', async () => {
    const stop = serve(ToContent, handlers);
    expect(await deliver(envelope('page:reveal', { ref: { type: 'actor', id: 'x' } }))).toEqual({ ok: true, value: true });
    expect(await deliver(envelope('page:quotes', {}))).toEqual({ ok: true, value: [] });
    expect(await deliver(envelope('page:navigate', { direction: 'next' }))).toEqual({ ok: false, error: 'no highlights' });
    stop();
    expect(api.listeners.size).toBe(0);
  });

  it('leaves unanswered what is not from the extension, not ours, or invalid', async () => {
    serve(ToContent, handlers);
    expect(await deliver(envelope('page:state', {}), { id: 'another-extension' })).toBe('no reply');
    expect(await deliver(envelope('page:state', {}), {})).toBe('no reply');
    expect(await deliver({ type: 'page:state' })).toBe('no reply');
    expect(await deliver(envelope('page:reveal', { ref: { type: 'person', id: 'x' } }))).toBe('no reply');
    expect(await deliver(envelope('page:navigate', { direction: 'up' }))).toBe('no reply');
  });

  it('throws nothing when the asker has gone before the reply', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    serve(ToContent, handlers);
    const [listener] = api.listeners;
    expect(
      listener!(envelope('page:quotes', {}), { id: 'own' }, () => {
        throw new Error('Attempting to use a disconnected port object');
      }),
    ).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});

describe('send', () => {
  it('takes a valid reply, and reads an invalid one, none, or a missing receiver as an error', async () => {
    api.runtime.sendMessage.mockResolvedValueOnce({ ok: true, value: [{ weight: 2, disputed: true }] });
    expect(await send(ContentToBackground, 'data:weights', { refs: [] })).toEqual({ ok: true, value: [{ weight: 2, disputed: true }] });
    api.runtime.sendMessage.mockResolvedValueOnce({ ok: true, value: [{ weight: 'heavy' }] });
    expect((await send(ContentToBackground, 'data:weights', { refs: [] })).ok).toBe(false);
    api.runtime.sendMessage.mockResolvedValueOnce(undefined);
    expect(await send(ContentToBackground, 'page:count', { count: 1, off: false })).toEqual({ ok: false, error: 'no answer from the background' });
    api.runtime.sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await send(ContentToBackground, 'data:index', {})).toEqual({ ok: false, error: 'Could not establish connection. Receiving end does not exist.' });
    api.runtime.sendMessage.mockImplementationOnce(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(await send(ContentToBackground, 'data:index', {})).toEqual({ ok: false, error: 'Extension context invalidated.' });
  });
});

describe('send to a tab', () => {
  it('checks the content script\'s reply like any other', async () => {
    const tabs = { sendMessage: vi.fn<(id: number, m: unknown) => Promise<unknown>>() };
    (api as unknown as { tabs: typeof tabs }).tabs = tabs;
    tabs.sendMessage.mockResolvedValueOnce({ ok: true, value: true });
    expect(await send(ToContent, 'page:reveal', { ref: { type: 'actor', id: 'x' } }, 7)).toEqual({ ok: true, value: true });
    expect(tabs.sendMessage).toHaveBeenLastCalledWith(7, envelope('page:reveal', { ref: { type: 'actor', id: 'x' } }));
    // A page state whose decision is not one the extension makes: an error, not a state.
    tabs.sendMessage.mockResolvedValueOnce({ ok: true, value: { url: 'u', site: 'evil.example', decision: { enabled: true, reason: 'because' }, status: 'ready', matches: [] } });
    expect((await send(ToContent, 'page:state', {}, 7)).ok).toBe(false);
    tabs.sendMessage.mockResolvedValueOnce(undefined);
    expect(await send(ToContent, 'page:state', {}, 7)).toEqual({ ok: false, error: 'no answer from the page' });
  });
});
