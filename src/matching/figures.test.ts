/**
 * Finding figures (src/matching/figures.ts, number-reading.ts, figure-units.ts).
 */
import { describe, expect, it } from 'vitest';
import { CONTEXT_INDEX, PUTIN, contextMatcher, found, label, matcher, type Case } from './test-fixtures';

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

