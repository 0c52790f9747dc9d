/**
 * The content script's side of messaging without webextension-polyfill (src/messaging/ext.ts,
 * serve-page.ts, client.ts), against a fake `chrome`/`browser`: replies go through
 * `sendResponse` with `true` returned, only the extension's own contexts are answered, replies
 * are checked, and a receiver that has gone away throws nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askBackground } from '../../src/messaging/client';
import { apiOf, ext } from '../../src/messaging/ext';
import { ToContentGuards } from '../../src/messaging/guards';
import { envelope } from '../../src/messaging/protocol';
import { serve } from '../../src/messaging/serve-page';
import { getSettings } from '../../src/sites/settings';
import { DEFAULT_SETTINGS } from '../../src/sites/policy';

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

describe('serve (content script)', () => {
  const handlers = {
    'page:state': () => ({ url: 'u' }) as never,
    'page:reveal': ({ ref }: { ref: { id: string } }) => ref.id === 'x',
    'page:navigate': () => {
      throw new Error('no highlights');
    },
    'page:quotes': async () => [],
  };

  it('answers its own contexts through sendResponse, with true returned', async () => {
    const stop = serve(ToContentGuards, handlers);
    expect(await deliver(envelope('page:reveal', { ref: { type: 'actor', id: 'x' } }))).toEqual({ ok: true, value: true });
    expect(await deliver(envelope('page:quotes', {}))).toEqual({ ok: true, value: [] });
    expect(await deliver(envelope('page:navigate', { direction: 'next' }))).toEqual({ ok: false, error: 'no highlights' });
    stop();
    expect(api.listeners.size).toBe(0);
  });

  it('leaves unanswered what is not from the extension, not ours, or invalid', async () => {
    serve(ToContentGuards, handlers);
    expect(await deliver(envelope('page:state', {}), { id: 'another-extension' })).toBe('no reply');
    expect(await deliver(envelope('page:state', {}), {})).toBe('no reply');
    expect(await deliver({ type: 'page:state' })).toBe('no reply');
    expect(await deliver(envelope('page:reveal', { ref: { type: 'person', id: 'x' } }))).toBe('no reply');
    expect(await deliver(envelope('page:navigate', { direction: 'up' }))).toBe('no reply');
  });

  it('throws nothing when the asker has gone before the reply', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    serve(ToContentGuards, handlers);
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

describe('askBackground (content script)', () => {
  it('takes a valid reply, and reads an invalid one, none, or a missing receiver as an error', async () => {
    api.runtime.sendMessage.mockResolvedValueOnce({ ok: true, value: [{ weight: 2, disputed: true }] });
    expect(await askBackground('data:weights', { refs: [] })).toEqual({ ok: true, value: [{ weight: 2, disputed: true }] });
    api.runtime.sendMessage.mockResolvedValueOnce({ ok: true, value: [{ weight: 'heavy' }] });
    expect((await askBackground('data:weights', { refs: [] })).ok).toBe(false);
    api.runtime.sendMessage.mockResolvedValueOnce(undefined);
    expect(await askBackground('page:count', { count: 1, off: false })).toEqual({ ok: false, error: 'no answer from the background' });
    api.runtime.sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await askBackground('data:index', {})).toEqual({ ok: false, error: 'Could not establish connection. Receiving end does not exist.' });
    api.runtime.sendMessage.mockImplementationOnce(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(await askBackground('data:index', {})).toEqual({ ok: false, error: 'Extension context invalidated.' });
  });
});

describe('stored settings read by the content script', () => {
  it('fall back to the safe default when corrupted, and are repaired', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    api.stored.settings = 'garbage';
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(api.stored.settings).toEqual(DEFAULT_SETTINGS);
    api.stored.settings = { version: 1, mode: 'sometimes', paused: true, extra: 1 };
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, paused: true });
    warn.mockRestore();
  });
});
