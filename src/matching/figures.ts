/**
 * Finding the dataset's figures ("up to 190,000 troops", "close to 75 per cent") in tokenised
 * page text.
 *
 * A number is read in the forms news pages use: "190000", "190,000", "190 000" (one space,
 * NBSP or thin space between groups of three), "190.000" (European grouping), "1.2", "1,2",
 * "1,234.5", "190k", "2m", "1.5bn", "190 thousand", "1.2 million"; a percentage by "75%",
 * "75 %", "75pc", "75 per cent", "75 percent", "75 pct"; a range by "100,000-130,000",
 * "100,000 to 130,000", "between 100,000 and 130,000" (the first bound takes the second's scale
 * and percent sign: "1-2 million", "70-75%"). Where a form is ambiguous ("1,200" is 1200 in
 * English and 1.2 in French) every reading is kept: the match still needs the value to be one
 * the dataset holds AND the figure's unit or percent sign, so the extra reading costs nothing
 * and a wrong match needs two coincidences.
 *
 * A number glued to a preceding "/", ":", ".", "," or "-" (dates, times, versions, "3/4", "-5")
 * is not a figure, unless "-" links it to the first number of a range; a cluster that parses as
 * nothing ("19.02.2022") is skipped whole, never in part.
 *
 * A figure matches when one reading equals its value, low or high, and
 * - for a percentage: a percent marker follows the number and, if the figure has unit terms
 *   (what it is a share of: "forces"), one of them follows in the window below ("75 per cent of
 *   Russia's conventional forces", not "75 % de réduction");
 * - otherwise: no percent marker, and one of its unit terms (or the term's plural/singular)
 *   starts within the next 4 words, not crossing a number or punctuation other than - and '
 *   ("190,000 Russian troops", "14,000 of its soldiers"). A possessive "'s" is not a word there.
 * - and, where the index gives the figure's own proper names (`IndexFigure.names`), every
 *   capitalised word between the number and the unit is one of them: "30,000 Russian troops"
 *   is the dataset's figure, "30,000 American troops" another country's.
 * The span runs from a qualifier right before the number ("up to", "close to", "at least",
 * "about", "nearly", "more than", …) to the unit (or the percent marker). When several
 * figures fit, the first in index order wins: the card shows the others of the same measure.
 */
import type { IndexFigure } from '../dataset/compiled';
import { isDigitGroupSpace } from './normalize';
import { DIGIT, GAP, WORD, Tokens } from './tokens';

/** A figure found in the text: a token span and the figure's position in `MatchIndex.figures`. */
export interface FigureHit {
  first: number;
  last: number;
  /** Last token of the number itself (before the unit window), for trimming a span that would swallow a name. */
  numberLast: number;
  figure: number;
}

