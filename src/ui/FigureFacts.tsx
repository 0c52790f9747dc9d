/**
 * A figure's facts: the number with its qualifier, what it measures and where, who gives it and
 * in which article; a plain note when the page gives a different number (or qualifies the same
 * one differently); and the dataset's other figures for the same measure.
 */
import type { DetailFigure, Details } from '../dataset/compiled';
import { figureNote, measureStanding } from './figure-note';
import { actorName, articleLine, byCodeUnits, formatFigure, formatNumber, safeHref } from './format';
import { t } from './i18n';

export function FigureFacts({ details, figure, pageText }: { details: Details; figure: DetailFigure; pageText: string | undefined }) {
  const note = figureNote(pageText, figure);
  const article = details.articles[figure.article];
  return (
    <div class="nl-figure">
      <dl class="nl-facts">
        <dt>{t('figure_value')}</dt>
        <dd class="nl-figure-value">{formatFigure(figure)}</dd>
        <dt>{t('figure_measure')}</dt>
        <dd class="nl-figure-measure">
          {figure.measure}
          {figure.where ? ` (${figure.where})` : ''}
        </dd>
        <dt>{t('figure_source')}</dt>
        <dd class="nl-figure-source">{actorName(details.actors, figure.source)}</dd>
        {article && (
          <>
            <dt>{t('figure_article')}</dt>
            <dd>
              <a href={safeHref(article.url)} target="_blank" rel="noopener noreferrer">
                {articleLine(article)}
              </a>
            </dd>
          </>
        )}
      </dl>
      {note && (
        <p class="nl-page-note" role="note" data-note={note.kind}>
          <span aria-hidden="true">≠ </span>
          {t(note.kind === 'number' ? 'figure_page_differs' : 'figure_page_qualifies', [note.page, formatFigure(figure)])}
        </p>
      )}
      {details.related.length > 0 && <MeasureValues details={details} figure={figure} pageText={pageText} />}
    </div>
  );
}

/**
 * Every value the dataset's sources give for the figure's measure, oldest first, each with its
 * source, outlet and date; whether they differ; and where the page's own number stands among them.
 */
function MeasureValues({ details, figure, pageText }: { details: Details; figure: DetailFigure; pageText: string | undefined }) {
  const date = (f: DetailFigure) => details.articles[f.article]?.published ?? '';
  const values = [figure, ...details.related].sort((a, b) => byCodeUnits(date(a), date(b)) || byCodeUnits(a.id, b.id));
  const differ = new Set(values.map((f) => `${f.low ?? f.value}-${f.high ?? f.value}`)).size > 1;
  const standing = measureStanding(pageText, values);
  return (
    <section class="nl-section nl-related-figures nl-measure" data-differ={differ ? 'true' : 'false'}>
      <h3>{differ ? t('figure_sources_differ', String(values.length)) : t('figure_sources_agree')}</h3>
      <ul class="nl-related">
        {values.map((f) => (
          <li key={f.id} data-figure={f.id} data-current={f.id === figure.id ? 'true' : undefined}>
            <strong>{formatFigure(f)}</strong>
            {f.id === figure.id ? ` (${t('figure_this_one')})` : ''} · {f.measure}
            {f.where ? ` (${f.where})` : ''} · {t('given_by', actorName(details.actors, f.source))} · {articleLine(details.articles[f.article])}
          </li>
        ))}
      </ul>
      {standing && differ && (
        <p class="nl-standing" role="note" data-below={standing.below} data-above={standing.above}>
          {t('figure_page_stands', [formatNumber(standing.page), String(standing.below), String(standing.above), String(standing.total)])}
        </p>
      )}
    </section>
  );
}
