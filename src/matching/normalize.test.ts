/**
 * Folding text as the matcher sees it (src/matching/normalize.ts).
 */
import { describe, expect, it } from 'vitest';
import { foldKey, foldMarks, normalizeText } from './normalize';

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
