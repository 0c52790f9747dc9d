/**
 * `npm run eval`: how right the extension's highlights are on real pages, against labels a
 * reader wrote (tests/corpus-labels/<sha256>.json; rules in docs/matching.md).
 *
 *   npm run eval [-- <corpus-dir>] [--json] [--page <file or sha256 prefix>]… [--texts]
 *
 * - Builds nothing: it loads the Chrome build at $NEWSLENS_OUT/chrome-mv3 (default
 *   .output/chrome-mv3), so build first (`npm run build`, or `NEWSLENS_OUT=… npx wxt build`).
 * - Serves the corpus (default ../shared/corpus beside the repository) from 127.0.0.1 and aborts
 *   every request that would leave it.
 * - Switches the extension on for the site 127.0.0.1 first (tests/corpus/extension-state.ts `setSite`):
 *   the default mode highlights only pages that look like news, and the eval measures the
 *   matcher on every labelled page, news-looking or not.
 * - Loads each labelled page in headless Chromium, waits until the content script reports its
 *   scan done and its counts have stayed the same for a second, reads the per-actor and
 *   per-figure counts the popup gets (`page:state`) and the highlighted range texts from
 *   `CSS.highlights`, and scores them against the label (tests/eval/score.ts).
 * - Prints a table per page and overall (with --json: the figures as JSON on stdout), then the
 *   refs each page got wrong. Exits 1 when overall precision < 0.98 or recall < 0.95, or when a
 *   page could not be measured; 2 on a usage error.
 * --texts also prints every highlighted text per page, grouped by highlight (for labelling and
 * debugging).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { loadDataset } from '../../src/dataset/load';
import type { PageState } from '../../src/messaging/protocol';
import { CHROME_BUILD, launchWithExtension } from '../support/launch';
import { corpusDir, corpusPath, keepLocal, LABELS_DIR, readManifest, REPO_ROOT } from '../support/corpus';
import { expectedCounts, Label, meetsTarget, scoreRefs, total, TARGET, type RefCounts, type RefScore, type Score } from './score';
import { serveStatic } from '../support/serve';
import { setSite } from '../support/extension-state';

/** The `chrome` API inside the service worker, as far as the eval uses it. */
declare const chrome: {
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};

const SETTLE_MS = 1_000;
const OFF_MS = 5_000;
const POLL_MS = 250;
const PAGE_TIMEOUT_MS = 60_000;

interface PageResult extends Score {
  page: string;
  sha256: string;
  set: string;
  expected: number;
  got: number;
  refs: RefScore[];
  /** Display names of the refs the page matched. */
  names: Record<string, string>;
  /** Highlighted range texts per highlight name. */
  texts: Record<string, string[]>;
  /** From navigation until the counts settled (includes the settle wait). */
  ms: number;
  error?: string;
}

interface LabelFile {
  sha256: string;
  label: Label;
}

async function readLabels(dir: string, only: string[]): Promise<LabelFile[]> {
  const files = (await readdir(LABELS_DIR)).filter((f) => f.endsWith('.json')).sort();
  const out: LabelFile[] = [];
  for (const file of files) {
    const sha256 = basename(file, '.json');
    const label = Label.parse(JSON.parse(await readFile(join(LABELS_DIR, file), 'utf8')));
    if (only.length > 0 && !only.some((o) => label.page === o || sha256.startsWith(o))) continue;
    const path = resolve(dir, label.page);
    if (!existsSync(path)) throw new Error(`${file}: page ${label.page} is not in ${dir}`);
    const actual = createHash('sha256').update(await readFile(path)).digest('hex');
    if (actual !== sha256) throw new Error(`${file}: ${label.page} has sha256 ${actual}: the page changed, or the label is filed under the wrong name`);
    out.push({ sha256, label });
  }
  return out;
}

/** Label ids that the bundled dataset does not know: a typo there would read as a miss forever. */
function unknownIds(labels: LabelFile[]): string[] {
  const { dataset } = loadDataset(resolve(REPO_ROOT, 'assets/dataset'));
  if (!dataset) return [];
  const actors = new Set(dataset.actors.map((a) => a.id));
  const figures = new Set(dataset.articles.flatMap((a) => a.figures.map((f) => f.id)));
  const bad: string[] = [];
  for (const { sha256, label } of labels) {
    for (const id of Object.keys(label.expected.actor)) if (!actors.has(id)) bad.push(`${sha256}.json: unknown actor "${id}"`);
    for (const id of Object.keys(label.expected.figure)) if (!figures.has(id)) bad.push(`${sha256}.json: unknown figure "${id}"`);
  }
  return bad;
}

