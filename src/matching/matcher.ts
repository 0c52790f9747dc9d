/**
 * Finding the dataset's actors and figures in a block of page text.
 *
 * Design (cost is O(text length), whatever the size of the index):
 * - The text is tokenised once (`Tokens`): words and punctuation with their original offsets.
 * - Aliases live in a token trie keyed by folded tokens (`foldKey`). Each word first meets a
 *   Bloom filter of the aliases' first tokens, hashed straight from the text (no string made):
 *   most words stop there. A word that passes costs one Map lookup, plus one per further token
 *   while the trie still matches, so 50,000 aliases cost what 30 do. A word starting with a
 *   lower-case letter is tested against the (usually empty) filter of aliases that start with
 *   one ("de Gaulle"): the case rule below forbids it to start any other.
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
 *     Only the acronym words are held to their case: the other words of such an alias follow
 *     the rule below, so "BBC NEWS" and "US MEDIA" in a headline match "BBC News", "US media".
 *   - any other alias matches each word as written, in Titlecase ("Von der Leyen" at a sentence
 *     start, "Of" in a title-cased headline) or in ALL CAPS ("VLADIMIR PUTIN" in a headline),
 *     but a word in lower case never matches a capitalised alias word: "putin" in a slug, a
 *     URL or a hashtag is not a reference to the person. Scripts without case always pass.
 * - Context (context.ts): the words right around a match may deny it ("Brigitte Macron",
 *   "Contact US", "Hunter Biden") or confirm an unsafe alias ("US President", "Moscow denies"),
 *   which then comes out as `safe`. A denied entry is not returned; the scan tries the next
 *   shorter alias at the same place.
 * - Ambiguity: when several actors share an alias, every actor whose entry passes is returned
 *   for the same span (consecutive matches with equal start and end, safe ones first);
 *   `resolveAmbiguous` (ambiguity.ts) keeps one. Always pass results through it.
 */
import type { MatchIndex } from '../dataset/compiled';
import { CONFIRMED, ContextJudge, DENIED, compileRules, type AliasRules } from './context';
import { FigureIndex, type FigureHit } from './figures';
import { cyrillicEndingFits } from './inflection';
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

interface AliasEntry {
  actor: number;
  safe: boolean;
  caseSensitive: boolean;
  /** The alias's tokens as written: diacritics folded, case kept (`Tokens.form`). */
  forms: string[];
  /** The alias's context rules, or null (most aliases). */
  rules: AliasRules | null;
  /** A one-word alias of a person (maybe the bare surname): the given-name rule applies (context.ts). */
  single: boolean;
  /** The alias may take the German genitive "s" (`IndexAlias.genitive`). */
  genitive: boolean;
}

/** An actor's own words, read from its aliases the first time the given-name rule needs them. */
interface OwnNames {
  /** Keys of every word but the last of its multi-word aliases: "vladimir", "wladimir". */
  given: Set<string>;
  /** Keys of the last words of its multi-word aliases: its surnames. */
  last: Set<string>;
}

/** Node flags in the trie: which kinds of edges leave the node. */
const HAS_GLUED = 1;
const HAS_SPACED = 2;

/**
 * Builds a matcher for one index.
 *
 * A content script builds it cold (fresh JIT, an index just deserialised) on every page load,
 * so building does the least it can and makes no string per alias: each alias is read only up
 * to its first token, whose hash goes into the prefilter and files the alias in a waiting list
 * for that hash. The trie under a first token is built the first time the page contains that
 * token, from the aliases waiting there; a page meets a few dozen of them, not 50,000. The trie
 * itself is flat (one Map of first tokens, one Map of edges keyed by node and token, arrays per
 * node): a handful of Maps, not one per node.
 */
