/** The whole check (src/dataset/check.ts) on the bundled dataset, on fixtures and on values. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset } from './check';
import { formatProblem } from './problems';
import { summarize } from './summary';
import { loadDataset, readDatasetFiles } from './load';

const BROKEN = 'tests/fixtures/dataset-broken';

describe('the bundled dataset', () => {
  const { problems, dataset, texts } = loadDataset('assets/dataset');

  it('passes the check with no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(dataset).toBeDefined();
  });

  it('holds the seed article, its text byte for byte', () => {
    const article = dataset!.articles.find((a) => a.id === 'bbc-2022-02-20-ukraine-macron-putin');
    const seed = resolve(import.meta.dirname, '../../../shared/seed/000_fb0fe0ca1d9a246f.txt');
    expect(article).toBeDefined();
    if (existsSync(seed)) expect(texts!.get(article!.id)).toBe(readFileSync(seed, 'utf8'));
  });

  it('summarizes to the counts the curator recorded in docs/dataset.md', () => {
    const s = summarize(dataset!);
    expect(s.articles).toBe(24);
    expect(s.actors.total).toBe(169);
    expect(s.figures).toBe(16);
    expect(s.statements.total).toBe(204);
    expect(s.disputes.total).toBe(23);
    expect(s.statements.bySourceStatus).toEqual({ named: 187, unnamed: 12, unverified: 5 });
  });
});

describe('a dataset of several articles', () => {
  const { problems, dataset } = loadDataset('tests/fixtures/dataset-multi');

  it('passes the check', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('summarize counts every kind, zeros included', () => {
    expect(summarize(dataset!)).toEqual({
      articles: 2,
      actors: {
        total: 3,
        byKind: { person: 2, organisation: 0, government: 0, country: 0, media: 1, group: 0, anonymous: 0 },
      },
      figures: 1,
      statements: {
        total: 4,
        byKind: { 'direct-quote': 0, 'partial-quote': 2, paraphrase: 2 },
        bySourceStatus: { named: 4, unnamed: 0, unverified: 0 },
      },
      disputes: { total: 1, byHow: { denies: 1, rejects: 0, contradicts: 0, doubts: 0 } },
    });
  });

  it('keeps statements by the same speaker across articles apart by article', () => {
    const byPutin = dataset!.articles.map((a) => a.statements.filter((s) => s.speaker === 'vladimir-putin').length);
    expect(byPutin).toEqual([1, 1]);
  });
});

/**
 * Each folder under tests/fixtures/dataset-broken is a tiny dataset with one kind of fault and
 * an `expected.txt` of the exact problem lines (file names relative to the folder). Run with
 * UPDATE_GOLDEN=1 to rewrite them after a deliberate change of wording, then review the diff.
 */
describe('broken datasets', () => {
  // CI checks the golden files; it must never rewrite them and then compare them with themselves.
  if (process.env.UPDATE_GOLDEN && process.env.CI) throw new Error('UPDATE_GOLDEN is refused under CI: regenerate golden files locally and commit them');
  const cases = readdirSync(BROKEN).filter((name) => existsSync(join(BROKEN, name, 'actors.json')) || existsSync(join(BROKEN, name, 'articles')));

  it('has a fixture for each kind of fault', () => {
    expect(cases).toEqual(
      expect.arrayContaining(['unknown-id', 'quote-not-in-text', 'wrong-offsets', 'duplicate-safe-alias', 'missing-field', 'wrong-type', 'invalid-json']),
    );
  });

  for (const name of cases) {
    it(`reports ${name} precisely`, () => {
      const dir = join(BROKEN, name);
      const { problems, dataset } = checkDataset(readDatasetFiles(dir));
      const lines = problems.map((p) => formatProblem({ ...p, file: relative(dir, p.file).split(sep).join('/') }));
      const expectedFile = join(dir, 'expected.txt');
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, lines.join('\n') + '\n');
      const expected = readFileSync(expectedFile, 'utf8').trimEnd().split('\n');
      expect(dataset).toBeUndefined();
      expect(lines).toEqual(expected);
    });
  }
});

describe('checkDataset on values', () => {
  it('reports a file the loader could not parse, and goes on with the others', () => {
    const { problems } = checkDataset({
      actorsFile: { path: 'actors.json', json: { actors: [] } },
      articles: [{ path: 'articles/a.json', json: undefined, error: 'invalid JSON: line 1, column 2: unexpected end of file, expected a value' }],
    });
    expect(problems).toEqual([
      { file: 'articles/a.json', path: '', message: 'invalid JSON: line 1, column 2: unexpected end of file, expected a value' },
    ]);
  });
});
