/**
 * The context rules (src/matching/context.ts, context-rules.ts, docs/matching.md), on an index
 * of their own shaped like the bundled dataset's entries for the same actors.
 */
import { describe, expect, it } from 'vitest';
import { contextMatcher, contextPage } from './test-fixtures';

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

