/**
 * A large dataset's index reaches a page in parts (src/matching/first-words.ts,
 * src/background/lazy-index.ts, src/page/lexicon.ts): the filter of first words, then the
 * aliases the page's words ask for. Whatever the parts, a page must keep exactly what the whole
 * index keeps. The seed dataset is sent in parts here by lowering the threshold to one alias.
 */
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../dataset/compile';
import type { MatchIndex } from '../dataset/compiled';
import { loadDataset } from '../dataset/load';
import { createIndexServer } from './lazy-index';
import { firstWordOf } from '../matching/first-words';
import { resolveAmbiguous, supportedActors } from '../matching/ambiguity';
import { createMatcher, type TextMatch } from '../matching/matcher';
import { Tokens } from '../matching/tokens';
import { AliasRequest, Lexicon } from '../page/lexicon';

const loaded = loadDataset('assets/dataset');
const dataset = loaded.dataset!;
const index: MatchIndex = compileIndex(dataset, 'unit');
const article = loaded.texts!.get(dataset.articles[0]!.id)!;

/** Texts with every kind of alias: the seed article, plus cases the article lacks. */
const TEXTS = [
  ...article.split('\n').filter((t) => t.trim() !== ''),
  "VLADIMIR PUTIN'S WAR: Élysée and Elysee, Oleksiy Reznikov, the US and the U.S., pro-Russian separatists.",
  'Johnson spoke; later Boris Johnson spoke. Washington and America. 190,000 troops, 75 per cent.',
  'Nothing here names anyone at all.',
];

/** What a text matches, by actor or figure id (positions differ between the two indexes). */
function ids(found: { type: string; ref: number; start: number; end: number; safe: boolean }[], ix: MatchIndex): string[] {
  return found.map((m) => `${m.start}-${m.end}:${m.type === 'actor' ? ix.actors[m.ref]!.id : ix.figures[m.ref]!.id}:${m.safe}`);
}

