/**
 * `npm run trust:report [-- --corpus <json>] [-- --e2e <json>] [-- --bar <ms>] [-- --wall] [-- --no-fail]`
 *
 * The trust figures, from the JSON reports of a corpus run (PW_JSON_REPORT of `npm run
 * test:corpus`; default .output/ci/playwright-corpus.json) and of the browser tests with the
 * hostile pages (default .output/ci/playwright.json): the table per page, the hostile fixtures,
 * and the totals the README's Trust section quotes. Then the bars, which the test suites leave to
 * this script because timings are not test results:
 * - no DOM change and no error introduced on any corpus page, every hostile fixture passed;
 * - no task of the extension over `--bar` ms (default 50) on any page or fixture.
 *
 * Task length is the extension's share of a main-thread JS entry's thread time by default: on a
 * shared or busy machine the wall time of a task also counts the time the OS gave other
 * processes, which is not the extension's doing (on a quiet machine the two agree). `--wall`
 * holds wall time to the bar instead. Exits 1 when a bar is not met, unless `--no-fail`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe } from '../support/task-trace';
import { formatTable, totals } from './table-reporter';
import type { CorpusResult } from './result';

interface Annotation {
  type: string;
  description?: string;
}
interface JsonTest {
  status?: string;
  results: { status: string; annotations?: Annotation[] }[];
  annotations?: Annotation[];
}
interface JsonSuite {
  title: string;
  specs?: { title: string; tests: JsonTest[] }[];
  suites?: JsonSuite[];
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const flag = (name: string) => process.argv.includes(name);

/** Every test of a report with its outcome and annotations. */
function tests(file: string): { title: string; outcome: string; annotations: Annotation[] }[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { suites: JsonSuite[] };
  const out: { title: string; outcome: string; annotations: Annotation[] }[] = [];
  const walk = (suite: JsonSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        const last = t.results[t.results.length - 1];
        out.push({
          title: spec.title,
          outcome: last?.status ?? 'skipped',
          // The last attempt's first: a page retried once is judged by its retry.
          annotations: [...(last?.annotations ?? []), ...(t.annotations ?? []), ...t.results.flatMap((r) => r.annotations ?? [])],
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const s of report.suites) walk(s);
  return out;
}

interface HostileRecord {
  fixture: string;
  extLongestMs: number;
  extLongestCpuMs: number;
  extLongestWhat: string;
  extTotalMs: number;
  heartbeatMaxGapMs: number;
}

const BAR = Number(option('--bar', '50'));
const wall = flag('--wall');
const measure = (t: { ms: number; cpuMs: number } | null | undefined) => (t ? (wall ? t.ms : t.cpuMs) : 0);
const failures: string[] = [];

const corpusFile = option('--corpus', '.output/ci/playwright-corpus.json');
const e2eFile = option('--e2e', '.output/ci/playwright.json');

if (existsSync(corpusFile)) {
  const rows = tests(corpusFile).flatMap((t) => {
    const a = t.annotations.find((x) => x.type === 'corpus');
    return a?.description ? [{ result: JSON.parse(a.description) as CorpusResult, outcome: t.outcome }] : [];
  });
  console.log(`# Corpus (${corpusFile})\n`);
  console.log(formatTable(rows));
  const s = totals(rows);
  if (s.passed < s.pages) failures.push(`${s.pages - s.passed} corpus page(s) failed their checks`);
  if (s.domChanges > 0) failures.push(`${s.domChanges} DOM change(s) by the extension on corpus pages`);
  if (s.errorsIntroduced > 0) failures.push(`${s.errorsIntroduced} error(s) introduced on corpus pages`);
  for (const { result: r } of rows) {
    const t = r.tasks.extensionLongest;
    if (t && measure(t) > BAR) failures.push(`${r.file}: extension task of ${measure(t)} ms, ${describe(t)}, over ${BAR} ms`);
  }
} else {
  console.log(`(no corpus report at ${corpusFile}: run PW_JSON_REPORT=${corpusFile} npm run test:corpus)`);
}

if (existsSync(e2eFile)) {
  const hostile = tests(e2eFile).flatMap((t) => {
    const a = t.annotations.find((x) => x.type === 'hostile');
    return a?.description ? [{ record: JSON.parse(a.description) as HostileRecord, outcome: t.outcome, title: t.title }] : [];
  });
  console.log(`\n# Hostile pages (${e2eFile})\n`);
  console.log(`${'fixture'.padEnd(32)} ${'result'.padEnd(7)} ${'ext ms'.padStart(7)} ${'cpu'.padStart(7)} ${'gap ms'.padStart(7)}  longest`);
  for (const { record: r, outcome } of hostile) {
    console.log(
      `${r.fixture.padEnd(32).slice(0, 32)} ${(outcome === 'passed' ? 'ok' : outcome.toUpperCase()).padEnd(7)} ${String(r.extLongestMs).padStart(7)} ${String(r.extLongestCpuMs).padStart(7)} ${String(r.heartbeatMaxGapMs).padStart(7)}  ${r.extLongestWhat}`,
    );
    if (outcome !== 'passed') failures.push(`hostile ${r.fixture}: ${outcome}`);
    const t = { ms: r.extLongestMs, cpuMs: r.extLongestCpuMs };
    if (measure(t) > BAR) failures.push(`hostile ${r.fixture}: extension task of ${measure(t)} ms, ${r.extLongestWhat}, over ${BAR} ms`);
  }
  const survived = hostile.filter((h) => h.outcome === 'passed').length;
  console.log(`\nhostile fixtures survived: ${survived}/${hostile.length} (gap ms = the page's longest heartbeat gap after DOMContentLoaded, whoever held the thread)`);
} else {
  console.log(`(no browser-test report at ${e2eFile}: run PW_JSON_REPORT=${e2eFile} npx playwright test)`);
}

console.log(`\n# Bars (task length: ${wall ? 'wall time' : 'thread time'}; bar ${BAR} ms)`);
if (failures.length === 0) console.log('all met');
for (const f of failures) console.log(`NOT MET: ${f}`);
process.exit(failures.length > 0 && !flag('--no-fail') ? 1 : 0);
