/**
 * The bundled dataset (assets/dataset) through the whole rule: the matcher (src/matching/matcher.ts)
 * on the index the build compiles, then the ambiguity rule (src/matching/ambiguity.ts).
 */
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../dataset/compile';
import { loadDataset } from '../dataset/load';
import { resolveAmbiguous } from './ambiguity';
import { createMatcher, type TextMatch } from './matcher';

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
