import { defineConfig } from 'vitest/config';

// Unit tests: pure code only (no browser), each beside the module it tests (src/**, and the
// dataset tools in scripts/; scripts/release/ has node:test files, run by `npm run test:package`).
// tests/eval/score.test.ts checks the eval's arithmetic. DOM and extension tests run in real
// Chromium through Playwright (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/*.test.ts', 'tests/eval/*.test.ts'],
    environment: 'node',
  },
});
