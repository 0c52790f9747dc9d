/**
 * Every string the reader sees goes through the browser's i18n (public/_locales/<lang>/messages.json).
 *
 * The message files are not bundled: the browser holds them, and importing them would add every
 * string to every bundle (the content script's among them). Where the browser's i18n is absent
 * (unit tests in Node), `useFallbackMessages` supplies a messages file to read from instead.
 */
// ../messaging/ext.ts, not `wxt/browser`: the card's strings come from here in the content
// script, which carries no webextension-polyfill (ext.ts says why).
import { ext } from '../messaging/ext';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

let fallback: Messages | null = null;

/** For tests outside the browser: read messages from this file's contents. */
export function useFallbackMessages(messages: Messages | null): void {
  fallback = messages;
}

export function t(key: MessageKey, substitutions?: string | string[]): string {
  let text = '';
  if (!fallback) {
    try {
      text = ext().i18n.getMessage(key, substitutions);
    } catch {
      text = '';
    }
  }
  if (text) return text;
  return format(fallback?.[key], substitutions) ?? key;
}

/** Chrome's substitution rules: named placeholders ($NAME$) map to $1..$9; "$$" is a dollar sign. */
export function format(entry: Messages[string] | undefined, substitutions?: string | string[]): string | undefined {
  if (!entry) return undefined;
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const named = new Map(Object.entries(entry.placeholders ?? {}).map(([name, ph]) => [name.toLowerCase(), ph.content]));
  const positional = (s: string) => s.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (_, name: string) => positional(named.get(name.toLowerCase()) ?? ''))
    .replace(/\$\$/g, '$');
}

/** The language the messages are in (for `lang` attributes), or undefined outside the browser. */
export function uiLanguage(): string | undefined {
  if (fallback) return undefined;
  try {
    return ext().i18n.getUILanguage() || undefined;
  } catch {
    return undefined;
  }
}
