/**
 * `npm run test:corpus [-- <corpus-dir>] [-- <playwright options>]`: the corpus run
 * (tests/corpus/corpus.spec.ts, playwright.corpus.config.ts) against the tests' build of the
 * extension (tests/support/test-build.ts: the readers' code, with a card tests can read), which the run
 * makes first; $NEWSLENS_OUT/chrome-mv3 (default .output/chrome-mv3) must exist as well.
 *
 * The corpus folder is the first argument that is not an option (or CORPUS_DIR, or
 * ../shared/corpus beside the repository); every other argument goes to Playwright (`-g bbc` to
 * run one page, `--output <dir>` for Playwright's own output). PW_JSON_REPORT writes the JSON
 * report that CI sums and `npm run trust:report` reads. Prints the run's wall time and the
 * machine's load, which the timings in the table depend on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { resolve } from 'node:path';
import { CHROME_BUILD } from '../support/launch';

const args = process.argv.slice(2);
const env = { ...process.env };
// Options that take a value: their value is not the corpus folder.
const VALUED = new Set(['-g', '--grep', '--grep-invert', '--output', '--reporter', '--timeout', '--repeat-each', '-j', '--workers', '--shard', '--project', '-c', '--config']);
const rest: string[] = [];
let dirGiven = false;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (VALUED.has(arg)) {
    rest.push(arg, args[++i] ?? '');
  } else if (!arg.startsWith('-') && !dirGiven && existsSync(arg)) {
    env.CORPUS_DIR = resolve(arg);
    dirGiven = true;
  } else {
    rest.push(arg);
  }
}

if (!existsSync(resolve(CHROME_BUILD, 'manifest.json'))) {
  console.error(`No build at ${CHROME_BUILD}: build first (npm run build), or set NEWSLENS_OUT to a build's folder.`);
  process.exit(2);
}

const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');
console.log(`corpus: ${env.CORPUS_DIR ?? '../shared/corpus'}; extension: ${CHROME_BUILD}; load average ${load()} on ${cpus().length} cores`);
const started = Date.now();
const run = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.corpus.config.ts', ...rest], { stdio: 'inherit', env });
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`corpus run: ${seconds} s wall; load average at the end ${load()}`);
process.exit(run.status ?? 1);
