import { defineConfig } from 'vitest/config';

// Unit tests: pure code only (no browser). DOM and extension tests run in real Chromium
// through Playwright (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
