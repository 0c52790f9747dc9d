/** How the check tells its problems (src/dataset/problems.ts). */
import { describe, expect, it } from 'vitest';
import { formatPath, formatProblem } from './problems';

describe('problems', () => {
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
});
