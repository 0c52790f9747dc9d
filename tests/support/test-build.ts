/**
 * The browser tests' own build of the extension: as a reader's build, but for the card, whose
 * shadow root is open and whose host is `<newslens-ui>` (NEWSLENS_TEST_CARD=open, wxt.config.ts),
 * and for the highlight groups' names, which keep no random ending. Tests read the card with
 * ordinary locators and the highlights by name. Readers' builds (`npm run build`, `npm run zip`)
 * close the root, draw a random tag and random names per load; tests/e2e/hostile-attacks.spec.ts
 * and tests/firefox/hostile.test.ts load those builds and check that a page cannot reach them.
 *
 * Built once per test process, into .output/test-build/<browser>/ (a few seconds).
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const built = new Map<string, string>();

/** Builds the test variant (with `env` added, e.g. another dataset) and returns the folder to load. */
export function testBuild(browser: 'chrome' | 'firefox', name = 'default', env: Record<string, string> = {}): string {
  const key = `${browser}:${name}`;
  const cached = built.get(key);
  if (cached) return cached;
  const out = resolve('.output/test-build', browser, name);
  execFileSync('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], {
    env: { ...process.env, ...env, NEWSLENS_TEST_CARD: 'open', NEWSLENS_OUT: out },
    stdio: 'pipe',
  });
  const dir = join(out, browser === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
  built.set(key, dir);
  return dir;
}
