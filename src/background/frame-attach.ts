/**
 * The engine in same-origin frames. The content script (entrypoints/content/) is declared for the
 * top frame only, so that cross-origin frames (ads, embeds) load a few kilobytes of ours rather
 * than the whole engine; a subframe's probe (entrypoints/frame.content.ts) asks for it when the
 * frame is of its top's origin, and this injects the same files the manifest declares for the top,
 * into the asking frame alone.
 */
import { browser } from '../browser';
import type { MessageSender } from '../messaging/ext';
import { ENGINE_FILES, attachTarget } from './frame-target';

export async function attachFrame(sender: MessageSender): Promise<null> {
  const { tabId, frameId, documentId } = attachTarget(sender);
  if (import.meta.env.MANIFEST_VERSION === 3) {
    // Chrome names the very document that asked, so a frame that has navigated since gets nothing.
    const target = documentId === undefined ? { tabId, frameIds: [frameId] } : { tabId, documentIds: [documentId] };
    await browser.scripting.insertCSS({ target, files: [ENGINE_FILES.css] });
    await browser.scripting.executeScript({ target, files: [ENGINE_FILES.js] });
  } else {
    await browser.tabs.insertCSS(tabId, { file: ENGINE_FILES.css, frameId });
    await browser.tabs.executeScript(tabId, { file: ENGINE_FILES.js, frameId });
  }
  return null;
}
