/**
 * The benchmark: how long the extension takes on real pages, against a floor and against mark.js,
 * with the bundled dataset, with the seed article alone (the baseline the dataset's growth is
 * measured against), and with a synthetic one of 10,000 actors and 50,000 aliases.
 *
 *   npm run bench [-- <folder>] [--all] [--sample <n>] [--only <s>] [--repeat <n>] [--no-build] [--json <file>]
 *
 * <folder>     pages to load (default ../shared/corpus); MANIFEST.tsv lists them if present,
 *              otherwise every .html file below the folder
 * --all        every page; by default the pages over 500 KB plus <n> smaller ones (--sample, 8),
 *              evenly spread over the sizes, which keeps a run to a few minutes on 2 cores
 * --only <s>   only the pages whose path contains <s> (repeatable)
 * --repeat <n> load each page n times for ours and for the floor and keep the median (default 1):
 *              steadier figures on a busy machine, n times the run time
 * --no-build   reuse the two builds from a previous run (.output/bench/)
 * --json       also write every figure to a file
 *
 * What it does, all in one run, in headless Chromium with the real built extension:
 * 1. Builds the extension three times: with the bundled dataset, with the seed article alone
 *    (tests/bench/seed-alone-dataset.ts) and with the synthetic one (tests/bench/synthetic-dataset.ts;
 *    the build's dataset check must pass on both), into .output/bench/{seed,seed-alone,synthetic}.
 * 2. Serves the folder from 127.0.0.1 (every request that leaves it is aborted), switches the
 *    extension on for 127.0.0.1 and off for localhost, and for each page:
 *    - ours: loads it at 127.0.0.1 and reads the `newslens:pass` measure the content script
 *      leaves (its start → highlights registered, with its parts) and our longest slice of
 *      work, which is our longest task (the content script times its slices: Chromium does not
 *      attribute long tasks to an extension's script);
 *    - floor: loads the page again at localhost (extension off there) and runs a TreeWalker over
 *      the same text nodes, reading every character once (tests/bench/in-page.ts): its first
 *      run, cold like our pass, is the floor (the median of 4 more, warm, goes to --json);
 *    - mark.js: then, on that load, injects mark.js and marks every alias of the dataset, whole
 *      words, across elements;
 *    - then the same page with the synthetic build, and with the seed-alone build, for the growth
 *      of our cost with the dataset.
 *    Each run starts with one untimed page load, so that the service worker's own start is not
 *    counted as the first page's cost.
 * 3. Prints per page and medians, and the content script's minified size. Figures are printed,
 *    never asserted: timings vary with the machine, ratios measured in one run much less.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BrowserContext, Page } from '@playwright/test';
import { compileIndex } from '../../src/dataset/compile';
import { loadDataset } from '../../src/dataset/load';
import { SKIPPED_TAGS } from '../../src/page/block-kinds';
import type { FloorReading, PassReading } from './in-page';
import { writeSeedAloneDataset } from './seed-alone-dataset';
import { writeSyntheticDataset } from './synthetic-dataset';
import { formatReport, type PageFigures } from './report';
import { setPreferences } from '../support/extension-state';
import { launchWithExtension } from '../support/launch';
import { serveStatic } from '../support/serve';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const OUT = resolve(REPO, '.output/bench');
const SEED_DATASET = resolve(REPO, 'assets/dataset');
const LARGE_BYTES = 500 * 1024;
const MARKJS_OPTIONS = { separateWordSearch: false, accuracy: 'exactly', acrossElements: true, diacritics: true };

interface Options {
  folder: string;
  all: boolean;
  sample: number;
  build: boolean;
  json: string | null;
  only: string[];
  repeat: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { folder: resolve(REPO, '../shared/corpus'), all: false, sample: 8, build: true, json: null, only: [], repeat: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--all') options.all = true;
    else if (a === '--no-build') options.build = false;
    else if (a === '--sample') options.sample = Number(argv[++i]);
    else if (a === '--json') options.json = resolve(argv[++i] ?? 'bench.json');
    else if (a === '--only') options.only.push(argv[++i] ?? '');
    else if (a === '--repeat') options.repeat = Number(argv[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else options.folder = resolve(a);
  }
  if (!Number.isInteger(options.sample) || options.sample < 0) throw new Error('--sample wants a whole number');
  if (!Number.isInteger(options.repeat) || options.repeat < 1) throw new Error('--repeat wants a whole number from 1');
  return options;
}

interface PageFile {
  path: string;
  bytes: number;
}

/** The pages to load: MANIFEST.tsv's `file` column, or every .html file; by size. */
function listPages(folder: string): PageFile[] {
  const manifest = join(folder, 'MANIFEST.tsv');
  let paths: string[];
  if (existsSync(manifest)) {
    const [header, ...rows] = readFileSync(manifest, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const col = header!.split('\t').indexOf('file');
    paths = rows.map((r) => r.split('\t')[col]!);
  } else {
    paths = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.html?$/i.test(name)) paths.push(relative(folder, full));
      }
    };
    walk(folder);
  }
  return paths.map((path) => ({ path, bytes: statSync(join(folder, path)).size })).sort((a, b) => a.bytes - b.bytes);
}

