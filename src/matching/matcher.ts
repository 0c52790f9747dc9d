/**
 * Finding the dataset's actors and figures in a block of page text.
 *
 * Design (cost is O(text length), whatever the size of the index):
 * - The text is tokenised once (tokens.ts): words and punctuation with their original offsets.
 * - Aliases live in a token trie keyed by folded tokens (alias-trie.ts). Each word first meets a
 *   Bloom filter of the aliases' first tokens (key-filter.ts), hashed straight from the text (no
 *   string made): most words stop there. A word that passes costs one Map lookup, plus one per
 *   further token while the trie still matches, so 50,000 aliases cost what 30 do. A word
 *   starting with a lower-case letter is tested against the (usually empty) filter of aliases
 *   that start with one ("de Gaulle"): the case rule forbids it to start any other.
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
 * - Case, per word, on the text as written: case-rule.ts.
 * - Context (context.ts): the words right around a match may deny it ("Brigitte Macron",
 *   "Contact US", "Hunter Biden") or confirm an unsafe alias ("US President", "Moscow denies"),
 *   which then comes out as `safe`. A denied entry is not returned; the scan tries the next
 *   shorter alias at the same place.
 * - Ambiguity: when several actors share an alias, every actor whose entry passes is returned
 *   for the same span (consecutive matches with equal start and end, safe ones first);
 *   `resolveAmbiguous` (ambiguity.ts) keeps one. Always pass results through it.
 */
import type { MatchIndex } from '../dataset/compiled';
import { AliasTrie, HAS_GLUED, HAS_SPACED, type AliasEntry } from './alias-trie';
import { casePasses } from './case-rule';
import { CONFIRMED, ContextJudge, DENIED } from './context';
import { FigureIndex, type FigureHit } from './figures';
import { GivenNameRule } from './own-names';
import { GAP, LOWER, PLAIN, Tokens, WORD, hashKey } from './tokens';

