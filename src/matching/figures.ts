/**
 * Finding the dataset's figures ("up to 190,000 troops", "close to 75 per cent") in tokenised
 * page text.
 *
 * The number is read by number-reading.ts, the unit after it by figure-units.ts. A figure
 * matches when one reading equals its value, low or high, and
 * - for a percentage: a percent marker follows the number and, if the figure has unit terms
 *   (what it is a share of: "forces"), one of them follows in the unit window ("75 per cent of
 *   Russia's conventional forces", not "75 % de réduction");
 * - otherwise: no percent marker, and one of its unit terms follows in the unit window.
 * The first bound of a range takes the second's scale and percent sign ("1-2 million",
 * "70-75%").
 *
 * The span runs from a qualifier right before the number ("up to", "close to", "at least",
 * "about", "nearly", "more than", …) to the unit (or the percent marker). When several
 * figures fit, the first in index order wins: the card shows the others of the same measure.
 */
import type { IndexFigure } from '../dataset/compiled';
import { findUnit, unitSequences } from './figure-units';
import { rangeLink, readNumber, type NumberRead } from './number-reading';
import { DIGIT, GAP, WORD, type Tokens } from './tokens';

/** A figure found in the text: a token span and the figure's position in `MatchIndex.figures`. */
export interface FigureHit {
  first: number;
  last: number;
  /** Last token of the number itself (before the unit window), for trimming a span that would swallow a name. */
  numberLast: number;
  figure: number;
}

const QUALIFIERS = [
  'no fewer than', 'no more than', 'as many as', 'as few as', 'up to', 'close to', 'at least',
  'at most', 'more than', 'fewer than', 'less than', 'an estimated', 'upwards of', 'about',
  'around', 'nearly', 'almost', 'approximately', 'roughly', 'some', 'over', 'under',
  'estimated', 'between', 'from',
].map((q) => q.split(' '));

export class FigureIndex {
  private readonly byValue = new Map<number, number[]>();
  private readonly units: string[][][] = [];
  private readonly percent: boolean[] = [];
  private readonly names: (Set<string> | null)[] = [];
  /** Figures that could not be indexed (no finite value, no unit term and not a percentage). */
  readonly dropped: number = 0;

  constructor(figures: readonly IndexFigure[], tokens: Tokens) {
    let dropped = 0;
    figures.forEach((figure, f) => {
      const units = unitSequences(figure.unitTerms, tokens);
      this.units.push(units);
      this.percent.push(figure.percent);
      this.names.push(figure.names ? new Set(figure.names) : null);
      if (!figure.percent && units.length === 0) {
        dropped++;
        return;
      }
      const values = new Set([figure.value, figure.low, figure.high].filter(isFiniteNumber));
      if (values.size === 0) dropped++;
      for (const value of values) {
        const list = this.byValue.get(value);
        if (list) list.push(f);
        else this.byValue.set(value, [f]);
      }
    });
    this.dropped = dropped;
  }

  /**
   * Appends the figures found in `t` to `out`, in text order. Tokens marked in `covered` belong
   * to a name: a number there is not read, a qualifier there is not taken, and a unit window that
   * crosses one is cut before it.
   */
  find(t: Tokens, covered: Uint8Array, out: FigureHit[]): void {
    if (this.byValue.size === 0) return;
    const flags = t.flags;
    for (let i = 0; i < t.count; i++) {
      if ((flags[i]! & DIGIT) === 0 || covered[i]) continue;
      const a = readNumber(t, i, false);
      if (!a) continue;
      let last = a.last;
      let b: NumberRead | null = null;
      const link = rangeLink(t, a);
      if (link > 0 && !covered[link + 1]) {
        b = readNumber(t, link + 1, true);
        if (b) {
          last = b.last;
          if (!a.hasScale) {
            a.scale = b.scale;
            a.hasScale = b.hasScale;
          }
          a.percent ||= b.percent;
        }
      }
      const hit = this.match(t, covered, a, b);
      if (hit) out.push(hit);
      i = hit ? hit.last : last;
    }
  }

  private match(t: Tokens, covered: Uint8Array, a: NumberRead, b: NumberRead | null): FigureHit | null {
    const candidates = this.candidates(a, b);
    if (!candidates) return null;
    const numberLast = b ? b.last : a.last;
    for (const f of candidates) {
      if (this.percent[f] !== a.percent) continue;
      let last = numberLast;
      const units = this.units[f]!;
      if (units.length > 0) {
        const unitLast = findUnit(t, numberLast + 1, units, this.names[f]!);
        if (unitLast < 0) continue;
        // A percentage's span ends at its percent marker: the unit only says what it is a share of.
        if (!a.percent) last = unitLast;
        for (let k = numberLast + 1; k <= last; k++) {
          if (covered[k]) {
            last = numberLast;
            break;
          }
        }
      }
      return { first: qualifierStart(t, covered, a.first), last, numberLast, figure: f };
    }
    return null;
  }

  /** Figures whose value, low or high equals a reading of the number, in index order. */
  private candidates(a: NumberRead, b: NumberRead | null): number[] | null {
    let found: number[] | null = null;
    for (const read of b ? [a, b] : [a]) {
      for (const [mantissa, exponent] of read.readings) {
        const list = this.byValue.get(Number(`${mantissa}e${exponent + read.scale}`));
        if (!list) continue;
        if (!found) found = list;
        else found = [...new Set([...found, ...list])].sort((x, y) => x - y);
      }
    }
    return found;
  }
}

function isFiniteNumber(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}

/** Where the figure starts: at a qualifier written right before the number, if any. */
function qualifierStart(t: Tokens, covered: Uint8Array, first: number): number {
  if ((t.flags[first]! & GAP) === 0) return first;
  for (const qualifier of QUALIFIERS) {
    const q = first - qualifier.length;
    if (q < 0) continue;
    let ok = true;
    for (let n = 0; n < qualifier.length && ok; n++) {
      const k = q + n;
      ok = !covered[k] && (t.flags[k]! & WORD) !== 0 && (n === 0 || (t.flags[k]! & GAP) !== 0) && t.key(k) === qualifier[n];
    }
    if (ok) return q;
  }
  return first;
}
