/**
 * The one import of the browser's extension API for the background and the extension's pages
 * (webextension-polyfill, wired by WXT's module). ESLint forbids importing it anywhere else.
 * The content script uses src/messaging/ext.ts instead (no polyfill on web pages; ext.ts says why).
 */
// eslint-disable-next-line no-restricted-imports
export { browser, type Browser } from 'wxt/browser';
