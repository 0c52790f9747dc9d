/**
 * Every string the reader sees goes through the browser's i18n (public/_locales/<lang>/messages.json).
 * Falls back to the key's English text only where i18n is unavailable (unit tests in Node).
 */
import { browser } from 'wxt/browser';
import en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  let text: string;
  try {
    text = browser.i18n.getMessage(key, substitutions);
  } catch {
    text = '';
  }
  if (text) return text;
  // Fallback: English, with $1..$9 placeholders filled in order.
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const entry = en[key] as { message: string; placeholders?: Record<string, { content: string }> };
  let out = entry.message;
  for (const [name, ph] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(ph.content.replace('$', '')) - 1;
    out = out.replaceAll(`$${name.toUpperCase()}$`, subs[index] ?? '').replaceAll(`$${name}$`, subs[index] ?? '');
  }
  return out;
}
