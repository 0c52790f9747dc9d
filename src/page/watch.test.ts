/** Full rescans in a row back off, so that a storm costs a full read every few seconds, not every frame. */
import { describe, expect, it } from 'vitest';
import { fullRescanDelay } from './watch';

describe('fullRescanDelay', () => {
  it('waits for nothing before the first, then 100 ms doubling, up to 2 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(fullRescanDelay)).toEqual([0, 100, 200, 400, 800, 1600, 2000, 2000]);
  });
});
