/**
 * The options page: where NewsLens runs (the mode and the pause), the reader's sites with their
 * switches, import and export of all of it as a JSON file, and what the bundled dataset holds.
 * Everything it changes goes through the background (src/ui/preferences.ts); it follows changes made elsewhere
 * (the popup, the context menu) while it is open.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Settings, SiteChoice } from '../../sites/policy';
import { getPreferences, watchPreferences } from '../preferences';
import { t } from '../i18n';
import { DatasetSection } from './DatasetSection';
import { ModeSection } from './ModeSection';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';
import { TransferSection } from './TransferSection';
import { Logo } from '../Logo';

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sites, setSites] = useState<Record<string, SiteChoice> | null>(null);
  const reload = useCallback(async () => {
    const { sites: c, ...s } = await getPreferences();
    setSettings(s);
    setSites(c);
  }, []);
  useEffect(() => {
    void reload();
    return watchPreferences(() => void reload());
  }, [reload]);

  return (
    <main class="nl-root nl-options">
      <header class="nl-options-header">
        <h1>
          <Logo size={28} />
          {t('options_title')}
        </h1>
      </header>
      {settings && sites ? (
        <>
          <ModeSection settings={settings} />
          <SitesSection sites={sites} />
          <TransferSection settings={settings} sites={sites} />
        </>
      ) : (
        <p class="nl-state" role="status">
          {t('options_loading')}
        </p>
      )}
      <ShortcutsSection />
      <DatasetSection />
    </main>
  );
}
