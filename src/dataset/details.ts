/**
 * Answers "what does the dataset say about this match?" from the compiled details store.
 * Pure: the background calls it for the card and the popup.
 */
import { own } from './own';
import type { DetailDispute, DetailStatement, Details, DetailsStore, MatchRef } from './compiled';

/** Newest article first, then in the article's own order. */
function byRecency(store: DetailsStore) {
  return (a: DetailStatement, b: DetailStatement) =>
    (own(store.articles, b.article)?.published ?? '').localeCompare(own(store.articles, a.article)?.published ?? '');
}

export function detailsFor(store: DetailsStore, ref: MatchRef): Details | null {
  const statements = Object.values(store.statements);
  let said: DetailStatement[];
  let about: DetailStatement[] = [];
  let reported: DetailStatement[] = [];
  const related = [];
  if (ref.type === 'actor') {
    if (!own(store.actors, ref.id)) return null;
    said = statements.filter((s) => s.speaker === ref.id);
    about = statements.filter((s) => s.speaker !== ref.id && s.about.includes(ref.id));
    reported = statements.filter(
      (s) => s.speaker !== ref.id && !s.about.includes(ref.id) && s.attribution.some((l) => l.actor === ref.id),
    );
  } else {
    const figure = own(store.figures, ref.id);
    if (!figure) return null;
    said = statements.filter((s) => s.figures.includes(ref.id));
    related.push(
      ...Object.values(store.figures).filter((f) => f.measureKey === figure.measureKey && f.id !== figure.id),
    );
  }
  const order = byRecency(store);
  said.sort(order);
  about.sort(order);
  reported.sort(order);

  const shown = new Set([...said, ...about, ...reported].map((s) => s.id));
  const disputes: DetailDispute[] = Object.values(store.disputes).filter(
    (d) => shown.has(d.statement) || (d.counter !== undefined && shown.has(d.counter)) || (ref.type === 'actor' && d.by === ref.id),
  );

  const result: Details = {
    ref,
    said,
    about,
    reported,
    disputes,
    related,
    actors: {},
    articles: {},
    statements: {},
  };
  if (ref.type === 'actor') result.actor = own(store.actors, ref.id);
  else result.figure = own(store.figures, ref.id);

  const addActor = (id: string) => {
    const a = own(store.actors, id);
    if (a) result.actors[id] = a;
  };
  const addStatement = (s: DetailStatement) => {
    result.statements[s.id] = s;
    addActor(s.speaker);
    s.about.forEach(addActor);
    s.attribution.forEach((l) => addActor(l.actor));
    const art = own(store.articles, s.article);
    if (art) {
      result.articles[art.id] = art;
      addActor(art.publisher);
    }
  };
  [...said, ...about, ...reported].forEach(addStatement);
  for (const d of disputes) {
    addActor(d.by);
    for (const id of [d.statement, d.counter]) {
      const s = id ? own(store.statements, id) : undefined;
      if (s) addStatement(s);
    }
  }
  for (const f of [result.figure, ...related]) {
    if (!f) continue;
    addActor(f.source);
    const art = own(store.articles, f.article);
    if (art) result.articles[art.id] = art;
  }
  return result;
}

/** How much the dataset says about a match: used to sort the popup's list. */
export function weightOf(details: Details): number {
  return details.said.length * 2 + details.about.length + details.reported.length + details.disputes.length * 2;
}
