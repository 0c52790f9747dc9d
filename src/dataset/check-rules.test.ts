/**
 * The check's rules on texts and across articles (src/dataset/check.ts, check-rules.ts). Each
 * case starts from tests/fixtures/dataset-multi, which passes, changes one thing, and expects
 * exactly the problem that change makes: without the rule, the list would be empty.
 */
import { describe, expect, it } from 'vitest';
import { checkDataset, type DatasetInput } from './check';
import { formatProblem } from './problems';
import { readDatasetFiles, sha256 } from './load';
import { unitKey } from './check-rules';

const DIR = 'tests/fixtures/dataset-multi';
const OPEN = 'test-gazette-2031-01-05-testville-talks-open';
const STALL = 'test-gazette-2031-01-12-testville-talks-stall';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The fixture, read afresh (deep copies), with `edit` applied to the parsed JSON of its files. */
function fixture(edit: (files: { actors: Json; open: Json; stall: Json }) => void): DatasetInput {
  const input = readDatasetFiles(DIR);
  const copy = <T>(v: T): T => structuredClone(v);
  const files = {
    actors: copy(input.actorsFile.json) as Json,
    open: copy(input.articles[0]!.json) as Json,
    stall: copy(input.articles[1]!.json) as Json,
  };
  edit(files);
  return {
    ...input,
    actorsFile: { ...input.actorsFile, json: files.actors },
    articles: [
      { ...input.articles[0]!, json: files.open },
      { ...input.articles[1]!, json: files.stall },
    ],
  };
}

/** Problem lines with the fixture's folder cut off the file names. */
function problems(input: DatasetInput): string[] {
  return checkDataset(input).problems.map((p) => formatProblem({ ...p, file: p.file.slice(DIR.length + 1) }));
}

describe('the fixture', () => {
  it('passes, and returns its texts (never inside the articles)', () => {
    const result = checkDataset(fixture(() => {}));
    expect(result.problems).toEqual([]);
    expect(result.texts!.get(OPEN)).toMatch(/^TEST ARTICLE/);
    expect(JSON.stringify(result.dataset)).not.toContain('Talks opened in the fictional town');
  });
});

