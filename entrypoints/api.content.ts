import { captureApi } from '../src/messaging/ext';

// Before the page's markup exists, keep the real extension API for the content script and the
// frame probe, which a page's named elements could otherwise hide from them (src/messaging/ext.ts).
// In every frame: the probe needs it there, and so does the content script where it is injected.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  allFrames: true,
  main() {
    captureApi();
  },
});
