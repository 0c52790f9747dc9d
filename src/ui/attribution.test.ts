/** The attribution chain as a reader says it (src/ui/attribution.ts), in English and French. */
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import { compileDetails } from '../dataset/compile';
import type { DetailActor, DetailStatement } from '../dataset/compiled';
import { loadDataset } from '../dataset/load';
import { chainSentence, referTo } from './attribution';
import { useFallbackMessages } from './i18n';

const actors: Record<string, DetailActor> = {
  'french-presidency': { id: 'french-presidency', name: 'French presidency', kind: 'government' },
  kremlin: { id: 'kremlin', name: 'Kremlin', kind: 'government' },
  'vladimir-putin': { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' },
  bbc: { id: 'bbc', name: 'BBC', kind: 'media' },
  cnn: { id: 'cnn', name: 'CNN', kind: 'media' },
  reuters: { id: 'reuters', name: 'Reuters', kind: 'media' },
  'antony-blinken': { id: 'antony-blinken', name: 'Antony Blinken', kind: 'person' },
  official: { id: 'official', name: 'Unnamed intelligence official', kind: 'anonymous' },
  diplomat: { id: 'diplomat', name: 'Senior diplomat', kind: 'anonymous' },
};

function statement(speaker: string, verb: string, chain: [string, string][]): DetailStatement {
  return {
    id: 's',
    article: 'a',
    speaker,
    text: 'text',
    kind: 'paraphrase',
    verb,
    attribution: chain.map(([actor, relation]) => ({ actor, relation })),
    sourceStatus: 'named',
    about: [],
    figures: [],
    quote: 'text',
  };
}

describe('attribution in English', () => {
  beforeAll(() => useFallbackMessages(en));

  it.each([
    ['a statement passed on by its publisher only', statement('french-presidency', 'says', [['french-presidency', 'says'], ['bbc', 'reported']]), 'According to the French presidency, reported by BBC'],
    ['an unnamed source who told a broadcaster', statement('official', 'told CNN', [['official', 'told'], ['cnn', 'reported'], ['bbc', 'reported']]), 'An unnamed intelligence official told CNN, reported by BBC'],
    ['a statement relayed by an office', statement('vladimir-putin', 'blamed', [['vladimir-putin', 'blamed'], ['kremlin', 'said'], ['bbc', 'reported']]), 'According to the Kremlin, reported by BBC'],
    ['words said on air', statement('antony-blinken', 'said on CNN', [['antony-blinken', 'said'], ['cnn', 'broadcast'], ['bbc', 'reported']]), 'Antony Blinken on CNN, reported by BBC'],
    ['a longer chain', statement('diplomat', 'told', [['diplomat', 'told'], ['cnn', 'told'], ['reuters', 'reported'], ['bbc', 'reported']]), 'A senior diplomat told CNN, who told Reuters, reported by BBC'],
    ['the publisher speaking for itself', statement('bbc', 'reported', [['bbc', 'reported']]), 'According to BBC'],
  ])('%s', (_, s, expected) => {
    expect(chainSentence(s, actors, 'bbc')).toBe(expected);
  });

  it('uses determiners by kind', () => {
    expect(referTo(actors, 'kremlin')).toBe('the Kremlin');
    expect(referTo(actors, 'official')).toBe('an unnamed intelligence official');
    expect(referTo(actors, 'diplomat')).toBe('a senior diplomat');
    expect(referTo(actors, 'bbc')).toBe('BBC');
  });

  it('reads every statement of the bundled dataset as a sentence ending with its publisher, without ids', () => {
    const { dataset } = loadDataset('assets/dataset');
    const store = compileDetails(dataset!);
    const statements = Object.values(store.statements);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      const article = store.articles[s.article]!;
      const sentence = chainSentence(s, store.actors, article.publisher);
      const publisher = store.actors[article.publisher]!.name;
      if (s.attribution.length > 1) expect(sentence, s.id).toMatch(new RegExp(`reported by ${publisher}$`));
      for (const link of s.attribution) expect(sentence, s.id).not.toContain(link.actor.includes('-') ? link.actor : '\u0000');
      expect(sentence.charAt(0), s.id).toBe(sentence.charAt(0).toUpperCase());
    }
  });
});

describe('attribution in French', () => {
  beforeAll(() => useFallbackMessages(fr));

  it('says the same chain in French', () => {
    expect(chainSentence(statement('official', 'told CNN', [['official', 'told'], ['cnn', 'reported'], ['bbc', 'reported']]), actors, 'bbc')).toBe(
      'Unnamed intelligence official a déclaré à CNN, rapporté par BBC',
    );
    expect(chainSentence(statement('french-presidency', 'says', [['french-presidency', 'says'], ['bbc', 'reported']]), actors, 'bbc')).toBe(
      'Selon French presidency, rapporté par BBC',
    );
  });
});
