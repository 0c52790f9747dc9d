// Sums the test runners' own JSON reports into CI's closing line: "N passed, N failed[, N skipped]".
// Failed CI steps that are not test runners (typecheck, lint, builds) make the exit code non-zero.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...failedSteps] = process.argv.slice(2);
let passed = 0, failed = 0, skipped = 0, flaky = 0;

/** Titles of the tests Playwright marked flaky: failed first, then passed on a retry. */
function flakyTitles(report) {
  const out = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) for (const t of spec.tests ?? []) if (t.status === 'flaky') out.push([...path, spec.title].join(' › '));
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const s of report.suites ?? []) walk(s, [s.title]);
  return out;
}
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
  // A test that passed only on a retry is counted as passed, and named and counted as flaky.
  passed += s.expected + (s.flaky ?? 0); failed += s.unexpected; skipped += s.skipped; flaky += s.flaky ?? 0;
  console.log(`${name}: ${s.expected + (s.flaky ?? 0)} passed (${s.flaky ?? 0} flaky), ${s.unexpected} failed, ${s.skipped} skipped`);
  for (const title of flakyTitles(JSON.parse(readFileSync(file, 'utf8')))) console.log(`  flaky (passed on retry): ${title}`);
}
// node's test runner (the Firefox suite, the package checks) writes TAP: its last "# pass N" etc. lines are the totals.
for (const name of ['firefox', 'package']) {
  const tap = join(dir, `${name}.tap`);
  if (!existsSync(tap)) { missing.push(name); continue; }
  const text = readFileSync(tap, 'utf8');
  const n = (k) => Number([...text.matchAll(new RegExp(`^# ${k} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
  passed += n('pass'); failed += n('fail') + n('cancelled'); skipped += n('skipped') + n('todo');
  console.log(`${name}: ${n('pass')} passed, ${n('fail') + n('cancelled')} failed`);
}

if (missing.length) { console.log(`no report from: ${missing.join(', ')}`); failed += missing.length; }
if (flaky) console.log(`flaky: ${flaky} test(s) passed only on a retry (named above)`);
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || failedSteps.length > 0 ? 1 : 0);
