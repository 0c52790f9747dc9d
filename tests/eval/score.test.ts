import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedCounts, Label, meetsTarget, scoreRefs, total } from './score';
import { loadDataset } from '../../src/dataset/load';

describe('eval arithmetic (tests/eval/score.ts)', () => {
  it('scores per ref by counts: tp = min, the rest false positives or misses', () => {
    expect(scoreRefs({ 'actor:a': 3, 'actor:b': 2 }, { 'actor:a': 5, 'actor:c': 1 })).toEqual([
      { ref: 'actor:a', expected: 3, got: 5, tp: 3, fp: 2, fn: 0 },
      { ref: 'actor:b', expected: 2, got: 0, tp: 0, fp: 0, fn: 2 },
      { ref: 'actor:c', expected: 0, got: 1, tp: 0, fp: 1, fn: 0 },
    ]);
  });

  it('totals and ratios; nothing claimed is precision 1, nothing expected is recall 1', () => {
    expect(total([{ tp: 3, fp: 1, fn: 0 }, { tp: 1, fp: 0, fn: 4 }])).toEqual({ tp: 4, fp: 1, fn: 4, precision: 0.8, recall: 0.5 });
    expect(total([])).toMatchObject({ precision: 1, recall: 1 });
  });

  it('the target is precision ≥ 0.98 and recall ≥ 0.95, both', () => {
    expect(meetsTarget({ tp: 98, fp: 2, fn: 5, precision: 0.98, recall: 98 / 103 })).toBe(true);
    expect(meetsTarget({ tp: 97, fp: 3, fn: 0, precision: 0.97, recall: 1 })).toBe(false);
    expect(meetsTarget({ tp: 94, fp: 0, fn: 6, precision: 1, recall: 0.94 })).toBe(false);
  });

  it('expected counts leave out zeros (a zero only records a trap)', () => {
    const label = Label.parse({ page: 'p.html', set: 'x', expected: { actor: { a: 2, b: 0 }, figure: { f: 1 } } });
    expect(expectedCounts(label)).toEqual({ 'actor:a': 2, 'figure:f': 1 });
  });
});

describe('the corpus labels (tests/corpus-labels)', () => {
  const dir = 'tests/corpus-labels';
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const { dataset } = loadDataset('assets/dataset');
  const actors = new Set(dataset!.actors.map((a) => a.id));
  const figures = new Set(dataset!.articles.flatMap((a) => a.figures.map((f) => f.id)));

  it('there are at least 12, each named by a sha256', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) expect(f).toMatch(/^[0-9a-f]{64}\.json$/);
  });

  it.each(files)('%s is valid and names only ids the dataset has', (file) => {
    const label = Label.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    for (const id of Object.keys(label.expected.actor)) expect(actors, id).toContain(id);
    for (const id of Object.keys(label.expected.figure)) expect(figures, id).toContain(id);
    expect(label.notes.length).toBeGreaterThan(0);
  });
});
