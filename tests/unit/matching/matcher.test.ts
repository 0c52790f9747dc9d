/**
 * Finding names (src/matching/matcher.ts and the trie, case rule and filter it builds on), on the
 * handmade index and on the bundled dataset through the whole rule.
 */
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../../src/dataset/compile';
import type { MatchIndex } from '../../../src/dataset/compiled';
import { loadDataset } from '../../../src/dataset/load';
import { resolveAmbiguous } from '../../../src/matching/ambiguity';
import { createMatcher, type TextMatch } from '../../../src/matching/matcher';
import { CONTEXT_INDEX, INDEX, PUTIN, contextMatcher, found, label, matcher, type Case } from './fixtures';

describe('matcher: names', () => {
  const cases: Case[] = [
    ['full name', 'Vladimir Putin said', [[PUTIN, PUTIN]]],
    ['short name', 'Putin said', [['Putin', PUTIN]]],
    ['longest match first: one match, not two', 'Yesterday Vladimir Putin spoke', [[PUTIN, PUTIN]]],
    ['several names, in order', 'Putin called CNN and NATO', [['Putin', PUTIN], ['CNN', 'CNN'], ['NATO', 'NATO']]],
    ['possessive', "Putin's war", [['Putin', PUTIN]]],
    ['possessive, typographic apostrophe', 'Putin’s war', [['Putin', PUTIN]]],
    ['possessive, modifier-letter apostrophe', 'Putinʼs war', [['Putin', PUTIN]]],
    ['possessive of the full name', 'Vladimir Putin’s war', [[PUTIN, PUTIN]]],
    ['an alias ending in ’s wins over its stem', 'McDonald’s closed', [['McDonald’s', "McDonald's"]]],
    ['punctuation around', '(Putin), “Putin”, Putin. Putin—and', [
      ['Putin', PUTIN], ['Putin', PUTIN], ['Putin', PUTIN], ['Putin', PUTIN],
    ]],
    ['hyphenated compound', 'an anti-Putin rally', [['Putin', PUTIN]]],
    ['not inside a longer word', 'Putinism and Rasputin', []],
    ['not glued to digits or underscores', 'Putin2024 putin_bot', []],
    ['not in lower case', 'see /news/putin-speech and #putin', []],
    ['not in odd case', 'PuTin', []],
    ['headline capitals', 'VLADIMIR PUTIN ORDERS TROOPS', [['VLADIMIR PUTIN', PUTIN]]],
    ['a lower-case word is not a name even next to one', 'Vladimir putin', []],
    ['soft hyphen inside', 'Pu\u00ADtin said', [['Pu\u00ADtin', PUTIN]]],
    ['zero-width space inside', 'Pu\u200Btin said', [['Pu\u200Btin', PUTIN]]],
    ['newline and spaces between words', 'Vladimir\n    Putin', [['Vladimir\n    Putin', PUTIN]]],
    ['no-break space between words', 'Vladimir\u00A0Putin', [['Vladimir\u00A0Putin', PUTIN]]],
    ['words glued together are another word', 'VladimirPutin', []],
    ['diacritics folded: text without them', 'the Elysee said', [['Elysee', 'Élysée']]],
    ['diacritics folded: text in capitals', 'ÉLYSÉE, ELYSEE', [['ÉLYSÉE', 'Élysée'], ['ELYSEE', 'Élysée']]],
    ['diacritics folded: decomposed text', 'E\u0301lyse\u0301e', [['E\u0301lyse\u0301e', 'Élysée']]],
    ['letters without decomposition', 'Lech Walesa and LECH WAŁĘSA', [
      ['Lech Walesa', 'Lech Wałęsa'], ['LECH WAŁĘSA', 'Lech Wałęsa'],
    ]],
    ['two spellings, one actor', 'Oleksii Reznikov, or Alexei Reznikov', [
      ['Oleksii Reznikov', 'Oleksii Reznikov'], ['Alexei Reznikov', 'Oleksii Reznikov'],
    ]],
    ['other scripts', 'Владимир Путин заявил', [['Владимир Путин', PUTIN]]],
    ['other scripts: whole words only', 'путинизм Путинизм', []],
    ['case-sensitive acronym', 'US troops', [['US', 'United States (unsafe)']]],
    ['case-sensitive acronym: not another case', 'tell us, Us', []],
    ['case-sensitive acronym with dots', 'U.S. officials', [['U.S.', 'United States (unsafe)']]],
    ['acronym inside a longer token', 'USA, USB', []],
    ['acronym before a hyphen', 'US-led talks', [['US', 'United States (unsafe)']]],
    ['4+ letter acronym also in Titlecase (British style)', 'Nato and NATO', [['Nato', 'NATO'], ['NATO', 'NATO']]],
    ['4+ letter acronym: not lower or odd case', 'nato NaTo NATo', []],
    ['3-letter acronym: exact case only', 'Cnn cnn CNN', [['CNN', 'CNN']]],
    ['long name, any word Titlecase', 'North Atlantic Treaty Organization', [
      ['North Atlantic Treaty Organization', 'NATO'],
    ]],
    ['alias with a lower-case word: as written', 'Charles de Gaulle airport', [['Charles de Gaulle', 'Charles de Gaulle']]],
    ['alias with a lower-case word: Titlecase at a sentence start', 'De Gaulle said', [['De Gaulle', 'Charles de Gaulle']]],
    ['alias with a lower-case word: headline', 'CHARLES DE GAULLE', [['CHARLES DE GAULLE', 'Charles de Gaulle']]],
    ['alias with a lower-case word: lower case elsewhere is not it', 'de gaulle', []],
    ['hyphenated name, any dash', 'Jean-Yves Le Drian and Jean\u2011Yves Le Drian', [
      ['Jean-Yves Le Drian', 'Jean-Yves Le Drian'], ['Jean\u2011Yves Le Drian', 'Jean-Yves Le Drian'],
    ]],
    ['hyphenated name: spacing must agree', 'Jean - Yves Le Drian', []],
    ['punctuation inside an alias', 'Johnson & Johnson shares', [['Johnson & Johnson', 'Johnson & Johnson']]],
    ['punctuation inside an alias: spacing must agree', 'Johnson&Johnson', [
      ['Johnson', 'Boris Johnson (unsafe)'], ['Johnson', 'Boris Johnson (unsafe)'],
    ]],
    ['unsafe alias found (resolveAmbiguous decides)', 'But Johnson said', [['Johnson', 'Boris Johnson (unsafe)']]],
    ['a surname after another given name is another person, at the start of a sentence too', 'Andrew Johnson said', []],
    ['an alias shared by two actors: both candidates, same span', 'Washington said', [
      ['Washington', 'United States (unsafe)'], ['Washington', 'George Washington (unsafe)'],
    ]],
    ['nothing to find', 'The weather was mild.', []],
    ['empty text', '', []],
  ];
  it.each(cases)('%s: %j', (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('offsets are UTF-16 offsets into the original text, astral characters included', () => {
    const text = '😀 Pu\u00ADtin\n  and 𝐀 Vladimir\u00A0Putin';
    const matches = matcher.find(text);
    expect(matches.map((m) => [m.start, m.end])).toEqual([
      [3, 9],
      [text.indexOf('Vladimir'), text.length],
    ]);
  });
});


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

describe('ALL-CAPS headlines', () => {
  it('only the acronym words of a case-sensitive alias keep their case', () => {
    const text = 'BBC NEWS REPORTS, US MEDIA SAY; not bbc news, Bbc News or us media';
    expect(contextMatcher.find(text).map((m) => [text.slice(m.start, m.end), label(m, CONTEXT_INDEX)])).toEqual([
      ['BBC NEWS', 'BBC'],
      ['US MEDIA', 'US media'],
    ]);
  });
});


describe('the bundled dataset (assets/dataset) through the whole rule', () => {
  const { dataset, texts } = loadDataset('assets/dataset');
  if (!dataset) throw new Error('the bundled dataset does not load');
  const index = compileIndex(dataset, 'unit-test');
  const m = createMatcher(index);
  const nameOf = (x: TextMatch): string => (x.type === 'actor' ? index.actors[x.ref]!.id : `figure:${index.figures[x.ref]!.id}`);
  const run = (blocks: string[]): [string, string][] =>
    resolveAmbiguous(blocks.map((b) => m.find(b)), index).flatMap((list, i) =>
      list.map((x): [string, string] => [blocks[i]!.slice(x.start, x.end), nameOf(x)]),
    );

  it('on the seed article every US, UK and Washington counts, though it never writes "United States"', () => {
    const article = dataset.articles.find((a) => a.id === 'bbc-2022-02-20-ukraine-macron-putin')!;
    const blocks = texts!.get(article.id)!.split('\n');
    const found = run(blocks);
    const count = (text: string, id: string) => found.filter(([t, who]) => t === text && who === id).length;
    const words = (re: RegExp) => blocks.join('\n').match(re)?.length ?? 0;
    expect(count('US', 'united-states')).toBe(words(/\bUS\b(?! media)/g));
    expect(count('US', 'united-states')).toBeGreaterThanOrEqual(5);
    expect(count('US media', 'us-media')).toBe(1);
    expect(count('UK', 'united-kingdom')).toBe(1);
    expect(count('Washington', 'united-states')).toBe(1);
    expect(count('Moscow', 'russia')).toBe(words(/\bMoscow\b/g));
    expect(count('Johnson', 'boris-johnson')).toBe(1);
    expect(found.filter(([, who]) => who.startsWith('figure:')).map(([t]) => t)).toEqual([
      '30,000 Russian troops', 'up to 190,000 troops', 'close to 75 per cent', 'at least 14,000 lives',
    ]);
  });

  it('keeps the traps of the labelled corpus pages unmatched, on a page that names their actors', () => {
    expect(run([
      'The United States, Russia, Emmanuel Macron, Joe Biden and Boris Johnson.',
      'The Washington Post reported from Washington, DC.',
      'Contact US', 'Brigitte Macron', 'Miss France 2024', 'Tour de France', 'Good Morning Britain',
      'the Grand Kremlin palace', 'Latin America', 'Shares of US Steel rose; it cost US$5',
      'which hosts almost 30,000 American troops', 'jusqu’à 75 % de réduction',
      'Senator Ron Johnson said', 'his son Hunter Biden', 'a trip to Moscow', 'the meeting in Moscow would be seen',
    ])).toEqual([
      ['United States', 'united-states'], ['Russia', 'russia'], ['Emmanuel Macron', 'emmanuel-macron'],
      ['Joe Biden', 'joe-biden'], ['Boris Johnson', 'boris-johnson'],
      // The newspaper is an actor of its own now; its "Washington" is still not the United States.
      ['The Washington Post', 'the-washington-post'],
    ]);
  });

  it('compiles context rules and figure names into the index, only where the dataset has them', () => {
    const alias = (text: string) => index.aliases.find((a) => a.text === text)!;
    expect(alias('Putin').context).toBeUndefined();
    expect(alias('US').context?.after).toContain('president');
    expect(alias('Moscow').context?.cueOnly).toBe(true);
    const share = index.figures.find((f) => f.id === 'bbc220220-75-per-cent-of-forces-at-border')!;
    expect(share).toMatchObject({ percent: true, unitTerms: ['forces', 'troops', 'military', 'army', 'soldiers'] });
    expect(share.names).toContain('russia');
    expect(index.figures.find((f) => f.id === 'bbc220220-30000-russian-troops-in-belarus')!.names).toEqual(['belarus', 'russian']);
  });
});
