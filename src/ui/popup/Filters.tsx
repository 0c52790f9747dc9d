/**
 * The popup's filters over one match's statements: one article or all, and which statements
 * (all, said, said about them, disputed). The state lives in the row (MatchList.tsx).
 */
import type { Details } from '../../dataset/compiled';
import { articleLine } from '../format';
import { t, type MessageKey } from '../i18n';
import { groupByArticle, KIND_FILTERS, statementRows, type KindFilter } from '../statement-groups';

export interface Filter {
  article: string | null;
  kind: KindFilter;
}

export function Filters({ details, filter, onChange }: { details: Details; filter: Filter; onChange: (next: Filter) => void }) {
  const ids = groupByArticle(statementRows(details), details).map((g) => g.article);
  const kinds = KIND_FILTERS.filter((k) => !(details.figure && k === 'about'));
  return (
    <div class="nl-filters" role="group" aria-label={t('filter_kind')}>
      {ids.length > 1 && (
        <label class="nl-filter-article">
          {t('filter_article')}{' '}
          <select
            data-testid="filter-article"
            value={filter.article ?? ''}
            onChange={(e) => onChange({ ...filter, article: (e.currentTarget as HTMLSelectElement).value || null })}
          >
            <option value="">{t('filter_all_articles', String(ids.length))}</option>
            {ids.map((id) => (
              <option key={id} value={id}>
                {articleLine(details.articles[id]) || id}
              </option>
            ))}
          </select>
        </label>
      )}
      <span class="nl-filter-kind" data-testid="filter-kind">
        {kinds.map((k) => (
          <button key={k} type="button" class="nl-chip" data-kind={k} aria-pressed={filter.kind === k} onClick={() => onChange({ ...filter, kind: k })}>
            {t(`filter_kind_${k}` as MessageKey)}
          </button>
        ))}
      </span>
    </div>
  );
}
