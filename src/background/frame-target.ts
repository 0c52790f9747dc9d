/**
 * Which frame the background injects the engine into (./frame-attach.ts): the asking subframe of a
 * page, as its sender names it, and only when it is of the page's origin.
 */
import type { MessageSender } from '../messaging/ext';

/** The content script's files as the build names them (entrypoint `content`, its CSS in the manifest). */
export const ENGINE_FILES = { js: '/content-scripts/content.js', css: '/content-scripts/content.css' } as const;

/** The sender's tab and frame if it is a subframe of the same origin as its tab's page; else an error. */
export function attachTarget(sender: MessageSender): { tabId: number; frameId: number; documentId?: string } {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (tabId === undefined || frameId === undefined || frameId === 0) throw new Error('only a subframe asks for the engine');
  // The probe checked the origin in the frame; this second check needs nothing from the page.
  if (!sameOrigin(sender.url, sender.tab?.url)) throw new Error('the frame is not of its page’s origin');
  return { tabId, frameId, ...(sender.documentId === undefined ? {} : { documentId: sender.documentId }) };
}

function sameOrigin(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  try {
    const origin = new URL(a).origin;
    return origin !== 'null' && origin === new URL(b).origin;
  } catch {
    return false;
  }
}
