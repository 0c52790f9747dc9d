/**
 * The dataset's articles on the options page: title (a link to the source), outlet, date,
 * language and what each holds, most recent first (`data:articles`). Dataset strings are text.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CatalogArticle } from '../../dataset/compiled';
import { send } from '../../messaging/channel';
import { UiToBackground } from '../../messaging/protocol';
import { formatDate, safeHref } from '../format';
import { t } from '../i18n';

export function ArticlesTable() {
  const [articles, setArticles] = useState<CatalogArticle[] | null>(null);
  useEffect(() => {
    void send(UiToBackground, 'data:articles', {}).then((r) => r.ok && setArticles(r.value));
  }, []);
  if (!articles) return null;
  return (
    <div class="nl-articles">
      <h3>{t('options_articles_heading')}</h3>
      <table data-testid="articles">
        <thead>
          <tr>
            <th scope="col">{t('options_article_title')}</th>
            <th scope="col">{t('options_article_outlet')}</th>
            <th scope="col">{t('options_article_date')}</th>
            <th scope="col">{t('options_article_language')}</th>
            <th scope="col">{t('options_article_counts')}</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.id} data-article={a.id}>
              <td>
                <a href={safeHref(a.url)} target="_blank" rel="noopener noreferrer" lang={a.language}>
                  {a.title}
                </a>
              </td>
              <td>{a.publisherName}</td>
              <td>
                <time dateTime={a.published}>{formatDate(a.published)}</time>
              </td>
              <td>
                <code>{a.language}</code>
              </td>
              <td class="nl-article-counts">
                {t('options_article_count_line', [a.counts.statements, a.counts.figures, a.counts.disputes, a.counts.actors].map(String))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
