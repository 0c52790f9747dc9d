import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { datasetPlugin } from './src/dataset/vite-plugin';
import { guardBuildOutput } from './src/dataset/build-guard';
import { writeOffIcons } from './src/build/off-icons';
import { preactWithoutInnerHtml } from './src/build/preact-no-inner-html';
import { ICON_SIZES, iconPaths } from './src/icons/paths';

// The Firefox add-on id: a UUID, so it is the project's own and names no domain.
const GECKO_ID = '{8f0c2a4e-5b1d-4e7a-9c3f-6d2b7e1a9f40}';
const ICON_SVG = 'assets/icon.svg';

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
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // Every PNG size is drawn from one SVG at build time (never committed); a development build
  // carries a "DEV" band rather than turning grey, since grey means "off" (src/icons/paths.ts).
  autoIcons: { baseIconPath: ICON_SVG, sizes: [...ICON_SIZES], developmentIndicator: 'overlay' },
  // Packages (`npm run zip`): no source maps, and a sources archive for Firefox's reviewers that
  // holds what the build needs and nothing else (docs/release.md).
  zip: {
    exclude: ['**/*.map'],
    includeSources: ['entrypoints/**', 'src/**', 'assets/**', 'public/**', 'package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'web-ext.config.ts', 'README.md', 'CHANGELOG.md', 'docs/release.md'],
    excludeSources: ['**/*.test.ts', '**/*.spec.ts'],
  },
  hooks: {
    'build:done': async (wxt, output) => {
      await writeOffIcons(wxt, ICON_SVG, output.publicAssets as { type: 'asset'; fileName: string }[]);
      // The extension ships excerpts, never article texts: a build that would carry one fails.
      guardBuildOutput(wxt.config.outDir);
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const plain = { find: /^wxt\/browser$/, replacement: createRequire(import.meta.url).resolve('wxt/browser') };
      // WXT's storage items (src/sites/store.ts) reach the browser through `@wxt-dev/browser`: here, through ext.ts.
      const storageBrowser = { find: /^@wxt-dev\/browser$/, replacement: fileURLToPath(new URL('./src/messaging/ext-browser.ts', import.meta.url)) };
      // WXT's content-script context posts a window message and listens for a document event, both
      // named after the extension's id, that a page can read and forge: ours speaks to nobody
      // (src/page/context.ts).
      const context = { find: /^wxt\/utils\/content-script-context$/, replacement: resolve('src/page/context.ts') };
      const alias = config.resolve?.alias ?? [];
      const entries = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [plain, storageBrowser, context, ...entries] };
    },
  },
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // NEWSLENS_OUT lets a second build (another dataset, a benchmark) live beside the main one.
  outDir: process.env.NEWSLENS_OUT ?? '.output',
  vite: () => ({
    plugins: [highlightNamesPlugin(), preactWithoutInnerHtml(), preact(), datasetPlugin()],
    build: { sourcemap: false },
    // The benchmark's builds (tests/bench/run.ts) leave two `newslens:*` performance measures for it
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
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Every permission is used by a feature; the README explains each one.
    // `scripting` and the host permissions (the content scripts' own matches) let the background run
    // the content script in a page's same-origin frames (src/background/frame-attach.ts). Firefox's
    // MV2 build does that with `tabs.executeScript`, which needs no `scripting`.
    permissions: ['storage', 'activeTab', 'contextMenus', ...(manifestVersion === 3 ? ['scripting'] : [])],
    host_permissions: ['http://*/*', 'https://*/*'],
    // The toolbar button's own icon (the `icons` key is written by @wxt-dev/auto-icons).
    [browser === 'firefox' ? 'browser_action' : 'action']: { default_icon: iconPaths('on') },
    // Keyboard: the next / previous highlight, its card open (src/background/commands.ts). J and K, as
    // in mail and feed readers; Chromium refuses Alt+Shift+N and Alt+Shift+P (reserved), leaving them unset.
    commands: {
      'next-highlight': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_command_next__' },
      'previous-highlight': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_command_previous__' },
      // No default key: readers who want one choose it in the browser's shortcut settings.
      'toggle-site': { description: '__MSG_command_toggle_site__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
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