/** The top frame's `page:state` of every tab that has our content script. */
async function pageStates(sw: Worker): Promise<PageState[]> {
  return sw.evaluate(async () => {
    const states: PageState[] = [];
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const r = (await chrome.tabs.sendMessage(tab.id, { newslens: 1, type: 'page:state', payload: {} }, { frameId: 0 })) as
          | { ok: boolean; value?: PageState }
          | undefined;
        if (r?.ok && r.value) states.push(r.value);
      } catch {
        // No content script in this tab (yet).
      }
    }
    return states;
  });
}

/** Waits until the page's scan is done and its counts have not changed for SETTLE_MS. */
async function settledState(sw: Worker, path: string): Promise<PageState> {
  const deadline = Date.now() + PAGE_TIMEOUT_MS;
  let last = '';
  let stableSince = 0;
  let state: PageState | undefined;
  while (Date.now() < deadline) {
    const states = await pageStates(sw);
    // One corpus page is open at a time; a page that rewrote its URL still answers alone.
    state = states.find((s) => new URL(s.url).pathname === path) ?? (states.length === 1 ? states[0] : undefined);
    // "off" is also what a content script reports before it has read its settings: only an
    // "off" that lasts is an answer.
    if (state?.status === 'off' || state?.status === 'ready') {
      const now = state.status === 'off' ? `off:${state.decision.reason}` : JSON.stringify(state.matches);
      if (now !== last) {
        last = now;
        stableSince = Date.now();
      } else if (state.status === 'ready' && Date.now() - stableSince >= SETTLE_MS) return state;
      else if (state.status === 'off' && Date.now() - stableSince >= OFF_MS) {
        throw new Error(`the extension stays off on this page (${state.decision.reason})`);
      }
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(state ? `no stable result within ${PAGE_TIMEOUT_MS / 1000} s (status ${state.status})` : 'the content script never answered');
}

/**
 * The highlighted texts per highlight group, and how many distinct places are highlighted: a
 * range painted by two groups (its kind, and an overlay such as "disputed") is one place. The
 * passing "active" flash is left out.
 */
async function highlightTexts(page: Page): Promise<{ texts: Record<string, string[]>; places: number }> {
  // No named functions inside: tsx would wrap them in a helper (__name) that the page lacks.
  return page.evaluate(() => {
    const texts: Record<string, string[]> = {};
    const ids = new Map<Node, number>();
    const places = new Set<string>();
    for (const [name, group] of CSS.highlights) {
      if (!name.startsWith('newslens-') || name.startsWith('newslens-active')) continue;
      const list: string[] = [];
      for (const r of group) {
        const range = r as AbstractRange;
        for (const node of [range.startContainer, range.endContainer]) if (!ids.has(node)) ids.set(node, ids.size);
        places.add(`${ids.get(range.startContainer)}:${range.startOffset}:${ids.get(range.endContainer)}:${range.endOffset}`);
        let text: string;
        if (range instanceof Range) text = range.toString();
        else {
          // A StaticRange has no text of its own: read it through a live range (it may be stale).
          try {
            const live = document.createRange();
            live.setStart(range.startContainer, range.startOffset);
            live.setEnd(range.endContainer, range.endOffset);
            text = live.toString();
          } catch {
            text = '(stale range)';
          }
        }
        list.push(text.replace(/\s+/g, ' '));
      }
      texts[name.slice('newslens-'.length)] = list;
    }
    return { texts, places: places.size };
  });
}

async function measure(page: Page, sw: Worker, origin: string, file: string): Promise<{ state: PageState; texts: Record<string, string[]>; places: number }> {
  const path = corpusPath(file);
  // The content script runs at document_idle whatever the page's resources do: poll its state instead of waiting for "load".
  await page.goto(origin + path, { waitUntil: 'domcontentloaded', timeout: 30_000 }).catch(() => undefined);
  const state = await settledState(sw, new URL(origin + path).pathname);
  return { state, ...(await highlightTexts(page)) };
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function printTable(results: PageResult[], overall: Score): void {
  const rows = results.map((r) => [
    r.page.length > 58 ? `…${r.page.slice(-57)}` : r.page,
    r.set,
    String(r.expected),
    String(r.got),
    String(r.tp),
    String(r.fp),
    String(r.fn),
    r.error ? 'error' : pct(r.precision),
    r.error ? '' : pct(r.recall),
    (r.ms / 1000).toFixed(1),
  ]);
  const head = ['page', 'set', 'exp', 'got', 'tp', 'fp', 'fn', 'precision', 'recall', 's'];
  const all = [head, ...rows, ['overall', '', String(overall.tp + overall.fn), String(overall.tp + overall.fp), String(overall.tp), String(overall.fp), String(overall.fn), pct(overall.precision), pct(overall.recall), '']];
  const widths = head.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  const line = (row: string[]) => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of all.slice(1, -1)) console.log(line(row));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  console.log(line(all[all.length - 1]!));
}

function printDetails(results: PageResult[], texts: boolean): void {
  for (const r of results) {
    const wrong = r.refs.filter((s) => s.fp > 0 || s.fn > 0);
    if (!r.error && wrong.length === 0 && !texts) continue;
    console.log(`\n${r.page}`);
    if (r.error) console.log(`  error: ${r.error}`);
    for (const s of wrong) {
      const name = r.names[s.ref] ? ` (${r.names[s.ref]})` : '';
      console.log(`  ${s.ref}${name}: expected ${s.expected}, got ${s.got}${s.fp ? `, ${s.fp} too many` : ''}${s.fn ? `, ${s.fn} missed` : ''}`);
    }
    if (texts) {
      for (const [group, list] of Object.entries(r.texts)) {
        const counts = new Map<string, number>();
        for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1);
        console.log(`  ${group}: ${[...counts].map(([t, n]) => (n > 1 ? `${t} ×${n}` : t)).join(' | ')}`);
      }
    }
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const showTexts = args.includes('--texts');
  const only: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--page') only.push(args[++i] ?? '');
    else if (a === '--json' || a === '--texts') continue;
    else if (a.startsWith('--')) {
      console.error(`unknown option ${a}\nusage: npm run eval -- [corpus-dir] [--json] [--page <file or sha256 prefix>]… [--texts]`);
      return 2;
    } else positional.push(a);
  }
  const log = json ? console.error : console.log;
  const dir = corpusDir(positional);
  if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) {
    console.error(`no Chrome build at ${CHROME_BUILD}: run \`npm run build\` first (or set NEWSLENS_OUT to a build folder)`);
    return 2;
  }
  const labels = await readLabels(dir, only);
  if (labels.length === 0) {
    console.error(`no labels in ${LABELS_DIR}${only.length ? ' for the pages given' : ''}`);
    return 2;
  }
  const bad = unknownIds(labels);
  for (const b of bad) console.error(b);
  if (bad.length > 0) return 2;
  const manifest = new Map((await readManifest(dir)).map((r) => [r.file, r]));

  log(`eval: ${labels.length} labelled pages from ${dir}, extension ${CHROME_BUILD}, every site switched on`);
  const server = await serveStatic(dir);
  const ext = await launchWithExtension({ extensionDir: CHROME_BUILD });
  const results: PageResult[] = [];
  try {
    const aborted = await keepLocal(ext.context);
    await setSite(ext.serviceWorker, '127.0.0.1', 'on');
    for (const { sha256, label } of labels) {
      const expected = expectedCounts(label);
      const started = Date.now();
      const page = await ext.context.newPage();
      let result: PageResult;
      try {
        const { state, texts, places } = await measure(page, ext.serviceWorker, server.origin, label.page);
        const got: RefCounts = {};
        const names: Record<string, string> = {};
        for (const m of state.matches) {
          const key = `${m.ref.type}:${m.ref.id}`;
          got[key] = m.count;
          names[key] = m.name;
        }
        const refs = scoreRefs(expected, got);
        const counted = state.matches.reduce((n, m) => n + m.count, 0);
        const error = places === counted ? undefined : `${counted} matches reported but ${places} places painted`;
        result = {
          page: label.page, sha256, set: label.set, refs, names, texts, ms: Date.now() - started,
          expected: refs.reduce((n, s) => n + s.expected, 0), got: counted, ...total(refs),
          ...(error ? { error } : {}),
        };
      } catch (e) {
        const refs = scoreRefs(expected, {});
        result = {
          page: label.page, sha256, set: label.set, refs, names: {}, texts: {}, ms: Date.now() - started,
          expected: refs.reduce((n, s) => n + s.expected, 0), got: 0, ...total(refs),
          error: e instanceof Error ? e.message.split('\n')[0]! : String(e),
        };
      } finally {
        await page.close();
      }
      if (manifest.get(label.page)?.set && manifest.get(label.page)!.set !== label.set) result.set = manifest.get(label.page)!.set;
      results.push(result);
      if (!json) process.stdout.write('.');
    }
    if (!json) process.stdout.write('\n');
    log(`requests aborted (outside 127.0.0.1): ${aborted.length}`);
  } finally {
    await ext.close();
    await server.close();
  }

  const overall = total(results);
  const pass = meetsTarget(overall) && results.every((r) => !r.error);
  if (json) {
    console.log(JSON.stringify({ corpus: dir, build: CHROME_BUILD, target: TARGET, overall, pass, pages: results }, null, 2));
  } else {
    printTable(results, overall);
    printDetails(results, showTexts);
    console.log(
      `\n${pass ? 'PASS' : 'FAIL'}: precision ${pct(overall.precision)} (target ≥ ${pct(TARGET.precision)}), recall ${pct(overall.recall)} (target ≥ ${pct(TARGET.recall)})` +
        (results.some((r) => r.error) ? `; ${results.filter((r) => r.error).length} page(s) could not be measured` : ''),
    );
  }
  return pass ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
