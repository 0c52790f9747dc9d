/**
 * `npm run dataset:split-texts` on a copy of a dataset whose article still carries its text
 * inline (the old format): the text moves to texts/<id>.txt byte for byte, the article keeps
 * its sha256 in the same place, the check passes, and a second run changes nothing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../src/dataset/problems';
import { loadDataset, sha256 } from '../src/dataset/load';
import { splitArticle, splitDir } from './dataset-split-texts';

const ID = 'test-gazette-2031-01-05-testville-talks-open';

describe('split-texts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newslens-split-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync('tests/fixtures/dataset-multi', dir, { recursive: true });
  const articlePath = join(dir, 'articles', `${ID}.json`);
  const text = readFileSync(join(dir, 'texts', `${ID}.txt`), 'utf8');
  // Back to the old format: the text inline, no hash, no text file.
  const { textSha256: _, ...old } = JSON.parse(readFileSync(articlePath, 'utf8'));
  writeFileSync(articlePath, JSON.stringify({ ...old, text }, null, 2) + '\n');
  rmSync(join(dir, 'texts', `${ID}.txt`));

  it('the old format fails the check, naming the command', () => {
    expect(loadDataset(dir).problems.map(formatProblem)).toEqual([
      `${articlePath}: text: the text belongs in texts/<id>.txt, not in the article file: run npm run dataset:split-texts`,
    ]);
  });

  it('moves the text out, and the check passes', () => {
    const { ok, lines } = splitDir(dir);
    expect(ok).toBe(true);
    expect(lines).toEqual([`${articlePath}: text moved to ${join(dir, 'texts', `${ID}.txt`)} (${text.length} characters)`]);
    expect(readFileSync(join(dir, 'texts', `${ID}.txt`), 'utf8')).toBe(text);
    const article = JSON.parse(readFileSync(articlePath, 'utf8'));
    expect(article.text).toBeUndefined();
    expect(article.textSha256).toBe(sha256(text));
    expect(loadDataset(dir).problems).toEqual([]);
    expect(splitDir(dir)).toEqual({ ok: true, lines: [] });
  });

  it('never overwrites a different text', () => {
    writeFileSync(articlePath, JSON.stringify({ ...old, text: 'Another text.' }, null, 2) + '\n');
    const { ok, lines } = splitDir(dir);
    expect(ok).toBe(false);
    expect(lines[0]).toMatch(/skipped, .* exists with another text$/);
    expect(readFileSync(join(dir, 'texts', `${ID}.txt`), 'utf8')).toBe(text);
  });

  it('keeps the key order, the hash where the text was', () => {
    expect(Object.keys(splitArticle({ id: 'a', text: 'x', figures: [] })!.article)).toEqual(['id', 'textSha256', 'figures']);
  });
});
