/**
 * The matcher's aliases as a token trie keyed by folded tokens (`Tokens.key`), built lazily.
 *
 * A content script builds it cold (fresh JIT, an index just deserialised) on every page load,
 * so building does the least it can and makes no string per alias: each alias is read only up
 * to its first token, whose hash goes into the prefilter (key-filter.ts) and files the alias in
 * a waiting list for that hash. The trie under a first token is built the first time the page
 * contains that token, from the aliases waiting there; a page meets a few dozen of them, not
 * 50,000. The trie itself is flat (one Map of first tokens, one Map of edges keyed by node and
 * token, arrays per node): a handful of Maps, not one per node.
 */
import type { MatchIndex } from '../dataset/compiled';
import { compileRules, type AliasRules } from './context-rules';
import { KeyFilter } from './key-filter';
import { GAP, LOWER, PLAIN, Tokens, WORD, hashKey } from './tokens';

/** What one alias (or several identical ones of one actor) asks of a match ending at its node. */
export interface AliasEntry {
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

/** Node flags in the trie: which kinds of edges leave the node. */
export const HAS_GLUED = 1;
export const HAS_SPACED = 2;

export class AliasTrie {
  /** First token key → node, for expanded first tokens. */
  private readonly roots = new Map<string, number>();
  /** `${node}${' ' or '|'}${key}` → node: the next token after whitespace (' ') or glued ('|'). */
  readonly edges = new Map<string, number>();
  readonly nodeFlags: number[] = [];
  readonly nodeEntries: (AliasEntry[] | null)[] = [];
  /**
   * Aliases not yet in the trie, by the hash of their first key: the head of a linked list
   * through `nextWaiting` (positions in `index.aliases`, -1 ends it). No array per list.
   */
  private readonly waiting = new Map<number, number>();
  private readonly nextWaiting: Int32Array;
  /** Every alias's first-key hash. */
  readonly anyFirst: KeyFilter;
  /** First-key hashes of the aliases starting with a lower-case word ("de Gaulle", "eBay"), if any. */
  readonly lowerFirst: KeyFilter | null;
  /** Some alias starts with punctuation: then punctuation tokens are tried too. */
  readonly punctuationStarts: boolean = false;
  /** Aliases that could not be used (bad actor index, empty text). */
  readonly dropped: number = 0;

  /** `scratch` and `phraseTokens`: token buffers the trie may overwrite at any call. */
  constructor(
    private readonly index: MatchIndex,
    private readonly scratch: Tokens,
    private readonly phraseTokens: Tokens,
  ) {
    const aliases = index.aliases;
    const tokens = scratch;
    const lowerHashes: number[] = [];
    this.nextWaiting = new Int32Array(aliases.length);
    let dropped = 0;
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
      if ((first & WORD) === 0) this.punctuationStarts = true;
      if ((first & LOWER) !== 0) lowerHashes.push(hash);
      this.nextWaiting[a] = this.waiting.get(hash) ?? -1;
      this.waiting.set(hash, a);
    }
    this.dropped = dropped;
    this.anyFirst = filterOf(this.waiting.keys(), this.waiting.size);
    this.lowerFirst = lowerHashes.length > 0 ? filterOf(lowerHashes, lowerHashes.length) : null;
  }

  /** The trie node of a first token (its hash passed the filter), moving its waiting aliases in first. */
  rootOf(hash: number, key: string): number | undefined {
    if (this.waiting.size > 0) {
      const head = this.waiting.get(hash);
      if (head !== undefined) {
        this.waiting.delete(hash);
        this.expand(head);
      }
    }
    return this.roots.get(key);
  }

  private newNode(): number {
    this.nodeFlags.push(0);
    this.nodeEntries.push(null);
    return this.nodeFlags.length - 1;
  }

  /** Moves the aliases waiting under a first-key hash into the trie. */
  private expand(head: number): void {
    const { index, roots, edges, nodeFlags, nodeEntries } = this;
    const aliases = index.aliases;
    const aliasTokens = this.scratch;
    for (let a = head; a >= 0; a = this.nextWaiting[a]!) {
      const alias = aliases[a]!;
      aliasTokens.read(alias.text);
      const firstKey = aliasTokens.key(0);
      let node = roots.get(firstKey);
      if (node === undefined) roots.set(firstKey, (node = this.newNode()));
      const forms = [aliasTokens.form(0)];
      for (let k = 1; k < aliasTokens.count; k++) {
        forms.push(aliasTokens.form(k));
        const spaced = (aliasTokens.flags[k]! & GAP) !== 0;
        const edge = `${node}${spaced ? ' ' : '|'}${aliasTokens.key(k)}`;
        let child = edges.get(edge);
        if (child === undefined) {
          edges.set(edge, (child = this.newNode()));
          nodeFlags[node] = nodeFlags[node]! | (spaced ? HAS_SPACED : HAS_GLUED);
        }
        node = child;
      }
      let entries = nodeEntries[node];
      if (!entries) nodeEntries[node] = entries = [];
      const rules = compileRules(alias.context, this.phraseTokens);
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
}

function filterOf(hashes: Iterable<number>, count: number): KeyFilter {
  const filter = KeyFilter.forCount(count);
  for (const h of hashes) filter.add(h);
  return filter;
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

function sameForms(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((form, n) => form === b[n]);
}
