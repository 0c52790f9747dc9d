/** Reading the dataset from disk (src/dataset/load.ts). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetDir, loadDataset } from './load';
import { formatProblem } from './problems';

describe('the loader', () => {
  it('reads NEWSLENS_DATASET, else assets/dataset', () => {
    expect(datasetDir({})).toBe('assets/dataset');
    expect(datasetDir({ NEWSLENS_DATASET: '/tmp/x' })).toBe('/tmp/x');
  });

  it('reports a missing actors file as a problem, not a throw', () => {
    const { problems } = loadDataset('tests/fixtures/no-such-dataset');
    expect(problems.map(formatProblem)).toEqual([`${join('tests/fixtures/no-such-dataset', 'actors.json')}: file not found`]);
  });
});
