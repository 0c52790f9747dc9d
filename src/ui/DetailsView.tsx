/**
 * What the dataset says about one match: shared by the hover card and the popup.
 * Every dataset string is rendered as text (JSX children and attributes), never as HTML.
 *
 * For an actor: the statements they made, the statements about them and those they passed on;
 * each with its kind, reporting verb, the attribution chain as a sentence, a badge for unnamed
 * and unverified sources, and, when disputed, who disputes it and how, side by side with it.
 * For a figure: its value and qualifier, what it measures, who gives it, a plain note when the
 * page gives another number, and the dataset's other figures for the same measure.
 */
import type { DetailArticle, Details, DetailDispute, DetailStatement } from '../dataset/compiled';
import { chainSentence } from './attribution';
import { FigureFacts } from './FigureFacts';
import { actorName, byCodeUnits, formatDate, kindLabel, latestArticle, safeHref, titleOf } from './format';
import { t, type MessageKey } from './i18n';

function dateText(iso: string): string {
  return formatDate(iso);
}

/** `articleLine` of ./format, with the kept date formatter. */
function articleText(a: DetailArticle | undefined): string {
  return a ? t('source_article', [a.publisherName, dateText(a.published)]) : '';
}

export function DetailsView({ details, limit, pageText }: { details: Details; limit?: number; pageText?: string | undefined }) {
  const { said, about, reported } = details;
  const sections: [MessageKey, DetailStatement[]][] = details.figure
    ? [['heading_gives', said]]
    : [
        ['heading_said', said],
        ['heading_about', about],
        ['heading_reported', reported],
      ];
  // Statements this actor disputes, shown with the dispute beside them (not already listed above).
  const listed = new Set([...said, ...about, ...reported].map((st) => st.id));
  const disputedByThem = details.actor
    ? [...new Set(details.disputes.filter((d) => d.by === details.actor!.id && !listed.has(d.statement)).map((d) => d.statement))]
        .map((id) => details.statements[id])
        .filter((st): st is DetailStatement => st !== undefined)
    : [];
  if (disputedByThem.length > 0) sections.push(['heading_disputes', disputedByThem]);
  const empty = said.length + about.length + reported.length === 0;
  const hidden = limit === undefined ? 0 : sections.reduce((n, [, list]) => n + Math.max(0, list.length - limit), 0);
  return (
    <div class="nl-details">
      {details.figure && <FigureFacts details={details} figure={details.figure} pageText={pageText} />}
      {empty && <p class="nl-empty">{t('nothing_known')}</p>}
      {sections.map(([heading, list]) =>
        list.length === 0 ? null : (
          <section key={heading} class="nl-section" data-section={heading}>
            <h3>
              {t(heading)} <span class="nl-section-count">{list.length}</span>
            </h3>
            <ul class="nl-statements">
              {(limit === undefined ? list : list.slice(0, limit)).map((s) => (
                <StatementItem key={s.id} statement={s} details={details} />
              ))}
            </ul>
          </section>
        ),
      )}
      {hidden > 0 && <p class="nl-more">{t('more_in_popup', String(hidden))}</p>}
      <Sources details={details} />
    </div>
  );
}

export function StatementItem({ statement: s, details }: { statement: DetailStatement; details: Details }) {
  const disputes = details.disputes.filter((d) => d.statement === s.id);
  const article = details.articles[s.article];
  return (
    <li class={`nl-statement${disputes.length > 0 ? ' nl-disputed' : ''}`} data-statement={s.id}>
      <div class="nl-claim">
        <p class="nl-who">
          <strong>{actorName(details.actors, s.speaker)}</strong> <span class="nl-verb">{s.verb}</span>
          <span class="nl-badge nl-kind" data-kind={s.kind}>
            {t(`stmt_${s.kind.replace(/-/g, '_')}` as MessageKey)}
          </span>
          {s.sourceStatus !== 'named' && (
            <span class={`nl-badge nl-status-${s.sourceStatus}`} data-status={s.sourceStatus} title={t(`status_${s.sourceStatus}_hint` as MessageKey)}>
              {s.sourceStatus === 'unverified' ? '⚠ ' : '? '}
              {t(`status_${s.sourceStatus}` as MessageKey)}
            </span>
          )}
        </p>
        <blockquote class={s.kind === 'paraphrase' ? 'nl-text nl-paraphrase' : 'nl-text'} lang={article?.language}>
          {s.text}
        </blockquote>
        <p class="nl-chain">{chainSentence(s, details.actors, article?.publisher)}</p>
        {article && (
          <p class="nl-source">
            <a href={safeHref(article.url)} target="_blank" rel="noopener noreferrer">
              {articleText(article)}
            </a>
          </p>
        )}
      </div>
      {disputes.length > 0 && (
        <div class="nl-disputes" aria-label={t('disputes_label')}>
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
  const article = counter ? details.articles[counter.article] : undefined;
  return (
    <div class="nl-dispute" data-dispute={d.id} data-how={d.how}>
      <p class="nl-who">
        <span class="nl-badge nl-how">
          <span aria-hidden="true">⚑ </span>
          {t('disputed_by', [actorName(details.actors, d.by), t(`how_${d.how}` as MessageKey)])}
        </span>
      </p>
      <blockquote class="nl-text" lang={(counter ? article : details.articles[d.article])?.language}>
        {counter ? counter.text : d.summary}
      </blockquote>
      {counter && <p class="nl-chain">{chainSentence(counter, details.actors, article?.publisher)}</p>}
    </div>
  );
}

/** The articles the card draws on: publisher, date and a link to each. */
function Sources({ details }: { details: Details }) {
  const articles = Object.values(details.articles).sort((a, b) => byCodeUnits(b.published, a.published));
  if (articles.length === 0) return null;
  return (
    <footer class="nl-sources">
      <h3>{t('heading_sources')}</h3>
      <ul>
        {articles.map((a) => (
          <li key={a.id} class="nl-article" data-article={a.id}>
            <a href={safeHref(a.url)} target="_blank" rel="noopener noreferrer">
              {a.title}
            </a>{' '}
            <span class="nl-article-meta">
              {a.publisherName} · <time dateTime={a.published}>{dateText(a.published)}</time>
            </span>
          </li>
        ))}
      </ul>
    </footer>
  );
}

export function ActorHeader({ details, headingId }: { details: Details; headingId?: string }) {
  const a = details.actor;
  const kind = a ? kindLabel(a.kind) : kindLabel('figure');
  const latest = latestArticle(details);
  return (
    <header class="nl-header">
      <h2 class="nl-name" id={headingId}>
        {titleOf(details)}
      </h2>
      <p class="nl-role">
        <span class={`nl-kind-dot nl-kind-${a?.kind ?? 'figure'}`} aria-hidden="true" />
        <span class="nl-kind-label">{kind}</span>
        {a?.role && (
          <span class="nl-role-text">
            {' · '}
            {a.role}
            {latest && <span class="nl-as-of"> {t('role_as_of', dateText(latest.published))}</span>}
          </span>
        )}
      </p>
      {a?.description && a.description !== a.role && <p class="nl-description">{a.description}</p>}
    </header>
  );
}
