/**
 * The one tokeniser for page text, aliases and unit terms.
 *
 * A token is either a word (a maximal run of letters, digits and marks of any script, with
 * ignorables inside it) or a single punctuation character. Whitespace is not a token: it is a
 * flag on the token after it (`GAP`). Because words are maximal runs, matching token sequences
 * gives whole-word matching for free: "Putin" is never a token of "Putinism" or "Rasputin",
 * while "Putin's" is the tokens `Putin` `'` `s`, so the possessive needs no special case.
 *
 * Cost: one pass over the text with charCode reads; ASCII words never touch a regular
 * expression, other scripts use one sticky `test()` per word. Offsets are UTF-16 offsets into
 * the original text. Buffers are reused from call to call, so a page of thousands of blocks
 * allocates nothing per character and almost nothing per token.
 */
import { stemKey } from './inflection';
import { foldKey, foldMarks, isIgnorable, isWhitespace, wordRunRegExp } from './normalize';

/** The token is a word (otherwise one punctuation or symbol character). */
export const WORD = 1;
/** Whitespace separates the token from the one before it (or it starts the text after whitespace). */
export const GAP = 2;
/** The word starts with a lower-case letter: it cannot start a capitalised name (a fast reject). */
export const LOWER = 4;
/** The word starts with an ASCII digit. */
export const DIGIT = 8;
/** The word is plain ASCII with nothing to fold but case: its key is `toLowerCase()`. */
export const PLAIN = 16;

/**
 * A reusable token buffer: parallel typed arrays (no object per token) and lazily computed,
 * cached keys (most words are rejected by the matcher's prefilter before any key is made).
 */
export class Tokens {
  count = 0;
  text = '';
  start = new Int32Array(256);
  end = new Int32Array(256);
  flags = new Uint8Array(256);
  private readonly wordRun = wordRunRegExp();
  /** Key cache, valid where `keyStamp[k] === stamp`: bumping the stamp empties it without allocating. */
  private keys: string[] = new Array<string>(256).fill('');
  private keyStamp = new Int32Array(256);
  private stamp = 1;

  /** Tokenises `text` into this buffer, replacing what it held; stops after `limit` tokens. */
  read(text: string, limit = Infinity): void {
    const wordRun = this.wordRun;
    this.text = text;
    this.count = 0;
    if (++this.stamp === 0x7fffffff) {
      this.keyStamp.fill(0);
      this.stamp = 1;
    }
    const n = text.length;
    let gap = true;
    let i = 0;
    while (i < n && this.count < limit) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (isAsciiWordCode(c)) {
          const s = i;
          i++;
          while (i < n && isAsciiWordCode(text.charCodeAt(i))) i++;
          let flags = WORD | PLAIN;
          if (i < n && text.charCodeAt(i) >= 0x80) {
            wordRun.lastIndex = i;
            if (wordRun.test(text)) {
              i = trimIgnorablesEnd(text, s, wordRun.lastIndex);
              flags = WORD;
            }
          }
          if (c >= 0x30 && c <= 0x39) flags |= DIGIT;
          else if (c >= 0x61 && c <= 0x7a) flags |= LOWER;
          this.push(s, i, gap ? flags | GAP : flags);
          gap = false;
        } else if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
          gap = true;
          i++;
        } else {
          this.push(i, i + 1, gap ? GAP : 0);
          gap = false;
          i++;
        }
        continue;
      }
      if (isWhitespace(c)) {
        gap = true;
        i++;
        continue;
      }
      if (isIgnorable(c)) {
        i++;
        continue;
      }
      wordRun.lastIndex = i;
      if (wordRun.test(text)) {
        const e = trimIgnorablesEnd(text, i, wordRun.lastIndex);
        const first = text[i] as string;
        let flags = WORD;
        if (first !== first.toUpperCase()) flags |= LOWER;
        this.push(i, e, gap ? flags | GAP : flags);
        gap = false;
        i = wordRun.lastIndex;
        continue;
      }
      // Punctuation or symbol: one code point.
      const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      this.push(i, i + width, gap ? GAP : 0);
      gap = false;
      i += width;
    }
  }

  /**
   * The folded lookup key of token `k` (see `foldKey`); "" for a token that folds to nothing.
   * A Cyrillic word is keyed by its stem (inflection.ts), so that its case forms meet.
   */
  key(k: number): string {
    if (this.keyStamp[k] === this.stamp) return this.keys[k]!;
    const raw = this.text.slice(this.start[k], this.end[k]);
    const key = (this.flags[k]! & PLAIN) !== 0 ? raw.toLowerCase() : stemKey(foldKey(raw));
    this.keys[k] = key;
    this.keyStamp[k] = this.stamp;
    return key;
  }

  /**
   * `hashKey(key(k))` for a `PLAIN` token, read straight from the text: no slice, no string.
   * Lets the matcher reject most words with a bit test before it makes a key. `trim`: leave
   * out that many final characters (the German genitive "s").
   */
  plainHash(k: number, trim = 0): number {
    const text = this.text;
    let h = FNV_OFFSET;
    for (let i = this.start[k]!, e = this.end[k]! - trim; i < e; i++) {
      const c = text.charCodeAt(i);
      h = Math.imul(h ^ (c >= 0x41 && c <= 0x5a ? c + 0x20 : c), FNV_PRIME);
    }
    return h;
  }

  /** Token `k` as written, diacritics and ignorables folded but case kept (see `foldMarks`). */
  form(k: number): string {
    const raw = this.text.slice(this.start[k], this.end[k]);
    return (this.flags[k]! & PLAIN) !== 0 ? raw : foldMarks(raw);
  }

  private push(s: number, e: number, flags: number): void {
    const k = this.count;
    if (k === this.start.length) this.grow();
    this.start[k] = s;
    this.end[k] = e;
    this.flags[k] = flags;
    this.count = k + 1;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    const flags = new Uint8Array(size);
    const keyStamp = new Int32Array(size);
    start.set(this.start);
    end.set(this.end);
    flags.set(this.flags);
    keyStamp.set(this.keyStamp);
    this.start = start;
    this.end = end;
    this.flags = flags;
    this.keyStamp = keyStamp;
    for (let k = this.keys.length; k < size; k++) this.keys.push('');
  }
}

function isAsciiWordCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** A word ends at its last real character: a trailing soft hyphen or bidi mark is not part of the name. */
function trimIgnorablesEnd(text: string, s: number, e: number): number {
  while (e > s + 1 && isIgnorable(text.charCodeAt(e - 1))) e--;
  return e;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units: the hash the matcher's prefilter uses for keys. */
export function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h;
}
