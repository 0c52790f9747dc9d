/**
 * `@wxt-dev/browser` for the content script's build (wxt.config.ts aliases it here): WXT's
 * storage module imports it, and this resolves the API through ./ext.ts on every use, as
 * everything else on web pages does, rather than once at load.
 */
import { ext } from './ext';

export const browser = new Proxy({} as Record<string | symbol, unknown>, {
  get: (_, key) => (ext() as unknown as Record<string | symbol, unknown> | undefined)?.[key],
});