interface NumberRead {
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
/** Punctuation the unit window may cross: "190,000-strong", "Russia's troops". */
const WINDOW_PUNCTUATION = new Set(['-', "'"]);
const UNIT_WINDOW_WORDS = 4;
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

/**
 * Reads the number starting at token `i`: groups, decimal part, suffix, scale word, percent
 * marker. Null when the tokens are no number we read (the caller then moves on one token).
 */
function readNumber(t: Tokens, i: number, afterDash: boolean): NumberRead | null {
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
function rangeLink(t: Tokens, a: NumberRead): number {
  const link = a.last + 1;
  if (link + 1 >= t.count || (t.flags[link + 1]! & DIGIT) === 0) return -1;
  const key = t.key(link);
  if (key === '-') return link;
  if ((t.flags[link]! & GAP) === 0 || (t.flags[link + 1]! & GAP) === 0) return -1;
  if (key === 'to') return link;
  if (key === 'and' && a.first >= 1 && t.key(a.first - 1) === 'between') return link;
  return -1;
}

/**
 * The last token of the first unit term found in the window after a number, or -1. With
 * `names`, a capitalised word in the window that is not one of them ends the search.
 */
function findUnit(t: Tokens, from: number, units: string[][], names: ReadonlySet<string> | null): number {
  let words = 0;
  for (let p = from; p < t.count && words < UNIT_WINDOW_WORDS; p++) {
    const flags = t.flags[p]!;
    if ((flags & WORD) === 0) {
      const key = t.key(p);
      if (!WINDOW_PUNCTUATION.has(key)) return -1;
      // "Russia's": the possessive is not a word of the window.
      if (key === "'" && p + 1 < t.count && (t.flags[p + 1]! & GAP) === 0 && t.key(p + 1) === 's') p++;
      continue;
    }
    if ((flags & DIGIT) !== 0) return -1;
    for (const unit of units) {
      if (sequenceAt(t, p, unit)) return p + unit.length - 1;
    }
    if (names && !isOwnName(t, p, names)) return -1;
    words++;
  }
  return -1;
}

/**
 * Whether window token `p` may stand between a figure's number and unit: not capitalised, or
 * one of the figure's own names give or take a last letter and an ending ("Russia's troops"
 * for "Russian troops", "Ukraine" for "Ukrainian"; "Austria" is not "Australia").
 */
function isOwnName(t: Tokens, p: number, names: ReadonlySet<string>): boolean {
  const first = t.form(p)[0]!;
  if (first === first.toLowerCase()) return true;
  const key = t.key(p);
  if (names.has(key)) return true;
  for (const name of names) {
    const shorter = Math.min(name.length, key.length);
    if (shorter < 5) continue;
    let common = 0;
    while (common < shorter && name.charCodeAt(common) === key.charCodeAt(common)) common++;
    if (common >= shorter - 1) return true;
  }
  return false;
}

function sequenceAt(t: Tokens, p: number, keys: string[]): boolean {
  if (p + keys.length > t.count) return false;
  for (let n = 0; n < keys.length; n++) if (t.key(p + n) !== keys[n]) return false;
  return true;
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

/** Unit terms as token-key sequences, each with its last word's plural and singular forms. */
function unitSequences(terms: readonly string[], t: Tokens): string[][] {
  const seen = new Set<string>();
  const sequences: string[][] = [];
  for (const term of terms) {
    t.read(term);
    if (t.count === 0) continue;
    const keys: string[] = [];
    for (let k = 0; k < t.count; k++) keys.push(t.key(k));
    const head = keys.slice(0, -1);
    for (const form of inflections(keys[keys.length - 1]!)) {
      const sequence = [...head, form];
      const id = sequence.join('\u0000');
      if (seen.has(id) || form === '') continue;
      seen.add(id);
      sequences.push(sequence);
    }
  }
  return sequences;
}

/** A word's English plural and singular candidates. Over-generating is harmless: a form that is not a word never occurs. */
export function inflections(word: string): string[] {
  const forms = new Set([word, `${word}s`, `${word}es`]);
  const irregular: Record<string, string> = { person: 'people', people: 'person', child: 'children', children: 'child' };
  if (irregular[word]) forms.add(irregular[word]);
  if (word.endsWith('ies')) forms.add(`${word.slice(0, -3)}y`);
  if (word.endsWith('ves')) {
    forms.add(`${word.slice(0, -3)}f`);
    forms.add(`${word.slice(0, -3)}fe`);
  }
  if (word.endsWith('es')) forms.add(word.slice(0, -2));
  if (word.endsWith('s') && word.length > 1) forms.add(word.slice(0, -1));
  if (word.endsWith('y')) forms.add(`${word.slice(0, -1)}ies`);
  if (word.endsWith('fe')) forms.add(`${word.slice(0, -2)}ves`);
  else if (word.endsWith('f')) forms.add(`${word.slice(0, -1)}ves`);
  if (word.endsWith('man')) forms.add(`${word.slice(0, -3)}men`);
  if (word.endsWith('men')) forms.add(`${word.slice(0, -3)}man`);
  return [...forms];
}
