import './highlights.css';
import { runContentScript } from '../../src/page/controller';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The top frame only. Same-origin iframes are part of the page: the background injects this
  // script and its styles into each of them when its frame probe asks (entrypoints/frame.content.ts,
  // src/background/frame-attach.ts), so cross-origin frames never load it.
  allFrames: false,
  // The highlight styles go into the manifest: the browser applies them without adding any
  // element to the page. The card's styles live inside its shadow root (src/page/ui-host.ts).
  cssInjectionMode: 'manifest',
  // `ctx` is our own context (src/page/context.ts, aliased in wxt.config.ts), not WXT's: its signal
  // aborts when the extension is gone, never on an event a page could send.
  main(ctx) {
    void runContentScript(window, ctx.signal);
  },
});
