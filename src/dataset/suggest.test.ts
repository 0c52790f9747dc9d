/** "Did you mean" for unknown ids (src/dataset/suggest.ts). */
import { describe, expect, it } from 'vitest';
import { suggest } from './suggest';

describe('suggest', () => {
  it('suggests the nearest id, by whole id or by one of its words', () => {
    const ids = ['vladimir-putin', 'emmanuel-macron', 'kremlin'];
    expect(suggest('putn', ids)).toBe('vladimir-putin');
    expect(suggest('kremiln', ids)).toBe('kremlin');
    expect(suggest('vladimir-putn', ids)).toBe('vladimir-putin');
    expect(suggest('zelensky', ids)).toBeUndefined();
  });
});
