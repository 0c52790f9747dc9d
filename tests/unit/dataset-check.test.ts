import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset, formatPath, formatProblem, summarize, suggest } from '../../src/dataset/check';
import { describeJsonError, findJsonError, loadDataset, readDatasetFiles, datasetDir } from '../../src/dataset/load';
import { anchorArticle, anchorQuote } from '../../scripts/dataset-anchor';

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

  it('formats problems as one line each', () => {
    expect(formatProblem({ file: 'a.json', path: 'statements[4].speaker', message: 'unknown actor "putn"' })).toBe(
      'a.json: statements[4].speaker: unknown actor "putn"',
    );
    expect(formatProblem({ file: 'a.json', path: '', message: 'file not found' })).toBe('a.json: file not found');
  });

  it('joins paths like a property access', () => {
    expect(formatPath(['statements', 4, 'speaker'])).toBe('statements[4].speaker');
    expect(formatPath(['roles', 'vladimir-putin'])).toBe('roles["vladimir-putin"]');
    expect(formatPath([])).toBe('');
  });

  it('suggests the nearest id, by whole id or by one of its words', () => {
    const ids = ['vladimir-putin', 'emmanuel-macron', 'kremlin'];
    expect(suggest('putn', ids)).toBe('vladimir-putin');
    expect(suggest('kremiln', ids)).toBe('kremlin');
    expect(suggest('vladimir-putn', ids)).toBe('vladimir-putin');
    expect(suggest('zelensky', ids)).toBeUndefined();
  });
});

describe('the loader', () => {
  it('reads NEWSLENS_DATASET, else assets/dataset', () => {
    expect(datasetDir({})).toBe('assets/dataset');
    expect(datasetDir({ NEWSLENS_DATASET: '/tmp/x' })).toBe('/tmp/x');
  });

  it('reports a missing actors file as a problem, not a throw', () => {
    const { problems } = loadDataset('tests/fixtures/no-such-dataset');
    expect(problems.map(formatProblem)).toEqual([`${join('tests/fixtures/no-such-dataset', 'actors.json')}: file not found`]);
  });

  it('locates JSON syntax errors in words that do not depend on the engine', () => {
    expect(describeJsonError('{\n  "a": 1,\n}')).toBe('line 3, column 1: trailing comma before "}"');
    expect(describeJsonError('{"a" 1}')).toBe('line 1, column 6: unexpected "1", expected ":"');
    expect(describeJsonError('[1, 2')).toBe('line 1, column 6: unexpected end of file, expected "," or "]"');
    expect(describeJsonError('{"a": "b\nc"}')).toBe('line 1, column 9: control character in a string (escape it, e.g. \\n)');
    expect(describeJsonError('')).toBe('line 1, column 1: unexpected end of file, expected a value');
    expect(findJsonError('{"a": [1, -2.5e3, true, null, "\\u00e9"]}')).toBeUndefined();
  });
});

describe('anchoring', () => {
  const text = 'Putin said no. Then Putin said yes. Then Putin said no.';

  it('finds a unique quote and fills prefix, suffix and position', () => {
    const r = anchorQuote(text, { exact: 'said yes' });
    expect(r).toEqual({
      ok: true,
      evidence: {
        quote: { exact: 'said yes', prefix: 'Putin said no. Then Putin ', suffix: '. Then Putin said no.' },
        position: { start: 26, end: 34 },
      },
    });
  });

  it('cuts the context at 32 characters', () => {
    const long = 'a'.repeat(40) + 'X' + 'b'.repeat(40);
    const r = anchorQuote(long, { exact: 'X' });
    expect(r.ok && r.evidence.quote.prefix).toBe('a'.repeat(32));
    expect(r.ok && r.evidence.quote.suffix).toBe('b'.repeat(32));
  });

  it('chooses between repeats by prefix, suffix or old position, and reports what stays ambiguous', () => {
    expect(anchorQuote(text, { exact: 'Putin said no' })).toEqual({ ok: false, reason: 'ambiguous', starts: [0, 41] });
    const byPrefix = anchorQuote(text, { exact: 'Putin said no', prefix: 'Then ' });
    expect(byPrefix.ok && byPrefix.evidence.position).toEqual({ start: 41, end: 54 });
    const bySuffix = anchorQuote(text, { exact: 'Putin said no', suffix: '. Then' });
    expect(bySuffix.ok && bySuffix.evidence.position).toEqual({ start: 0, end: 13 });
    const byPosition = anchorQuote(text, { exact: 'Putin said no' }, { start: 41 });
    expect(byPosition.ok && byPosition.evidence.position).toEqual({ start: 41, end: 54 });
    expect(anchorQuote(text, { exact: 'Putin said maybe' })).toEqual({ ok: false, reason: 'not-found' });
  });

  it('anchors a whole article in place and says what it did', () => {
    const article: Record<string, unknown> = {
      text,
      statements: [{ id: 's1', evidence: { quote: { exact: 'said yes' } } }, { id: 's2' }],
      disputes: [{ id: 'd1', evidence: { quote: { exact: 'Putin said no' } } }],
    };
    const { notes, changed } = anchorArticle(article);
    expect(changed).toBe(true);
    expect(notes.map((n) => `${n.item}: ${n.status}`)).toEqual([
      'statements[0] (s1): anchored',
      'statements[1] (s2): skipped',
      'disputes[0] (d1): ambiguous',
    ]);
    expect((article.statements as { evidence: { position: unknown } }[])[0]!.evidence.position).toEqual({ start: 26, end: 34 });
    // Anchoring again changes nothing.
    expect(anchorArticle(article).notes[0]!.status).toBe('unchanged');
  });
});
