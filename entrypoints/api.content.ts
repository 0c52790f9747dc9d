import { captureApi } from '../src/messaging/ext';

// Before the page's markup exists, keep the real extension API for the main content script, which
// a page's named elements could otherwise hide from it (src/messaging/ext.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  allFrames: true,
  main() {
    captureApi();
  },
});
