/**
 * Reads the dataset from disk (Node only) and hands it to the pure check (src/dataset/check.ts).
 *
 * A file that cannot be read or is not JSON does not throw: it becomes a `DatasetFile` with an
 * `error`, which the check reports as a problem like any other, so the curator sees every
 * problem of every file in one run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDataset, type CheckResult, type DatasetFile, type DatasetInput, type TextFile } from './check';
import { describeJsonError } from './json-error';

const DEFAULT_DATASET_DIR = 'assets/dataset';

/** The dataset directory: `NEWSLENS_DATASET` when set, else `assets/dataset` (relative to the cwd). */
export function datasetDir(env: Record<string, string | undefined> = process.env): string {
  return env.NEWSLENS_DATASET || DEFAULT_DATASET_DIR;
}

/**
 * `<dir>/actors.json`, every `<dir>/articles/*.json` in file-name order, and for each article
 * whose `id` can be read, its text `<dir>/texts/<id>.txt`.
 */
export function readDatasetFiles(dir: string): DatasetInput {
  const articlesDir = join(dir, 'articles');
  const names = existsSync(articlesDir)
    ? readdirSync(articlesDir)
        .filter((n) => n.endsWith('.json'))
        .sort()
    : [];
  const articles = names.map((n) => readJsonFile(join(articlesDir, n)));
  const texts = new Map<string, TextFile>();
  for (const f of articles) {
    const id = (f.json as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string' && /^[a-z0-9-]+$/.test(id) && !texts.has(id)) texts.set(id, readTextFile(textPath(dir, id)));
  }
  return { actorsFile: readJsonFile(join(dir, 'actors.json')), articles, texts };
}

/** Where an article's text lives: `<dir>/texts/<id>.txt`. */
export function textPath(dir: string, id: string): string {
  return join(dir, 'texts', `${id}.txt`);
}

/** The hex sha256 of a text as stored (UTF-8), the value of `Article.textSha256`. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A text file, or why it could not be read. Its sha256 is of the bytes on disk. */
function readTextFile(path: string): TextFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { path, error: code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(e)})` };
  }
  return { path, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function loadDataset(dir: string = datasetDir()): CheckResult {
  return checkDataset(readDatasetFiles(dir));
}

function readJsonFile(path: string): DatasetFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { path, json: undefined, error: code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(e)})` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { path, json: JSON.parse(text) };
  } catch (e) {
    return { path, json: undefined, error: `invalid JSON: ${describeJsonError(text, e)}` };
  }
}
