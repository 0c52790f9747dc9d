/**
 * The content script's context, in place of WXT's `ContentScriptContext` (wxt.config.ts aliases
 * WXT's module to this one in the content-script build). WXT's context posts a window message
 * and listens for a document event, both named after the extension's id: any page could read the
 * first to detect the extension and forge the second to switch it off. This one speaks to nobody:
 * its signal aborts only when our own code says so, or when the extension is gone (updated,
 * reloaded or disabled), which leaves this script an orphan that must remove everything it added.
 */
import { runtimeId } from '../messaging/ext';

/** How often an idle page checks that the extension is still there (one property read). */
const ORPHAN_CHECK_MS = 2_000;

export class ContentScriptContext {
  private readonly controller = new AbortController();
  private watching = false;

  // WXT's entrypoint wrapper calls `new ContentScriptContext(name, options)`; neither is needed.
  constructor(_name?: string, _options?: unknown) {}

  /** Aborts when our code says so or the extension is gone; the check starts with the first reader. */
  get signal(): AbortSignal {
    if (!this.watching) {
      this.watching = true;
      const timer = setInterval(() => {
        if (!alive()) this.abort('the extension is gone');
      }, ORPHAN_CHECK_MS);
      this.controller.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    }
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    if (!alive()) this.abort('the extension is gone');
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  abort(reason?: unknown): void {
    if (!this.signal.aborted) this.controller.abort(reason);
  }
}

/** Whether the extension that injected this script still exists: an orphan's runtime has no id. */
export function alive(): boolean {
  try {
    return Boolean(runtimeId());
  } catch {
    return false;
  }
}
