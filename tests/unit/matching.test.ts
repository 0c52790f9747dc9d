import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/dataset/compile';
import type { MatchIndex } from '../../src/dataset/compiled';
import { loadDataset } from '../../src/dataset/load';
import { applySupport, resolveAmbiguous, supportedActors } from '../../src/matching/ambiguity';
import { createMatcher, type TextMatch } from '../../src/matching/matcher';
import { foldKey, foldMarks, normalizeText } from '../../src/matching/normalize';

/** A small handmade index: every rule of the matcher has an actor or a figure to show it. */
const INDEX: MatchIndex = {
  version: 'unit-test',
  actors: [
    { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' }, // 0
    { id: 'boris-johnson', name: 'Boris Johnson', kind: 'person' }, // 1
    { id: 'united-states', name: 'United States', kind: 'country' }, // 2
    { id: 'nato', name: 'NATO', kind: 'organisation' }, // 3
    { id: 'cnn', name: 'CNN', kind: 'media' }, // 4
    { id: 'elysee', name: 'Élysée', kind: 'government' }, // 5
    { id: 'oleksii-reznikov', name: 'Oleksii Reznikov', kind: 'person' }, // 6
    { id: 'johnson-and-johnson', name: 'Johnson & Johnson', kind: 'organisation' }, // 7
    { id: 'charles-de-gaulle', name: 'Charles de Gaulle', kind: 'person' }, // 8
    { id: 'jean-yves-le-drian', name: 'Jean-Yves Le Drian', kind: 'person' }, // 9
    { id: 'lech-walesa', name: 'Lech Wałęsa', kind: 'person' }, // 10
    { id: 'george-washington', name: 'George Washington', kind: 'person' }, // 11
    { id: 'mcdonalds', name: "McDonald's", kind: 'organisation' }, // 12
  ],
  aliases: [
    { text: 'Vladimir Putin', actor: 0, safe: true, caseSensitive: false },
    { text: 'Putin', actor: 0, safe: true, caseSensitive: false },
    { text: 'Владимир Путин', actor: 0, safe: true, caseSensitive: false },
    { text: 'Boris Johnson', actor: 1, safe: true, caseSensitive: false },
    { text: 'Johnson', actor: 1, safe: false, caseSensitive: false },
    { text: 'United States', actor: 2, safe: true, caseSensitive: false },
    { text: 'US', actor: 2, safe: false, caseSensitive: true },
    { text: 'U.S.', actor: 2, safe: false, caseSensitive: true },
    { text: 'Washington', actor: 2, safe: false, caseSensitive: false },
    { text: 'NATO', actor: 3, safe: true, caseSensitive: true },
    { text: 'North Atlantic Treaty Organization', actor: 3, safe: true, caseSensitive: false },
    { text: 'CNN', actor: 4, safe: true, caseSensitive: true },
    { text: 'Élysée', actor: 5, safe: true, caseSensitive: false },
    { text: 'Oleksii Reznikov', actor: 6, safe: true, caseSensitive: false },
    { text: 'Alexei Reznikov', actor: 6, safe: true, caseSensitive: false },
    { text: 'Johnson & Johnson', actor: 7, safe: true, caseSensitive: false },
    { text: 'Charles de Gaulle', actor: 8, safe: true, caseSensitive: false },
    { text: 'de Gaulle', actor: 8, safe: true, caseSensitive: false },
    { text: 'Jean-Yves Le Drian', actor: 9, safe: true, caseSensitive: false },
    { text: 'Lech Wałęsa', actor: 10, safe: true, caseSensitive: false },
    { text: 'George Washington', actor: 11, safe: true, caseSensitive: false },
    { text: 'Washington', actor: 11, safe: false, caseSensitive: false },
    { text: "McDonald's", actor: 12, safe: true, caseSensitive: false },
  ],
  figures: [
    { id: 'troops-190k', value: 190000, unitTerms: ['troops', 'service members'], percent: false, measureKey: 'troops' },
    { id: 'poll-75', value: 75, unitTerms: [], percent: true, measureKey: 'poll' },
    { id: 'lives-14k', value: 14000, unitTerms: ['lives'], percent: false, measureKey: 'deaths' },
    { id: 'soldiers-range', value: 130000, low: 100000, high: 130000, unitTerms: ['soldiers'], percent: false, measureKey: 'soldiers' },
    { id: 'aid-1.2bn', value: 1_200_000_000, unitTerms: ['dollars'], percent: false, measureKey: 'aid' },
  ],
};

const matcher = createMatcher(INDEX);

function label(m: TextMatch, index: MatchIndex = INDEX): string {
  if (m.type === 'figure') return `figure ${index.figures[m.ref]!.id}`;
  return index.actors[m.ref]!.name + (m.safe ? '' : ' (unsafe)');
}

/** What `find` returns for `text`, as [the matched text, who or what it is]. */
function found(text: string): [string, string][] {
  return matcher.find(text).map((m) => [text.slice(m.start, m.end), label(m)]);
}

/** A whole page (one string per block) through find and resolveAmbiguous. */
function page(...blocks: string[]): [string, string][] {
  const kept = resolveAmbiguous(blocks.map((b) => matcher.find(b)), INDEX);
  return kept.flatMap((list, i) => list.map((m): [string, string] => [blocks[i]!.slice(m.start, m.end), label(m)]));
}

type Case = [description: string, text: string, expected: [string, string][]];

const PUTIN = 'Vladimir Putin';

describe('normalize', () => {
  it.each([
    ['Élysée', 'elysee'],
    ['E\u0301lyse\u0301e', 'elysee'], // decomposed input
    ['İstanbul', 'istanbul'],
    ['Wałęsa', 'walesa'],
    ['STRAUß', 'strauss'],
    ['Ærø', 'aero'],
    ['ΟΔΥΣΣΕΥΣ', foldKey('Οδυσσεύς')], // Greek capitals drop the tonos; final sigma folds
    ['Зеленський', 'зеленськии'], // Cyrillic breve folds as Latin accents do (both sides alike)
    ['मोदी', 'मोदी'], // Devanagari vowel signs are spelling, not accents: kept
    ['’', "'"],
    ['ʼ', "'"],
    ['—', '-'],
    ['\u2011', '-'],
    ['Pu\u00ADtin', 'putin'],
    ['Pu\u200Btin', 'putin'],
  ])('foldKey(%j) is %j', (input, expected) => {
    expect(foldKey(input)).toBe(expected);
  });

  it('foldMarks keeps case', () => {
    expect(foldMarks('ÉLYSÉE Wałęsa’s')).toBe("ELYSEE Walesa's");
  });

  it('normalizeText folds and collapses every kind of whitespace', () => {
    expect(normalizeText('  Vladimir\u00A0\n\t Pu\u00ADtin’s\u2009war  ')).toBe("vladimir putin's war");
  });
});

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

describe('matcher: figures', () => {
  const TROOPS = 'figure troops-190k';
  const POLL = 'figure poll-75';
  const LIVES = 'figure lives-14k';
  const cases: Case[] = [
    ['comma grouping with qualifier and unit', 'up to 190,000 troops', [['up to 190,000 troops', TROOPS]]],
    ['plain digits', '190000 troops', [['190000 troops', TROOPS]]],
    ['space grouping', 'about 190 000 troops', [['about 190 000 troops', TROOPS]]],
    ['no-break space grouping', '190\u00A0000 troops', [['190\u00A0000 troops', TROOPS]]],
    ['thin space grouping', '190\u2009000 troops', [['190\u2009000 troops', TROOPS]]],
    ['European grouping', '190.000 troops', [['190.000 troops', TROOPS]]],
    ['k suffix', '190k troops and 190K troops', [['190k troops', TROOPS], ['190K troops', TROOPS]]],
    ['scale word', 'nearly 190 thousand troops', [['nearly 190 thousand troops', TROOPS]]],
    ['decimal with scale word', '0.19 million troops', [['0.19 million troops', TROOPS]]],
    ['words between number and unit', 'more than 190,000 Russian troops', [['more than 190,000 Russian troops', TROOPS]]],
    ['the unit among the next 4 words', '190,000 of its combat troops', [['190,000 of its combat troops', TROOPS]]],
    ['not the 5th word', '190,000 of its own combat troops', []],
    ['multi-word unit, singular form', 'at least 190,000 service member', [['at least 190,000 service member', TROOPS]]],
    ['singular of the unit', '190,000 troop', [['190,000 troop', TROOPS]]],
    ['unit across an apostrophe', "190,000 of Russia's troops", [["190,000 of Russia's troops", TROOPS]]],
    ['no unit, no figure', '190,000 people', []],
    ['the unit window stops at punctuation', '190,000, and troops', []],
    ['the unit window stops at another number', '190,000 or 5 troops', []],
    ['another value is not the figure', '180,000 troops', []],
    ['malformed grouping is no number', '1,900,00 troops and 190,0000 troops', []],
    ['a date is no number', '19.02.2022 troops', []],
    ['a number glued to a word is not a figure', 'v190000 troops', []],
    ['percent sign', '75% said yes', [['75%', POLL]]],
    ['percent sign after a space', '75 % said yes', [['75 %', POLL]]],
    ['per cent', 'close to 75 per cent of voters', [['close to 75 per cent', POLL]]],
    ['percent', 'about 75 percent', [['about 75 percent', POLL]]],
    ['pc', '75pc and 75 pc', [['75pc', POLL], ['75 pc', POLL]]],
    ['decimal percent', '75.0%', [['75.0%', POLL]]],
    ['a percentage needs its marker', '75 voters', []],
    ['a count must not have a percent marker', '190,000% troops', []],
    ['a unit word after a percentage does not matter', '14,000% lives', []],
    ['another unit', '14,000 lives lost', [['14,000 lives', LIVES]]],
    ['the unit’s singular', '14,000 life', [['14,000 life', LIVES]]],
    ['range: between … and', 'between 100,000 and 130,000 soldiers', [
      ['between 100,000 and 130,000 soldiers', 'figure soldiers-range'],
    ]],
    ['range: dash', '100,000–130,000 soldiers', [['100,000–130,000 soldiers', 'figure soldiers-range']]],
    ['range bound alone', 'some 130,000 soldiers', [['some 130,000 soldiers', 'figure soldiers-range']]],
    ['bn suffix', '$1.2bn dollars', [['1.2bn dollars', 'figure aid-1.2bn']]],
    ['billion', '1.2 billion dollars', [['1.2 billion dollars', 'figure aid-1.2bn']]],
    ['comma decimal (European)', '1,2 billion dollars', [['1,2 billion dollars', 'figure aid-1.2bn']]],
    ['a name inside the window wins; the figure keeps its number', '190,000 NATO troops', [
      ['190,000', TROOPS], ['NATO', 'NATO'],
    ]],
    ['figures and names in text order', 'Putin massed 190,000 troops; 75% of CNN viewers', [
      ['Putin', PUTIN], ['190,000 troops', TROOPS], ['75%', POLL], ['CNN', 'CNN'],
    ]],
  ];
  it.each(cases)('%s: %j', (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('figures are always safe', () => {
    expect(matcher.find('190,000 troops')[0]).toMatchObject({ type: 'figure', ref: 0, safe: true });
  });
});

describe('resolveAmbiguous', () => {
  const cases: [description: string, blocks: string[], expected: [string, string][]][] = [
    ['an unsafe alias alone is dropped', ['Andrew Johnson said'], []],
    ['an unsafe alias is kept when the page has the safe form', ['Boris Johnson arrived.', 'Johnson said'], [
      ['Boris Johnson', 'Boris Johnson'], ['Johnson', 'Boris Johnson (unsafe)'],
    ]],
    ['the safe form may come later on the page', ['Johnson said', 'Boris Johnson arrived.'], [
      ['Johnson', 'Boris Johnson (unsafe)'], ['Boris Johnson', 'Boris Johnson'],
    ]],
    // The context rule (context.ts) drops a surname glued to another first name, even where
    // the page supports the actor.
    ['another Johnson, first name and all, on a page about Boris Johnson', ['Boris Johnson arrived.', 'The historian Andrew Johnson disagreed.'], [
      ['Boris Johnson', 'Boris Johnson'],
    ]],
    // At the start of a sentence too: only a common opening word ("But Johnson") is not a given name.
    ['another Johnson at the start of a sentence on a page about Boris Johnson', ['Boris Johnson arrived.', 'Andrew Johnson, the historian, disagreed.'], [
      ['Boris Johnson', 'Boris Johnson'],
    ]],
    ['acronym without support', ['US troops'], []],
    ['acronym with support', ['The United States said', 'US troops'], [
      ['United States', 'United States'], ['US', 'United States (unsafe)'],
    ]],
    ['shared alias: the supported actor wins', ['George Washington crossed', 'Washington'], [
      ['George Washington', 'George Washington'], ['Washington', 'George Washington (unsafe)'],
    ]],
    ['shared alias: the other supported actor wins', ['The United States', 'Washington'], [
      ['United States', 'United States'], ['Washington', 'United States (unsafe)'],
    ]],
    ['shared alias: no support, nothing', ['Washington said'], []],
    ['figures and safe names pass', ['Putin: 190,000 troops'], [['Putin', PUTIN], ['190,000 troops', 'figure troops-190k']]],
  ];
  it.each(cases)('%s', (_, blocks, expected) => {
    expect(page(...blocks)).toEqual(expected);
  });

  it('keeps the block structure and does not change its input', () => {
    const blocks = [matcher.find('Johnson said'), [], matcher.find('Boris Johnson')];
    const copy = structuredClone(blocks);
    const kept = resolveAmbiguous(blocks, INDEX);
    expect(kept).toHaveLength(3);
    expect(kept[1]).toEqual([]);
    expect(blocks).toEqual(copy);
  });

  it('a safe alias shared by two actors supports neither', () => {
    const span = { start: 0, end: 10, type: 'actor' as const };
    const block: TextMatch[] = [
      { ...span, ref: 1, safe: true },
      { ...span, ref: 11, safe: true },
    ];
    expect([...supportedActors([block])]).toEqual([]);
    expect(applySupport(block, new Set())).toEqual([block[0]]);
  });

  it('works incrementally: one support set, re-applied as blocks arrive', () => {
    const first = matcher.find('Johnson said');
    const support = supportedActors([first]);
    expect(applySupport(first, support)).toEqual([]);
    supportedActors([matcher.find('Boris Johnson')], support);
    expect(applySupport(first, support)).toHaveLength(1);
  });

  it('drops matches whose ref is outside the index (an index replaced since the scan)', () => {
    const stale: TextMatch = { start: 0, end: 5, type: 'actor', ref: 99, safe: true };
    expect(resolveAmbiguous([[stale]], INDEX)).toEqual([[]]);
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

/**
 * The context rules (src/matching/context.ts, docs/matching.md) on an index of their own, shaped
 * like the bundled dataset's entries for the same actors.
 */
const CONTEXT_INDEX: MatchIndex = {
  version: 'unit-test-context',
  actors: [
    { id: 'united-states', name: 'United States', kind: 'country' }, // 0
    { id: 'united-kingdom', name: 'United Kingdom', kind: 'country' }, // 1
    { id: 'russia', name: 'Russia', kind: 'country' }, // 2
    { id: 'boris-johnson', name: 'Boris Johnson', kind: 'person' }, // 3
    { id: 'joe-biden', name: 'Joe Biden', kind: 'person' }, // 4
    { id: 'emmanuel-macron', name: 'Emmanuel Macron', kind: 'person' }, // 5
    { id: 'france', name: 'France', kind: 'country' }, // 6
    { id: 'bbc', name: 'BBC', kind: 'media' }, // 7
    { id: 'us-media', name: 'US media', kind: 'media' }, // 8
    { id: 'separatists', name: 'Russian-backed separatists', kind: 'group' }, // 9
  ],
  aliases: [
    { text: 'United States', actor: 0, safe: true, caseSensitive: false },
    {
      text: 'US', actor: 0, safe: false, caseSensitive: true,
      context: { after: ['president', 'secretary of state', 'officials'], notBefore: ['Contact', 'WITH', 'en-'], notAfter: ['$'] },
    },
    {
      text: 'Washington', actor: 0, safe: false, caseSensitive: false,
      context: { before: ['pressure from'], after: ['believes', 'is', 'would'], notBefore: ['in', 'to'], cueOnly: true },
    },
    { text: 'UK', actor: 1, safe: false, caseSensitive: true, context: { after: ['prime minister'] } },
    { text: 'Russia', actor: 2, safe: true, caseSensitive: false },
    {
      text: 'Moscow', actor: 2, safe: false, caseSensitive: false,
      context: { after: ['denies', 'is', 'would'], notBefore: ['in', 'to'], cueOnly: true },
    },
    { text: 'Boris Johnson', actor: 3, safe: true, caseSensitive: false },
    { text: 'Johnson', actor: 3, safe: false, caseSensitive: false },
    { text: 'Joe Biden', actor: 4, safe: true, caseSensitive: false },
    { text: 'Biden', actor: 4, safe: false, caseSensitive: false, context: { before: ['president'], after: ['administration'] } },
    { text: 'Macron', actor: 5, safe: true, caseSensitive: false, context: { notBefore: ['Brigitte'] } },
    { text: 'France', actor: 6, safe: true, caseSensitive: false, context: { notBefore: ['Tour de', 'de-', 'Miss'], notAfter: ['24'] } },
    { text: 'BBC', actor: 7, safe: true, caseSensitive: true },
    { text: 'BBC News', actor: 7, safe: true, caseSensitive: true },
    { text: 'US media', actor: 8, safe: true, caseSensitive: true },
    { text: 'Russian-backed separatists', actor: 9, safe: true, caseSensitive: false },
    { text: 'separatists', actor: 9, safe: false, caseSensitive: false },
  ],
  figures: [
    { id: 'troops-30k', value: 30000, unitTerms: ['troops'], percent: false, names: ['belarus', 'russian'], measureKey: 'troops-belarus' },
    { id: 'forces-75', value: 75, unitTerms: ['forces'], percent: true, names: ['russia', 'ukrainian'], measureKey: 'forces-share' },
  ],
};
const contextMatcher = createMatcher(CONTEXT_INDEX);

/** A page through the context index: what is kept, labelled "(unsafe)" where only page support kept it. */
function contextPage(...blocks: string[]): [string, string][] {
  const kept = resolveAmbiguous(blocks.map((b) => contextMatcher.find(b)), CONTEXT_INDEX);
  return kept.flatMap((list, i) => list.map((m): [string, string] => [blocks[i]!.slice(m.start, m.end), label(m, CONTEXT_INDEX)]));
}

describe('context: cues make an unsafe alias count', () => {
  const cases: [description: string, blocks: string[], expected: [string, string][]][] = [
    // The open decision on the seed BBC article: it never writes "United States" or "United Kingdom".
    ['a role word after an acronym confirms it, and supports the actor on the whole page', [
      'US President Joe Biden met the UK Prime Minister.', 'In total, the US estimates Russia has troops.', 'UK officials agreed.',
    ], [
      ['US', 'United States'], ['Joe Biden', 'Joe Biden'], ['UK', 'United Kingdom'],
      ['US', 'United States (unsafe)'], ['Russia', 'Russia'], ['UK', 'United Kingdom (unsafe)'],
    ]],
    ['a cue of several words', ['US Secretary of State Antony Blinken'], [['US', 'United States']]],
    ['without a cue or a safe name, nothing', ['In total, the US estimates Russia has troops.'], [['Russia', 'Russia']]],
    ['a longer alias wins before any cue is read', ['reports in the US media suggested'], [['US media', 'US media']]],
    ['a cue before the alias', ['Only President Biden spoke.'], [['Biden', 'Joe Biden']]],
    ['a cue after a name', ['Biden administration officials said'], [['Biden', 'Joe Biden']]],
    ['lower-case cues match any case', ['US PRESIDENT SPEAKS', 'the US president spoke'], [
      ['US', 'United States'], ['US', 'United States'],
    ]],
  ];
  it.each(cases)('%s', (_, blocks, expected) => {
    expect(contextPage(...blocks)).toEqual(expected);
  });

  it('a confirmed match is safe in the matcher\'s output', () => {
    expect(contextMatcher.find('US officials')[0]).toMatchObject({ ref: 0, safe: true });
    expect(contextMatcher.find('the US said')[0]).toMatchObject({ ref: 0, safe: false });
  });
});

describe('context: a capital that stands for its government only with a cue (cueOnly)', () => {
  const cases: [description: string, blocks: string[], expected: [string, string][]][] = [
    ['a verb after it: the government', ['Russia is ready to invade Ukraine, which Moscow denies.', 'saying Moscow is engaged in provocation'], [
      ['Russia', 'Russia'], ['Moscow', 'Russia'], ['Moscow', 'Russia'],
    ]],
    ['the city, on a page that names the country: not the actor', ['Russia said', 'a trip to Moscow', 'staying at a Moscow airport', 'MOSCOW — Officials said'], [
      ['Russia', 'Russia'],
    ]],
    ['a place before a verb is still a place', ['Russia said', 'Canceling the meeting in Moscow would be seen as a slap'], [['Russia', 'Russia']]],
    ['a cue confirms it without the country on the page, and supports the country', ['Washington believes an attack is near.', 'the US said'], [
      ['Washington', 'United States'], ['US', 'United States (unsafe)'],
    ]],
    ['a cue before it', ['under pressure from Washington, Kyiv agreed'], [['Washington', 'United States']]],
    ['never a newspaper, a team or an address', ['The United States', 'The Washington Post reported', 'Washington, DC 20002', 'Washington Commanders'], [
      ['United States', 'United States'],
    ]],
  ];
  it.each(cases)('%s', (_, blocks, expected) => {
    expect(contextPage(...blocks)).toEqual(expected);
  });
});

describe('context: words that show the alias names something else', () => {
  const cases: [description: string, blocks: string[], expected: [string, string][]][] = [
    ['another person of the same name (a safe alias too)', ['Brigitte Macron and Macron arrived'], [['Macron', 'Emmanuel Macron']]],
    ['names that contain a country', ['Miss France', 'the Tour de France', 'Hauts-de-France', 'France 24 reported', 'France said'], [
      ['France', 'France'],
    ]],
    ['the pronoun in capitals', ['The United States', 'Contact US', 'CONTACT US', 'PUTIN TALKS WITH US'], [['United States', 'United States']]],
    ['a capitalised word in the list does not match lower case', ['The United States', 'please contact US'], [
      ['United States', 'United States'], ['US', 'United States (unsafe)'],
    ]],
    ['an ALL-CAPS word in the list matches ALL CAPS only', ['The United States', 'Ties With US Strained'], [
      ['United States', 'United States'], ['US', 'United States (unsafe)'],
    ]],
    ['a currency and a locale are not the country', ['US officials said', 'it cost US$5', 'lang en-US'], [['US', 'United States']]],
    ['a deny word wins over a cue', ['Contact US officials'], []],
  ];
  it.each(cases)('%s', (_, blocks, expected) => {
    expect(contextPage(...blocks)).toEqual(expected);
  });
});

describe('context: an unsafe name next to another proper name is another name', () => {
  const BORIS = ['Boris Johnson', 'Boris Johnson'] as [string, string];
  const JOHNSON = ['Johnson', 'Boris Johnson (unsafe)'] as [string, string];
  const cases: [description: string, blocks: string[], expected: [string, string][]][] = [
    ['a first name before it', ['Boris Johnson spoke.', 'Later, the historian Andrew Johnson disagreed.'], [BORIS]],
    ['a capital that only starts the sentence', ['Boris Johnson spoke.', 'But Johnson said no.'], [BORIS, JOHNSON]],
    ['after an opening quote or a colon', ['Boris Johnson spoke.', 'He said: “Johnson will stay.”'], [BORIS, JOHNSON]],
    ['a title before it', ['Boris Johnson spoke.', 'Then Prime Minister Johnson left, and Mr Johnson smiled.'], [BORIS, JOHNSON, JOHNSON]],
    ['a German title', ['Boris Johnson sprach.', 'Dann ging Premierminister Johnson.'], [BORIS, JOHNSON]],
    ['a capitalised word after it', ['Boris Johnson spoke.', 'Shares of Johnson Controls fell on the news.'], [BORIS]],
    ['an ampersand after it', ['Boris Johnson spoke.', 'Shares of Johnson & Johnson fell.'], [BORIS]],
    ['another Biden, on a page about Joe Biden', ['Joe Biden spoke.', 'His son Hunter Biden did not.'], [['Joe Biden', 'Joe Biden']]],
    ['a Title Case headline: capitals say nothing there', ['Boris Johnson spoke.', 'Johnson Says Britain Will Stay The Course'], [BORIS, JOHNSON]],
    ['an ALL-CAPS headline', ['Boris Johnson spoke.', 'LATER JOHNSON RESIGNED OVER PARTIES'], [BORIS, ['JOHNSON', 'Boris Johnson (unsafe)']]],
    ['a lower-case alias too', ['Russian-backed separatists attacked.', 'The separatists said', 'Police said Catalan separatists marched'], [
      ['Russian-backed separatists', 'Russian-backed separatists'], ['separatists', 'Russian-backed separatists (unsafe)'],
    ]],
    ['acronyms are exempt: a capitalised word after "US" is the normal case', ['The United States', 'the US Senate voted'], [
      ['United States', 'United States'], ['US', 'United States (unsafe)'],
    ]],
  ];
  it.each(cases)('%s', (_, blocks, expected) => {
    expect(contextPage(...blocks)).toEqual(expected);
  });
});

describe('ALL-CAPS headlines', () => {
  it('only the acronym words of a case-sensitive alias keep their case', () => {
    const text = 'BBC NEWS REPORTS, US MEDIA SAY; not bbc news, Bbc News or us media';
    expect(contextMatcher.find(text).map((m) => [text.slice(m.start, m.end), label(m, CONTEXT_INDEX)])).toEqual([
      ['BBC NEWS', 'BBC'],
      ['US MEDIA', 'US media'],
    ]);
  });
});

describe('figures: tied to their own measure', () => {
  const TROOPS = 'figure troops-30k';
  const SHARE = 'figure forces-75';
  const cases: Case[] = [
    ['the figure\'s own adjective', 'where 30,000 Russian troops are deployed', [['30,000 Russian troops', TROOPS]]],
    ['another country\'s troops', 'which hosts almost 30,000 American troops', []],
    ['a name of the figure, other ending (the name is matched too)', '30,000 of Russia\'s troops', [['30,000', TROOPS], ['Russia', 'Russia']]],
    ['no name at all', 'some 30,000 troops', [['some 30,000 troops', TROOPS]]],
    ['ALL CAPS', '30,000 RUSSIAN TROOPS', [['30,000 RUSSIAN TROOPS', TROOPS]]],
    ['a percentage with its unit term, across a possessive', 'close to 75 per cent of Russia’s conventional forces', [
      ['close to 75 per cent', SHARE], ['Russia', 'Russia'],
    ]],
    ['a possessive is not a word of the window', 'some 30,000 of the ally’s troops', [['some 30,000 of the ally’s troops', TROOPS]]],
    ['…which is still 4 words long', 'some 30,000 of its ally’s elite troops', []],
    ['a percentage of something else', 'jusqu’à 75 % de réduction', []],
    ['a percentage without its unit term', '75% of voters', []],
  ];
  it.each(cases)('%s: %j', (_, text, expected) => {
    expect(contextMatcher.find(text).map((m) => [text.slice(m.start, m.end), label(m, CONTEXT_INDEX)])).toEqual(expected);
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
