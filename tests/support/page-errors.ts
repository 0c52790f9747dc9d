/**
 * The errors a page logs: console errors and uncaught exceptions, normalised so that two loads of
 * the same page can be compared (digits vary: ports, timestamps, random ids). An error the page
 * logs with the extension and not without it was introduced by the extension; so is any error
 * that names the extension's own scripts.
 */
import type { Page } from '@playwright/test';

export interface ErrorLog {
  /** Normalised messages, in order. */
  messages: string[];
  /** Messages that name a chrome-extension:// or moz-extension:// URL (raw). */
  fromExtension: string[];
}

const EXTENSION_URL = /(?:chrome|moz)-extension:\/\//;

function normaliseError(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\d+/g, '#').slice(0, 200);
}

/** Starts collecting `page`'s errors; the returned log fills as they come. */
export function collectErrors(page: Page): ErrorLog {
  const log: ErrorLog = { messages: [], fromExtension: [] };
  const add = (text: string, url: string) => {
    log.messages.push(normaliseError(text));
    if (EXTENSION_URL.test(text) || EXTENSION_URL.test(url)) log.fromExtension.push(`${text.slice(0, 300)} @ ${url}`);
  };
  page.on('console', (m) => {
    if (m.type() === 'error') add(m.text(), m.location().url);
  });
  page.on('pageerror', (e) => add(`${e.name}: ${e.message}`, e.stack ?? ''));
  return log;
}

/**
 * Errors of `withExtension` that `without` does not have (as distinct messages: how often a page
 * repeats its own error depends on timing), plus every error that names the extension.
 */
export function introducedErrors(withExtension: ErrorLog, without: ErrorLog): string[] {
  const known = new Set(without.messages);
  const introduced = new Set<string>();
  for (const m of withExtension.messages) if (!known.has(m)) introduced.add(m);
  for (const m of withExtension.fromExtension) introduced.add(m);
  return [...introduced];
}
