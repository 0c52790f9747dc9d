/**
 * Building the matcher's index (src/matching/matcher.ts): aliases and figures it cannot use, duplicates,
 * prefilter hash collisions, and an index of 50,000 aliases.
 */
import { describe, expect, it } from 'vitest';
import type { MatchIndex } from '../dataset/compiled';
import { createMatcher } from './matcher';
import { INDEX, PUTIN, found, label } from './test-fixtures';

describe('index building', () => {
  it('counts aliases and figures it cannot use instead of throwing', () => {
    const m = createMatcher({
      version: 'bad',
      actors: [{ id: 'a', name: 'A', kind: 'person' }],
      aliases: [
        { text: 'Fine Name', actor: 0, safe: true, caseSensitive: false },
        { text: 'Orphan', actor: 7, safe: true, caseSensitive: false },
        { text: '   ', actor: 0, safe: true, caseSensitive: false },
      ],
      figures: [{ id: 'f', value: 10, unitTerms: [], percent: false, measureKey: 'm' }],
    });
    expect(m.dropped).toBe(3);
    expect(m.find('Fine Name and Orphan').map((x) => x.ref)).toEqual([0]);
  });

  it('duplicate aliases of one actor make one match', () => {
    const m = createMatcher({
      ...INDEX,
      aliases: [...INDEX.aliases, { text: 'Putin', actor: 0, safe: true, caseSensitive: false }],
    });
    expect(m.find('Putin')).toHaveLength(1);
  });

  it('first words whose prefilter hashes collide stay apart ("glbvs" and "yacxa" share an FNV-1a hash)', () => {
    const m = createMatcher({
      version: 'collision',
      actors: [
        { id: 'g', name: 'Glbvs Alpha', kind: 'person' },
        { id: 'y', name: 'Yacxa', kind: 'person' },
      ],
      aliases: [
        { text: 'Glbvs Alpha', actor: 0, safe: true, caseSensitive: false },
        { text: 'Yacxa', actor: 1, safe: true, caseSensitive: false },
        { text: 'Yacxa Beta', actor: 1, safe: true, caseSensitive: false },
      ],
      figures: [],
    });
    const text = 'Glbvs met Yacxa Beta, Glbvs Alpha and Yacxa Alpha';
    expect(m.find(text).map((x) => [text.slice(x.start, x.end), x.ref])).toEqual([
      ['Yacxa Beta', 1],
      ['Glbvs Alpha', 0],
      ['Yacxa', 1],
    ]);
  });

  it('a 50,000-alias index builds and finds the same names', () => {
    const big = syntheticIndex(10_000);
    expect(big.aliases.length).toBeGreaterThanOrEqual(50_000);
    const m = createMatcher(big);
    expect(m.dropped).toBe(0);
    const text =
      'VLADIMIR PUTIN met Anna Stovik and Sergei Kalovar in Kyiv. President Stovik said Putin’s ' +
      'plan would cost up to 190,000 troops; Dr Kalovar Jr disagreed, and A. Stovik left.';
    const names = m.find(text).map((x) => [text.slice(x.start, x.end), label(x, big)]);
    expect(names).toEqual([
      ['VLADIMIR PUTIN', PUTIN],
      ['Anna Stovik', 'Anna Stovik'],
      ['Sergei Kalovar', 'Sergei Kalovar'],
      ['President Stovik', 'Anna Stovik'],
      ['Putin', PUTIN],
      ['up to 190,000 troops', 'figure troops-190k'],
      ['Kalovar', 'Sergei Kalovar (unsafe)'],
      ['A. Stovik', 'Anna Stovik'],
    ]);
    // The small index finds the same seed names in the same text.
    expect(found(text).filter(([, who]) => who === PUTIN || who.startsWith('figure'))).toEqual(
      names.filter(([, who]) => who === PUTIN || who!.startsWith('figure')),
    );
  });
});

/**
 * The fixture's actors plus `count` generated people, five aliases each: full name, surname
 * (unsafe), initial and surname, "President" and surname, full name with "Jr". Surnames are
 * made from syllables, so they are unique and deterministic; two are placed by hand.
 */
function syntheticIndex(count: number): MatchIndex {
  const firsts = ['Anna', 'Boris', 'Carlos', 'Dmitri', 'Elena', 'Fatima', 'Giorgi', 'Hans', 'Sergei', 'Yulia'];
  const syllables = ['ka', 'lo', 'mir', 'ste', 'vun', 'dre', 'po', 'ski', 'nov', 'ber', 'gar', 'tin', 'sa', 'ro'];
  const actors = [...INDEX.actors];
  const aliases = [...INDEX.aliases];
  const add = (first: string, surname: string): void => {
    const actor = actors.length;
    const name = `${first} ${surname}`;
    actors.push({ id: `synthetic-${actor}`, name, kind: 'person' });
    aliases.push(
      { text: name, actor, safe: true, caseSensitive: false },
      { text: surname, actor, safe: false, caseSensitive: false },
      { text: `${first[0]}. ${surname}`, actor, safe: true, caseSensitive: false },
      { text: `President ${surname}`, actor, safe: true, caseSensitive: false },
      { text: `${name} Jr`, actor, safe: true, caseSensitive: false },
    );
  };
  add('Anna', 'Stovik');
  add('Sergei', 'Kalovar');
  for (let n = 0; actors.length < INDEX.actors.length + count; n++) {
    let surname = '';
    for (let k = n + 1; k > 0; k = Math.floor(k / syllables.length)) surname += syllables[k % syllables.length];
    surname = surname[0]!.toUpperCase() + surname.slice(1) + 'ev';
    add(firsts[n % firsts.length]!, surname);
  }
  return { ...INDEX, version: 'synthetic', actors, aliases };
}
