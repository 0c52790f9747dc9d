/**
 * The page-wide half of the ambiguity rule (src/matching/ambiguity.ts).
 */
import { describe, expect, it } from 'vitest';
import { applySupport, resolveAmbiguous, supportedActors } from './ambiguity';
import type { TextMatch } from './matcher';
import { INDEX, PUTIN, matcher, page } from './test-fixtures';

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

