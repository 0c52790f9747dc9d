/** What a checked dataset holds, counted per kind, for `npm run dataset:check` and for tests. */
import type { z } from 'zod';
import type { Dataset } from './check';
import { ActorKind, DisputeHow, SourceStatus, StatementKind } from './schema';

type StatementKindT = z.infer<typeof StatementKind>;
type SourceStatusT = z.infer<typeof SourceStatus>;
type DisputeHowT = z.infer<typeof DisputeHow>;

/** Counts per kind, for the check's report and for tests. */
export interface DatasetSummary {
  articles: number;
  actors: { total: number; byKind: Record<ActorKind, number> };
  figures: number;
  statements: { total: number; byKind: Record<StatementKindT, number>; bySourceStatus: Record<SourceStatusT, number> };
  disputes: { total: number; byHow: Record<DisputeHowT, number> };
}

export function summarize(dataset: Dataset): DatasetSummary {
  const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const s: DatasetSummary = {
    articles: dataset.articles.length,
    actors: { total: dataset.actors.length, byKind: zeros(ActorKind.options) },
    figures: 0,
    statements: { total: 0, byKind: zeros(StatementKind.options), bySourceStatus: zeros(SourceStatus.options) },
    disputes: { total: 0, byHow: zeros(DisputeHow.options) },
  };
  for (const a of dataset.actors) s.actors.byKind[a.kind]++;
  for (const article of dataset.articles) {
    s.figures += article.figures.length;
    for (const st of article.statements) {
      s.statements.total++;
      s.statements.byKind[st.kind]++;
      s.statements.bySourceStatus[st.sourceStatus]++;
    }
    for (const d of article.disputes) {
      s.disputes.total++;
      s.disputes.byHow[d.how]++;
    }
  }
  return s;
}
