/** What the bundled dataset holds: its version (a content hash), its counts (`data:summary`) and its articles. */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../messaging/channel';
import { UiToBackground, type Reply } from '../../messaging/protocol';
import { t, type MessageKey } from '../i18n';
import { ArticlesTable } from './ArticlesTable';

type Summary = Reply<typeof UiToBackground, 'data:summary'>;

const ROWS: [keyof Summary, MessageKey][] = [
  ['articles', 'dataset_articles'],
  ['actors', 'dataset_actors'],
  ['figures', 'dataset_figures'],
  ['statements', 'dataset_statements'],
  ['disputes', 'dataset_disputes'],
];

export function DatasetSection() {
  const [summary, setSummary] = useState<Summary | null>(null);
  useEffect(() => {
    void send(UiToBackground, 'data:summary', {}).then((r) => r.ok && setSummary(r.value));
  }, []);
  return (
    <section class="nl-panel" aria-labelledby="nl-dataset-heading" data-testid="dataset">
      <h2 id="nl-dataset-heading">{t('options_dataset_heading')}</h2>
      <p class="nl-hint">{t('options_dataset_hint')}</p>
      {summary ? (
        <dl class="nl-counts">
          <div data-field="version">
            <dt>{t('dataset_version')}</dt>
            <dd>
              <code>{summary.version}</code>
            </dd>
          </div>
          {ROWS.map(([field, label]) => (
            <div key={field} data-field={field}>
              <dt>{t(label)}</dt>
              <dd>{Number(summary[field]).toLocaleString()}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p class="nl-state">{t('options_loading')}</p>
      )}
      <ArticlesTable />
    </section>
  );
}
