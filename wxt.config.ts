import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { datasetPlugin } from './src/dataset/vite-plugin';

// The one build configuration for Chrome (MV3) and Firefox (MV2 by default, MV3 with --mv3).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  vite: () => ({
    plugins: [preact(), datasetPlugin()],
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => ({
    name: 'NewsLens',
    description: 'Who said what, who reported it, and who disputes it: context for the news you read.',
    // Every permission is used by a feature; the README explains each one.
    permissions: ['storage', 'tabs'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'newslens@newslens.example',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
