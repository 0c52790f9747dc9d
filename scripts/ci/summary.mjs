// Sums the test runners' own JSON reports into CI's closing line: "N passed, N failed[, N skipped]".
// Failed CI steps that are not test runners (typecheck, lint, builds) make the exit code non-zero.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...failedSteps] = process.argv.slice(2);
let passed = 0, failed = 0, skipped = 0;
const missing = [];

const vitest = join(dir, 'vitest.json');
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
} else missing.push('vitest');

for (const name of ['playwright.json', 'playwright-corpus.json']) {
  const file = join(dir, name);
  if (!existsSync(file)) { if (name === 'playwright.json') missing.push('playwright'); continue; }
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  passed += s.expected + (s.flaky ?? 0); failed += s.unexpected; skipped += s.skipped;
  console.log(`${name}: ${s.expected} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
}
// node's test runner (the Firefox suite) writes TAP: its last "# pass N" etc. lines are the totals.
const tap = join(dir, 'firefox.tap');
if (existsSync(tap)) {
  const text = readFileSync(tap, 'utf8');
  const n = (k) => Number([...text.matchAll(new RegExp(`^# ${k} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
  passed += n('pass'); failed += n('fail') + n('cancelled'); skipped += n('skipped') + n('todo');
  console.log(`firefox: ${n('pass')} passed, ${n('fail') + n('cancelled')} failed`);
} else missing.push('firefox');

if (missing.length) { console.log(`no report from: ${missing.join(', ')}`); failed += missing.length; }
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || failedSteps.length > 0 ? 1 : 0);
