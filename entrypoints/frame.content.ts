import { envelope } from '../src/messaging/envelope';
import { ext } from '../src/messaging/ext';
import type { ContentToBackground } from '../src/messaging/protocol';
import { sameOriginTop } from '../src/page/same-origin-top';

const ATTACH: keyof typeof ContentToBackground = 'frame:attach';

// The engine (entrypoints/content/) is declared for the top frame only. In every other frame this
// probe, a kilobyte or two, asks the background for it when the frame is of its top's origin and
// so part of the page; cross-origin frames (ads, embeds) get nothing more. No zod and no polyfill
// here: the message is sent bare, through the API kept at document_start (entrypoints/api.content.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  main() {
    if (window.top === window || !sameOriginTop(window)) return;
    // No reply is needed, and none comes if the extension is gone.
    ext()
      .runtime.sendMessage(envelope(ATTACH, {}))
      .catch(() => undefined);
  },
});
