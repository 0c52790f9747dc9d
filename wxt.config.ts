import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { datasetPlugin } from './src/dataset/vite-plugin';

const testBuild = process.env.NEWSLENS_TEST_CARD === 'open';
/**
 * The highlight groups' names end with one of these, drawn per page load (src/page/painter.ts),
 * so that a page cannot style or pre-register them by name in advance. Drawn anew for every
 * build; the tests' builds keep the bare names (`newslens-person`), which tests read.
 */
const HIGHLIGHT_SUFFIXES = testBuild ? [''] : Array.from({ length: 8 }, () => `-${randomBytes(5).toString('hex')}`);

/** Writes each `::highlight(name)` rule of the content script's stylesheet for every suffix. */
function highlightNamesPlugin(): Plugin {
  const file = resolve('entrypoints/content/highlights.css');
  return {
    name: 'newslens-highlight-names',
    enforce: 'pre',
    load(id) {
      if (id.split('?')[0] !== file) return null;
      return readFileSync(file, 'utf8').replace(/::highlight\(([a-z-]+)\)/g, (_, name: string) =>
        HIGHLIGHT_SUFFIXES.map((s) => `::highlight(${name}${s})`).join(', '),
      );
    },
  };
}

// The one build configuration for Chrome (MV3) and Firefox (MV2 by default, MV3 with --mv3).
export default defineConfig({
  // The extension's pages and background use webextension-polyfill through `wxt/browser`; the
  // content script does without it (src/messaging/ext.ts says why), so in its build `wxt/browser`
  // (which WXT's own content-script code imports) is WXT's plain `browser`, not the polyfill.
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const plain = { find: /^wxt\/browser$/, replacement: createRequire(import.meta.url).resolve('wxt/browser') };
      // WXT's content-script context posts a window message and listens for a document event, both
      // named after the extension's id, that a page can read and forge: ours speaks to nobody
      // (src/page/context.ts).
      const context = { find: /^wxt\/utils\/content-script-context$/, replacement: resolve('src/page/context.ts') };
      const alias = config.resolve?.alias ?? [];
      const entries = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [plain, context, ...entries] };
    },
  },
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // NEWSLENS_OUT lets a second build (another dataset, a benchmark) live beside the main one.
  outDir: process.env.NEWSLENS_OUT ?? '.output',
  vite: () => ({
    plugins: [highlightNamesPlugin(), preact(), datasetPlugin()],
    build: { sourcemap: false },
    // The benchmark's builds (scripts/bench.ts) leave two `newslens:*` performance measures for it
    // to read. Only those builds: a page sees the measures of every script in its document, and
    // what the extension does on a page is the reader's business, not the page's.
    // Test builds only (NEWSLENS_TEST_CARD=open, set by the browser tests' own builds): the card's
    // shadow root is open and its host is <newslens-ui>, so that tests can read the card with
    // ordinary locators. Every other build, and every package, has a closed root on a host whose
    // tag is random per page load (src/page/ui-host.ts; README, "Trust").
    define: {
      __NEWSLENS_BENCH__: JSON.stringify(process.env.NEWSLENS_BENCH === '1'),
      __NEWSLENS_OPEN_CARD__: JSON.stringify(testBuild),
      __NEWSLENS_HIGHLIGHT_SUFFIXES__: JSON.stringify(HIGHLIGHT_SUFFIXES),
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Every permission is used by a feature; the README explains each one.
    permissions: ['storage', 'activeTab', 'contextMenus'],
    // Keyboard: the next / previous highlight, its card open (src/background/commands.ts). J and K, as
    // in mail and feed readers; Chromium refuses Alt+Shift+N and Alt+Shift+P (reserved), leaving them unset.
    commands: {
      'next-highlight': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_command_next__' },
      'previous-highlight': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_command_previous__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'newslens@newslens.example',
              // 140: the first Firefox with the CSS Custom Highlight API (and data_collection_permissions).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
