/**
 * The unit window after a figure's number (figures.ts): one of the figure's unit terms (or the
 * term's plural/singular) must start within the next 4 words, not crossing a number or
 * punctuation other than - and ' ("190,000 Russian troops", "14,000 of its soldiers"); a
 * possessive "'s" is not a word there. Where the index gives the figure's own proper names
 * (`IndexFigure.names`), every capitalised word between the number and the unit is one of them:
 * "30,000 Russian troops" is the dataset's figure, "30,000 American troops" another country's.
 */
import { DIGIT, GAP, WORD, type Tokens } from './tokens';

/** Punctuation the unit window may cross: "190,000-strong", "Russia's troops". */
const WINDOW_PUNCTUATION = new Set(['-', "'"]);
const UNIT_WINDOW_WORDS = 4;

/**
 * The last token of the first unit term found in the window after a number, or -1. With
 * `names`, a capitalised word in the window that is not one of them ends the search.
 */
export function findUnit(t: Tokens, from: number, units: string[][], names: ReadonlySet<string> | null): number {
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

/** Unit terms as token-key sequences, each with its last word's plural and singular forms. */
export function unitSequences(terms: readonly string[], t: Tokens): string[][] {
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
function inflections(word: string): string[] {
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
