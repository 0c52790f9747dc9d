/**
 * Fails the build when any file in its output folder carries an article's text beyond the
 * excerpts the card shows (text-guard.ts). Run by WXT's `build:done` hook (wxt.config.ts), once
 * every file is written, so it sees them all however they were made: chunks, emitted assets,
 * public files, or files written by a hook.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { datasetDir, loadDataset } from './load';
import { leakedPassages, privatePassages } from './text-guard';

const TEXT_FILE = /\.(?:js|mjs|json|html|css|txt|map)$/;

export function guardBuildOutput(outDir: string, dir: string = datasetDir()): void {
  const { dataset, texts } = loadDataset(dir);
  // A dataset with problems has already failed the build in the dataset plugin.
  if (!dataset || !texts) return;
  const leaks = scanFolder(outDir, privatePassages(dataset, texts));
  if (leaks.length > 0) {
    throw new Error(`Article text reached the build (the extension ships excerpts only):\n${leaks.map((l) => `  ${relative(outDir, l.file)}: "${l.passage}"`).join('\n')}`);
  }
}

/** Every text file under `dir` that holds one of `passages`, with the first one found. */
export function scanFolder(dir: string, passages: readonly string[]): { file: string; passage: string }[] {
  const found: { file: string; passage: string }[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (TEXT_FILE.test(name)) {
        const [first] = leakedPassages(readFileSync(path, 'utf8'), passages);
        if (first !== undefined) found.push({ file: path, passage: first });
      }
    }
  };
  walk(dir);
  return found;
}
