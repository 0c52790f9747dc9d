/**
 * Text normalisation shared by index building (aliases, unit terms) and scanning (page text).
 *
 * Both sides must fold the same way, or a name that is in the index will never be found, so
 * every rule lives here and nowhere else:
 *
 * - Case: `toLowerCase()` (locale-independent), plus Greek final sigma folded to σ.
 * - Diacritics: NFD, then the combining marks that writers drop freely are removed: the
 *   Combining Diacritical Marks blocks (Latin, Greek and Cyrillic accents: "Élysée" = "Elysee",
 *   "Zelenskyi" / "Zelenskyï", Greek capitals written without tonos), Hebrew points and Arabic
 *   harakat (optional vowel signs) and the Arabic tatweel. Marks that are part of the spelling
 *   (Indic vowel signs and viramas, Thai, …) are kept: dropping them would merge different
 *   words. Then NFC, so keys stay short and comparable.
 * - Letters that do not decompose but that English-language news writes without their stroke
 *   or ligature: ł→l, ø→o, đ/ð→d, ħ→h, ı→i, ŧ→t, ß→ss, æ→ae, œ→oe, þ→th ("Wałęsa" = "Walesa").
 * - Typographic apostrophes (’ ‘ ‛ ʼ ′ ´ ＇) fold to ', dashes and minus signs (‐ ‑ ‒ – — ― −)
 *   to -.
 * - Ignorable characters (soft hyphen, zero-width space / joiners, word joiner, BOM, bidi
 *   controls) are removed wherever they are: sites insert them for hyphenation and line
 *   breaking, inside names ("Pu\u00ADtin").
 * - Whitespace of every kind (NBSP, thin spaces, newlines, ideographic space) is a separator;
 *   runs count as one space.
 */

/** Word characters: letters, digits and marks of any script, the underscore (so "vladimir_putin" in a slug is one word), and ignorables (so they stay inside the word they split). U+02BC MODIFIER LETTER APOSTROPHE is a letter to Unicode but an apostrophe to writers ("Putinʼs"): it is taken out. */
const WORD_CLASS =
  '[[\\p{L}\\p{N}\\p{M}_\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]--[\\u02BC]]';

/**
 * Sticky matcher for the rest of a word from a given position. Used with `lastIndex` and
 * `test()`, it allocates nothing. The `v` flag (set subtraction) is in every browser the
 * extension supports (Chrome 112, Firefox 116) and in Node 20.
 */
export function wordRunRegExp(): RegExp {
  return new RegExp(`${WORD_CLASS}+`, 'vy');
}

/** Characters removed wherever they occur (see the module comment). */
export function isIgnorable(code: number): boolean {
  return (
    code === 0x00ad ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/** Whitespace as the page shows it: ASCII, NBSP, the U+2000 spaces, line/paragraph separators, ideographic space. */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Single-character separators inside a number written with spaces: "190 000", "190\u00A0000", "190\u2009000". */
export function isDigitGroupSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x2007 || code === 0x2009 || code === 0x202f;
}

const NON_ASCII = /[\u0080-\uffff]/;
const IGNORABLES = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u0640]/g;
const OPTIONAL_MARKS =
  // The class lists combining marks on purpose: they are what it removes.
  // eslint-disable-next-line no-misleading-character-class
  /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]/g;
const APOSTROPHES = /[\u2018\u2019\u201b\u02bc\u2032\u00b4\uff07]/g;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const LETTERS: Record<string, string> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ħ: 'h', Ħ: 'H', ı: 'i',
  ŧ: 't', Ŧ: 'T', ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'TH', ς: 'σ',
};
const SPECIAL_LETTERS = /[łŁøØđĐðÐħĦıŧŦßẞæÆœŒþÞς]/g;
const replaceLetter = (ch: string): string => LETTERS[ch] ?? ch;

/**
 * Folds diacritics, special letters, apostrophes, dashes and ignorables, keeping case.
 * The matcher compares these forms to decide whether a name is written in an accepted case.
 */
export function foldMarks(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return s
    .replace(IGNORABLES, '')
    .normalize('NFD')
    .replace(OPTIONAL_MARKS, '')
    .replace(SPECIAL_LETTERS, replaceLetter)
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .normalize('NFC');
}

/**
 * The lookup key of one word or punctuation token: `foldMarks` of its lower case.
 * Lower-casing comes first so that "İ" (i + combining dot above) folds to "i".
 */
export function foldKey(s: string): string {
  const lower = s.toLowerCase();
  return NON_ASCII.test(lower) ? foldMarks(lower) : lower;
}

const WHITESPACE_RUNS = /[\s\u0085\u180e]+/g;

/**
 * Normalises a whole string the way the matcher sees it: folded (`foldKey`), ignorables gone,
 * every whitespace run one space, trimmed. For building keys and comparing names outside the
 * matcher (deduplicating aliases, tests); the matcher itself works token by token.
 */
export function normalizeText(s: string): string {
  return foldKey(s).replace(WHITESPACE_RUNS, ' ').trim();
}
