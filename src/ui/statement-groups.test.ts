/** Many statements: grouped by article, the page's own first, filtered and limited (src/ui/statement-groups.ts). */
import { describe, expect, it } from 'vitest';
import { compileDetails } from '../dataset/compile';
import { detailsFor } from '../dataset/details';
import { loadDataset } from '../dataset/load';
import { filterRows, groupByArticle, limitGroups, statementRows } from './statement-groups';

const store = compileDetails(loadDataset('tests/fixtures/dataset-linked').dataset!);
const putin = detailsFor(store, { type: 'actor', id: 'vladimir-putin' })!;
const ids = (rows: { statement: { id: string } }[]) => rows.map((r) => r.statement.id);

describe('statements grouped by article', () => {
  it('puts the most recent article first, each statement once', () => {
    const groups = groupByArticle(statementRows(putin), putin);
    expect(groups.map((g) => g.article)).toEqual([
      'test-gazette-2031-03-15-more-talks',
      'daily-ledger-2031-03-01-talks-useful',
      'north-herald-2031-02-10-putin-denies',
      'test-gazette-2031-01-05-troops-gather',
    ]);
    expect(groups.at(-1)!.rows.map((r) => [r.statement.id, r.relation])).toEqual([
      ['lk310105-putin-no-plans', 'said'],
      ['lk310105-blinken-100000', 'about'],
    ]);
  });

  it("puts the page's own article first", () => {
    const own = { ...putin, page: 'north-herald-2031-02-10-putin-denies' };
    const groups = groupByArticle(statementRows(own), own);
    expect(groups[0]).toMatchObject({ article: 'north-herald-2031-02-10-putin-denies', own: true });
    expect(groups.slice(1).map((g) => g.own)).toEqual([false, false, false]);
  });

  it('filters by article and by kind', () => {
    const rows = statementRows(putin);
    expect(ids(filterRows(rows, putin, { article: null, kind: 'disputed' }))).toEqual(['lk310105-blinken-100000']);
    expect(ids(filterRows(rows, putin, { article: null, kind: 'about' }))).toEqual(['lk310105-blinken-100000']);
    expect(filterRows(rows, putin, { article: null, kind: 'said' })).toHaveLength(4);
    expect(ids(filterRows(rows, putin, { article: 'test-gazette-2031-01-05-troops-gather', kind: 'said' }))).toEqual(['lk310105-putin-no-plans']);
    expect(filterRows(rows, putin, { article: null, kind: 'all' })).toEqual(rows);
  });

  it('limits the card to the first articles and a few of each kind, and counts the rest', () => {
    const groups = groupByArticle(statementRows(putin), putin);
    expect(limitGroups(groups, { articles: 2, perRelation: 3 }).hidden).toBe(3);
    const one = limitGroups(groups, { articles: 4, perRelation: 1 });
    expect(one.hidden).toBe(0);
    expect(limitGroups(groups, { articles: 10, perRelation: 0 }).hidden).toBe(5);
  });
});

describe('ten times the statements', () => {
  // Putin's four statements copied into 40 articles over 40 days: 10× the fixture's, per actor.
  const many = structuredClone(putin);
  const base = [...many.said];
  many.said = [];
  for (let day = 1; day <= 40; day++) {
    const id = `copy-${String(day).padStart(2, '0')}`;
    many.articles[id] = { ...many.articles[base[0]!.article]!, id, published: `2031-04-${String(Math.min(day, 28)).padStart(2, '0')}` };
    for (const s of base) many.said.push({ ...s, id: `${s.id}-${id}`, article: id });
  }

  it('keeps the card to two articles and a few statements each, and counts the rest', () => {
    const groups = groupByArticle(statementRows(many), many);
    expect(groups).toHaveLength(40 + 1); // the copies, and the fixture article of the one "about" statement
    const card = limitGroups(groups, { articles: 2, perRelation: 3 });
    expect(card.groups.flatMap((g) => g.rows).length).toBeLessThanOrEqual(6);
    expect(card.groups.flatMap((g) => g.rows).length + card.hidden).toBe(statementRows(many).length);
  });
});
