/**
 * How the card and the popup order many statements: by article (outlet, date), the page's own
 * article first, then the most recent; within an article by how the statement touches the match
 * (said, said about them, passed on, disputed by them). The popup filters by article and by
 * kind; the card shows the first articles and counts the rest. Pure.
 */
import type { DetailStatement, Details } from '../dataset/compiled';
import { byCodeUnits } from './format';

export type Relation = 'said' | 'about' | 'reported' | 'disputes';
export const RELATIONS: readonly Relation[] = ['said', 'about', 'reported', 'disputes'];

export interface Row {
  statement: DetailStatement;
  relation: Relation;
}

export interface ArticleGroup {
  article: string;
  /** The page being read is this article. */
  own: boolean;
  rows: Row[];
}

/** What the popup's kind filter keeps: everything, what they said, what was said about them, what is disputed. */
export type KindFilter = 'all' | 'said' | 'about' | 'disputed';
export const KIND_FILTERS: readonly KindFilter[] = ['all', 'said', 'about', 'disputed'];

/** Every statement the details show, once each, with how it touches the match. */
export function statementRows(details: Details): Row[] {
  const rows: Row[] = [];
  const seen = new Set<string>();
  const add = (list: DetailStatement[], relation: Relation) => {
    for (const statement of list) {
      if (seen.has(statement.id)) continue;
      seen.add(statement.id);
      rows.push({ statement, relation });
    }
  };
  add(details.said, 'said');
  add(details.about, 'about');
  add(details.reported, 'reported');
  if (details.actor) {
    const id = details.actor.id;
    const theirs = details.disputes.filter((d) => d.by === id).map((d) => details.statements[d.statement]);
    add(theirs.filter((s): s is DetailStatement => s !== undefined), 'disputes');
  }
  return rows;
}

/** Whether a statement is disputed, or is one the match disputes. */
function isDisputed(row: Row, details: Details): boolean {
  return row.relation === 'disputes' || details.disputes.some((d) => d.statement === row.statement.id);
}

export function filterRows(rows: Row[], details: Details, filter: { article: string | null; kind: KindFilter }): Row[] {
  return rows.filter(
    (row) =>
      (filter.article === null || row.statement.article === filter.article) &&
      (filter.kind === 'all' ||
        (filter.kind === 'disputed' ? isDisputed(row, details) : row.relation === filter.kind)),
  );
}

/** Rows grouped by article: the page's own first, then the most recent, then by id; rows keep their order. */
export function groupByArticle(rows: Row[], details: Details): ArticleGroup[] {
  const groups = new Map<string, ArticleGroup>();
  for (const row of rows) {
    const id = row.statement.article;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { article: id, own: id === details.page, rows: [] }));
    group.rows.push(row);
  }
  const date = (id: string) => details.articles[id]?.published ?? '';
  return [...groups.values()].sort(
    (a, b) => Number(b.own) - Number(a.own) || byCodeUnits(date(b.article), date(a.article)) || byCodeUnits(a.article, b.article),
  );
}

/**
 * The card's share: the first `articles` groups, at most `perRelation` rows of each relation in
 * each, and how many rows that leaves out.
 */
export function limitGroups(groups: ArticleGroup[], limit: { articles: number; perRelation: number }): { groups: ArticleGroup[]; hidden: number } {
  let hidden = 0;
  const shown: ArticleGroup[] = [];
  groups.forEach((group, i) => {
    if (i >= limit.articles) {
      hidden += group.rows.length;
      return;
    }
    const count = new Map<Relation, number>();
    const rows = group.rows.filter((row) => {
      const n = (count.get(row.relation) ?? 0) + 1;
      count.set(row.relation, n);
      return n <= limit.perRelation;
    });
    hidden += group.rows.length - rows.length;
    shown.push({ ...group, rows });
  });
  return { groups: shown, hidden };
}
