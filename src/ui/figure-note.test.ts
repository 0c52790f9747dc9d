/** The card's plain note when the page gives another number than the dataset (src/ui/figure-note.ts). */
import { describe, expect, it } from 'vitest';
import type { DetailFigure } from '../dataset/compiled';
import { figureNote, measureStanding, numbersIn, qualifierIn } from './figure-note';

const figure = (over: Partial<DetailFigure>): DetailFigure => ({
  id: 'f',
  article: 'a',
  value: 190000,
  unit: 'troops',
  qualifier: 'up-to',
  measure: 'Russian troops near Ukraine',
  measureKey: 'troops',
  source: 'united-states',
  surface: 'up to 190,000 troops',
  ...over,
});

describe('numbers as pages write them', () => {
  it.each([
    ['190,000 troops', [[190000]]],
    ['190 000 troops', [[190000]]],
    ['190\u00a0000 troops', [[190000]]],
    ['190k troops', [[190000]]],
    ['190 thousand troops', [[190000]]],
    ['1.5bn people', [[1500000000]]],
    ['75 per cent', [[75]]],
    ['75%', [[75]]],
    ['1-2 million', [[1000000], [2000000]]],
    ['between 100,000 and 130,000', [[100000], [130000]]],
  ])('%s', (text, expected) => {
    const found = numbersIn(text);
    expect(found.length).toBe(expected.length);
    // Each number has the expected reading among its readings ("190,000" is also 190 in French notation).
    expected.forEach(([value], i) => expect(found[i]).toContain(value));
  });

  it('keeps both readings of an ambiguous form', () => {
    expect(numbersIn('1,200 troops')[0]!.sort((a, b) => a - b)).toEqual([1.2, 1200]);
  });

  it('reads the qualifier', () => {
    expect(qualifierIn('up to 190,000 troops')).toBe('up-to');
    expect(qualifierIn('Nearly 75 per cent')).toBe('close-to');
    expect(qualifierIn('190,000 troops')).toBe('exactly');
  });
});

describe('the note', () => {
  it('says nothing when the page agrees', () => {
    expect(figureNote('up to 190,000 troops', figure({}))).toBeNull();
    expect(figureNote('up to 190k troops', figure({}))).toBeNull();
    expect(figureNote('close to 75 per cent', figure({ value: 75, unit: 'per cent', qualifier: 'close-to' }))).toBeNull();
    expect(figureNote(undefined, figure({}))).toBeNull();
  });

  it('says so plainly when the page gives a range around the dataset number', () => {
    expect(figureNote('190,000-200,000 troops', figure({}))).toEqual({ kind: 'number', page: '190,000-200,000 troops' });
  });

  it('says so when the page gives one bound of the dataset range', () => {
    expect(figureNote('130,000 troops', figure({ value: 100000, low: 100000, high: 130000, qualifier: 'exactly' }))).toEqual({
      kind: 'number',
      page: '130,000 troops',
    });
    expect(figureNote('between 100,000 and 130,000 troops', figure({ value: 100000, low: 100000, high: 130000, qualifier: 'exactly' }))).toBeNull();
  });

  it('notes a different qualifier on the same number', () => {
    expect(figureNote('about 190,000 troops', figure({}))).toEqual({ kind: 'qualifier', page: 'about 190,000 troops' });
    expect(figureNote('190,000 troops', figure({}))).toEqual({ kind: 'qualifier', page: '190,000 troops' });
  });

  it('agrees when any reading of an ambiguous number agrees', () => {
    expect(figureNote('1,2 million', figure({ value: 1200000, qualifier: 'exactly' }))).toBeNull();
  });
});

describe('where the page number stands among the sources of a measure', () => {
  const values = [
    figure({ id: 'a', value: 100000 }),
    figure({ id: 'b', value: 150000 }),
    figure({ id: 'c', value: 190000 }),
    figure({ id: 'r', value: 120000, low: 120000, high: 140000 }),
  ];
  it('counts the values below and above it', () => {
    expect(measureStanding('130,000 troops', values)).toEqual({ page: 130000, below: 1, above: 2, total: 4 });
    expect(measureStanding('100,000 troops', values)).toEqual({ page: 100000, below: 0, above: 3, total: 4 });
    expect(measureStanding('up to 190 000 troops', values)).toEqual({ page: 190000, below: 3, above: 0, total: 4 });
  });
  it('says nothing without a number', () => {
    expect(measureStanding('tens of thousands of troops', values)).toBeNull();
    expect(measureStanding(undefined, values)).toBeNull();
  });
});
