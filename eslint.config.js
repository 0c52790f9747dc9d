import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
      // One way in to the browser's extension API: src/browser.ts (pages, background) or
      // src/messaging/ext.ts (anything the content script bundles).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'wxt/browser', message: 'Import `browser` from src/browser.ts.' },
            { name: 'webextension-polyfill', message: 'Import `browser` from src/browser.ts.' },
            { name: '@wxt-dev/browser', message: 'Import `browser` from src/browser.ts.' },
          ],
        },
      ],
    },
  },
  {
    // The extension's own code: dataset and page text are only ever text, no raw HTML anywhere.
    // (Tests may build fixture DOM with innerHTML.)
    files: ['src/**', 'entrypoints/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Render text, never HTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render text, never HTML.' },
      ],
    },
  },
);
