/**
 * Finding the dataset's actors and figures in a block of page text.
 *
 * Design (cost is O(text length), whatever the size of the index):
 * - The text is tokenised once (`Tokens`): words and punctuation with their original offsets.
 * - Aliases live in a token trie keyed by folded tokens (`foldKey`). Each position costs one
 *   Map lookup, plus one per further token while the trie still matches, so 50,000 aliases cost
 *   what 30 do. Words starting with a lower-case letter are not even looked up unless some alias
 *   starts with one, and then only when a filter on first letter and length lets them through.
 * - Leftmost-longest: at each token the longest alias whose case rule passes wins, and the scan
 *   resumes after it ("Vladimir Putin" is one match, not "Vladimir Putin" plus "Putin").
 * - Figures are read from the same tokens afterwards (figures.ts); a name wins over a figure's
 *   qualifier or unit window ("30,000 NATO troops": NATO, and the figure "30,000").
 *
 * Rules, and why:
 * - Whole words, by construction: a word token is a maximal run of letters, digits and marks of
 *   any script, so "Putin" is never found in "Putinism" or "Rasputin".
 * - Possessives need nothing: "Putin's" / "Putin’s" is `Putin` `'` `s`; the match covers the name.
 * - Spacing: any run of whitespace (newlines, NBSP) between two tokens equals one space; whether
 *   there is whitespace at all must agree with the alias ("Jean-Yves" does not match
 *   "Jean - Yves"). Soft hyphens and zero-width characters inside a word are ignored.
 * - Diacritics and typography folded on both sides (normalize.ts): "Elysee" matches "Élysée",
 *   "Putin’s" has the same apostrophe as "Putin's".
 * - Case, per word, on the text as written (diacritics folded, case kept):
 *   - an alias with `caseSensitive` (acronyms) matches its exact case only ("US", never "us"
 *     or "Us"), except that an all-capitals alias of 4 or more characters also matches its
 *     Titlecase form, because British style writes pronounceable acronyms that way ("Nato",
 *     "Unesco", "Opec"); 3 letters or fewer are too often ordinary words ("Us", "Who", "Eu").
 *   - any other alias matches each word as written, in Titlecase ("Von der Leyen" at a sentence
 *     start, "Of" in a title-cased headline) or in ALL CAPS ("VLADIMIR PUTIN" in a headline),
 *     but a word in lower case never matches a capitalised alias word: "putin" in a slug, a
 *     URL or a hashtag is not a reference to the person. Scripts without case always pass.
 * - Ambiguity: when several actors share an alias, every actor whose entry passes is returned
 *   for the same span (consecutive matches with equal start and end, safe ones first);
 *   `resolveAmbiguous` (ambiguity.ts) keeps one. Always pass results through it.
 */
import type { MatchIndex } from '../dataset/compiled';
import { FigureIndex, type FigureHit } from './figures';
import { GAP, LOWER, PLAIN, Tokens, WORD } from './tokens';

/** One match in the text given to `find`; offsets are UTF-16 offsets into that original text. */
export interface TextMatch {
  start: number;
  end: number;
  type: 'actor' | 'figure';
  /** Position in `MatchIndex.actors` (type actor) or `MatchIndex.figures` (type figure). */
  ref: number;
  /** The alias's `safe` flag; always true for figures. */
  safe: boolean;
}

export interface Matcher {
  /**
   * Matches in `text`, sorted by start. Spans never overlap, except that one span may carry
   * several actor candidates (see the module comment).
   */
  find(text: string): TextMatch[];
  /** Aliases and figures the index holds that could not be used (bad actor index, empty text, no value or unit): counted, not thrown. */
  readonly dropped: number;
}

interface AliasEntry {
  actor: number;
  safe: boolean;
  caseSensitive: boolean;
  /** The alias's tokens as written: diacritics folded, case kept (`Tokens.form`). */
  forms: string[];
}

interface TrieNode {
  /** Next token glued to this one (no whitespace between): "Jean" → "-". */
  glued: Map<string, TrieNode> | null;
  /** Next token after whitespace: "Vladimir" → "Putin". */
  spaced: Map<string, TrieNode> | null;
  entries: AliasEntry[] | null;
}

const newNode = (): TrieNode => ({ glued: null, spaced: null, entries: null });

