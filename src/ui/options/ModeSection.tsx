/** Where NewsLens highlights: news pages (the default), everywhere, or only the listed sites; and the pause. */
import type { Mode, Settings } from '../../sites/policy';
import { setMode, setPaused } from '../preferences';
import { t, type MessageKey } from '../i18n';

const MODES: { mode: Mode; label: MessageKey; hint: MessageKey }[] = [
  { mode: 'news', label: 'mode_news', hint: 'mode_news_hint' },
  { mode: 'everywhere', label: 'mode_everywhere', hint: 'mode_everywhere_hint' },
  { mode: 'listed', label: 'mode_listed', hint: 'mode_listed_hint' },
];

export function ModeSection({ settings }: { settings: Settings }) {
  return (
    <section class="nl-panel" aria-labelledby="nl-mode-heading" data-testid="mode">
      <h2 id="nl-mode-heading">{t('options_mode_heading')}</h2>
      <fieldset class="nl-modes">
        <legend class="nl-visually-hidden">{t('options_mode_heading')}</legend>
        {MODES.map(({ mode, label, hint }) => (
          <label key={mode} class="nl-mode">
            <input
              type="radio"
              name="mode"
              value={mode}
              data-testid={`mode-${mode}`}
              checked={settings.mode === mode}
              aria-describedby={`nl-hint-${mode}`}
              onChange={() => void setMode(mode)}
            />
            <span>
              <strong>{t(label)}</strong>
              <span class="nl-hint" id={`nl-hint-${mode}`}>
                {t(hint)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <label class="nl-mode nl-pause-option">
        <input
          type="checkbox"
          role="switch"
          data-testid="pause"
          checked={settings.paused}
          aria-describedby="nl-hint-pause"
          onChange={(e) => void setPaused((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>
          <strong>{t('popup_pause')}</strong>
          <span class="nl-hint" id="nl-hint-pause">
            {t('options_pause_hint')}
          </span>
        </span>
      </label>
    </section>
  );
}
