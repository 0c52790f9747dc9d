import { defineConfig } from '@playwright/test';

/**
 * The corpus run (`npm run test:corpus`): every page of ../shared/corpus (or CORPUS_DIR) with the
 * built extension ($NEWSLENS_OUT/chrome-mv3, default .output/chrome-mv3; this run builds nothing),
 * one test per page, one worker. tests/corpus/table-reporter.ts prints the table per page and the
 * totals; PW_JSON_REPORT adds Playwright's JSON report (CI sums it, trust:report reads it).
 */
export default defineConfig({
  testDir: 'tests/corpus',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  // One retry per page. These are real publishers' pages with their own scripts, loaded with the
  // extension and, at the same time, without it as the baseline: some change their DOM on timers,
  // on scroll or on reload (seen: an iframe a page adds before it reloads itself, class changes
  // on a page's own carousel), and on a loaded two-core machine the baseline does not always get
  // as far in its watch window. A page that fails twice fails the run; one that passes on the
  // retry is reported as flaky (Playwright's JSON report, and a line under the table), so that a
  // page that keeps needing the retry is seen.
  retries: 1,
  reporter: [
    ['list'],
    ['./tests/corpus/table-reporter.ts'],
    ...(process.env.PW_JSON_REPORT ? [['json', { outputFile: process.env.PW_JSON_REPORT }] as ['json', { outputFile: string }]] : []),
  ],
  outputDir: process.env.PW_OUTPUT_DIR ?? '.output/corpus-results',
});
