/**
 * `npm run dataset:draft` on a saved page (tests/fixtures/draft/, a fictional article with
 * JSON-LD, Open Graph, navigation and a footer), against the fixture dataset of two actors and
 * a publisher (tests/fixtures/dataset-multi).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../src/dataset/check';
import { formatProblem } from '../src/dataset/problems';
import { loadDataset, sha256 } from '../src/dataset/load';
import { readDatasetFiles } from '../src/dataset/load';
import { draftArticle } from './dataset-draft';
import { bcp47, isoDate, readPage } from './dataset-draft-page';
import { draftStatements, sentences } from './dataset-draft-statements';
import { candidateActors, draftFigures } from './dataset-draft-text';
import { compareDrafts } from './dataset-draft-report';

const PAGE = readFileSync('tests/fixtures/draft/test-gazette-page.html', 'utf8');
const DATASET = 'tests/fixtures/dataset-multi';
const { dataset } = loadDataset(DATASET);

describe('reading the page', () => {
  const { meta, text } = readPage(PAGE);

  it('takes the metadata from JSON-LD first (inside @graph), Open Graph after', () => {
    expect(meta).toEqual({
      title: 'Talks in Testville stall',
      publisher: 'Test Gazette',
      published: '2031-01-12',
      language: 'en-GB',
      url: 'https://example.test/talks-stall',
    });
    const ogOnly = readPage(PAGE.replace(/<script type="application\/ld\+json">[^]*?<\/script>/, ''));
    expect(ogOnly.meta).toEqual({
      title: 'Talks in Testville stall (Open Graph title)',
      publisher: 'Test Gazette',
      published: '2031-01-01',
      language: 'en-GB',
      url: 'https://example.test/og-url',
    });
  });

  it('extracts the article text with Readability: paragraphs one per line, no navigation or footer', () => {
    expect(text).toContain('Vladimir Putin said the talks were “going well” and that more meetings would follow.\n“We will not give up on Testville,” said Antony Blinken.');
    expect(text).not.toMatch(/Subscribe|Sport|All rights reserved/);
  });

  it('normalises dates and language tags', () => {
    expect(isoDate('2022-02-20T14:03:00Z')).toBe('2022-02-20');
    expect(isoDate('yesterday')).toBeUndefined();
    expect(bcp47('fr_FR')).toBe('fr-FR');
    expect(bcp47('DE')).toBe('de');
  });
});

describe('the draft', () => {
  const { meta, text } = readPage(PAGE);
  const draft = draftArticle({ text, meta, dataset: dataset! }) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('names the known actors and proposes new ones', () => {
    expect(draft.draft.knownActors).toEqual(['vladimir-putin', 'antony-blinken']);
    expect(draft.draft.newActors.map((a: { name: string }) => a.name)).toContain('Olaf Testmann');
    expect(draft.draft.newActors.map((a: { name: string }) => a.name)).not.toContain('Vladimir Putin');
    expect(draft.publisher).toBe('test-gazette');
  });

  it('finds the figure with its qualifier, and not the year', () => {
    expect(draft.figures.map((f: { surface: string; value: number; qualifier: string }) => [f.surface, f.value, f.qualifier])).toEqual([['up to 190,000 troops', 190000, 'up-to']]);
  });

  it('drafts statements with speaker, verb and kind, anchored exactly in the text', () => {
    const rows = draft.statements.map((s: Record<string, any>) => [s.speaker ?? s.speakerName, s.verb, s.kind, s.text]); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(rows).toEqual([
      ['vladimir-putin', 'said', 'partial-quote', 'Vladimir Putin said the talks were “going well” and that more meetings would follow.'],
      ['antony-blinken', 'said', 'direct-quote', 'We will not give up on Testville.'],
      ['Olaf Testmann', 'According to', 'paraphrase', 'According to Olaf Testmann, the talks have failed and no date has been set for another round.'],
      ['Olaf Testmann', 'estimates', 'paraphrase', 'Olaf Testmann estimates that up to 190,000 troops remain near Testville, a figure that neither side has confirmed.'],
    ]);
    for (const item of [...draft.statements, ...draft.figures]) {
      const { quote, position } = item.evidence;
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
      expect(text.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
      expect(text.slice(position.end, position.end + quote.suffix.length)).toBe(quote.suffix);
    }
    expect(draft.statements[0].attribution).toEqual([
      { actor: 'vladimir-putin', relation: 'said' },
      { actor: 'test-gazette', relation: 'reported' },
    ]);
  });

  it('marks everything unreviewed, and the check refuses it with each path', () => {
    const input = readDatasetFiles(DATASET);
    const { text: inline, draft: _, ...article } = draft;
    article.textSha256 = sha256(inline);
    const texts = new Map(input.texts!);
    texts.set(article.id, { path: 'x', text: inline, sha256: sha256(inline) });
    const lines = checkDataset({ ...input, articles: [...input.articles, { path: `articles/${article.id}.json`, json: article }], texts }).problems.map(formatProblem);
    const unreviewed = lines.filter((l) => l.endsWith('then remove "unreviewed"')).map((l) => l.split(': ')[1]);
    expect(unreviewed).toEqual(['unreviewed', 'figures[0].unreviewed', 'statements[0].unreviewed', 'statements[1].unreviewed', 'statements[2].unreviewed', 'statements[3].unreviewed']);
  });
});

describe('candidate statements in French and German', () => {
  const names = (text: string, list: [string, string?][]) =>
    list.map(([name, actor]) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, name, ...(actor ? { actor } : {}) }));

  it('reads "a déclaré", "selon" and guillemets', () => {
    const text = '« Nous ne céderons pas », a déclaré Vladimir Poutine. Selon Antony Blinken, les négociations ont échoué.';
    const found = draftStatements(text, names(text, [['Vladimir Poutine', 'vladimir-putin'], ['Antony Blinken', 'antony-blinken']]));
    expect(found.map((s) => [s.speaker?.actor, s.verb, s.kind])).toEqual([
      ['vladimir-putin', 'a déclaré', 'direct-quote'],
      ['antony-blinken', 'Selon', 'paraphrase'],
    ]);
  });

  it('reads "sagte" and "laut", and leaves the speaker out where no name is near', () => {
    const text = 'Wladimir Putin sagte, die Gespräche seien gescheitert. Laut Regierungskreisen gibt es keinen neuen Termin.';
    const found = draftStatements(text, names(text, [['Wladimir Putin', 'vladimir-putin']]));
    expect(found.map((s) => [s.speaker?.actor, s.verb])).toEqual([
      ['vladimir-putin', 'sagte'],
      [undefined, 'Laut'],
    ]);
  });

  it('takes the name after "Laut" or "Selon" as the source, not the cue or a pronoun', () => {
    const text = 'Laut Russlandexperte Klaus Testmann steckt mehr dahinter. «Nous avons réussi», a affirmé le ministre.';
    const known = candidateActors(text, []);
    expect(known.map((c) => c.name)).toEqual(['Russlandexperte Klaus Testmann']);
    const found = draftStatements(text, known.flatMap((c) => c.spans));
    expect(found.map((s) => [s.speaker?.name, s.verb, s.kind])).toEqual([
      ['Russlandexperte Klaus Testmann', 'Laut', 'paraphrase'],
      [undefined, 'a affirmé', 'direct-quote'],
    ]);
  });

  it('reads Russian and Spanish too', () => {
    const text = 'По словам Владимира Путина, переговоры продолжатся. Según Antony Blinken, las negociaciones fracasaron.';
    const found = draftStatements(text, names(text, [['Владимира Путина', 'vladimir-putin'], ['Antony Blinken', 'antony-blinken']]));
    expect(found.map((s) => [s.speaker?.actor, s.verb])).toEqual([
      ['vladimir-putin', 'По словам'],
      ['antony-blinken', 'Según'],
    ]);
  });

  it('splits sentences outside quotations only', () => {
    const text = 'He said: “It failed. We go on.” Then he left.';
    expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['He said: “It failed. We go on.”', 'Then he left.']);
  });
});

describe('figures and names on their own', () => {
  it('reads European grouping, scale words and percentages, and skips times and years', () => {
    const text = 'Some 130.000 Soldaten. Close to 75 per cent of forces. 1.5 million people fled. 30,000 Russian troops. Posted 49m ago in 2022 reports. Le 22 novembre à 6 heures, am 7. November um 12 Uhr.';
    expect(draftFigures(text).map((f) => [f.surface, f.value, f.unit])).toEqual([
      ['Some 130.000 Soldaten', 130000, 'Soldaten'],
      ['Close to 75 per cent', 75, 'per cent'],
      ['1.5 million people', 1500000, 'people'],
      ['30,000 Russian troops', 30000, 'troops'],
    ]);
  });

  it('proposes names that no known actor covers, without sentence openers', () => {
    const text = 'But Olaf Testmann spoke. The Testville Council met. Testville voted; in Testville they cheered. Monday came.';
    expect(candidateActors(text, []).map((c) => [c.name, c.occurrences])).toEqual([
      ['Testville', 2],
      ['Olaf Testmann', 1],
      ['Testville Council', 1],
    ]);
  });
});

describe('the draft report', () => {
  it('counts drafted statements kept unchanged, changed and dropped, and curated ones missed', () => {
    const curated = [
      { speaker: 'a', kind: 'paraphrase', exact: 'A said one thing.' },
      { speaker: 'b', kind: 'partial-quote', exact: 'B said “two”, he added.' },
      { speaker: 'c', kind: 'paraphrase', exact: 'C wrote nothing quotable.' },
    ];
    const drafted = [
      { speaker: 'a', kind: 'paraphrase', exact: 'A said one thing.' },
      { speaker: 'x', kind: 'partial-quote', exact: 'B said “two”, he added.' },
      { kind: 'paraphrase', exact: 'Nobody said this.' },
    ];
    expect(compareDrafts(drafted, curated)).toEqual({ drafted: 3, curated: 3, unchanged: 1, changed: 1, dropped: 1, missed: 1 });
  });
});
