/** Which highlight the keyboard moves to (`pickTarget`). */
import { describe, expect, it } from 'vitest';
import { pickTarget, type Where } from './navigate';

describe('keyboard navigation', () => {
  const where: Record<string, Where> = { a: 'above', b: 'above', c: 'in', d: 'below', hidden: null, e: 'below' };
  const ordered = ['a', 'b', 'c', 'hidden', 'd', 'e'];
  const w = (m: string) => where[m]!;

  it('starts from the first highlight in view, or the last one above for "previous"', () => {
    expect(pickTarget(ordered, null, 'next', w)).toBe('c');
    expect(pickTarget(ordered, null, 'previous', w)).toBe('b');
  });

  it('moves on from the open card, skipping hidden matches, and wraps around', () => {
    expect(pickTarget(ordered, 'c', 'next', w)).toBe('d');
    expect(pickTarget(ordered, 'e', 'next', w)).toBe('a');
    expect(pickTarget(ordered, 'a', 'previous', w)).toBe('e');
  });

  it('has nothing to move to on a page without visible matches', () => {
    expect(pickTarget(['hidden'], null, 'next', w)).toBeNull();
  });
});
