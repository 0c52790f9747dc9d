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

export const DEFAULT_DATASET_DIR = 'assets/dataset';

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

export function readJsonFile(path: string): DatasetFile {
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

/**
 * Where and why `JSON.parse` failed, in words that do not change with the Node version (V8's
 * own messages do): "line 3, column 5: expected ',' or '}'". Falls back to the engine's message
 * if the scan finds nothing wrong, which should not happen.
 */
export function describeJsonError(text: string, engineError?: unknown): string {
  const found = findJsonError(text);
  if (!found) return engineError instanceof Error ? engineError.message : 'could not be parsed';
  const before = text.slice(0, found.offset);
  const line = before.split('\n').length;
  const column = found.offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}: ${found.message}`;
}

/**
 * A small JSON (RFC 8259) scanner that returns the first syntax error, or undefined if the text
 * is valid JSON. Only used after `JSON.parse` has failed, so speed does not matter.
 */
export function findJsonError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  class Fail {
    constructor(
      readonly offset: number,
      readonly message: string,
    ) {}
  }
  const what = (at: number) => (at >= text.length ? 'end of file' : JSON.stringify(text[at]));
  const fail = (message: string, at = i): never => {
    throw new Fail(at, message);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    const open = i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string', open);
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail('control character in a string (escape it, e.g. \\n)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`invalid escape \\${e ?? ''}`);
      } else i++;
    }
  };
  const number = () => {
    const re = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) fail('invalid number');
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(`unexpected ${what(i)}, expected a value`);
  };
  const object = () => {
    i++;
    ws();
    if (text[i] === '}') return void i++;
    for (;;) {
      ws();
      if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma before "}"' : `unexpected ${what(i)}, expected a property name in double quotes`);
      string();
      ws();
      if (text[i] !== ':') fail(`unexpected ${what(i)}, expected ":"`);
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') return void i++;
      fail(`unexpected ${what(i)}, expected "," or "}"`);
    }
  };
  const array = () => {
    i++;
    ws();
    if (text[i] === ']') return void i++;
    for (;;) {
      ws();
      if (text[i] === ']') fail('trailing comma before "]"');
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') return void i++;
      fail(`unexpected ${what(i)}, expected "," or "]"`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${what(i)} after the JSON value`);
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return { offset: e.offset, message: e.message };
    throw e;
  }
}
