/**
 * Import and export of the settings as a JSON file (src/sites/settings-file.ts). An import is
 * validated whole before anything is written: a bad file changes nothing and says what is wrong.
 */
import { useState } from 'preact/hooks';
import type { Settings, SiteChoice } from '../../sites/policy';
import { MAX_FILE_BYTES, parseSettingsFile, toSettingsFile, type FileProblem, type Parsed } from '../../sites/settings-file';
import { importPreferences } from '../preferences';
import { saveText } from '../download';
import { t, type MessageKey } from '../i18n';

const WHAT: Record<Extract<FileProblem, { code: 'bad_field' }>['what'], MessageKey> = {
  mode: 'import_bad_mode',
  boolean: 'import_bad_boolean',
  choice: 'import_bad_choice',
  site: 'import_bad_site',
  object: 'import_bad_object',
  unknown_field: 'import_unknown_field',
};

/** The problem in the reader's language. */
function describeProblem(p: FileProblem): string {
  switch (p.code) {
    case 'too_large':
      return t('import_too_large');
    case 'not_json':
      return t('import_not_json', p.detail);
    case 'not_settings':
      return t('import_not_settings');
    case 'version':
      return t('import_version', p.version);
    case 'bad_field':
      return t('import_bad_field', [p.path, t(WHAT[p.what])]);
  }
}

const MODE_LABEL: Record<Settings['mode'], MessageKey> = { news: 'mode_news', everywhere: 'mode_everywhere', listed: 'mode_listed' };

export function TransferSection({ settings, sites }: { settings: Settings; sites: Record<string, SiteChoice> }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string; seq: number } | null>(null);
  const show = (ok: boolean, text: string) => setMessage((m) => ({ ok, text, seq: (m?.seq ?? 0) + 1 }));
  const exportFile = () => {
    const now = new Date();
    const file = toSettingsFile(settings, sites, now);
    saveText(document, `newslens-settings-${now.toISOString().slice(0, 10)}.json`, `${JSON.stringify(file, null, 2)}\n`, 'application/json');
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed: Parsed = file.size > MAX_FILE_BYTES ? { ok: false, problem: { code: 'too_large' } } : parseSettingsFile(await file.text());
    if (!parsed.ok) {
      show(false, t('options_import_failed', describeProblem(parsed.problem)));
      return;
    }
    // One change: the mode, the pause and the sites land together or not at all.
    await importPreferences({ ...parsed.value.settings, sites: parsed.value.sites });
    show(true, t('options_imported', [String(Object.keys(parsed.value.sites).length), t(MODE_LABEL[parsed.value.settings.mode])]));
  };
  return (
    <section class="nl-panel" aria-labelledby="nl-transfer-heading" data-testid="transfer">
      <h2 id="nl-transfer-heading">{t('options_transfer_heading')}</h2>
      <p class="nl-hint">{t('options_transfer_hint')}</p>
      <div class="nl-buttons">
        <button type="button" data-testid="export-settings" onClick={exportFile}>
          {t('options_export')}
        </button>
        <label class="nl-file-button">
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-settings"
            onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)}
          />
          <span>{t('options_import')}</span>
        </label>
      </div>
      {message && (
        <p class={message.ok ? 'nl-ok' : 'nl-error'} data-testid="import-result" data-ok={String(message.ok)} data-seq={message.seq} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