/** Builds a matcher for one index. Cost: linear in the total length of the aliases. */
export function createMatcher(index: MatchIndex): Matcher {
  const tokens = new Tokens();
  const root = new Map<string, TrieNode>();
  /** Aliases starting with a lower-case word ("de Gaulle", "eBay"): their first key's (first char, length). */
  const lowerStarts = new Set<number>();
  let lowerAliases = 0;
  let punctuationStarts = false;
  let dropped = 0;

  for (const alias of index.aliases) {
    if (!Number.isInteger(alias.actor) || alias.actor < 0 || alias.actor >= index.actors.length) {
      dropped++;
      continue;
    }
    tokens.read(alias.text);
    const count = tokens.count;
    if (count === 0 || tokens.key(0) === '') {
      dropped++;
      continue;
    }
    const forms: string[] = [];
    let node = root.get(tokens.key(0));
    if (!node) root.set(tokens.key(0), (node = newNode()));
    for (let k = 0; k < count; k++) {
      forms.push(tokens.form(k));
      if (k === 0) continue;
      const spaced = (tokens.flags[k]! & GAP) !== 0;
      let map = spaced ? node.spaced : node.glued;
      if (!map) {
        map = new Map();
        if (spaced) node.spaced = map;
        else node.glued = map;
      }
      const key = tokens.key(k);
      let child = map.get(key);
      if (!child) map.set(key, (child = newNode()));
      node = child;
    }
    const first = tokens.flags[0]!;
    if ((first & WORD) === 0) punctuationStarts = true;
    if ((first & LOWER) !== 0) {
      lowerAliases++;
      lowerStarts.add(filterKey(tokens.key(0)));
    }
    const entries = (node.entries ??= []);
    const same = entries.find(
      (e) => e.actor === alias.actor && e.caseSensitive === alias.caseSensitive && sameForms(e.forms, forms),
    );
    if (same) same.safe ||= alias.safe;
    else entries.push({ actor: alias.actor, safe: alias.safe, caseSensitive: alias.caseSensitive, forms });
  }

  const figures = new FigureIndex(index.figures, tokens);
  dropped += figures.dropped;
  let covered = new Uint8Array(256);
  const figureHits: FigureHit[] = [];

  /** Whether the text from token `i` is written in a case the entry accepts (see the module comment). */
  function casePasses(entry: AliasEntry, i: number): boolean {
    const forms = entry.forms;
    for (let n = 0; n < forms.length; n++) {
      const k = i + n;
      if ((tokens.flags[k]! & WORD) === 0) continue;
      const written = tokens.form(k);
      const alias = forms[n]!;
      if (written === alias) continue;
      if (entry.caseSensitive) {
        if (isLongAcronym(alias) && written === alias[0] + alias.slice(1).toLowerCase()) continue;
        return false;
      }
      if (written === written.toUpperCase() || isTitlecase(written)) continue;
      return false;
    }
    return true;
  }

  /** The actors of the entries that pass, safe ones first, one match per actor. */
  function candidates(entries: AliasEntry[], i: number, start: number, end: number): TextMatch[] | null {
    let found: TextMatch[] | null = null;
    for (const entry of entries) {
      if (!casePasses(entry, i)) continue;
      found ??= [];
      const same = found.find((m) => m.ref === entry.actor);
      if (same) same.safe ||= entry.safe;
      else found.push({ start, end, type: 'actor', ref: entry.actor, safe: entry.safe });
    }
    if (found && found.length > 1) found.sort((a, b) => Number(b.safe) - Number(a.safe));
    return found;
  }

  function find(text: string): TextMatch[] {
    tokens.read(text);
    const n = tokens.count;
    if (n === 0) return [];
    if (covered.length < n) covered = new Uint8Array(Math.max(n, covered.length * 2));
    else covered.fill(0, 0, n);
    const { flags, start, end } = tokens;
    const actors: TextMatch[] = [];

    for (let i = 0; i < n; i++) {
      const f = flags[i]!;
      if ((f & LOWER) !== 0) {
        if (lowerAliases === 0) continue;
        if ((f & PLAIN) !== 0 && !lowerStarts.has(filterKey(text, start[i]!, end[i]!))) continue;
      } else if ((f & WORD) === 0 && !punctuationStarts) continue;
      let node = root.get(tokens.key(i));
      if (!node) continue;
      let best: TextMatch[] | null = null;
      let bestLast = -1;
      for (let j = i; ; ) {
        if (node.entries) {
          const found = candidates(node.entries, i, start[i]!, end[j]!);
          if (found) {
            best = found;
            bestLast = j;
          }
        }
        const next = j + 1;
        if (next >= n) break;
        const map = (flags[next]! & GAP) !== 0 ? node.spaced : node.glued;
        const child = map?.get(tokens.key(next));
        if (!child) break;
        node = child;
        j = next;
      }
      if (!best) continue;
      for (const match of best) actors.push(match);
      covered.fill(1, i, bestLast + 1);
      i = bestLast;
    }

    figureHits.length = 0;
    figures.find(tokens, covered, figureHits);
    if (figureHits.length === 0) return actors;
    const merged: TextMatch[] = [];
    let a = 0;
    for (const hit of figureHits) {
      const s = start[hit.first]!;
      while (a < actors.length && actors[a]!.start < s) merged.push(actors[a++]!);
      merged.push({ start: s, end: end[hit.last]!, type: 'figure', ref: hit.figure, safe: true });
    }
    while (a < actors.length) merged.push(actors[a++]!);
    return merged;
  }

  return { find, dropped };
}

/**
 * A cheap pre-filter for lower-case words: first character and length of the key. For a plain
 * ASCII word the key is its lower case, so the word itself gives both without a slice.
 */
function filterKey(text: string, s = 0, e = text.length): number {
  return (text.charCodeAt(s) << 8) | Math.min(e - s, 255);
}

function sameForms(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((form, n) => form === b[n]);
}

/** "NATO", "UNESCO": 4 or more characters, all capitals. */
function isLongAcronym(s: string): boolean {
  return s.length >= 4 && s === s.toUpperCase() && s !== s.toLowerCase();
}

/** "Putin", "Von": a capital, then no capitals. */
function isTitlecase(s: string): boolean {
  const first = s[0]!;
  if (first === first.toLowerCase()) return false;
  const rest = s.slice(1);
  return rest === rest.toLowerCase();
}
