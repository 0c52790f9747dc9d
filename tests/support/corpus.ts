/**
 * The shared corpus of real news pages (../shared/corpus by default) as the eval and the
 * labelling helper read it: its manifest, where it lives, and a browser context that can reach
 * nothing but the local server that serves it. The pages stay outside the repository; only
 * their labels (tests/corpus-labels/<sha256>.json) live here.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const LABELS_DIR = resolve(REPO_ROOT, 'tests/corpus-labels');
/** The shared corpus beside the repository, where every corpus tool looks unless told otherwise. */
export const SHARED_CORPUS = resolve(REPO_ROOT, '../shared/corpus');

/** The corpus folder: the first non-option argument, else ../shared/corpus beside the repository. */
export function corpusDir(args: readonly string[]): string {
  const given = args.find((a) => !a.startsWith('--'));
  return resolve(given ?? SHARED_CORPUS);
}

export interface ManifestRow {
  /** Path relative to the corpus folder. */
  file: string;
  set: string;
  sha256: string;
  lang: string;
  title: string;
}

/** MANIFEST.tsv, the columns the tools need. */
export async function readManifest(dir: string): Promise<ManifestRow[]> {
  const lines = (await readFile(resolve(dir, 'MANIFEST.tsv'), 'utf8')).split('\n').filter((l) => l.trim() !== '');
  const header = lines.shift()?.split('\t') ?? [];
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`MANIFEST.tsv has no column "${name}"`);
    return i;
  };
  const [file, set, sha, lang, title] = ['file', 'set', 'sha256', 'lang', 'title'].map(col) as [number, number, number, number, number];
  return lines.map((line) => {
    const cells = line.split('\t');
    return { file: cells[file]!, set: cells[set]!, sha256: cells[sha]!, lang: cells[lang] ?? '', title: cells[title] ?? '' };
  });
}

/**
 * Aborts every request of `context` that would leave 127.0.0.1, so that a page's scripts,
 * trackers and images load the same (not at all) on every run. Returns the list of aborted
 * URLs, which grows as pages load.
 */
export async function keepLocal(context: BrowserContext): Promise<string[]> {
  const aborted: string[] = [];
  await context.route(/.*/, (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '127.0.0.1') {
      aborted.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  return aborted;
}

/** The URL path of a corpus file under the static server (each segment encoded). */
export function corpusPath(file: string): string {
  return '/' + file.split('/').map(encodeURIComponent).join('/');
}
