/**
 * Labelling helper: prints the visible text of corpus pages block by block, as the extension's
 * own text walker (src/page/blocks.ts) reads them in Chromium (the page's scripts run, every
 * request that leaves 127.0.0.1 is aborted, as in the eval). It shows text, not matches: the
 * labels in tests/corpus-labels are a reader's judgement of that text, never the matcher's
 * output.
 *
 *   npx tsx tests/eval/corpus-text.ts [corpus-dir] --page <file or sha256 prefix> [--grep <regexp>] [--context <n>]
 *
 * --grep (case-insensitive) prints only the blocks that contain the pattern, with each hit
 * marked »…« and cut to --context characters either side (default: the whole block). Blocks are
 * numbered in reading order, with their container tag and whether they sit in a shadow root.
 */
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { chromiumPath, QUIET_FLAGS } from '../support/chromium';
import { corpusDir, corpusPath, keepLocal, readManifest, REPO_ROOT } from '../support/corpus';
import { serveStatic } from '../support/serve';

interface DumpedBlock {
  text: string;
  tag: string;
  shadow: boolean;
}

function option(args: string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) if (args[i] === name && args[i + 1] !== undefined) values.push(args[i + 1]!);
  return values;
}

/** The block walker as a classic script defining `globalThis.NLText.collectBlocks`. */
async function walkerScript(): Promise<string> {
  const result = await build({
    stdin: { contents: "export { collectBlocks } from './src/page/blocks.ts';", resolveDir: REPO_ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'NLText',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const valued = new Set(['--page', '--grep', '--context']);
  const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
  const dir = corpusDir(positional);
  const pages = option(args, '--page');
  const grep = option(args, '--grep')[0];
  const width = Number(option(args, '--context')[0] ?? Infinity);
  if (pages.length === 0) throw new Error('give at least one --page <file or sha256 prefix>');
  const manifest = await readManifest(dir);
  const rows = pages.map((p) => {
    const row = manifest.find((r) => r.file === p || r.sha256.startsWith(p));
    if (!row) throw new Error(`no corpus page "${p}" in ${dir}/MANIFEST.tsv`);
    return row;
  });

  const script = await walkerScript();
  const server = await serveStatic(dir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: QUIET_FLAGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await keepLocal(context);
    for (const row of rows) {
      const page = await context.newPage();
      await page.goto(server.origin + corpusPath(row.file), { waitUntil: 'load', timeout: 60_000 }).catch(() => undefined);
      await page.waitForTimeout(500);
      await page.addScriptTag({ content: script });
      const blocks = await page.evaluate((): DumpedBlock[] => {
        const api = (globalThis as unknown as { NLText: typeof import('../../src/page/blocks') }).NLText;
        return api.collectBlocks(document.body ?? document.documentElement).map((b) => ({
          text: b.text,
          tag: b.container.nodeType === 1 ? (b.container as Element).localName : b.container.nodeName,
          shadow: b.root !== document,
        }));
      });
      await page.close();
      console.log(`=== ${row.file} (${row.set}, ${row.lang || 'no lang'}) sha256 ${row.sha256}: ${blocks.length} blocks`);
      const pattern = grep ? new RegExp(grep, 'giu') : null;
      blocks.forEach((b, n) => {
        const text = b.text.replace(/\s+/g, ' ').trim();
        const where = `#${n} <${b.tag}>${b.shadow ? ' (shadow)' : ''}`;
        if (!pattern) {
          console.log(`${where} ${text}`);
          return;
        }
        for (const m of text.matchAll(pattern)) {
          const from = Math.max(0, m.index - width);
          const to = Math.min(text.length, m.index + m[0].length + width);
          console.log(`${where} @${m.index}: ${text.slice(from, m.index)}»${m[0]}«${text.slice(m.index + m[0].length, to)}`);
        }
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
