import { defineConfig } from 'vitest/config';

// Unit tests: pure code only (no browser), beside the module they test (src/**/<module>.test.ts)
// or, for those not moved yet, in tests/unit/. DOM and extension tests run in real Chromium
// through Playwright (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
