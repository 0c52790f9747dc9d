import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// One way in to the browser's extension API: src/browser.ts (pages, background) or
// src/messaging/ext.ts (anything the content script bundles).
const BROWSER_SHIM = [
  { name: 'wxt/browser', message: 'Import `browser` from src/browser.ts.' },
  { name: 'webextension-polyfill', message: 'Import `browser` from src/browser.ts.' },
  { name: '@wxt-dev/browser', message: 'Import `browser` from src/browser.ts.' },
];

/** Modules of src/dataset/ that only the build, the scripts and the tests run. */
const BUILD_ONLY = [
  'load', 'json-error', 'vite-plugin', 'build-guard', 'text-guard', 'compile', 'schema', 'check', 'check-*',
  'problems', 'raw', 'evidence', 'suggest', 'summary',
];

/** Tests beside the modules they test, and their helper: Node-side code that never ships. */
const TEST_ONLY = ['**/*.test.ts', '**/*.test.tsx', 'src/**/test-fixtures.ts'];
/** Shipped code never imports a test helper (so that no bundle carries one). */
const NO_TEST_HELPERS = { group: ['**/test-fixtures', '**/*.test'], message: 'Test-only code: import it from tests alone.' };

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty-pattern': 'off',
      'no-restricted-imports': ['error', { paths: BROWSER_SHIM }],
    },
  },
  {
    // What ships (the background, the content script, the pages) never imports the dataset's
    // build code: the Node modules (load.ts reads files, vite-plugin.ts and build-guard.ts run in
    // the build) nor the check and the compiler, which need zod's full build. The shapes it
    // receives are src/dataset/compiled.ts, ref.ts and kinds.ts (types of schema.ts are free).
    files: ['entrypoints/**', 'src/background/**', 'src/page/**', 'src/ui/**', 'src/messaging/**', 'src/matching/**', 'src/sites/**'],
    ignores: TEST_ONLY,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: BROWSER_SHIM,
          patterns: [
            NO_TEST_HELPERS,
            { group: ['node:*'], message: 'Node modules belong to the build (src/dataset/load.ts, vite-plugin.ts, build-guard.ts, src/build/).' },
            {
              group: BUILD_ONLY.map((name) => `**/dataset/${name}`),
              allowTypeImports: true,
              message: 'Build-time dataset code: the extension imports the runtime shapes (src/dataset/compiled.ts, ref.ts, kinds.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // The background imports one UI module, for a reason: the context menu's title is a string the
    // reader sees, from the same i18n module as every other one.
    files: ['src/background/**', 'entrypoints/background.ts'],
    ignores: TEST_ONLY,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: BROWSER_SHIM,
          patterns: [
            NO_TEST_HELPERS,
            { group: ['node:*'], message: 'Node modules belong to the build.' },
            { group: BUILD_ONLY.map((name) => `**/dataset/${name}`), allowTypeImports: true, message: 'Build-time dataset code.' },
            { group: ['**/ui/*', '**/ui/**', '!**/ui/i18n'], message: 'The background holds no UI: only src/ui/i18n.ts, for the strings it shows.' },
          ],
        },
      ],
    },
  },
  {
    // The extension's own code: dataset and page text are only ever text, no raw HTML anywhere.
    // (Tests may build fixture DOM with innerHTML.)
    files: ['src/**', 'entrypoints/**'],
    ignores: TEST_ONLY,
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Render text, never HTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render text, never HTML.' },
      ],
    },
  },
  {
    // Unit tests beside their modules (src/**/*.test.ts) are tests, not what ships: like those in
    // tests/, they may load and compile the dataset with its build code, and build fixture DOM.
    files: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: BROWSER_SHIM }],
      'no-restricted-syntax': 'off',
    },
  },
);
