/**
 * A block longer than CHUNK characters (one huge text node) is matched a window at a time
 * (`findLong`, used by scan.ts), so that it is not one long task. The windows must not change
 * what is found: the result is exactly that of one call over the whole text, for names and
 * figures standing across every window edge.
 */
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../dataset/compile';
import { loadDataset } from '../dataset/load';
import { createMatcher } from '../matching/matcher';
import { CHUNK, findLong } from './find-long';
import { Slicer } from './slices';

const index = compileIndex(loadDataset('assets/dataset').dataset!, 'unit-test');
const matcher = createMatcher(index);

const SENTENCES = [
  'Vladimir Putin met Emmanuel Macron in Moscow. ',
  "The Kremlin denied it; NATO said Russia's army of up to 190,000 troops was ready. ",
  'Boris Johnson spoke. Then Johnson left, and Joe Biden called Volodymyr Zelensky. ',
  'Close to 75 per cent of them, Mr Blinken told CNN. ',
  'Plain words with no names at all, repeated to fill the page. ',
];

/** A long text whose sentences fall across window edges at every possible offset. */
function longText(length: number, seed: number): string {
  let text = '';
  let k = seed;
  while (text.length < length) {
    k = (k * 1103515245 + 12345) % 2147483648;
    text += SENTENCES[k % SENTENCES.length]!;
    // Stretches without whitespace now and then, so that a window edge must fall inside a word.
    if (k % 7 === 0) text += 'x'.repeat(k % 300) + ' ';
  }
  return text;
}

describe('findLong', () => {
  for (const [length, seed] of [
    [CHUNK * 3 + 17, 1],
    [CHUNK * 5, 2],
    [CHUNK * 2 + 1, 3],
    [CHUNK * 8 + 999, 4],
  ] as const) {
    it(`finds what one call finds, in ${length} characters (seed ${seed})`, async () => {
      const text = longText(length, seed);
      const whole = matcher.find(text);
      expect(whole.length).toBeGreaterThan(100);
      // A budget of 0: it yields after every window, as on a busy page.
      const slicer = new Slicer(new AbortController().signal, 0);
      slicer.begin();
      const windowed = await findLong(matcher, text, slicer);
      expect(windowed).toEqual(whole);
      expect(slicer.slices).toBeGreaterThan(1);
    });
  }

  it('stops when the run is aborted', async () => {
    const abort = new AbortController();
    const slicer = new Slicer(abort.signal, 0);
    slicer.begin();
    abort.abort();
    expect(await findLong(matcher, longText(CHUNK * 4, 5), slicer)).toBeNull();
  });
});
