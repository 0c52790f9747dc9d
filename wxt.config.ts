import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { datasetPlugin } from './src/dataset/vite-plugin';
import { guardBuildOutput } from './src/dataset/build-guard';

// The one build configuration for Chrome (MV3) and Firefox (MV2 by default, MV3 with --mv3).
export default defineConfig({
  // The extension's pages and background use webextension-polyfill through `wxt/browser`; the
  // content script does without it (src/messaging/ext.ts says why), so in its build `wxt/browser`
  // (which WXT's own content-script code imports) is WXT's plain `browser`, not the polyfill.
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The extension ships excerpts, never article texts: a build that would carry one fails.
    'build:done': (wxt) => guardBuildOutput(wxt.config.outDir),
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const plain = { find: /^wxt\/browser$/, replacement: createRequire(import.meta.url).resolve('wxt/browser') };
      const alias = config.resolve?.alias ?? [];
      const entries = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [plain, ...entries] };
    },
  },
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // NEWSLENS_OUT lets a second build (another dataset, a benchmark) live beside the main one.
  outDir: process.env.NEWSLENS_OUT ?? '.output',
  vite: () => ({
    plugins: [preact(), datasetPlugin()],
    build: { sourcemap: false },
    // The benchmark's builds (scripts/bench.ts) leave two `newslens:*` performance measures for it
    // to read. Only those builds: a page sees the measures of every script in its document, and
    // what the extension does on a page is the reader's business, not the page's.
    define: { __NEWSLENS_BENCH__: JSON.stringify(process.env.NEWSLENS_BENCH === '1') },
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
