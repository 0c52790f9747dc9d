/**
 * The reader's sites: each with its switch (on/off) and a button to remove it, so that it follows
 * the mode again; and a field to add one. A site is a host name without "www." (what the popup
 * names); a pasted address is reduced to its site.
 */
import { useState } from 'preact/hooks';
import type { SiteChoice } from '../../sites/policy';
import { normaliseSite } from '../../sites/settings-file';
import { setSiteChoice } from '../preferences';
import { t } from '../i18n';

export function SitesSection({ sites }: { sites: Record<string, SiteChoice> }) {
  const names = Object.keys(sites).sort((a, b) => a.localeCompare(b));
  return (
    <section class="nl-panel" aria-labelledby="nl-sites-heading" data-testid="sites">
      <h2 id="nl-sites-heading">{t('options_sites_heading')}</h2>
      <p class="nl-hint">{t('options_sites_hint')}</p>
      {names.length === 0 ? (
        <p class="nl-state" data-state="no-sites">
          {t('options_sites_empty')}
        </p>
      ) : (
        <ul class="nl-sites">
          {names.map((site) => (
            <li key={site} class="nl-site-row" data-site={site} data-choice={sites[site]}>
              <label class="nl-switch nl-site-switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={sites[site] === 'on'}
                  aria-label={t('options_site_switch', site)}
                  onChange={(e) => void setSiteChoice(site, (e.currentTarget as HTMLInputElement).checked ? 'on' : 'off')}
                />
                <span class="nl-site-name">{site}</span>
                <span class="nl-site-choice">{t(sites[site] === 'on' ? 'options_site_on' : 'options_site_off')}</span>
              </label>
              <button type="button" class="nl-remove" aria-label={t('options_remove_label', site)} onClick={() => void setSiteChoice(site, undefined)}>
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddSite />
    </section>
  );
}

function AddSite() {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (choice: SiteChoice) => {
    const site = normaliseSite(text);
    if (!site) {
      setError(t('options_add_invalid', text.trim()));
      return;
    }
    setError(null);
    setText('');
    await setSiteChoice(site, choice);
  };
  return (
    <form class="nl-add-site" onSubmit={(e) => (e.preventDefault(), void add('on'))}>
      <label>
        <span>{t('options_add_label')}</span>
        <input
          type="text"
          data-testid="add-site"
          value={text}
          placeholder={t('options_add_placeholder')}
          spellcheck={false}
          autocomplete="off"
          aria-invalid={error !== null}
          aria-describedby={error ? 'nl-add-error' : undefined}
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <button type="submit" data-testid="add-on">
        {t('options_add_on')}
      </button>
      <button type="button" data-testid="add-off" onClick={() => void add('off')}>
        {t('options_add_off')}
      </button>
      {error && (
        <p class="nl-error" id="nl-add-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