/** Every large page, plus `sample` smaller ones evenly spread over the sizes. */
export function selectPages(pages: PageFile[], all: boolean, sample: number): PageFile[] {
  if (all) return pages;
  const large = pages.filter((p) => p.bytes > LARGE_BYTES);
  const small = pages.filter((p) => p.bytes <= LARGE_BYTES);
  const picked: PageFile[] = [];
  for (let k = 0; k < Math.min(sample, small.length); k++) picked.push(small[Math.floor(((k + 0.5) * small.length) / sample)]!);
  return [...picked, ...large];
}

function buildExtension(outDir: string, dataset: string | null): void {
  const env: NodeJS.ProcessEnv = { ...process.env, NEWSLENS_OUT: outDir, NEWSLENS_BENCH: '1', WXT_TELEMETRY: '0' };
  if (dataset) env.NEWSLENS_DATASET = dataset;
  else delete env.NEWSLENS_DATASET;
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: REPO, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wxt build failed for ${outDir}:\n${r.stdout}\n${r.stderr}`);
}

async function inPageScript(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(REPO, 'tests/bench/in-page.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__newslensBench',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface RunResult {
  ours: PassReading | null;
  /** The floor's first (cold) run. */
  floor: FloorReading | null;
  /** The median of its next 4 runs. */
  floorWarm: number;
  markjs: { ms: number; marks: number } | null;
  error?: string;
}

async function openContext(extensionDir: string) {
  const launched = await launchWithExtension({ extensionDir });
  await launched.context.route(/.*/, (route) => {
    const url = new URL(route.request().url());
    if (url.protocol.startsWith('http') && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return route.abort();
    return route.continue();
  });
  await setPreferences(launched.serviceWorker, { sites: { '127.0.0.1': 'on', localhost: 'off' } });
  return launched;
}

const message = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0]! : String(e));

/**
 * A page that never settles (it reloads itself, or hangs its main thread) must not hang the run:
 * after this long its tab is closed, which rejects whatever was waiting on it, and the page is
 * reported with an error like any other failure.
 */
const PAGE_DEADLINE_MS = 120_000;
/**
 * The same deadline, kept by the run itself: if even closing the tab hangs (a page that reloads
 * itself has been seen to stall its tab for minutes), the run gives up on the page and goes on.
 */
function withDeadline<T>(work: Promise<T>, what: string, ms = PAGE_DEADLINE_MS + 30_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result in ${Math.round(ms / 1000)} s`)), ms);
  });
  work.catch(() => {}); // it may still fail after the deadline: nobody listens then
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function closeAtDeadline(page: Page): () => void {
  const timer = setTimeout(() => void page.close().catch(() => {}), PAGE_DEADLINE_MS);
  return () => clearTimeout(timer);
}

/** Our pass on a fresh load of the page at 127.0.0.1, where the extension is on. */
async function measureOurs(context: BrowserContext, url: string, script: string): Promise<PassReading> {
  const page = await context.newPage();
  const disarm = closeAtDeadline(page);
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  try {
    await page.addInitScript(`${script};__newslensBench.recordLongTasks();`);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page
      .waitForFunction(() => performance.getEntriesByName('newslens:pass').length > 0, null, { timeout: 30_000 })
      .catch((e: unknown) => {
        // A page whose scripts reload it (some do when their requests fail) never lets a pass end.
        throw navigations > 2 ? new Error(`the page reloads itself (${navigations} loads in 30 s)`) : e;
      });
    // Let the long-task entries of the pass's last tasks arrive.
    await page.waitForTimeout(200);
    const reading = (await page.evaluate(`${script};__newslensBench.readPass()`)) as PassReading | null;
    if (!reading) throw new Error(navigations > 2 ? `the page reloads itself (${navigations} loads)` : 'no newslens:pass measure');
    return reading;
  } catch (e) {
    throw page.isClosed() ? new Error(`no result in ${PAGE_DEADLINE_MS / 1000} s (${navigations} loads)`) : e;
  } finally {
    disarm();
    void page.close().catch(() => {}); // not awaited: a stalled tab must not stall the run
  }
}

