/**
 * The matching tests' own indexes: small, handmade, every rule with an actor or a figure to show
 * it, and what a match or a page comes out as, in words a test can compare.
 */
import { compileIndex } from '../dataset/compile';
import type { MatchIndex } from '../dataset/compiled';
import { loadDataset } from '../dataset/load';
import { resolveAmbiguous } from './ambiguity';
import { createMatcher, type TextMatch } from './matcher';

/** A small handmade index: every rule of the matcher has an actor or a figure to show it. */
export const INDEX: MatchIndex = {
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

export const matcher = createMatcher(INDEX);

export function label(m: TextMatch, index: MatchIndex = INDEX): string {
  if (m.type === 'figure') return `figure ${index.figures[m.ref]!.id}`;
  return index.actors[m.ref]!.name + (m.safe ? '' : ' (unsafe)');
}

/** What `find` returns for `text`, as [the matched text, who or what it is]. */
export function found(text: string): [string, string][] {
  return matcher.find(text).map((m) => [text.slice(m.start, m.end), label(m)]);
}

/** A whole page (one string per block) through find and resolveAmbiguous. */
export function page(...blocks: string[]): [string, string][] {
  const kept = resolveAmbiguous(blocks.map((b) => matcher.find(b)), INDEX);
  return kept.flatMap((list, i) => list.map((m): [string, string] => [blocks[i]!.slice(m.start, m.end), label(m)]));
}

export type Case = [description: string, text: string, expected: [string, string][]];

export const PUTIN = 'Vladimir Putin';

/**
 * The context rules (src/matching/context.ts, docs/matching.md) on an index of their own, shaped
 * like the bundled dataset's entries for the same actors.
 */
export const CONTEXT_INDEX: MatchIndex = {
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
export const contextMatcher = createMatcher(CONTEXT_INDEX);

/** A page through the context index: what is kept, labelled "(unsafe)" where only page support kept it. */
export function contextPage(...blocks: string[]): [string, string][] {
  const kept = resolveAmbiguous(blocks.map((b) => contextMatcher.find(b)), CONTEXT_INDEX);
  return kept.flatMap((list, i) => list.map((m): [string, string] => [blocks[i]!.slice(m.start, m.end), label(m, CONTEXT_INDEX)]));
}

/** The bundled dataset's index (assets/dataset), built on first use. */
let bundled: { index: MatchIndex; matcher: ReturnType<typeof createMatcher> } | undefined;

/** A page (one string per block) through the bundled dataset's matcher and the page-wide rule: [text, actor id]. */
export function bundledPage(...blocks: string[]): [string, string][] {
  if (!bundled) {
    const { dataset } = loadDataset('assets/dataset');
    if (!dataset) throw new Error('the bundled dataset does not load');
    const index = compileIndex(dataset, 'unit-test');
    bundled = { index, matcher: createMatcher(index) };
  }
  const { index, matcher } = bundled;
  return resolveAmbiguous(blocks.map((b) => matcher.find(b)), index).flatMap((list, i) =>
    list.map((m): [string, string] => [blocks[i]!.slice(m.start, m.end), index.actors[m.ref]?.id ?? `figure:${m.ref}`]),
  );
}
