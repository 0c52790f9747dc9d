/**
 * "Export JSON-LD": gathers the page's occurrences (from the content script) and what the
 * dataset says about each match (from the background), builds the Web Annotation collection
 * (./jsonld.ts) and saves it as a file. Everything stays on the machine.
 */
import { useState } from 'preact/hooks';
import { browser } from '../../browser';
import type { Details } from '../../dataset/compiled';
import { send } from '../../messaging/channel';
import { ToContent, UiToBackground, type PageState } from '../../messaging/protocol';
import { saveText } from '../download';
import { t } from '../i18n';
import { buildJsonLd, exportFileName, refKey } from './jsonld';

async function exportPage(state: PageState, tabId: number, now = new Date()): Promise<{ fileName: string; text: string } | null> {
  const quotes = await send(ToContent, 'page:quotes', {}, tabId);
  if (!quotes.ok) return null;
  const details = new Map<string, Details>();
  await Promise.all(
    state.matches.map(async (m) => {
      const r = await send(UiToBackground, 'data:details', { ref: m.ref });
      if (r.ok && r.value) details.set(refKey(m.ref), r.value);
    }),
  );
  const summary = await send(UiToBackground, 'data:summary', {});
  const manifest = browser.runtime.getManifest();
  const generated = now.toISOString();
  const doc = buildJsonLd({
    pageUrl: state.url,
    generated,
    generator: { name: t('extName'), version: manifest.version },
    datasetVersion: summary.ok ? summary.value.version : undefined,
    quotes: quotes.value,
    details,
  });
  return { fileName: exportFileName(state.site, generated), text: `${JSON.stringify(doc, null, 2)}\n` };
}

export function ExportButton({ state, tabId }: { state: PageState; tabId: number }) {
  const [saved, setSaved] = useState<string | null>(null);
  const onClick = async () => {
    const file = await exportPage(state, tabId);
    if (!file) return;
    saveText(document, file.fileName, file.text, 'application/ld+json');
    setSaved(file.fileName);
  };
  return (
    <>
      <button type="button" class="nl-export" data-testid="export" title={t('popup_export_hint')} onClick={() => void onClick()}>
        {t('popup_export')}
      </button>
      {saved && (
        <span class="nl-saved" role="status">
          {t('popup_exported', saved)}
        </span>
      )}
    </>
  );
}