/**
 * The floor, and mark.js, on a fresh load at localhost, where the extension is switched off:
 * the floor's first run is as cold as our pass (nothing has read the page's text yet), and
 * mark.js changes the DOM.
 */
async function measureFloor(context: BrowserContext, url: string, script: string, markjs: { source: string; terms: string[] } | null) {
  const page = await context.newPage();
  const disarm = closeAtDeadline(page);
  try {
    await page.goto(url.replace('127.0.0.1', 'localhost'), { waitUntil: 'load', timeout: 60_000 });
    const floors: FloorReading[] = [];
    for (let i = 0; i < 5; i++) floors.push((await page.evaluate(`${script};__newslensBench.floor(${JSON.stringify(SKIPPED_TAGS)})`)) as FloorReading);
    let marked: { ms: number; marks: number } | null = null;
    if (markjs) {
      await page.evaluate(markjs.source);
      marked = (await page.evaluate(
        `${script};__newslensBench.markjs(${JSON.stringify(markjs.terms)}, ${JSON.stringify(MARKJS_OPTIONS)})`,
      )) as { ms: number; marks: number };
    }
    return { floor: floors[0]!, floorWarm: median(floors.slice(1).map((f) => f.ms)), markjs: marked };
  } catch (e) {
    throw page.isClosed() ? new Error(`no result in ${PAGE_DEADLINE_MS / 1000} s`) : e;
  } finally {
    disarm();
    void page.close().catch(() => {});
  }
}

/** The reading whose pass took the median time (the lower one of two). */
function medianBy<T>(xs: T[], key: (x: T) => number): T | null {
  const sorted = [...xs].sort((a, b) => key(a) - key(b));
  return sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)]!;
}

