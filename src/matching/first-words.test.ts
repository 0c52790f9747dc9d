/**
 * The filter of the aliases' first words a large dataset sends to pages (src/matching/
 * first-words.ts), on the bundled dataset's aliases.
 */
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../dataset/compile';
import { loadDataset } from '../dataset/load';
import { FirstWords, firstWordOf, forEachFirstWord } from './first-words';
import { Tokens } from './tokens';

const index = compileIndex(loadDataset('assets/dataset').dataset!, 'unit');

describe('first words', () => {
  it('every alias passes the filter by its first word, and its hash is the one a page computes for that word', () => {
    const filter = FirstWords.build(index.aliases.map((a) => a.text));
    const tokens = new Tokens();
    for (const alias of index.aliases) {
      const first = firstWordOf(tokens, alias.text)!;
      expect(filter.has(first.hash, first.lower), alias.text).toBe(true);
      const seen: number[] = [];
      forEachFirstWord(tokens, alias.text, filter, (h) => seen.push(h));
      expect(seen[0], alias.text).toBe(first.hash);
    }
  });

  it('survives the trip through a message (base64) bit for bit', () => {
    const filter = FirstWords.build(index.aliases.map((a) => a.text));
    const wire = JSON.parse(JSON.stringify(filter.toWire()));
    expect(FirstWords.fromWire(wire).toWire()).toEqual(filter.toWire());
  });

  it('lets few ordinary words through', () => {
    const filter = FirstWords.build(index.aliases.map((a) => a.text));
    const tokens = new Tokens();
    const words = 'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their'.split(' ');
    let passed = 0;
    for (const w of words) forEachFirstWord(tokens, w, filter, () => passed++);
    expect(passed).toBeLessThanOrEqual(2);
  });
});