describe('texts', () => {
  it('refuses a text that does not match its sha256', () => {
    const input = fixture(() => {});
    const file = input.texts!.get(OPEN)!;
    const changed = file.text!.replace('TEST ARTICLE', 'TEST ARTICLX'); // no offset moves
    const texts = new Map(input.texts!);
    texts.set(OPEN, { ...file, text: changed, sha256: sha256(changed) });
    const lines = problems({ ...input, texts });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^articles/${OPEN}.json: textSha256: texts/${OPEN}.txt has sha256 [0-9a-f]{64}, not [0-9a-f]{64}: the text changed`));
  });

  it('refuses an article without its text file', () => {
    const input = fixture(() => {});
    const texts = new Map(input.texts!);
    texts.set(STALL, { path: 'x', error: 'file not found' });
    expect(problems({ ...input, texts })).toEqual([`articles/${STALL}.json: textSha256: no text for the article: texts/${STALL}.txt: file not found`]);
  });

  it('still verifies every quote against the text file', () => {
    const lines = problems(
      fixture(({ stall }) => {
        stall.statements[0].evidence.quote.exact = 'Antony Blinken said the talks had stalled.';
      }),
    );
    expect(lines).toEqual([`articles/${STALL}.json: statements[0].evidence.quote.exact: quote not in the article text: "Antony Blinken said the talks had stalled."`]);
  });

  it('names an inline text (the old format) and how to move it, and checks the quotes against it meanwhile', () => {
    const input = fixture(({ open }) => {
      delete open.textSha256;
      open.text = 'Vladimir Putin said the talks were “a useful start”. Antony Blinken said 12 delegations had taken part and that more work was needed.';
    });
    const texts = new Map(input.texts!);
    texts.delete(OPEN);
    const lines = problems({ ...input, texts });
    expect(lines).toContain(`articles/${OPEN}.json: text: the text belongs in texts/<id>.txt, not in the article file: run npm run dataset:split-texts`);
    // The offsets count the text file's characters, not this shorter text: the position is wrong, the quote is found.
    expect(lines.filter((l) => l.includes('quote not in the article text'))).toEqual([]);
    expect(lines.some((l) => l.includes('statements[0].evidence.position'))).toBe(true);
  });
});

describe('unreviewed entries', () => {
  it('refuses every drafted entry, each with its path', () => {
    const lines = problems(
      fixture(({ actors, open, stall }) => {
        actors.actors[2].unreviewed = true;
        open.unreviewed = true;
        open.figures[0].unreviewed = true;
        open.statements[1].unreviewed = true;
        stall.disputes[0].unreviewed = true;
      }),
    );
    const why = 'drafted and not reviewed: check it against the source, then remove "unreviewed"';
    expect(lines).toEqual([
      `actors.json: actors[2].unreviewed: ${why}`,
      `articles/${OPEN}.json: unreviewed: ${why}`,
      `articles/${OPEN}.json: figures[0].unreviewed: ${why}`,
      `articles/${OPEN}.json: statements[1].unreviewed: ${why}`,
      `articles/${STALL}.json: disputes[0].unreviewed: ${why}`,
    ]);
  });

  it('accepts only `true`: a reviewed entry drops the field', () => {
    const lines = problems(fixture(({ open }) => void (open.statements[0].unreviewed = false)));
    expect(lines).toEqual([`articles/${OPEN}.json: statements[0].unreviewed: Invalid input: expected true`]);
  });
});

describe('an actor no article mentions', () => {
  const sergei = { id: 'sergei-lavrov', name: 'Sergei Lavrov', kind: 'person', aliases: [{ text: 'Lavrov', safe: true }] };

  it('is flagged', () => {
    const lines = problems(fixture(({ actors }) => actors.actors.push(sergei)));
    expect(lines).toEqual([`actors.json: actors[3]: actor "sergei-lavrov" is mentioned by no article (no field refers to it and no text names it)`]);
  });

  it('counts as mentioned when a text names it, though no field refers to it', () => {
    const text = readDatasetFiles(DIR).texts!.get(OPEN)!.text! + ' Lavrov was not there.';
    const input = fixture(({ actors, open }) => {
      actors.actors.push(sergei);
      open.textSha256 = sha256(text);
    });
    const texts = new Map(input.texts!);
    texts.set(OPEN, { path: 'x', text, sha256: sha256(text) });
    expect(problems({ ...input, texts })).toEqual([]);
  });

  it('counts as mentioned when only a field refers to it (roles)', () => {
    const lines = problems(
      fixture(({ actors, stall }) => {
        actors.actors.push(sergei);
        stall.roles = { 'sergei-lavrov': 'Foreign minister' };
      }),
    );
    expect(lines).toEqual([]);
  });
});

describe('a dispute whose two sides are one statement', () => {
  it('is flagged when the counter is the disputed statement under another id (same passage)', () => {
    const lines = problems(
      fixture(({ stall }) => {
        const copy = structuredClone(stall.statements[0]);
        copy.id = 'tg310112-blinken-talks-stalled-again';
        copy.text = 'The talks in Testville had stalled.';
        stall.statements.push(copy);
        stall.disputes[0].by = 'antony-blinken';
        stall.disputes[0].counter = copy.id;
      }),
    );
    expect(lines).toEqual([
      `articles/${STALL}.json: disputes[0].counter: "tg310112-blinken-talks-stalled-again" is the disputed statement "tg310112-blinken-talks-stalled" again (the same passage): a dispute needs two sides`,
    ]);
  });

  it('is flagged when the counter has the same speaker and words in another article', () => {
    const lines = problems(
      fixture(({ open, stall }) => {
        open.statements[0].text = stall.statements[1].text;
        stall.disputes[0].statement = open.statements[0].id;
      }),
    );
    expect(lines).toEqual([
      `articles/${STALL}.json: disputes[0].counter: "tg310112-putin-talks-going-well" is the disputed statement "tg310105-putin-useful-start" again (the same speaker and words): a dispute needs two sides`,
    ]);
  });

  it('keeps the same id on both sides as before', () => {
    const lines = problems(fixture(({ stall }) => void (stall.disputes[0].counter = stall.disputes[0].statement)));
    expect(lines).toContain(`articles/${STALL}.json: disputes[0].counter: a statement cannot counter itself`);
  });
});

describe('a measure whose values disagree in unit', () => {
  const figure = (unit: string) => ({
    id: 'tg310112-12-delegations',
    value: 12,
    unit,
    qualifier: 'exactly',
    measure: 'Delegations at the Testville talks',
    measureKey: 'testville-talks-delegations',
    source: 'antony-blinken',
    surface: 'Antony Blinken',
    evidence: { quote: { exact: 'Antony Blinken', prefix: 'NewsLens tests. A week later, ', suffix: ' said the Testville talks had st' }, position: { start: 63, end: 77 } },
  });

  it('is flagged on the figure that disagrees', () => {
    const lines = problems(fixture(({ stall }) => void (stall.figures = [figure('teams')])));
    expect(lines).toEqual([
      `articles/${STALL}.json: figures[0].unit: measure "testville-talks-delegations" is in "delegations" at ${OPEN}.json figures[0], not "teams": one measure, one unit`,
    ]);
  });

  it('is not flagged for the same unit written another way', () => {
    expect(problems(fixture(({ stall }) => void (stall.figures = [figure(' Delegations ')])))).toEqual([]);
    expect(unitKey('%')).toBe(unitKey('Per  cent'));
  });
});
