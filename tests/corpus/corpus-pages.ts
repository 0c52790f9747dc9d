/**
 * The pages of a corpus folder: ../shared/corpus beside the repository unless CORPUS_DIR names
 * another. With a MANIFEST.tsv (the shared corpus has one) its rows, in its order, with every
 * column; without one, every .html file below the folder, with no counts. The pages stay where
 * they are: the run serves them from that folder, nothing is copied into the repository.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { SHARED_CORPUS } from '../support/corpus';

export interface CorpusPage {
  /** Path below the corpus folder, with forward slashes. */
  file: string;
  /** The manifest's columns for the page (empty without a manifest). */
  columns: Record<string, string>;
}

export function corpusDir(): string {
  return resolve(process.env.CORPUS_DIR ?? SHARED_CORPUS);
}

export function listCorpus(dir: string): CorpusPage[] {
  if (!existsSync(dir)) return [];
  const manifest = join(dir, 'MANIFEST.tsv');
  if (existsSync(manifest)) {
    const lines = readFileSync(manifest, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const header = (lines.shift() ?? '').split('\t');
    const fileCol = header.indexOf('file');
    if (fileCol < 0) throw new Error(`${manifest}: no "file" column`);
    return lines
      .map((line) => {
        const cells = line.split('\t');
        const columns: Record<string, string> = {};
        header.forEach((name, i) => (columns[name] = cells[i] ?? ''));
        return { file: cells[fileCol]!, columns };
      })
      .filter((p) => existsSync(join(dir, p.file)));
  }
  const pages: CorpusPage[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.html?$/i.test(entry.name)) pages.push({ file: relative(dir, path).split('\\').join('/'), columns: {} });
    }
  };
  walk(dir);
  return pages;
}
