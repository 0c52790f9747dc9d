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
import type { ComponentChildren } from 'preact';
import type { DetailArticle, Details, DetailDispute, DetailStatement } from '../dataset/compiled';
import { send } from '../messaging/channel';
import { ContentToBackground } from '../messaging/protocol';
import { chainSentence } from './attribution';
import { FigureFacts } from './FigureFacts';
import { actorName, articleLine, byCodeUnits, formatDate, kindLabel, latestArticle, safeHref, titleOf } from './format';
import { t, type MessageKey } from './i18n';
import { filterRows, groupByArticle, limitGroups, RELATIONS, statementRows, type KindFilter, type Relation } from './statement-groups';

const HEADINGS: Record<Relation, MessageKey> = {
  said: 'heading_said',
  about: 'heading_about',
  reported: 'heading_reported',
  disputes: 'heading_disputes',
};

/** How much of it the card shows: the first articles, a few statements of each kind in each. */
export const CARD_LIMIT = { articles: 2, perRelation: 3 } as const;

/**
 * `limit`: the card's share (the rest is counted, and "n more" opens the popup in a tab at this
 * match); without it everything is shown. `filter` and `controls`: the popup's filters (kept
 * there, so that the card's bundle carries no state of its own) and what it shows for them.
 */
export function DetailsView({
  details,
  limit,
  filter,
  controls,
  pageText,
}: {
  details: Details;
  limit?: { articles: number; perRelation: number };
  filter?: { article: string | null; kind: KindFilter };
  controls?: ComponentChildren;
  pageText?: string | undefined;
}) {
  const all = statementRows(details);
  const rows = filter ? filterRows(all, details, filter) : all;
  const grouped = groupByArticle(rows, details);
  const { groups, hidden } = limit ? limitGroups(grouped, limit) : { groups: grouped, hidden: 0 };
  const heading = (r: Relation): MessageKey => (details.figure && r === 'said' ? 'heading_gives' : HEADINGS[r]);
  return (
    <div class="nl-details">
      {details.figure && <FigureFacts details={details} figure={details.figure} pageText={pageText} />}
      {all.length === 0 && <p class="nl-empty">{t('nothing_known')}</p>}
      {all.length > 0 && controls}
      {filter && all.length > 0 && rows.length === 0 && <p class="nl-empty">{t('filter_nothing')}</p>}
      {groups.map((group) => {
        const a = details.articles[group.article];
        return (
          <section key={group.article} class="nl-article-group" data-article={group.article} data-own={group.own ? 'true' : undefined}>
            <h3 class="nl-group-head">
              {group.own && <span class="nl-badge nl-own">{t('group_this_page')}</span>}
              {a ? articleLine(a) : group.article}
            </h3>
            {RELATIONS.map((relation) => {
              const list = group.rows.filter((r) => r.relation === relation);
              if (list.length === 0) return null;
              return (
                <div key={relation} class="nl-section" data-section={heading(relation)}>
                  <h4>
                    {t(heading(relation))} <span class="nl-section-count">{list.length}</span>
                  </h4>
                  <ul class="nl-statements">
                    {list.map((r) => (
                      <StatementItem key={r.statement.id} statement={r.statement} details={details} />
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        );
      })}
      {hidden > 0 && (
        <button
          type="button"
          class="nl-more"
          data-testid="more"
          title={t('more_open_hint')}
          onClick={() => void send(ContentToBackground, 'ui:open-details', { ref: details.ref })}
        >
          {t('more_open', String(hidden))}
        </button>
      )}
      <Sources details={details} />
    </div>
  );
}

function StatementItem({ statement: s, details }: { statement: DetailStatement; details: Details }) {
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
        <SourceLink article={article} />
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
  // The article that reports the dispute: it may be another outlet's than the claim's.
  const article = details.articles[counter ? counter.article : d.article];
  return (
    <div class="nl-dispute" data-dispute={d.id} data-how={d.how}>
      <p class="nl-who">
        <span class="nl-badge nl-how">
          <span aria-hidden="true">⚑ </span>
          {t('disputed_by', [actorName(details.actors, d.by), t(`how_${d.how}` as MessageKey)])}
        </span>
      </p>
      <blockquote class="nl-text" lang={article?.language}>
        {counter ? counter.text : d.summary}
      </blockquote>
      {counter && <p class="nl-chain">{chainSentence(counter, details.actors, article?.publisher)}</p>}
      <SourceLink article={article} />
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
              {a.publisherName} · <time dateTime={a.published}>{formatDate(a.published)}</time>
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
            {latest && <span class="nl-as-of"> {t('role_as_of', formatDate(latest.published))}</span>}
          </span>
        )}
      </p>
      {a?.description && a.description !== a.role && <p class="nl-description">{a.description}</p>}
    </header>
  );
}

/** The article a statement or dispute comes from, as a link to it. */
function SourceLink({ article }: { article: DetailArticle | undefined }) {
  if (!article) return null;
  return (
    <p class="nl-source">
      <a href={safeHref(article.url)} target="_blank" rel="noopener noreferrer">
        {articleLine(article)}
      </a>
    </p>
  );
}
