/**
 * Typed senders for the protocol in ./protocol.ts, shared by the content script and the
 * extension's pages, through ./ext.ts (no webextension-polyfill: see there).
 *
 * A reply from the background is checked with the guards of ./guards.ts before it is used (the
 * content script carries no zod; ./guards.ts says why): a reply that is not a valid `Result` of
 * its request's type reads as an error, like no reply at all.
 */
import { ext } from './ext';
import { ReplyGuards, isResult } from './guards';
import { envelope, type Result, type ToBackgroundPayloads, type ToBackgroundReplies, type ToContentPayloads, type ToContentReplies } from './protocol';

const failed = (e: unknown): { ok: false; error: string } => ({ ok: false, error: e instanceof Error ? e.message : String(e) });

export async function askBackground<K extends keyof ToBackgroundPayloads>(
  type: K,
  payload: ToBackgroundPayloads[K],
): Promise<Result<ToBackgroundReplies[K]>> {
  try {
    const reply = await ext().runtime.sendMessage(envelope(type, payload));
    if (reply === undefined) return { ok: false, error: 'no answer from the background' };
    return isResult(reply, ReplyGuards[type]) ? reply : { ok: false, error: `invalid answer from the background to ${type}` };
  } catch (e) {
    return failed(e);
  }
}

/** To the content script of a tab (the popup, the background's shortcuts and context menu). */
export async function askTab<K extends keyof ToContentPayloads>(
  tabId: number,
  type: K,
  payload: ToContentPayloads[K],
): Promise<Result<ToContentReplies[K]>> {
  try {
    const reply = (await ext().tabs.sendMessage(tabId, envelope(type, payload))) as Result<ToContentReplies[K]> | undefined;
    return reply ?? { ok: false, error: 'no answer from the page' };
  } catch (e) {
    return failed(e);
  }
}
