/**
 * Wires the content script's handlers to runtime.onMessage: the same contract as ./serve.ts (the
 * background's), with the hand-written guards of ./guards.ts in place of zod and ./ext.ts in place
 * of webextension-polyfill (both say why). Only messages from the extension's own contexts, of a
 * type of the map and with a payload its guard accepts, are answered; any other message is left
 * to other listeners, unanswered.
 */
import { onMessage, runtimeId, type MessageSender } from './ext';
import type { Guard } from './guards';
import { answer, isOwnSender, readEnvelope } from './protocol';

export type Handlers<M extends Record<string, Guard<unknown>>, R extends Record<keyof M, unknown>> = {
  [K in keyof M]: (payload: M[K] extends Guard<infer T> ? T : never, sender: MessageSender) => Promise<R[K]> | R[K];
};

/** Returns the function that stops serving. */
export function serve<M extends Record<string, Guard<unknown>>, R extends Record<keyof M, unknown>>(
  map: M,
  handlers: Handlers<M, R>,
): () => void {
  return onMessage((message, sender) => {
    if (!isOwnSender(sender, runtimeId())) return undefined;
    const read = readEnvelope(map, message);
    if (!read || !map[read.type]!(read.payload)) return undefined;
    const handler = handlers[read.type] as (p: unknown, s: MessageSender) => unknown;
    return answer(() => handler(read.payload, sender));
  });
}
