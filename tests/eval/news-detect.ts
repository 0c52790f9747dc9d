/**
 * How the default mode ("news pages") decides on the corpus: every page of MANIFEST.tsv is
 * opened in headless Chromium at its original address (the document is answered from the corpus
 * file; pages without one are served from 127.0.0.1; every other request is aborted, so nothing
 * leaves the machine), and src/page/news-detect.ts runs in it as the content script would, after
 * the page's own scripts. Prints one row per page (its `set`, what the detector said and the signals it saw)
 * and the totals: news pages where it runs, non-news pages where it stays quiet.
 *
 *   npx tsx tests/eval/news-detect.ts [corpus-dir] [--json] [--no-scripts] [--local]
 *
 * The corpus directory defaults to ../shared/corpus. The page's original address matters: the
 * detector's list of news sites reads the host name, as it would in the reader's browser.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { QUIET_FLAGS, chromiumPath } from '../support/chromium';
import { serveStatic } from '../support/serve';

const PAGE_TIMEOUT_MS = 30_000;

interface Row {
  file: string;
  set: string;
  url: string;
}

interface Verdict extends Row {
  expected: boolean;
  detected: boolean | null;
  signals: string[];
  error?: string;
}

async function readManifest(dir: string): Promise<Row[]> {
  const lines = (await readFile(resolve(dir, 'MANIFEST.tsv'), 'utf8')).split('\n').filter(Boolean);
  const header = lines[0]!.split('\t');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`MANIFEST.tsv has no "${name}" column`);
    return i;
  };
  const [file, set, url] = [col('file'), col('set'), col('url')];
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return { file: cells[file]!, set: cells[set]!, url: cells[url] ?? '' };
  });
}

async function detectorBundle(): Promise<string> {
  const out = await build({
    entryPoints: [resolve('src/page/news-detect.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'NewsDetect',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/**
 * The address to open a page at: its original one where the manifest gives it (the document is
 * answered from the corpus file, nothing leaves the machine), else its path on our server.
 */
function addressFor(row: Row, origin: string, local: boolean): string {
  try {
    if (!local && /^https?:\/\//.test(row.url)) return new URL(row.url).href;
  } catch {
    // Not a URL: fall through.
  }
  return `${origin}/${row.file.split('/').map(encodeURIComponent).join('/')}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  // --no-scripts: the pages' own scripts stay off (faster; the detector reads the served HTML).
  const scripts = !args.includes('--no-scripts');
  // --local: every page at its path on 127.0.0.1, as the browser tests serve them (the address-based signals then see 127.0.0.1).
  const local = args.includes('--local');
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/corpus');
  const rows = await readManifest(dir);
  const script = await detectorBundle();

  const server = await serveStatic(dir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...QUIET_FLAGS, '--headless=new'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: scripts });
  // The page's own document comes from the corpus; every other request that would leave 127.0.0.1 is aborted.
  let current: { url: string; file: string } | null = null;
  await context.route(/.*/, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (current && request.isNavigationRequest() && request.url() === current.url) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: await readFile(resolve(dir, current.file)) });
    }
    if (url.hostname === '127.0.0.1' && url.port === String(server.port)) return route.continue();
    // A page's script may navigate away (a redirect, a consent wall): "aborted" cancels that
    // navigation and keeps the document, as the offline replay cannot follow it anyway.
    return route.abort(request.isNavigationRequest() ? 'aborted' : 'failed');
  });

  // Evaluated through the debugging protocol rather than added as a <script>: a page's CSP cannot block it.
  const probe = `${script}
;(() => {
  const signals = NewsDetect.newsSignals(document, location.href);
  return { detected: NewsDetect.looksLikeNews(document, location.href), signals: Object.entries(signals).filter(([, v]) => v).map(([k]) => k) };
})()`;
  const verdicts: Verdict[] = [];
  for (const [i, row] of rows.entries()) {
    const page = await context.newPage();
    const verdict: Verdict = { ...row, expected: row.set !== 'non-news', detected: null, signals: [] };
    const address = addressFor(row, server.origin, local);
    current = { url: address, file: row.file };
    const run = async () => {
      // The content script runs at document_idle: after the document is parsed and its deferred
      // scripts ran. Pages whose scripts wait on the (aborted) network never fire "load".
      await page.goto(address, { waitUntil: 'domcontentloaded', timeout: PAGE_TIMEOUT_MS });
      await page.waitForLoadState('load', { timeout: 3_000 }).catch(() => undefined);
      // A page that reloads itself (some do, when their scripts cannot reach their servers) is
      // asked again once it has settled.
      for (let attempt = 1; ; attempt++) {
        try {
          return (await page.evaluate(probe)) as { detected: boolean; signals: string[] };
        } catch (e) {
          if (attempt >= 3 || !String(e).includes('Execution context was destroyed')) throw e;
          await page.waitForLoadState('domcontentloaded', { timeout: 10_000 }).catch(() => undefined);
          await page.waitForTimeout(500);
        }
      }
    };
    try {
      const r = await Promise.race([
        run(),
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`no answer in ${PAGE_TIMEOUT_MS / 1000} s`)), PAGE_TIMEOUT_MS + 5_000)),
      ]);
      verdict.detected = r.detected;
      verdict.signals = r.signals;
    } catch (e) {
      verdict.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
    }
    verdicts.push(verdict);
    process.stderr.write(`${i + 1}/${rows.length} ${row.file}: ${verdict.error ?? (verdict.detected ? 'runs' : 'quiet')}\n`);
    await page.close({ runBeforeUnload: false }).catch(() => undefined);
  }
  await browser.close();
  await server.close();

  if (json) {
    console.log(JSON.stringify(verdicts, null, 2));
    return;
  }
  const width = Math.max(...verdicts.map((v) => v.file.length));
  console.log(`${'page'.padEnd(width)}  ${'set'.padEnd(14)}  runs  ${'verdict'.padEnd(14)}  signals`);
  for (const v of verdicts) {
    const runs = v.detected === null ? 'err ' : v.detected ? 'yes ' : 'no  ';
    const verdict = v.detected === null ? 'ERROR' : v.detected === v.expected ? 'ok' : v.expected ? 'MISSED' : 'FALSE POSITIVE';
    console.log(`${v.file.padEnd(width)}  ${v.set.padEnd(14)}  ${runs}  ${verdict.padEnd(14)}  ${v.error ?? (v.signals.join(', ') || '-')}`);
  }
  const news = verdicts.filter((v) => v.expected);
  const other = verdicts.filter((v) => !v.expected);
  const runsOnNews = news.filter((v) => v.detected === true).length;
  const quietElsewhere = other.filter((v) => v.detected === false).length;
  console.log('');
  console.log(`news pages (every set but non-news): runs on ${runsOnNews} of ${news.length}`);
  console.log(`non-news pages: stays quiet on ${quietElsewhere} of ${other.length}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
