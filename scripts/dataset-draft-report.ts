/**
 * How far the draft gets a curator: drafts each curated article again and compares the drafted
 * statements with the curated ones.
 *
 *   npm run dataset:draft-report                     pages from ../shared/corpus/MANIFEST.tsv
 *   npm run dataset:draft-report -- --manifest <tsv> another manifest (columns `file`, `url`)
 *
 * A drafted statement *survived unchanged* when a curated statement has the same evidence, the
 * same speaker and the same kind; it was *changed* when a curated statement's evidence overlaps
 * it (one contains the other) but something differs; it was *dropped* when none does. A curated
 * statement that no drafted one overlaps was *missed*. An article whose saved page is not in
 * the manifest is drafted from its stored text instead (column "from": text), which measures
 * everything but the text extraction. Prints a Markdown table for docs/dataset.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { datasetDir, loadDataset } from '../src/dataset/load';
import { draftArticle } from './dataset-draft';
import { readPage } from './dataset-draft-page';

export interface Compared {
  speaker?: string;
  kind: string;
  exact: string;
}

export interface DraftScore {
  drafted: number;
  curated: number;
  unchanged: number;
  changed: number;
  dropped: number;
  missed: number;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

export function compareDrafts(drafted: readonly Compared[], curated: readonly Compared[]): DraftScore {
  const score: DraftScore = { drafted: drafted.length, curated: curated.length, unchanged: 0, changed: 0, dropped: 0, missed: 0 };
  const found = new Set<number>();
  for (const d of drafted) {
    const dx = norm(d.exact);
    const overlapping = curated.map((c, i) => ({ c, i })).filter(({ c }) => norm(c.exact).includes(dx) || dx.includes(norm(c.exact)));
    if (overlapping.length === 0) {
      score.dropped++;
      continue;
    }
    for (const { i } of overlapping) found.add(i);
    const same = overlapping.some(({ c }) => norm(c.exact) === dx && c.speaker === d.speaker && c.kind === d.kind);
    if (same) score.unchanged++;
    else score.changed++;
  }
  score.missed = curated.length - found.size;
  return score;
}

/** Saved pages by address, from a corpus manifest (tab-separated, with `file` and `url` columns). */
function pagesByUrl(manifest: string): Map<string, string> {
  const pages = new Map<string, string>();
  if (!existsSync(manifest)) return pages;
  const [head, ...rows] = readFileSync(manifest, 'utf8').split('\n');
  const cols = (head ?? '').split('\t');
  const file = cols.indexOf('file');
  const url = cols.indexOf('url');
  for (const row of rows) {
    const cells = row.split('\t');
    if (cells[file] && cells[url]) pages.set(cells[url]!, join(dirname(manifest), cells[file]!));
  }
  return pages;
}

function main(argv: string[]): number {
  const at = argv.indexOf('--manifest');
  const manifest = at >= 0 ? argv[at + 1] : '../shared/corpus/MANIFEST.tsv';
  if (!manifest || argv.some((a, i) => a.startsWith('--') && a !== '--manifest' && i !== at)) {
    console.error('usage: npm run dataset:draft-report -- [--manifest <tsv>]');
    return 2;
  }
  const dir = datasetDir();
  const { dataset, texts, problems } = loadDataset(dir);
  if (!dataset || !texts) {
    console.error(`The dataset at ${dir} has ${problems.length} problem(s): run npm run dataset:check first.`);
    return 1;
  }
  const pages = pagesByUrl(manifest);
  const total: DraftScore = { drafted: 0, curated: 0, unchanged: 0, changed: 0, dropped: 0, missed: 0 };
  console.log('| article | from | curated | drafted | unchanged | changed | dropped | missed |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const article of dataset.articles) {
    const page = pages.get(article.url);
    const read = page && existsSync(page) ? readPage(readFileSync(page, 'utf8')) : undefined;
    const text = read?.text || texts.get(article.id)!;
    const meta = read?.meta ?? { title: article.title, published: article.published, language: article.language, url: article.url };
    const draft = draftArticle({ text, meta, dataset, id: article.id });
    const drafted = (draft.statements as { speaker?: string; kind: string; evidence: { quote: { exact: string } } }[]).map((s) => ({
      ...(s.speaker ? { speaker: s.speaker } : {}),
      kind: s.kind,
      exact: s.evidence.quote.exact,
    }));
    const curated = article.statements.map((s) => ({ speaker: s.speaker, kind: s.kind, exact: s.evidence.quote.exact }));
    const s = compareDrafts(drafted, curated);
    for (const key of Object.keys(total) as (keyof DraftScore)[]) total[key] += s[key];
    console.log(`| ${article.id} | ${read?.text ? 'page' : 'text'} | ${s.curated} | ${s.drafted} | ${s.unchanged} | ${s.changed} | ${s.dropped} | ${s.missed} |`);
  }
  const t = total;
  console.log(`| all ${dataset.articles.length} | | ${t.curated} | ${t.drafted} | ${t.unchanged} | ${t.changed} | ${t.dropped} | ${t.missed} |`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
