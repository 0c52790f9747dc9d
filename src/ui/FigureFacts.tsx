/**
 * A figure's facts: the number with its qualifier, what it measures and where, who gives it and
 * in which article; a plain note when the page gives a different number (or qualifies the same
 * one differently); and the dataset's other figures for the same measure.
 */
import type { DetailFigure, Details } from '../dataset/compiled';
import { figureNote } from './figure-note';
import { actorName, articleLine, formatFigure, safeHref } from './format';
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
      {details.related.length > 0 && (
        <section class="nl-section nl-related-figures">
          <h3>{t('heading_related')}</h3>
          <ul class="nl-related">
            {details.related.map((f) => (
              <li key={f.id} data-figure={f.id}>
                <strong>{formatFigure(f)}</strong> · {f.measure}
                {f.where ? ` (${f.where})` : ''} · {t('given_by', actorName(details.actors, f.source))} ·{' '}
                {articleLine(details.articles[f.article])}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
