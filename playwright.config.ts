import { defineConfig } from '@playwright/test';

/**
 * Browser tests, in real Chromium (Debian's by default; set CHROMIUM_PATH to use another).
 * - dom: our page-side modules bundled and run in a plain page (no extension).
 * - e2e: the built extension (.output/chrome-mv3) loaded into Chromium, on pages served from 127.0.0.1.
 * Two cores on CI machines: one worker keeps timings honest and the runs repeatable.
 */
export default defineConfig({
  testDir: 'tests',
  testMatch: ['dom/**/*.spec.ts', 'e2e/**/*.spec.ts'],
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: process.env.PW_JSON_REPORT
    ? [['list'], ['json', { outputFile: process.env.PW_JSON_REPORT }]]
    : [['list']],
  outputDir: '.output/test-results',
  projects: [
    { name: 'dom', testMatch: 'dom/**/*.spec.ts' },
    { name: 'e2e', testMatch: 'e2e/**/*.spec.ts' },
  ],
});