async function runAll(
  extensionDir: string,
  origin: string,
  pages: PageFile[],
  script: string,
  options: { markjs: { source: string; terms: string[] } | null; floor: boolean; repeat: number; label: string },
): Promise<RunResult[]> {
  const launched = await openContext(extensionDir);
  const results: RunResult[] = [];
  try {
    // One untimed load first: the service worker's start (reading the dataset, and for a large
    // one building its table of first words) is paid once per worker start, not by every page.
    if (pages[0]) await withDeadline(measureOurs(launched.context, `${origin}/${pages[0].path.split('/').map(encodeURIComponent).join('/')}`, script), 'warm-up').catch(() => null);
    for (const [i, p] of pages.entries()) {
      process.stderr.write(`\r${options.label}: page ${i + 1}/${pages.length}   `);
      const url = `${origin}/${p.path.split('/').map(encodeURIComponent).join('/')}`;
      const result: RunResult = { ours: null, floor: null, floorWarm: Number.NaN, markjs: null };
      try {
        const ours: PassReading[] = [];
        for (let r = 0; r < options.repeat; r++) ours.push(await withDeadline(measureOurs(launched.context, url, script), 'our pass'));
        result.ours = medianBy(ours, (o) => o.pass);
        if (options.floor) {
          const floors: { floor: FloorReading; floorWarm: number; markjs: { ms: number; marks: number } | null }[] = [];
          // mark.js only once: it is slow, and far from the figures that vary.
          for (let r = 0; r < options.repeat; r++) floors.push(await withDeadline(measureFloor(launched.context, url, script, r === 0 ? options.markjs : null), 'floor and mark.js'));
          const mid = medianBy(floors, (f) => f.floor.ms)!;
          result.floor = mid.floor;
          result.floorWarm = mid.floorWarm;
          result.markjs = floors[0]!.markjs;
        }
      } catch (e) {
        result.error = message(e);
      }
      results.push(result);
    }
  } finally {
    process.stderr.write('\n');
    await withDeadline(launched.close(), 'closing the browser', 30_000).catch(() => {});
  }
  return results;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const listed = listPages(options.folder);
  const pages = options.only.length > 0 ? listed.filter((p) => options.only.some((s) => p.path.includes(s))) : selectPages(listed, options.all, options.sample);
  const seedOut = join(OUT, 'seed');
  const synthOut = join(OUT, 'synthetic');
  const synthDataset = join(OUT, 'dataset');
  const aloneOut = join(OUT, 'seed-alone');
  const aloneDataset = join(OUT, 'seed-alone-dataset');
  if (options.build) {
    process.stderr.write('building the extension with the bundled dataset…\n');
    buildExtension(seedOut, null);
    const alone = writeSeedAloneDataset(SEED_DATASET, aloneDataset);
    process.stderr.write(`building it with the seed article alone (${alone.actors} actors)…\n`);
    buildExtension(aloneOut, aloneDataset);
    const counts = writeSyntheticDataset(SEED_DATASET, synthDataset);
    process.stderr.write(`building it with the synthetic dataset (${counts.actors} actors, ${counts.aliases} aliases)…\n`);
    buildExtension(synthOut, synthDataset);
  }
  const seed = loadDataset(SEED_DATASET).dataset;
  const synthetic = loadDataset(synthDataset).dataset;
  if (!seed || !synthetic) throw new Error('a dataset failed its check');
  const seedIndex = compileIndex(seed, 'bench');
  const synthIndex = compileIndex(synthetic, 'bench');
  const terms = [...new Set(seedIndex.aliases.map((a) => a.text))];
  const script = await inPageScript();
  const markSource = readFileSync(resolve(REPO, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

  const server = await serveStatic(options.folder);
  let seedResults: RunResult[];
  let synthResults: RunResult[];
  let aloneResults: RunResult[];
  try {
    const repeat = options.repeat;
    seedResults = await runAll(join(seedOut, 'chrome-mv3'), server.origin, pages, script, { markjs: { source: markSource, terms }, floor: true, repeat, label: 'seed dataset' });
    synthResults = await runAll(join(synthOut, 'chrome-mv3'), server.origin, pages, script, { markjs: null, floor: false, repeat, label: 'synthetic dataset' });
    aloneResults = await runAll(join(aloneOut, 'chrome-mv3'), server.origin, pages, script, { markjs: null, floor: false, repeat, label: 'seed article alone' });
  } finally {
    await server.close();
  }

  const figures: PageFigures[] = pages.map((p, i) => ({
    page: p.path,
    bytes: p.bytes,
    floor: seedResults[i]!.floor?.ms ?? Number.NaN,
    chars: seedResults[i]!.floor?.chars ?? 0,
    ours: seedResults[i]!.ours,
    markjs: seedResults[i]!.markjs,
    floorWarm: seedResults[i]!.floorWarm,
    synthetic: synthResults[i]!.ours,
    error: seedResults[i]!.error ?? synthResults[i]!.error,
  }));
  const contentBytes = statSync(join(seedOut, 'chrome-mv3/content-scripts/content.js')).size;
  const command = `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`;
  console.log(
    formatReport(figures, {
      command,
      seconds: (Date.now() - started) / 1000,
      contentBytes,
      seed: { actors: seedIndex.actors.length, aliases: seedIndex.aliases.length, terms: terms.length },
      synthetic: { actors: synthIndex.actors.length, aliases: synthIndex.aliases.length },
      largeBytes: LARGE_BYTES,
      markjsOptions: MARKJS_OPTIONS,
    }),
  );
  const growth = datasetGrowth(seedResults, aloneResults);
  console.log(
    [
      '',
      `bundled dataset (${seed.articles.length} articles, ${seed.actors.length} actors) against the seed article alone, median over the pages (target ≤ 1.1×):`,
      `  full pass ${ratioText(growth.pass)}, start-up (modules start + settings and index) ${ratioText(growth.startup)}, over ${growth.pages} pages`,
    ].join('\n'),
  );
  if (options.json) writeFileSync(options.json, JSON.stringify({ command, contentBytes, figures, seedAlone: aloneResults.map((r) => r.ours), growth }, null, 2));
}

/** Median over the pages of bundled ÷ seed-alone, for the whole pass and for its start-up. */
function datasetGrowth(bundled: RunResult[], alone: RunResult[]): { pass: number; startup: number; pages: number } {
  const pairs = bundled.map((b, i) => [b.ours, alone[i]?.ours] as const).filter((p): p is readonly [PassReading, PassReading] => Boolean(p[0] && p[1]));
  const median = (xs: number[]) => {
    const sorted = xs.filter(Number.isFinite).sort((a, b) => a - b);
    return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)]!;
  };
  return {
    pass: median(pairs.map(([b, a]) => b.pass / a.pass)),
    startup: median(pairs.map(([b, a]) => (b.startup + b.waiting) / (a.startup + a.waiting))),
    pages: pairs.length,
  };
}

function ratioText(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a';
}

main().then(
  // Exit now: a browser that would not close must not keep the run (and CI) waiting.
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
