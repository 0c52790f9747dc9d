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
  retries: 0,
  reporter: [
    ['list'],
    ['./tests/corpus/table-reporter.ts'],
    ...(process.env.PW_JSON_REPORT ? [['json', { outputFile: process.env.PW_JSON_REPORT }] as ['json', { outputFile: string }]] : []),
  ],
  outputDir: process.env.PW_OUTPUT_DIR ?? '.output/corpus-results',
});
