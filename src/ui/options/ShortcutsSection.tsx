/** The keyboard shortcuts as the browser has them (readers may have changed them). */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../browser';
import { t } from '../i18n';

export function ShortcutsSection() {
  const [keys, setKeys] = useState<{ next: string; previous: string } | null>(null);
  useEffect(() => {
    void (async () => {
      const all = (await browser.commands?.getAll().catch(() => [])) ?? [];
      const key = (name: string) => all.find((c) => c.name === name)?.shortcut || t('options_shortcut_unset');
      setKeys({ next: key('next-highlight'), previous: key('previous-highlight') });
    })();
  }, []);
  if (!keys) return null;
  return (
    <section class="nl-panel" aria-labelledby="nl-keys-heading" data-testid="shortcuts">
      <h2 id="nl-keys-heading">{t('options_shortcuts_heading')}</h2>
      <p>{t('options_shortcuts', [keys.next, keys.previous])}</p>
    </section>
  );
}
