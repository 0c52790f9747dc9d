import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { datasetPlugin } from './src/dataset/vite-plugin';

// The one build configuration for Chrome (MV3) and Firefox (MV2 by default, MV3 with --mv3).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // NEWSLENS_OUT lets a second build (another dataset, a benchmark) live beside the main one.
  outDir: process.env.NEWSLENS_OUT ?? '.output',
  vite: () => ({
    plugins: [preact(), datasetPlugin()],
    build: { sourcemap: false },
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
