/**
 * The few extension APIs the content script uses (and the modules it shares with the extension's
 * pages: messaging, settings, i18n), without webextension-polyfill.
 *
 * Why not `wxt/browser`: the WXT module wires it to webextension-polyfill (about 10 KB minified,
 * evaluated on every page the content script runs on), and what the polyfill adds is not needed
 * here: Firefox has a promise-based `browser`, and Chrome MV3's `chrome.runtime.sendMessage`,
 * `chrome.tabs.sendMessage` and `chrome.storage.local.*` return promises when given no callback.
 * The one difference that matters is `runtime.onMessage`: Chrome does not take a promise returned
 * by a listener as its reply, so `onMessage` below answers the way both browsers agree on:
 * `sendResponse`, with `true` returned to keep the channel open. (The build points WXT's own
 * content-script code, which imports `wxt/browser`, at WXT's plain `browser` too: wxt.config.ts.)
 *
 * Errors: every call that can fail is promise-based, so a missing receiver or an invalidated
 * extension context rejects (the callers catch it) instead of leaving an unchecked
 * `runtime.lastError`; a reply to an asker that has gone away is dropped.
 */

export interface MessageSender {
  id?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
  frameId?: number | undefined;
  /** Chrome only: the sending document, which a frame id outlives when the frame navigates. */
  documentId?: string | undefined;
  url?: string | undefined;
}

type MessageListener = (message: unknown, sender: MessageSender, sendResponse: (response: unknown) => void) => true | undefined;
type StorageListener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

interface Event<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}

/** What this module uses of `browser` (Firefox) or `chrome` (Chrome MV3): the promise-returning forms. */
interface ExtensionApi {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: Event<MessageListener>;
  };
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
  storage: {
    local: {
      get(keys: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
    };
    onChanged: Event<StorageListener>;
  };
  i18n: {
    getMessage(key: string, substitutions?: string | string[]): string;
    getUILanguage(): string;
  };
}

/**
 * The extension API: `browser` in the Firefox build, `chrome` in every other. Chosen by the build,
 * never by probing, and taken before the page's markup exists: named elements are globals, in a
 * content script's world too, and `<form id="chrome"><input name="runtime" id="x">` hides
 * Chromium's real `chrome` from a script that looks it up at document_idle (Chromium has no
 * `browser` at all, so `<form id="browser">` would stand in for it). So a first content script,
 * at document_start (entrypoints/api.content.ts), keeps the real object in an own property of the
 * content scripts' global (`captureApi`), which no named element can shadow and no page can see;
 * without it (unit tests, DOM tests, a script injected late) the global is read as it is.
 * Read on each call, not at load: outside an extension it is undefined, and only a call fails.
 * tests/e2e/hostile-attacks.spec.ts loads such a page.
 */
export function ext(): ExtensionApi {
  const kept = Object.getOwnPropertyDescriptor(globalThis, KEPT)?.value as ExtensionApi | undefined;
  return kept ?? apiOf(globalThis, FIREFOX);
}

const KEPT = '__newslensExtensionApi';
const FIREFOX = import.meta.env?.FIREFOX === true;

/** Keeps the real API for `ext`; called by the document_start content script before any markup is parsed. */
export function captureApi(): void {
  const api = apiOf(globalThis, FIREFOX);
  if (api && !Object.prototype.hasOwnProperty.call(globalThis, KEPT)) Object.defineProperty(globalThis, KEPT, { value: api });
}

/** The API object of a global, for the Firefox build or another. */
export function apiOf(g: object, firefox: boolean): ExtensionApi {
  return (firefox ? (g as { browser?: unknown }).browser : (g as { chrome?: unknown }).chrome) as ExtensionApi;
}

/** The extension's own id, for the sender check; undefined once the context is invalidated. */
export function runtimeId(): string | undefined {
  return ext().runtime.id;
}

/**
 * Listens to runtime messages. `handle` returns undefined for a message it does not answer
 * (another listener may), or the promise of its reply, sent with `sendResponse` in both browsers.
 * Returns the function that stops listening.
 */
export function onMessage(handle: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined): () => void {
  const listener: MessageListener = (message, sender, sendResponse) => {
    const reply = handle(message, sender);
    if (reply === undefined) return undefined;
    const send = (response: unknown) => {
      try {
        sendResponse(response);
      } catch {
        // The asker has gone (a popup closed, a tab navigated): nobody is waiting for the reply.
      }
    };
    reply.then(send, () => send(undefined));
    return true;
  };
  const api = ext();
  api.runtime.onMessage.addListener(listener);
  return () => api.runtime.onMessage.removeListener(listener);
}
