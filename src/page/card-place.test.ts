/** Where the card goes (`place`): beside its name, never over it, inside the viewport. */
import { describe, expect, it } from 'vitest';
import { place } from './card-place';

const viewport = { width: 1000, height: 800 };
const origin = { x: 0, y: 0 };
const anchorAt = (top: number, left = 100) => ({ left, top, bottom: top + 20 });
const overlaps = (a: { top: number; bottom: number }, top: number, height: number) => top < a.bottom && top + height > a.top;

describe('card placement', () => {
  it('goes below the name when there is room', () => {
    const p = place(viewport, anchorAt(100), { width: 400, height: 300 }, origin);
    expect(p.side).toBe('below');
    expect(p.top).toBeGreaterThanOrEqual(120);
    expect(p.maxHeight).toBeNull();
  });

  it('flips above near the bottom edge, without covering the name', () => {
    const a = anchorAt(700);
    const p = place(viewport, a, { width: 400, height: 300 }, origin);
    expect(p.side).toBe('above');
    expect(overlaps(a, p.top, 300)).toBe(false);
    expect(p.top).toBeGreaterThanOrEqual(8);
  });

  it('caps its height rather than cover the name when neither side fits', () => {
    const a = anchorAt(350);
    const p = place(viewport, a, { width: 400, height: 700 }, origin);
    expect(p.maxHeight).not.toBeNull();
    expect(overlaps(a, p.top, p.maxHeight!)).toBe(false);
    expect(p.top + p.maxHeight!).toBeLessThanOrEqual(viewport.height);
  });

  it('shifts left at the right edge and stays inside the viewport', () => {
    const p = place(viewport, anchorAt(100, 950), { width: 400, height: 200 }, origin);
    expect(p.left + 400).toBeLessThanOrEqual(viewport.width - 8);
  });

  it('keeps its side while it still fits (no jumping while scrolling)', () => {
    const p = place(viewport, anchorAt(400), { width: 400, height: 300 }, origin, 'above');
    expect(p.side).toBe('above');
  });

  it("is given in the host's coordinates", () => {
    const p = place(viewport, anchorAt(100), { width: 400, height: 300 }, { x: 0, y: -500 });
    expect(p.top).toBe(100 + 20 + 6 + 500);
  });
});
