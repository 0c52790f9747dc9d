/** Typed senders for the protocol in ./protocol.ts. */
import { browser } from 'wxt/browser';
import {
  envelope,
  type Result,
  type ToBackground,
  type ToBackgroundReplies,
  type ToContent,
  type ToContentReplies,
} from './protocol';
import type { z } from 'zod/mini';

type Payload<M, K extends keyof M> = M[K] extends z.ZodMiniType ? z.input<M[K]> : never;

export async function askBackground<K extends keyof typeof ToBackground>(
  type: K,
  payload: Payload<typeof ToBackground, K>,
): Promise<Result<ToBackgroundReplies[K]>> {
  try {
    const reply = (await browser.runtime.sendMessage(envelope(type, payload))) as Result<ToBackgroundReplies[K]> | undefined;
    return reply ?? { ok: false, error: 'no answer from the background' };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export async function askTab<K extends keyof typeof ToContent>(
  tabId: number,
  type: K,
  payload: Payload<typeof ToContent, K>,
): Promise<Result<ToContentReplies[K]>> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, envelope(type, payload))) as Result<ToContentReplies[K]> | undefined;
    return reply ?? { ok: false, error: 'no answer from the page' };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