export function createMatcher(index: MatchIndex): Matcher {
  const tokens = new Tokens();
  const aliasTokens = new Tokens();
  const phraseTokens = new Tokens();
  const judge = new ContextJudge();
  /** First token key → node, for expanded first tokens. */
  const roots = new Map<string, number>();
  /** `${node}${' ' or '|'}${key}` → node: the next token after whitespace (' ') or glued ('|'). */
  const edges = new Map<string, number>();
  const nodeFlags: number[] = [];
  const nodeEntries: (AliasEntry[] | null)[] = [];
  const newNode = (): number => {
    nodeFlags.push(0);
    nodeEntries.push(null);
    return nodeFlags.length - 1;
  };
  /**
   * Aliases not yet in the trie, by the hash of their first key: the head of a linked list
   * through `nextWaiting` (positions in `index.aliases`, -1 ends it). No array per list.
   */
  const waiting = new Map<number, number>();
  const nextWaiting = new Int32Array(index.aliases.length);
  /** First-key hashes of the aliases starting with a lower-case word ("de Gaulle", "eBay"). */
  const lowerHashes: number[] = [];
  let punctuationStarts = false;
  let dropped = 0;

  const aliases = index.aliases;
  // Backwards, so that each waiting list comes out in index order.
  for (let a = aliases.length - 1; a >= 0; a--) {
    const alias = aliases[a]!;
    if (!Number.isInteger(alias.actor) || alias.actor < 0 || alias.actor >= index.actors.length) {
      dropped++;
      continue;
    }
    const hash = firstHash(tokens, alias.text);
    if (hash === null) {
      dropped++;
      continue;
    }
    const first = tokens.flags[0]!;
    if ((first & WORD) === 0) punctuationStarts = true;
    if ((first & LOWER) !== 0) lowerHashes.push(hash);
    nextWaiting[a] = waiting.get(hash) ?? -1;
    waiting.set(hash, a);
  }

  /** Moves the aliases waiting under a first-key hash into the trie. */
  function expand(head: number): void {
    for (let a = head; a >= 0; a = nextWaiting[a]!) {
      const alias = aliases[a]!;
      aliasTokens.read(alias.text);
      const firstKey = aliasTokens.key(0);
      let node = roots.get(firstKey);
      if (node === undefined) roots.set(firstKey, (node = newNode()));
      const forms = [aliasTokens.form(0)];
      for (let k = 1; k < aliasTokens.count; k++) {
        forms.push(aliasTokens.form(k));
        const spaced = (aliasTokens.flags[k]! & GAP) !== 0;
        const edge = `${node}${spaced ? ' ' : '|'}${aliasTokens.key(k)}`;
        let child = edges.get(edge);
        if (child === undefined) {
          edges.set(edge, (child = newNode()));
          nodeFlags[node] = nodeFlags[node]! | (spaced ? HAS_SPACED : HAS_GLUED);
        }
        node = child;
      }
      let entries = nodeEntries[node];
      if (!entries) nodeEntries[node] = entries = [];
      const rules = compileRules(alias.context, phraseTokens);
      // Entries with context rules stay apart: each alias's rules judge its own matches.
      const same = rules
        ? undefined
        : entries.find((e) => e.actor === alias.actor && e.caseSensitive === alias.caseSensitive && !e.rules && sameForms(e.forms, forms));
      if (same) {
        same.safe ||= alias.safe;
        same.genitive ||= alias.genitive === true;
      }
      else {
        const single = forms.length === 1 && !alias.caseSensitive && index.actors[alias.actor]!.kind === 'person';
        entries.push({ actor: alias.actor, safe: alias.safe, caseSensitive: alias.caseSensitive, forms, rules, single, genitive: alias.genitive === true });
      }
    }
  }

  const anyFirst = new KeyFilter(waiting.keys(), waiting.size);
  const lowerFirst = lowerHashes.length > 0 ? new KeyFilter(lowerHashes, lowerHashes.length) : null;
  const figures = new FigureIndex(index.figures, aliasTokens);
  dropped += figures.dropped;
  let covered = new Uint8Array(256);
  const figureHits: FigureHit[] = [];
  /** Terminal nodes met on the current walk, and the token each ends at: tried longest first. */
  const terminals: number[] = [];
  const terminalLasts: number[] = [];
  /** Whether the terminal's last token is read without its genitive "s" ("Putins"). */
  const terminalGenitive: boolean[] = [];
  const ownNames = new Map<number, OwnNames>();

  /** The actor's own given names and surnames (see `OwnNames`): one pass over the aliases, once per actor. */
  function ownNamesOf(actor: number): OwnNames {
    let own = ownNames.get(actor);
    if (own) return own;
    own = { given: new Set(), last: new Set() };
    for (const alias of aliases) {
      if (alias.actor !== actor) continue;
      phraseTokens.read(alias.text);
      let words = 0;
      for (let k = 0; k < phraseTokens.count; k++) if ((phraseTokens.flags[k]! & WORD) !== 0) words++;
      if (words < 2) continue;
      let lastWord = -1;
      for (let k = 0; k < phraseTokens.count; k++) if ((phraseTokens.flags[k]! & WORD) !== 0) lastWord = k;
      for (let k = 0; k < lastWord; k++) if ((phraseTokens.flags[k]! & WORD) !== 0) own.given.add(phraseTokens.key(k));
      own.last.add(phraseTokens.key(lastWord));
    }
    ownNames.set(actor, own);
    return own;
  }

  /** The given-name rule (context.ts `otherGivenName`) for a one-word alias of a person matched at token `i`. */
  function otherPerson(entry: AliasEntry, i: number): boolean {
    // Cheap test first: most surnames follow a lower-case word or punctuation.
    const p = i - 1;
    if (p < 0 || (tokens.flags[p]! & (WORD | LOWER)) !== WORD) return false;
    const own = ownNamesOf(entry.actor);
    if (!own.last.has(tokens.key(i))) return false;
    return judge.otherGivenName(tokens, i, own.given, tokens.form(i).toLowerCase() !== entry.forms[0]!.toLowerCase());
  }
  /**
   * Whether the text from token `i` is written in a case the entry accepts (see the module
   * comment), with an ending the alias allows (inflection.ts). `genitive`: the last word is
   * read without its final "s".
   */
  function casePasses(entry: AliasEntry, i: number, genitive: boolean): boolean {
    const forms = entry.forms;
    for (let n = 0; n < forms.length; n++) {
      const k = i + n;
      if ((tokens.flags[k]! & WORD) === 0) continue;
      let written = tokens.form(k);
      if (genitive && n === forms.length - 1) written = written.slice(0, -1);
      const alias = forms[n]!;
      if (written === alias) continue;
      const lower = written.toLowerCase();
      const aliasLower = alias.toLowerCase();
      if (lower !== aliasLower && !cyrillicEndingFits(aliasLower, lower)) return false;
      if (entry.caseSensitive && isAllCaps(alias)) {
        if (isLongAcronym(alias) && written === alias[0] + alias.slice(1).toLowerCase()) continue;
        return false;
      }
      if (written === written.toUpperCase() || isTitlecase(written)) continue;
      return false;
    }
    return true;
  }

  /**
   * Appends to `out` one match per actor whose entry passes its case and context rules, safe
   * ones first; returns how many. One entry is the common case and allocates nothing but the match.
   */
  function emit(entries: AliasEntry[], i: number, last: number, start: number, end: number, out: TextMatch[], genitive: boolean): number {
    const from = out.length;
    for (const entry of entries) {
      // Only a safe German name takes the genitive: "Investigate Bidens" in a headline is the family.
      if (genitive && (entry.caseSensitive || !entry.genitive || !entry.safe)) continue;
      if (!casePasses(entry, i, genitive)) continue;
      if (entry.single && otherPerson(entry, i)) continue;
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

  /** The trie node of a first token (its hash passed the filter), moving its waiting aliases in first. */
  function rootOf(hash: number, key: string): number | undefined {
    if (waiting.size > 0) {
      const head = waiting.get(hash);
      if (head !== undefined) {
        waiting.delete(hash);
        expand(head);
      }
    }
    return roots.get(key);
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
      if (filter.has(hash)) node = rootOf(hash, tokens.key(i));
      // Most words end here: in lower case, or not ending in "s", they cannot be a genitive.
      else if ((f & LOWER) !== 0 || page.charCodeAt(end[i]! - 1) !== 0x73) continue;
      if (node === undefined && !isGenitive(i)) continue;
      terminals.length = 0;
      terminalLasts.length = 0;
      terminalGenitive.length = 0;
      if (node === undefined) {
        // "Putins Krieg": the name without its genitive "s", alone.
        const base = (f & PLAIN) !== 0 ? tokens.plainHash(i, 1) : hashKey(tokens.key(i).slice(0, -1));
        const root = anyFirst.has(base) ? rootOf(base, tokens.key(i).slice(0, -1)) : undefined;
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

/**
 * Reads the first token of `text` into `tokens` and returns the hash of its key (`hashKey`),
 * computed from the text itself for a plain ASCII word; null when the text has no token.
 */
function firstHash(tokens: Tokens, text: string): number | null {
  tokens.read(text, 1);
  if (tokens.count === 0) return null;
  if ((tokens.flags[0]! & PLAIN) !== 0) return tokens.plainHash(0);
  const key = tokens.key(0);
  return key === '' ? null : hashKey(key);
}

/**
 * A Bloom filter over key hashes (two probes from one FNV hash, about 16 bits per key, so about 1.5%
 * false positives): most words of a page are rejected by one bit test, without making a key
 * string, whatever the size of the index. Sized to the index, at most 512 KiB.
 */
class KeyFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  constructor(hashes: Iterable<number>, count: number) {
    let size = 1 << 12;
    while (size < count * 16 && size < 1 << 22) size <<= 1;
    this.bits = new Uint32Array(size >>> 5);
    this.mask = size - 1;
    for (const h of hashes) {
      this.set(h);
      this.set(rehash(h));
    }
  }

  has(h: number): boolean {
    return this.test(h) && this.test(rehash(h));
  }

  private set(h: number): void {
    const bit = h & this.mask;
    this.bits[bit >>> 5] = this.bits[bit >>> 5]! | (1 << (bit & 31));
  }

  private test(h: number): boolean {
    const bit = h & this.mask;
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/** A second, independent-enough probe from the same hash. */
function rehash(h: number): number {
  return Math.imul(h ^ (h >>> 16), 0x45d9f3b) ^ (h >>> 13);
}

function sameForms(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((form, n) => form === b[n]);
}

/** "NATO", "UNESCO": 4 or more characters, all capitals. */
function isLongAcronym(s: string): boolean {
  return s.length >= 4 && isAllCaps(s);
}

/** "US", "BBC": has letters, all capitals. */
function isAllCaps(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/** "Putin", "Von": a capital, then no capitals. */
function isTitlecase(s: string): boolean {
  const first = s[0]!;
  if (first === first.toLowerCase()) return false;
  const rest = s.slice(1);
  return rest === rest.toLowerCase();
}
