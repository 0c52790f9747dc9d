/**
 * Reading a number in the forms news pages use, from tokenised text (figures.ts matches it):
 * "190000", "190,000", "190 000" (one space, NBSP or thin space between groups of three),
 * "190.000" (European grouping), "1.2", "1,2", "1,234.5", "190k", "2m", "1.5bn", "190 thousand",
 * "1.2 million"; a percentage by "75%", "75 %", "75pc", "75 per cent", "75 percent", "75 pct";
 * a range by "100,000-130,000", "100,000 to 130,000", "between 100,000 and 130,000". Where a form
 * is ambiguous ("1,200" is 1200 in English and 1.2 in French) every reading is kept: the match
 * still needs the value to be one the dataset holds AND the figure's unit or percent sign, so
 * the extra reading costs nothing and a wrong match needs two coincidences.
 *
 * A number glued to a preceding "/", ":", ".", "," or "-" (dates, times, versions, "3/4", "-5")
 * is not a figure, unless "-" links it to the first number of a range; a cluster that parses as
 * nothing ("19.02.2022") is skipped whole, never in part.
 */
import { isDigitGroupSpace } from './normalize';
import { DIGIT, GAP, WORD, type Tokens } from './tokens';

export interface NumberRead {
  first: number;
  last: number;
  /** Readings as decimal mantissa and exponent, before the scale. */
  readings: [string, number][];
  scale: number;
  hasScale: boolean;
  percent: boolean;
}

const NUMBER_TOKEN = /^(\d+)([a-z]*)$/i;
const SUFFIX_SCALE: Record<string, number> = { k: 3, m: 6, mn: 6, b: 9, bn: 9, tn: 12 };
const SCALE_WORDS: Record<string, number> = {
  thousand: 3, million: 6, mn: 6, billion: 9, bn: 9, trillion: 12, tn: 12,
};
const PERCENT_WORDS = new Set(['percent', 'pct', 'pc']);
/** Punctuation a number may not be glued to on its left: it is part of a date, a time, a version, a fraction. */
const GLUED_BEFORE = new Set(['/', ':', '.', ',', '-']);

/**
 * Reads the number starting at token `i`: groups, decimal part, suffix, scale word, percent
 * marker. Null when the tokens are no number we read (the caller then moves on one token).
 */
export function readNumber(t: Tokens, i: number, afterDash: boolean): NumberRead | null {
  const { flags, start, end, text } = t;
  if (i > 0 && (flags[i]! & GAP) === 0) {
    if ((flags[i - 1]! & WORD) !== 0) return null;
    const before = t.key(i - 1);
    if (GLUED_BEFORE.has(before) && !(afterDash && before === '-')) return null;
  }
  const head = NUMBER_TOKEN.exec(t.key(i));
  if (!head) return null;
  const groups = [head[1]!];
  const seps: string[] = [];
  let suffix = head[2]!;
  let k = i;
  while (suffix === '' && k + 1 < t.count) {
    const next = k + 1;
    if ((flags[next]! & (GAP | WORD)) === 0 && k + 2 < t.count) {
      const sep = t.key(next);
      const after = k + 2;
      if ((sep === ',' || sep === '.') && (flags[after]! & (GAP | DIGIT)) === DIGIT) {
        const m = NUMBER_TOKEN.exec(t.key(after));
        if (!m) break;
        seps.push(sep);
        groups.push(m[1]!);
        suffix = m[2]!;
        k = after;
        continue;
      }
    }
    if (
      (flags[next]! & (GAP | DIGIT)) === (GAP | DIGIT) &&
      start[next]! - end[k]! === 1 &&
      isDigitGroupSpace(text.charCodeAt(end[k]!)) &&
      groups[0]!.length <= 3 &&
      seps.every((s) => s === ' ') &&
      groups.every((g, n) => n === 0 || g.length === 3)
    ) {
      const m = NUMBER_TOKEN.exec(t.key(next));
      if (m && m[1]!.length === 3) {
        seps.push(' ');
        groups.push(m[1]!);
        suffix = m[2]!;
        k = next;
        continue;
      }
    }
    break;
  }
  const readings = readingsOf(groups, seps);
  if (readings.length === 0) return null;

  let scale = 0;
  let hasScale = false;
  let percent = false;
  if (suffix !== '') {
    const lower = suffix.toLowerCase();
    if (lower === 'pc') percent = true;
    else if (SUFFIX_SCALE[lower] !== undefined) {
      scale = SUFFIX_SCALE[lower];
      hasScale = true;
    } else return null;
  }
  if (!hasScale && !percent && k + 1 < t.count && (flags[k + 1]! & (GAP | WORD)) === (GAP | WORD)) {
    const word = SCALE_WORDS[t.key(k + 1)];
    if (word !== undefined) {
      scale = word;
      hasScale = true;
      k++;
    }
  }
  if (!percent && k + 1 < t.count) {
    const next = t.key(k + 1);
    if (next === '%' || next === '\uff05') {
      percent = true;
      k++;
    } else if ((flags[k + 1]! & GAP) !== 0) {
      if (PERCENT_WORDS.has(next)) {
        percent = true;
        k++;
      } else if (next === 'per' && k + 2 < t.count && (flags[k + 2]! & GAP) !== 0 && t.key(k + 2) === 'cent') {
        percent = true;
        k += 2;
      }
    }
  }
  return { first: i, last: k, readings, scale, hasScale, percent };
}

/**
 * Every reading of digit groups and their separators, as [mantissa, exponent]:
 * grouping ("190,000", "190.000", "190 000", with an optional decimal part "1,234.5") and
 * a plain decimal ("1.2", "1,2"). Empty when the groups make no number ("19.02.2022").
 */
function readingsOf(groups: string[], seps: string[]): [string, number][] {
  if (seps.length === 0) return [[groups[0]!, 0]];
  const readings: [string, number][] = [];
  const grouping = seps[0]!;
  let grouped = 1;
  while (grouped < groups.length && seps[grouped - 1] === grouping && groups[grouped]!.length === 3) grouped++;
  if (groups[0]!.length <= 3) {
    const integer = groups.slice(0, grouped).join('');
    if (grouped === groups.length) readings.push([integer, 0]);
    else if (grouped === groups.length - 1 && grouped > 1) {
      const decimal = seps[grouped - 1]!;
      const fraction = groups[grouped]!;
      if (decimal !== grouping && decimal !== ' ') readings.push([integer + fraction, -fraction.length]);
    }
  }
  if (seps.length === 1 && grouping !== ' ') {
    const fraction = groups[1]!;
    const reading: [string, number] = [groups[0]! + fraction, -fraction.length];
    if (!readings.some(([m, e]) => Number(`${m}e${e}`) === Number(`${reading[0]}e${reading[1]}`))) readings.push(reading);
  }
  return readings;
}

/** The token of a range's second number ("-", "–", "to", "and" after "between"), or -1. */
export function rangeLink(t: Tokens, a: NumberRead): number {
  const link = a.last + 1;
  if (link + 1 >= t.count || (t.flags[link + 1]! & DIGIT) === 0) return -1;
  const key = t.key(link);
  if (key === '-') return link;
  if ((t.flags[link]! & GAP) === 0 || (t.flags[link + 1]! & GAP) === 0) return -1;
  if (key === 'to') return link;
  if (key === 'and' && a.first >= 1 && t.key(a.first - 1) === 'between') return link;
  return -1;
}
