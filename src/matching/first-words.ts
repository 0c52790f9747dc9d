/**
 * The first words of a dataset's aliases, as a Bloom filter a page can test its words against,
 * for datasets too large to send to every page whole.
 *
 * A page needs only the aliases it could contain: those whose first word it has, and for an
 * alias of several words, whose first two words it has one after the other. With a small
 * dataset the background sends the whole match index; past `LAZY_ALIASES` aliases it sends this
 * filter instead (about 2 bytes per distinct first word), the page collects its words that pass
 * it with the word that follows each (`forEachFirstWord`), and asks for the aliases they may
 * start (the `data:aliases` message). Pairs matter: "John" starts hundreds of aliases of a
 * 10,000-actor dataset, "John Smith" one. Sending a 50,000-alias index to a page costs about
 * 4 MB of messaging and half a second or more; the filter and a page's share cost a few ms.
 *
 * The hashes and the filter are the matcher's own (`hashKey` of a word's folded key, computed
 * straight from the text for plain ASCII words; key-filter.ts), so that a word passes here
 * exactly when it would pass the matcher's prefilter. Words starting in lower case are tested against the filter
 * of aliases that start in lower case only ("de Gaulle"), as the matcher's case rule demands.
 */
import { z } from 'zod/mini';
import { KeyFilter } from './key-filter';
import { LOWER, PLAIN, Tokens, WORD, hashKey } from './tokens';

/** Past this many aliases, pages get the filter and ask for their aliases. */
export const LAZY_ALIASES = 5_000;

/** The filter as it travels in a message: bit arrays as base64. */
export const FirstWordsWire = z.object({
  /** Bits of every alias's first word; `size` bits. */
  any: z.string(),
  /** Bits of the first words of aliases that start in lower case. */
  lower: z.string(),
  size: z.int().check(z.nonnegative()),
  /** Whether some alias starts with punctuation (then punctuation tokens are tested too). */
  punctuation: z.boolean(),
});
export type FirstWordsWire = z.infer<typeof FirstWordsWire>;

/**
 * The hash of the first token of `text` (the matcher's), whether it starts in lower case, and the
 * hash of the word after it (`nextWord`; null for a one-token alias); null if `text` has no token.
 */
export function firstWordOf(tokens: Tokens, text: string): { hash: number; lower: boolean; word: boolean; next: number | null } | null {
  tokens.read(text, 1 + NEXT_WORD_WITHIN);
  if (tokens.count === 0) return null;
  const flags = tokens.flags[0]!;
  const hash = hashOf(tokens, 0);
  if (hash === null) return null;
  return { hash, lower: (flags & LOWER) !== 0, word: (flags & WORD) !== 0, next: tokens.count > 1 ? nextWord(tokens, 0) : null };
}

/** How far past a token its "next word" may be: "J. Smith", "U.S.", "Jean-Yves" skip one punctuation token. */
const NEXT_WORD_WITHIN = 3;

/**
 * The hash of the first word token after token `k` (within NEXT_WORD_WITHIN tokens), or of the
 * token right after `k` if none is a word. Words rather than tokens, because the token after an
 * initial is its period: the pair ("J", ".") starts every "J. Anybody" of a large dataset,
 * ("J", "Smith") only J. Smith.
 */
function nextWord(tokens: Tokens, k: number): number | null {
  const end = Math.min(tokens.count, k + 1 + NEXT_WORD_WITHIN);
  for (let n = k + 1; n < end; n++) if ((tokens.flags[n]! & WORD) !== 0) return hashOf(tokens, n);
  return k + 1 < tokens.count ? hashOf(tokens, k + 1) : null;
}

/** The matcher's hash of token `k`: from the text for a plain ASCII word, else of its folded key. */
function hashOf(tokens: Tokens, k: number): number | null {
  if ((tokens.flags[k]! & PLAIN) !== 0) return tokens.plainHash(k);
  const key = tokens.key(k);
  return key === '' ? null : hashKey(key);
}

/** A pair of token hashes as one key. */
export function pairKey(first: number, next: number): string {
  return `${first}:${next}`;
}

export class FirstWords {
  private constructor(
    private readonly any: KeyFilter,
    private readonly lower: KeyFilter,
    readonly punctuation: boolean,
  ) {}

  /** The filter of the first words of `texts` (about 16 bits per distinct word, about 1.5% false positives). */
  static build(texts: Iterable<string>): FirstWords {
    const tokens = new Tokens();
    const all: number[] = [];
    const lower: number[] = [];
    let punctuation = false;
    for (const text of texts) {
      const first = firstWordOf(tokens, text);
      if (!first) continue;
      all.push(first.hash);
      if (first.lower) lower.push(first.hash);
      if (!first.word) punctuation = true;
    }
    const any = KeyFilter.forCount(new Set(all).size);
    const filter = new FirstWords(any, new KeyFilter(new Uint32Array(any.bits.length), any.size), punctuation);
    for (const h of all) filter.any.add(h);
    for (const h of lower) filter.lower.add(h);
    return filter;
  }

  static fromWire(wire: FirstWordsWire): FirstWords {
    return new FirstWords(new KeyFilter(fromBase64(wire.any), wire.size), new KeyFilter(fromBase64(wire.lower), wire.size), wire.punctuation);
  }

  toWire(): FirstWordsWire {
    return { any: toBase64(this.any.bits), lower: toBase64(this.lower.bits), size: this.any.size, punctuation: this.punctuation };
  }

  /** Whether a word with this hash may start an alias (`lower`: the word starts in lower case). */
  has(hash: number, lower: boolean): boolean {
    return (lower ? this.lower : this.any).has(hash);
  }
}

/**
 * Calls `found` with the hash of each word of `text` that passes the filter (a word that may
 * start an alias of the dataset) and the hash of the token after it (null at the end).
 */
export function forEachFirstWord(tokens: Tokens, text: string, filter: FirstWords, found: (hash: number, next: number | null) => void): void {
  tokens.read(text);
  const { flags, count } = tokens;
  for (let k = 0; k < count; k++) {
    const f = flags[k]!;
    if ((f & WORD) === 0 && !filter.punctuation) continue;
    const hash = hashOf(tokens, k);
    if (hash !== null && filter.has(hash, (f & LOWER) !== 0)) found(hash, k + 1 < count ? nextWord(tokens, k) : null);
  }
}

function toBase64(bits: Uint32Array): string {
  const bytes = new Uint8Array(bits.buffer, bits.byteOffset, bits.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint32Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Uint32Array(bytes.buffer);
}
