/**
 * What the dataset says about one match: shared by the hover card and the popup.
 * Every dataset string is rendered as text (JSX children), never as HTML.
 */
import type { Details, DetailDispute, DetailStatement } from '../dataset/compiled';
import { actorName, articleLine, chainLinks, formatFigure, kindLabel } from './format';
import { t, type MessageKey } from './i18n';

export function DetailsView({ details, limit }: { details: Details; limit?: number }) {
  const { said, about, reported } = details;
  const cap = (list: DetailStatement[]) => (limit === undefined ? list : list.slice(0, limit));
  const sections: [MessageKey, DetailStatement[]][] = details.figure
    ? [['heading_gives', said]]
    : [
        ['heading_said', said],
        ['heading_about', about],
        ['heading_reported', reported],
      ];
  const empty = said.length + about.length + reported.length === 0;
  return (
    <div class="nl-details">
      {details.figure && (
        <p class="nl-figure-line">
          <strong>{formatFigure(details.figure)}</strong> · {details.figure.measure}
          {details.figure.where ? ` (${details.figure.where})` : ''} · {t('given_by', actorName(details.actors, details.figure.source))}
        </p>
      )}
      {empty && <p class="nl-empty">{t('nothing_known')}</p>}
      {sections.map(([heading, list]) =>
        list.length === 0 ? null : (
          <section key={heading} class="nl-section">
            <h3>{t(heading)}</h3>
            <ul class="nl-statements">
              {cap(list).map((s) => (
                <StatementItem key={s.id} statement={s} details={details} />
              ))}
            </ul>
          </section>
        ),
      )}
      {details.related.length > 0 && (
        <section class="nl-section">
          <h3>{t('heading_related')}</h3>
          <ul class="nl-related">
            {details.related.map((f) => (
              <li key={f.id}>
                <strong>{formatFigure(f)}</strong> · {f.measure} · {t('given_by', actorName(details.actors, f.source))} ·{' '}
                {articleLine(details.articles[f.article])}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export function StatementItem({ statement: s, details }: { statement: DetailStatement; details: Details }) {
  const disputes = details.disputes.filter((d) => d.statement === s.id);
  const chain = chainLinks(s, details.actors);
  const article = details.articles[s.article];
  return (
    <li class={`nl-statement${disputes.length > 0 ? ' nl-disputed' : ''}`} data-statement={s.id}>
      <div class="nl-claim">
        <p class="nl-who">
          <strong>{actorName(details.actors, s.speaker)}</strong> <span class="nl-verb">{s.verb}</span>
          <span class={`nl-badge nl-kind`}>{t(`stmt_${s.kind.replace(/-/g, '_')}` as MessageKey)}</span>
          {s.sourceStatus !== 'named' && (
            <span class={`nl-badge nl-status-${s.sourceStatus}`}>{t(`status_${s.sourceStatus}` as MessageKey)}</span>
          )}
        </p>
        <blockquote class={s.kind === 'paraphrase' ? 'nl-text nl-paraphrase' : 'nl-text'}>{s.text}</blockquote>
        {chain.length > 0 && (
          <p class="nl-chain" aria-label={t('chain_via')}>
            {chain.map((l, i) => (
              <span key={i} class="nl-link">
                {i > 0 ? ' → ' : '↳ '}
                {l.name} <em>{l.relation}</em>
              </span>
            ))}
          </p>
        )}
        {article && (
          <p class="nl-source">
            <a href={article.url} target="_blank" rel="noopener noreferrer">
              {articleLine(article)}
            </a>
          </p>
        )}
      </div>
      {disputes.length > 0 && (
        <div class="nl-disputes">
          {disputes.map((d) => (
            <DisputeItem key={d.id} dispute={d} details={details} />
          ))}
        </div>
      )}
    </li>
  );
}

function DisputeItem({ dispute: d, details }: { dispute: DetailDispute; details: Details }) {
  const counter = d.counter ? details.statements[d.counter] : undefined;
  return (
    <div class="nl-dispute" data-dispute={d.id}>
      <p class="nl-who">
        <span class="nl-badge nl-how">⚑ {t('disputed_by', [actorName(details.actors, d.by), t(`how_${d.how}` as MessageKey)])}</span>
      </p>
      <blockquote class="nl-text">{counter ? counter.text : d.summary}</blockquote>
    </div>
  );
}

export function ActorHeader({ details }: { details: Details }) {
  const a = details.actor;
  const f = details.figure;
  const name = a?.name ?? (f ? formatFigure(f) : '');
  const kind = a ? kindLabel(a.kind) : kindLabel('figure');
  return (
    <header class="nl-header">
      <h2 class="nl-name">{name}</h2>
      <p class="nl-role">
        <span class={`nl-kind-dot nl-kind-${a?.kind ?? 'figure'}`} aria-hidden="true" />
        {kind}
        {a?.role ? ` · ${a.role}` : ''}
      </p>
    </header>
  );
}
