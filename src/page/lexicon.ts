/**
 * The part of the dataset a page can match, and the matcher over it.
 *
 * For a small dataset that is the whole match index, received once. For a large one
 * (src/matching/first-words.ts) it starts with the figures and the filter of first words only,
 * and grows with the aliases the page's words ask for (`want`, then `load`), so that a page pays
 * for the names its text might contain, not for the dataset.
 *
 * Actors keep their position as the lexicon grows (new ones are appended), so matches found
 * with an earlier matcher keep pointing at the right actor, and the ambiguity rule's counts of
 * supported actors stay valid.
 *
 * An alias can arrive after the words it is made of were read: the background sends a one-word
 * unsafe alias ("Johnson") only when the page asks for its actor, once it has found the actor
 * named safely ("Boris Johnson"), maybe in text that arrived later (`wantActors`). So the
 * lexicon remembers which blocks had which words (by their containers), and after each load says
 * which of them to read again (`takeStale`).
 */
import type { MatchIndex } from '../dataset/compiled';
import { FirstWords, firstWordOf, forEachFirstWord, pairKey } from '../matching/first-words';
import { createMatcher, type Matcher } from '../matching/matcher';
import { Tokens } from '../matching/tokens';
import type { AliasBatch, IndexReply } from '../messaging/protocol';

const matchers = new WeakMap<MatchIndex, Matcher>();
/** One matcher per index object (building one is cheap, but not free). */
function matcherFor(index: MatchIndex): Matcher {
  let m = matchers.get(index);
  if (!m) matchers.set(index, (m = createMatcher(index)));
  return m;
}

/** What a page asks for: words that may be one-word aliases, word pairs that may start longer ones, actors it names. */
export class AliasRequest {
  readonly words = new Set<number>();
  readonly pairs = new Map<string, [number, number]>();
  readonly actors = new Set<string>();

  get size(): number {
    return this.words.size + this.pairs.size + this.actors.size;
  }
}

export class Lexicon {
  index: MatchIndex;
  /** The filter of first words, for a large dataset; null when the index came whole. */
  readonly filter: FirstWords | null;
  /** Words and pairs asked for already (whether or not the dataset had aliases for them). */
  private readonly askedWords = new Set<number>();
  private readonly askedPairs = new Set<string>();
  /** Actors (by id) with aliases the background held back, and those asked for in full. */
  private readonly withheld = new Set<string>();
  private readonly askedActors = new Set<string>();
  private readonly actorAt = new Map<string, number>();
  private readonly tokens = new Tokens();
  /** First-word hash → the block containers where the page has that word. */
  private readonly seen = new Map<number, Set<Node>>();
  private stale = new Set<Node>();

  constructor(
    reply: IndexReply,
    private readonly fetchAliases: (words: number[], pairs: number[], actors: string[]) => Promise<AliasBatch | null> = async () => null,
  ) {
    this.filter = reply.firstWords ? FirstWords.fromWire(reply.firstWords) : null;
    this.index = { version: reply.version, actors: reply.actors, aliases: reply.aliases, figures: reply.figures };
    reply.actors.forEach((a, i) => this.actorAt.set(a.id, i));
  }

  get matcher(): Matcher {
    return matcherFor(this.index);
  }

  /**
   * For a large dataset: adds to `request` the words of `text` that may start an alias, and the
   * pairs they make with the next token, that were not asked for yet. True when there were such:
   * the block must be matched again once their aliases are loaded.
   */
  want(text: string, request: AliasRequest, container?: Node): boolean {
    if (!this.filter) return false;
    let needs = false;
    forEachFirstWord(this.tokens, text, this.filter, (first, next) => {
      if (container) {
        const where = this.seen.get(first);
        if (where) where.add(container);
        else this.seen.set(first, new Set([container]));
      }
      if (!this.askedWords.has(first)) {
        request.words.add(first);
        needs = true;
      }
      if (next === null) return;
      const key = pairKey(first, next);
      if (this.askedPairs.has(key)) return;
      request.pairs.set(key, [first, next]);
      needs = true;
    });
    return needs;
  }

  /**
   * Adds to `request` the actors among `positions` (the page names them) whose aliases the
   * background held back; true if there are any.
   */
  wantActors(positions: Iterable<number>, request: AliasRequest): boolean {
    let needs = false;
    for (const at of positions) {
      const id = this.index.actors[at]?.id;
      if (id === undefined || !this.withheld.has(id) || this.askedActors.has(id)) continue;
      request.actors.add(id);
      needs = true;
    }
    return needs;
  }

  /** Loads the aliases `request` asks for; true when the lexicon grew (the matcher changed). */
  async load(request: AliasRequest): Promise<boolean> {
    const words = [...request.words].filter((w) => !this.askedWords.has(w));
    const pairs = [...request.pairs].filter(([key]) => !this.askedPairs.has(key));
    const actorIds = [...request.actors].filter((id) => !this.askedActors.has(id));
    if (words.length === 0 && pairs.length === 0 && actorIds.length === 0) return false;
    const batch = await this.fetchAliases(words, pairs.flatMap(([, pair]) => pair), actorIds);
    if (!batch) return false; // No answer: those words stay unmatched, and are asked again later.
    for (const w of words) this.askedWords.add(w);
    for (const [key] of pairs) this.askedPairs.add(key);
    for (const id of actorIds) this.askedActors.add(id);
    for (const at of batch.withheld) {
      const id = batch.actors[at]?.id;
      if (id !== undefined && !this.askedActors.has(id)) this.withheld.add(id);
    }
    if (batch.aliases.length === 0) return false;
    const actors = [...this.index.actors];
    const aliases = [...this.index.aliases];
    const position = batch.actors.map((actor) => {
      let at = this.actorAt.get(actor.id);
      if (at === undefined) {
        this.actorAt.set(actor.id, (at = actors.length));
        actors.push(actor);
      }
      return at;
    });
    const known = new Set(this.index.aliases.map((a) => `${a.actor}\u0000${a.text}`));
    const added = aliases.length;
    for (const alias of batch.aliases) {
      const actor = position[alias.actor];
      if (actor === undefined || known.has(`${actor}\u0000${alias.text}`)) continue;
      known.add(`${actor}\u0000${alias.text}`);
      aliases.push({ ...alias, actor });
    }
    if (aliases.length === added) return false;
    this.index = { ...this.index, actors, aliases };
    // Blocks read earlier with the first word of a new alias may hold a match now.
    for (let a = added; a < aliases.length; a++) {
      const first = firstWordOf(this.tokens, aliases[a]!.text);
      for (const node of (first && this.seen.get(first.hash)) ?? []) {
        if (node.isConnected) this.stale.add(node);
        else this.seen.get(first!.hash)!.delete(node);
      }
    }
    return true;
  }

  /** The block containers to read again since the last call (see the module comment). */
  takeStale(): Node[] {
    const nodes = [...this.stale];
    this.stale = new Set();
    return nodes;
  }
}
