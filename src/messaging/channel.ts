/**
 * The one send/serve pair over the browser's messaging, for every direction of ./protocol.ts.
 * A payload is validated where it arrives, a reply where it comes back: a reply that does not
 * match its message's schema reads as an error, like no reply at all. Handlers' errors cross
 * the boundary as a `Result` (an Error does not survive it).
 *
 * Through ./ext.ts, which every context can use (the content script carries no
 * webextension-polyfill; ext.ts says why).
 */
import type { z } from 'zod/mini';
import { ext, onMessage, runtimeId, type MessageSender } from './ext';
import { envelope, isOwnSender, parseIncoming, parseReply, type Payload, type Protocol, type Reply, type Result } from './protocol';

const failed = (e: unknown): { ok: false; error: string } => ({ ok: false, error: e instanceof Error ? e.message : String(e) });

/**
 * Sends a message of `map` to the background (no `tabId`) or to the content script of a tab,
 * and returns its checked reply.
 */
export async function send<M extends Protocol, K extends keyof M & string>(
  map: M,
  type: K,
  payload: Payload<M, K>,
  tabId?: number,
): Promise<Result<Reply<M, K>>> {
  try {
    const message = envelope(type, payload);
    const reply = await (tabId === undefined ? ext().runtime.sendMessage(message) : ext().tabs.sendMessage(tabId, message));
    if (reply === undefined) return { ok: false, error: tabId === undefined ? 'no answer from the background' : 'no answer from the page' };
    return parseReply(map, type, reply);
  } catch (e) {
    return failed(e);
  }
}

export type Handlers<M extends Protocol> = {
  [K in keyof M & string]: (payload: z.output<M[K]['payload']>, sender: MessageSender) => Promise<Reply<M, K>> | Reply<M, K>;
};

/** Runs a handler and wraps what it gives, or the error it throws, in a `Result`. */
function answer(run: () => unknown): Promise<Result<unknown>> {
  return Promise.resolve()
    .then(run)
    .then(
      (value): Result<unknown> => ({ ok: true, value }),
      (e: unknown): Result<unknown> => failed(e),
    );
}

/**
 * Answers the messages of `map` from the extension's own contexts that `accept` lets through
 * (for example: only its own pages); any other message is left to other listeners, unanswered.
 * Returns the function that stops serving.
 */
export function serve<M extends Protocol>(map: M, handlers: Handlers<M>, accept: (sender: MessageSender) => boolean = () => true): () => void {
  return onMessage((message, sender) => {
    if (!isOwnSender(sender, runtimeId()) || !accept(sender)) return undefined;
    const read = parseIncoming(map, message);
    if (!read) return undefined;
    const handler = handlers[read.type] as (p: unknown, s: MessageSender) => unknown;
    return answer(() => handler(read.payload, sender));
  });
}
