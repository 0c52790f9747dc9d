/**
 * Moves each article's inline `text` out of its file, into `texts/<id>.txt`, and records its
 * sha256 in the article as `textSha256` (in the place `text` held). The extension ships
 * excerpts, never whole articles: the text stays in the repository, for the check only.
 *
 *   npm run dataset:split-texts                the bundled dataset (or $NEWSLENS_DATASET)
 *   npm run dataset:split-texts -- <dir>...    other dataset directories
 *
 * Articles without inline text are left alone, so running it twice changes nothing. A text file
 * that already exists with other contents is never overwritten: that article is reported and
 * skipped, and the exit code is 1.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { datasetDir, sha256, textPath } from '../src/dataset/load';

/**
 * The article without its `text`, with `textSha256` where `text` was (key order kept, so the
 * diff is one line), or undefined when it has no inline text.
 */
export function splitArticle(article: Record<string, unknown>): { article: Record<string, unknown>; text: string } | undefined {
  const text = article.text;
  if (typeof text !== 'string') return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(article)) {
    if (key === 'text') out.textSha256 = sha256(text);
    else if (key !== 'textSha256') out[key] = value;
  }
  return { article: out, text };
}

/** Splits every article of one dataset directory; returns the lines to print and whether all went well. */
export function splitDir(dir: string): { lines: string[]; ok: boolean } {
  const articlesDir = join(dir, 'articles');
  const lines: string[] = [];
  let ok = true;
  if (!existsSync(articlesDir)) return { lines: [`${dir}: no articles/ folder`], ok: false };
  for (const name of readdirSync(articlesDir).filter((n) => n.endsWith('.json')).sort()) {
    const file = join(articlesDir, name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      lines.push(`${file}: skipped, not JSON (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) continue;
    const split = splitArticle(json as Record<string, unknown>);
    if (!split) continue;
    const id = split.article.id;
    if (typeof id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      lines.push(`${file}: skipped, its id is not a slug`);
      ok = false;
      continue;
    }
    const target = textPath(dir, id);
    if (existsSync(target) && readFileSync(target, 'utf8') !== split.text) {
      lines.push(`${file}: skipped, ${target} exists with another text`);
      ok = false;
      continue;
    }
    mkdirSync(join(dir, 'texts'), { recursive: true });
    writeFileSync(target, split.text);
    writeFileSync(file, JSON.stringify(split.article, null, 2) + '\n');
    lines.push(`${file}: text moved to ${target} (${split.text.length} characters)`);
  }
  return { lines, ok };
}

function main(argv: string[]): number {
  if (argv.some((a) => a.startsWith('--'))) {
    console.error('usage: npm run dataset:split-texts -- [dir]...');
    return 2;
  }
  let ok = true;
  for (const dir of argv.length > 0 ? argv : [datasetDir()]) {
    const result = splitDir(dir);
    for (const line of result.lines) console.log(line);
    if (result.lines.length === 0) console.log(`${dir}: no article carries its text inline`);
    ok &&= result.ok;
  }
  return ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