describe('an index sent in parts', () => {
  it('a small dataset is sent whole; past the threshold, without aliases but with the filter', () => {
    expect(createIndexServer(index).index()).toBe(index);
    const lazy = createIndexServer(index, 1).index();
    expect(lazy.aliases).toEqual([]);
    expect(lazy.actors).toEqual([]);
    expect(lazy.figures).toEqual(index.figures);
    expect(lazy.firstWords).toBeDefined();
  });

  it('finds on every text exactly what the whole index finds, once the ambiguity rule is applied', async () => {
    const server = createIndexServer(index, 1);
    const lexicon = new Lexicon(server.index(), async (words, pairs, actors) => server.aliases(words, pairs, actors));
    const whole = createMatcher(index);
    // Each text as a page of one block: a bare "US" without "United States" is dropped either way,
    // whether the whole index found it or the lexicon never loaded it.
    const kept = (ix: MatchIndex, found: TextMatch[]) => ids(resolveAmbiguous([found], ix)[0]!, ix);
    for (const text of TEXTS) {
      // As a page reads a block: its words, then the held-back aliases of the actors it names.
      const request = new AliasRequest();
      if (lexicon.want(text, request)) await lexicon.load(request);
      const named = new AliasRequest();
      if (lexicon.wantActors(supportedActors([lexicon.matcher.find(text)]), named)) await lexicon.load(named);
      expect(kept(lexicon.index, lexicon.matcher.find(text)), text).toEqual(kept(index, whole.find(text)));
    }
  });

  it('holds only what the page asked for, and an actor keeps its position as it grows', async () => {
    const server = createIndexServer(index, 1);
    const lexicon = new Lexicon(server.index(), async (words, pairs, actors) => server.aliases(words, pairs, actors));
    const read = async (text: string) => {
      const request = new AliasRequest();
      lexicon.want(text, request);
      return lexicon.load(request);
    };
    expect(await read('Vladimir Putin spoke.')).toBe(true);
    expect(lexicon.index.actors.map((a) => a.id)).toEqual(['vladimir-putin']);
    const found = lexicon.matcher.find('Putin again.');
    expect(await read('Emmanuel Macron replied.')).toBe(true);
    expect(lexicon.index.actors.map((a) => a.id)).toEqual(['vladimir-putin', 'emmanuel-macron']);
    // A match found before the lexicon grew still names the same actor.
    expect(ids(found, lexicon.index)).toEqual(['0-5:vladimir-putin:true']);
  });

  it('asks for a longer alias only when its first two words are on the page, one after the other', () => {
    const server = createIndexServer(index, 1);
    const texts = (words: readonly number[], pairs: readonly number[]) => server.aliases(words, pairs).aliases.map((a) => a.text);
    const tokens = new Tokens();
    const first = (t: string) => firstWordOf(tokens, t)!;
    const boris = first('Boris Johnson');
    // "Boris" alone, followed by another name: no "Boris Johnson".
    expect(texts([boris.hash], [boris.hash, first('Yeltsin').hash])).not.toContain('Boris Johnson');
    expect(texts([boris.hash], [boris.hash, boris.next!])).toContain('Boris Johnson');
    // A one-word safe alias needs its word only.
    expect(texts([first('Putin').hash], [])).toContain('Putin');
  });

  it('holds back a one-word unsafe alias until the page names its actor, then rereads the blocks that had the word', async () => {
    const server = createIndexServer(index, 1);
    const tokens = new Tokens();
    const johnson = firstWordOf(tokens, 'Johnson')!.hash;
    const boris = firstWordOf(tokens, 'Boris Johnson')!;
    const texts = (words: readonly number[], pairs: readonly number[], actors: string[] = []) =>
      server.aliases(words, pairs, actors).aliases.map((a) => a.text).sort();
    // A bare "Johnson" may be any Johnson: never sent for the word.
    expect(texts([johnson], [])).toEqual([]);
    const both = server.aliases([johnson, boris.hash], [boris.hash, boris.next!]);
    expect(both.aliases.map((a) => a.text)).toEqual(['Boris Johnson']);
    expect(both.withheld.map((at) => both.actors[at]!.id)).toEqual(['boris-johnson']);
    // Asked for by its actor, it comes.
    expect(texts([], [], ['boris-johnson'])).toEqual(['Boris Johnson', 'Johnson', 'Борис Джонсон', 'Джонсон']);

    // A page that says "Johnson" first, and "Boris Johnson" in text that arrives later.
    const lexicon = new Lexicon(server.index(), async (words, pairs, actors) => server.aliases(words, pairs, actors));
    const earlier = { isConnected: true } as Node;
    const later = { isConnected: true } as Node;
    const first = new AliasRequest();
    lexicon.want('Johnson declined to comment.', first, earlier);
    await lexicon.load(first);
    expect(ids(lexicon.matcher.find('Johnson declined to comment.'), lexicon.index)).toEqual([]);
    const second = new AliasRequest();
    lexicon.want('Boris Johnson spoke.', second, later);
    expect(await lexicon.load(second)).toBe(true);
    const found = lexicon.matcher.find('Boris Johnson spoke.');
    const named = new AliasRequest();
    expect(lexicon.wantActors(supportedActors([found]), named)).toBe(true);
    expect(await lexicon.load(named)).toBe(true);
    expect(lexicon.takeStale()).toEqual(expect.arrayContaining([earlier]));
    expect(lexicon.takeStale()).toEqual([]);
    expect(ids(lexicon.matcher.find('Johnson declined to comment.'), lexicon.index)).toEqual(['0-7:boris-johnson:false']);
    // Asked for once: naming him again asks nothing.
    expect(lexicon.wantActors(supportedActors([found]), new AliasRequest())).toBe(false);
  });

  it('asks once per word and pair, and not at all for those it has asked about', async () => {
    const server = createIndexServer(index, 1);
    const asked: number[] = [];
    const lexicon = new Lexicon(server.index(), async (words, pairs, actors) => {
      asked.push(words.length + pairs.length / 2);
      return server.aliases(words, pairs, actors);
    });
    const request = new AliasRequest();
    expect(lexicon.want('Vladimir Putin met Emmanuel Macron.', request)).toBe(true);
    await lexicon.load(request);
    expect(lexicon.want('Vladimir Putin met Emmanuel Macron.', new AliasRequest())).toBe(false);
    expect(asked).toHaveLength(1);
  });

  it('a failed request leaves the words to be asked again', async () => {
    const server = createIndexServer(index, 1);
    let fail = true;
    const lexicon = new Lexicon(server.index(), async (words, pairs, actors) => (fail ? null : server.aliases(words, pairs, actors)));
    const request = new AliasRequest();
    lexicon.want('Vladimir Putin spoke.', request);
    expect(await lexicon.load(request)).toBe(false);
    fail = false;
    const again = new AliasRequest();
    expect(lexicon.want('Vladimir Putin spoke.', again)).toBe(true);
    expect(await lexicon.load(again)).toBe(true);
    expect(ids(lexicon.matcher.find('Vladimir Putin spoke.'), lexicon.index)).toEqual(['0-14:vladimir-putin:true']);
  });
});