/** One match in the text given to `find`; offsets are UTF-16 offsets into that original text. */
export interface TextMatch {
  start: number;
  end: number;
  type: 'actor' | 'figure';
  /** Position in `MatchIndex.actors` (type actor) or `MatchIndex.figures` (type figure). */
  ref: number;
  /** The alias's `safe` flag, or true where its context confirmed it (context.ts); always true for figures. */
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

/** Builds a matcher for one index: cheap, since a content script builds it cold on every page load (alias-trie.ts). */
export function createMatcher(index: MatchIndex): Matcher {
  const tokens = new Tokens();
  const aliasTokens = new Tokens();
  const phraseTokens = new Tokens();
  const judge = new ContextJudge();
  const trie = new AliasTrie(index, aliasTokens, phraseTokens);
  const { edges, nodeFlags, nodeEntries, anyFirst, lowerFirst, punctuationStarts } = trie;
  const figures = new FigureIndex(index.figures, aliasTokens);
  const dropped = trie.dropped + figures.dropped;
  let covered = new Uint8Array(256);
  const figureHits: FigureHit[] = [];
  /** Terminal nodes met on the current walk, and the token each ends at: tried longest first. */
  const terminals: number[] = [];
  const terminalLasts: number[] = [];
  /** Whether the terminal's last token is read without its genitive "s" ("Putins"). */
  const terminalGenitive: boolean[] = [];
  const givenNames = new GivenNameRule(index.aliases, phraseTokens, judge);

  /**
   * Appends to `out` one match per actor whose entry passes its case and context rules, safe
   * ones first; returns how many. One entry is the common case and allocates nothing but the match.
   */
  function emit(entries: AliasEntry[], i: number, last: number, start: number, end: number, out: TextMatch[], genitive: boolean): number {
    const from = out.length;
    for (const entry of entries) {
      // Only a safe German name takes the genitive: "Investigate Bidens" in a headline is the family.
      if (genitive && (entry.caseSensitive || !entry.genitive || !entry.safe)) continue;
      if (!casePasses(tokens, entry, i, genitive)) continue;
      if (entry.single && givenNames.otherPerson(tokens, entry, i)) continue;
      let safe = entry.safe;
      if (entry.rules || !safe) {
        const verdict = judge.judge(tokens, i, last, safe, entry.caseSensitive, entry.rules);
        if (verdict === DENIED) continue;
        if (verdict === CONFIRMED) safe = true;
      }
      let same: TextMatch | undefined;
      for (let k = from; k < out.length && !same; k++) if (out[k]!.ref === entry.actor) same = out[k];
      if (same) same.safe ||= safe;
      else out.push({ start, end, type: 'actor', ref: entry.actor, safe });
    }
    const added = out.length - from;
    if (added > 1) {
      const group = out.splice(from, added).sort((a, b) => Number(b.safe) - Number(a.safe));
      for (const match of group) out.push(match);
    }
    return added;
  }

  /**
   * Whether word `k` may be a German genitive in "s" of a name (inflection.ts): a capitalised
   * word of four letters or more ending in one "s", not after "the" ("the Bidens"). Only safe
   * aliases written in German take it (`AliasEntry.genitive`).
   */
  function isGenitive(k: number): boolean {
    const { flags, text } = tokens;
    const e = tokens.end[k]!;
    // Read from the text, before any key is made: most words fail here.
    if ((flags[k]! & (WORD | LOWER)) !== WORD || e - tokens.start[k]! < 4) return false;
    if (text.charCodeAt(e - 1) !== 0x73 || text.charCodeAt(e - 2) === 0x73) return false;
    const p = k - 1;
    return !(p >= 0 && (flags[p]! & WORD) !== 0 && tokens.end[p]! - tokens.start[p]! === 3 && tokens.key(p) === 'the');
  }

  function find(text: string): TextMatch[] {
    tokens.read(text);
    judge.reset();
    const n = tokens.count;
    if (n === 0) return [];
    if (covered.length < n) covered = new Uint8Array(Math.max(n, covered.length * 2));
    else covered.fill(0, 0, n);
    const { flags, start, end } = tokens;
    const page = tokens.text;
    const actors: TextMatch[] = [];

    for (let i = 0; i < n; i++) {
      const f = flags[i]!;
      if ((f & WORD) === 0 && !punctuationStarts) continue;
      const filter = (f & LOWER) !== 0 ? lowerFirst : anyFirst;
      if (!filter) continue;
      let hash: number;
      if ((f & PLAIN) !== 0) hash = tokens.plainHash(i);
      else {
        const key = tokens.key(i);
        if (key === '') continue;
        hash = hashKey(key);
      }
      let node: number | undefined;
      if (filter.has(hash)) node = trie.rootOf(hash, tokens.key(i));
      // Most words end here: in lower case, or not ending in "s", they cannot be a genitive.
      else if ((f & LOWER) !== 0 || page.charCodeAt(end[i]! - 1) !== 0x73) continue;
      if (node === undefined && !isGenitive(i)) continue;
      terminals.length = 0;
      terminalLasts.length = 0;
      terminalGenitive.length = 0;
      if (node === undefined) {
        // "Putins Krieg": the name without its genitive "s", alone.
        const base = (f & PLAIN) !== 0 ? tokens.plainHash(i, 1) : hashKey(tokens.key(i).slice(0, -1));
        const root = anyFirst.has(base) ? trie.rootOf(base, tokens.key(i).slice(0, -1)) : undefined;
        if (root === undefined || !nodeEntries[root]) continue;
        terminals.push(root);
        terminalLasts.push(i);
        terminalGenitive.push(true);
      }
      for (let j = i; node !== undefined; ) {
        if (nodeEntries[node]) {
          terminals.push(node);
          terminalLasts.push(j);
          terminalGenitive.push(false);
        }
        const next = j + 1;
        if (next >= n) break;
        const spaced = (flags[next]! & GAP) !== 0;
        if ((nodeFlags[node]! & (spaced ? HAS_SPACED : HAS_GLUED)) === 0) break;
        const edge = `${node}${spaced ? ' ' : '|'}`;
        const child = edges.get(edge + tokens.key(next));
        if (child === undefined) {
          // "Wladimir Putins": the last word without its genitive "s".
          const bare = isGenitive(next) ? edges.get(edge + tokens.key(next).slice(0, -1)) : undefined;
          if (bare !== undefined && nodeEntries[bare]) {
            terminals.push(bare);
            terminalLasts.push(next);
            terminalGenitive.push(true);
          }
          break;
        }
        node = child;
        j = next;
      }
      for (let t = terminals.length - 1; t >= 0; t--) {
        const last = terminalLasts[t]!;
        if (emit(nodeEntries[terminals[t]!]!, i, last, start[i]!, end[last]!, actors, terminalGenitive[t]!) === 0) continue;
        covered.fill(1, i, last + 1);
        i = last;
        break;
      }
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
