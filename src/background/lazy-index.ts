/**
 * What the background sends pages of the match index: all of it for a small dataset, and for a
 * large one the filter of its aliases' first words, then the aliases a page asks for by the
 * hashes of its words and word pairs (src/matching/first-words.ts explains why).
 *
 * The filter and the table of aliases by first-token hash are made on the first request and
 * kept while the service worker lives: about 50 ms for 50,000 aliases, once, instead of 4 MB of
 * messaging on every page load.
 *
 * A one-word unsafe alias without context cues ("Brown", a surname hundreds of actors may
 * share) is never sent for its word: alone it cannot be highlighted (the ambiguity rule), and
 * sending every Brown of the dataset to every page that says "brown" would cost more than the
 * rest together. The page asks for it by its actor once it has found that actor named safely
 * (`actors`), and reads again the blocks that had the word (src/page/lexicon.ts).
 */
import type { MatchIndex } from '../dataset/compiled';
import { FirstWords, LAZY_ALIASES, firstWordOf, pairKey } from '../matching/first-words';
import { Tokens } from '../matching/tokens';
import type { AliasBatch, IndexReply } from '../messaging/protocol';

export interface IndexServer {
  /** The reply to `data:index`. */
  index(): IndexReply;
  /**
   * The reply to `data:aliases`: the one-token aliases whose token is one of `words` (but the
   * unsafe ones without cues), the longer ones whose first two tokens are a pair of `pairs`
   * (flat: first, second, …), and every alias of the actors with these ids; with their actors.
   */
  aliases(words: readonly number[], pairs: readonly number[], actorIds?: readonly string[]): AliasBatch;
}

interface Entry {
  alias: number;
  /** The hash of the alias's second token; null for a one-token alias. */
  next: number | null;
}

type Alias = MatchIndex['aliases'][number];

/** Whether an alias can name its actor on its own: safe, or confirmed by a cue around it. */
const names = (alias: Alias): boolean => alias.safe || (alias.context?.before?.length ?? 0) > 0 || (alias.context?.after?.length ?? 0) > 0;

/** Whether an alias is sent only when its actor is asked for (see the module comment). */
const withActorOnly = (entry: Entry, alias: Alias): boolean => entry.next === null && !names(alias);

export function createIndexServer(index: MatchIndex, lazyFrom = LAZY_ALIASES): IndexServer {
  let table: { byFirst: Map<number, Entry[]>; byActor: Map<number, number[]>; actorAt: Map<string, number>; reply: IndexReply } | null = null;
  const prepare = () => {
    if (table) return table;
    const tokens = new Tokens();
    const byFirst = new Map<number, Entry[]>();
    const byActor = new Map<number, number[]>();
    index.aliases.forEach((alias, a) => {
      const first = firstWordOf(tokens, alias.text);
      if (!first) return;
      const entry = { alias: a, next: first.next };
      const list = byFirst.get(first.hash);
      if (list) list.push(entry);
      else byFirst.set(first.hash, [entry]);
      const own = byActor.get(alias.actor);
      if (own) own.push(a);
      else byActor.set(alias.actor, [a]);
    });
    const firstWords = FirstWords.build(index.aliases.map((a) => a.text)).toWire();
    const actorAt = new Map(index.actors.map((a, i) => [a.id, i]));
    table = { byFirst, byActor, actorAt, reply: { version: index.version, actors: [], aliases: [], figures: index.figures, firstWords } };
    return table;
  };
  return {
    index: () => (index.aliases.length < lazyFrom ? index : prepare().reply),
    aliases(words, pairs, actorIds = []) {
      const { byFirst, byActor, actorAt: actorOf } = prepare();
      const wanted = new Set<string>();
      for (let i = 0; i + 1 < pairs.length; i += 2) wanted.add(pairKey(pairs[i]!, pairs[i + 1]!));
      const single = new Set(words);
      const firsts = new Set(words);
      for (let i = 0; i < pairs.length; i += 2) firsts.add(pairs[i]!);
      const chosen = new Set<number>();
      for (const first of firsts) {
        for (const entry of byFirst.get(first) ?? []) {
          if (entry.next === null ? !single.has(first) : !wanted.has(pairKey(first, entry.next))) continue;
          if (!withActorOnly(entry, index.aliases[entry.alias]!)) chosen.add(entry.alias);
        }
      }
      for (const id of actorIds) {
        const actor = actorOf.get(id);
        if (actor !== undefined) for (const a of byActor.get(actor) ?? []) chosen.add(a);
      }
      const batch: AliasBatch = { actors: [], aliases: [], withheld: [] };
      const actorAt = new Map<number, number>();
      for (const a of [...chosen].sort((x, y) => x - y)) {
        const alias = index.aliases[a]!;
        let at = actorAt.get(alias.actor);
        if (at === undefined) {
          const actor = index.actors[alias.actor];
          if (!actor) continue;
          actorAt.set(alias.actor, (at = batch.actors.length));
          batch.actors.push(actor);
        }
        batch.aliases.push({ ...alias, actor: at });
      }
      for (const [actor, at] of actorAt) {
        if ((byActor.get(actor) ?? []).some((a) => !chosen.has(a))) batch.withheld.push(at);
      }
      return batch;
    },
  };
}
