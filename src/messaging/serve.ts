/**
 * Wires a direction's handlers to runtime.onMessage in the background, validating every request
 * on arrival with its zod schema (./schemas.ts). The content script serves with ./serve-page.ts.
 */
import { browser, type Browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import { answer, isOwnSender, type Result } from './protocol';
import { parseIncoming } from './schemas';

export type Handlers<M extends Record<string, z.ZodMiniType>, R extends Record<keyof M, unknown>> = {
  [K in keyof M]: (payload: z.output<M[K]>, sender: Browser.runtime.MessageSender) => Promise<R[K]> | R[K];
};

/** Returns the function that stops serving. */
export function serve<M extends Record<string, z.ZodMiniType>, R extends Record<keyof M, unknown>>(
  map: M,
  handlers: Handlers<M, R>,
): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender): Promise<Result<unknown>> | undefined => {
    if (!isOwnSender(sender, browser.runtime.id)) return undefined;
    const parsed = parseIncoming(map, message);
    if (!parsed) return undefined;
    const handler = handlers[parsed.type] as (p: unknown, s: Browser.runtime.MessageSender) => unknown;
    return answer(() => handler(parsed.payload, sender));
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
