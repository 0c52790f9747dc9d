/**
 * Does the page give the same figure as the dataset? The matcher ties a page's number to a
 * dataset figure when one reading of it equals the figure's value or one of its bounds, so the
 * page may still say something else: a range where the dataset has one number ("190,000-200,000
 * troops" against "up to 190,000"), one bound of the dataset's range, or the same number with
 * another qualifier ("about 190,000" against "up to 190,000"). The card says so plainly rather
 * than let the reader assume the two agree.
 *
 * Numbers are read in the forms the matcher reads (src/matching/figures.ts): digit groups with
 * ",", ".", spaces or NBSP, decimals, "190k", "1.5bn", "190 thousand", "75%". A form that reads
 * two ways ("1,200") agrees when either reading does. Pure.
 */
import type { DetailFigure } from '../dataset/compiled';
import type { Qualifier } from '../dataset/schema';

const NUMBER = /(\d{1,3}(?:[,.\u0020\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s*(k|m|mn|bn|b|tn)\b)?(?:\s*(thousand|million|billion|trillion)\b)?/gi;
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, b: 1e9, bn: 1e9, tn: 1e12 };
const WORD: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Each number in `text`, with every value it may be read as. */
export function numbersIn(text: string): number[][] {
  const found = [...text.matchAll(NUMBER)].map((m) => ({
    raw: [...readings(m[1]!)],
    scale: (m[2] ? SUFFIX[m[2].toLowerCase()]! : 1) * (m[3] ? WORD[m[3].toLowerCase()]! : 1),
    scaled: Boolean(m[2] || m[3]),
  }));
  // A range's first bound takes the second's scale ("1-2 million").
  if (found.length === 2 && !found[0]!.scaled && found[1]!.scaled) found[0]!.scale = found[1]!.scale;
  return found.map((n) => n.raw.map((v) => round(v * n.scale)));
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** "190,000" → 190000; "1,200" → 1200 and 1.2; "190 000" → 190000; "1.5" → 1.5. */
function readings(digits: string): Set<number> {
  const out = new Set<number>();
  const grouped = /^\d{1,3}(?:[,.\u0020\u00a0\u202f\u2009]\d{3})+$/.test(digits);
  if (grouped) out.add(Number(digits.replace(/[^\d]/g, '')));
  // One separator followed by digits: a decimal reading ("1,2", "1.200" in French or English).
  const decimal = /^(\d+)[.,](\d+)$/.exec(digits);
  if (decimal) out.add(Number(`${decimal[1]}.${decimal[2]}`));
  // Groups with a decimal tail: "1,234.5" or "1.234,5".
  const tail = /^(\d{1,3}(?:([,.\u0020\u00a0\u202f\u2009])\d{3})+)([.,])(\d+)$/.exec(digits);
  if (tail && tail[2] !== tail[3]) out.add(Number(`${tail[1]!.replace(/[^\d]/g, '')}.${tail[4]}`));
  if (/^\d+$/.test(digits)) out.add(Number(digits));
  return out;
}

const QUALIFIER_WORDS: [RegExp, Qualifier][] = [
  [/^(up to|as many as|at most|no more than)\b/i, 'up-to'],
  [/^(close to|nearly|almost)\b/i, 'close-to'],
  [/^(at least|no fewer than|upwards of)\b/i, 'at-least'],
  [/^(more than|over)\b/i, 'more-than'],
  [/^(fewer than|less than|under|as few as)\b/i, 'fewer-than'],
  [/^(about|around|some|roughly|approximately|an estimated|estimated)\b/i, 'about'],
];

/** The qualifier the page's words give the number ("up to 190,000 troops" → "up-to"); "exactly" when none. */
export function qualifierIn(text: string): Qualifier {
  const head = text.trim();
  for (const [re, q] of QUALIFIER_WORDS) if (re.test(head)) return q;
  return 'exactly';
}

export type FigureNote =
  /** The page gives other numbers than the dataset's figure. */
  | { kind: 'number'; page: string }
  /** Same number, qualified differently ("about" against "up to"). */
  | { kind: 'qualifier'; page: string };

/** What to tell the reader about the page's figure against the dataset's, or null when they agree. */
export function figureNote(pageText: string | undefined, figure: DetailFigure): FigureNote | null {
  if (!pageText) return null;
  const page = pageText.replace(/\s+/g, ' ').trim();
  const found = numbersIn(page);
  if (found.length === 0) return null;
  const dataset = figure.low !== undefined && figure.high !== undefined ? [figure.low, figure.high] : [figure.value];
  const same = found.length === dataset.length && found.every((readings, i) => readings.includes(dataset[i]!));
  if (!same) return { kind: 'number', page };
  // Ranges carry their own qualifier ("between"): compare qualifiers for single numbers only.
  if (dataset.length === 1 && qualifierIn(page) !== figure.qualifier) return { kind: 'qualifier', page };
  return null;
}

/**
 * Where the page's number for a measure stands among the values the dataset's sources give for
 * it: how many values lie below it and how many above. Null when the page's text holds no number.
 * A range counts by its bounds: above the page's number only if its low bound is.
 */
export function measureStanding(pageText: string | undefined, figures: readonly DetailFigure[]): { page: number; below: number; above: number; total: number } | null {
  if (!pageText) return null;
  const first = numbersIn(pageText.replace(/\s+/g, ' '))[0]?.[0];
  if (first === undefined) return null;
  let below = 0;
  let above = 0;
  for (const f of figures) {
    if ((f.low ?? f.value) > first) above++;
    else if ((f.high ?? f.value) < first) below++;
  }
  return { page: first, below, above, total: figures.length };
}
