/**
 * Finding names (src/matching/matcher.ts and the trie, case rule and filter it builds on) on the
 * handmade index: which names, where, in which case. Building the index: matcher-index.test.ts;
 * the bundled dataset through the whole rule: matcher-dataset.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { CONTEXT_INDEX, PUTIN, contextMatcher, found, label, matcher, type Case } from './test-fixtures';

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

describe('ALL-CAPS headlines', () => {
  it('only the acronym words of a case-sensitive alias keep their case', () => {
    const text = 'BBC NEWS REPORTS, US MEDIA SAY; not bbc news, Bbc News or us media';
    expect(contextMatcher.find(text).map((m) => [text.slice(m.start, m.end), label(m, CONTEXT_INDEX)])).toEqual([
      ['BBC NEWS', 'BBC'],
      ['US MEDIA', 'US media'],
    ]);
  });
});
