/**
 * The toolbar popup: the site switch, and what matched on the page with what the dataset says
 * about it. It asks the active tab's content script (or tab `?tab=<id>`, so that tests and
 * keyboard users can open it in a tab) for the page's state.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Details } from '../../dataset/compiled';
import { askBackground, askTab } from '../../messaging/client';
import type { PageMatch, PageState } from '../../messaging/protocol';
import type { Settings } from '../../sites/policy';
import { getSettings, setSiteChoice, updateSettings } from '../../sites/settings';
import { ActorHeader, DetailsView } from '../DetailsView';
import { kindLabel } from '../format';
import { t, type MessageKey } from '../i18n';

type View =
  | { kind: 'loading' }
  | { kind: 'unreachable' }
  | { kind: 'page'; state: PageState };

async function targetTab(search: string): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function Popup({ search }: { search: string }) {
  const [tabId, setTabId] = useState<number | null>(null);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);

  const refresh = useCallback(async (id: number) => {
    const r = await askTab(id, 'page:state', {});
    setView(r.ok ? { kind: 'page', state: r.value } : { kind: 'unreachable' });
    return r.ok ? r.value : null;
  }, []);

  useEffect(() => {
    void getSettings().then(setSettings);
    void targetTab(search).then(async (id) => {
      if (id === null) return setView({ kind: 'unreachable' });
      setTabId(id);
      // Poll while the page is still scanning (a long page, or a switch just flipped).
      for (let i = 0; i < 50; i++) {
        const state = await refresh(id);
        if (!state || state.status !== 'scanning') break;
        await new Promise((r) => setTimeout(r, 100));
      }
    });
  }, [search, refresh]);

  const settle = useCallback(async () => {
    if (tabId === null) return;
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 60));
      const state = await refresh(tabId);
      if (!state || state.status !== 'scanning') break;
    }
  }, [tabId, refresh]);

  const toggleSite = async (site: string, on: boolean) => {
    await setSiteChoice(site, on ? 'on' : 'off');
    await settle();
  };
  const togglePause = async (paused: boolean) => {
    setSettings(await updateSettings({ paused }));
    await settle();
  };

  return (
    <main class="nl-root nl-popup">
      <header class="nl-popup-header">
        <h1>{t('extName')}</h1>
        {settings && (
          <label class="nl-pause">
            <input
              type="checkbox"
              data-testid="pause"
              checked={settings.paused}
              onChange={(e) => void togglePause((e.currentTarget as HTMLInputElement).checked)}
            />
            {t('popup_pause')}
          </label>
        )}
      </header>
      {view.kind === 'loading' && <p class="nl-state" data-state="loading">{t('popup_loading')}</p>}
      {view.kind === 'unreachable' && <p class="nl-state" data-state="unreachable">{t('popup_unreachable')}</p>}
      {view.kind === 'page' && <PageView state={view.state} tabId={tabId!} onToggle={toggleSite} />}
    </main>
  );
}

const OFF_MESSAGES: Record<string, MessageKey> = {
  'site-off': 'popup_off_here',
  paused: 'popup_paused',
  'not-news': 'popup_not_news',
  'not-listed': 'popup_not_listed',
  unsupported: 'popup_unsupported',
};

function PageView({ state, tabId, onToggle }: { state: PageState; tabId: number; onToggle: (site: string, on: boolean) => void }) {
  const site = state.site;
  return (
    <>
      {site && (
        <label class="nl-switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="site-switch"
            checked={state.decision.enabled}
            disabled={state.decision.reason === 'paused'}
            onChange={(e) => onToggle(site, (e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{t('popup_site_switch', site)}</span>
        </label>
      )}
      {!state.decision.enabled && (
        <p class="nl-state" data-state="off">
          {t(OFF_MESSAGES[state.decision.reason] ?? 'popup_off_here')}
        </p>
      )}
      {state.status === 'scanning' && <p class="nl-state" data-state="loading">{t('popup_loading')}</p>}
      {state.status === 'ready' && state.matches.length === 0 && (
        <p class="nl-state" data-state="empty">{t('popup_no_matches')}</p>
      )}
      {state.status === 'ready' && state.matches.length > 0 && <MatchList matches={state.matches} tabId={tabId} />}
    </>
  );
}

const GROUPS: { key: MessageKey; kinds: string[] }[] = [
  { key: 'group_people', kinds: ['person'] },
  { key: 'group_organisations', kinds: ['organisation', 'government', 'media', 'group', 'anonymous'] },
  { key: 'group_countries', kinds: ['country'] },
  { key: 'group_figures', kinds: ['figure'] },
];

function MatchList({ matches, tabId }: { matches: PageMatch[]; tabId: number }) {
  return (
    <div class="nl-matches" data-testid="matches">
      <h2 class="nl-matches-title">{t('popup_matches')}</h2>
      {GROUPS.map((g) => {
        const rows = matches.filter((m) => g.kinds.includes(m.kind));
        if (rows.length === 0) return null;
        return (
          <section key={g.key} class="nl-group" data-group={g.key}>
            <h3>{t(g.key)}</h3>
            <ul>
              {rows.map((m) => (
                <MatchRow key={`${m.ref.type}:${m.ref.id}`} match={m} tabId={tabId} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function MatchRow({ match, tabId }: { match: PageMatch; tabId: number }) {
  const [open, setOpen] = useState(false);
  const [details, setDetails] = useState<Details | null | undefined>(undefined);
  const toggle = async () => {
    const next = !open;
    setOpen(next);
    if (next && details === undefined) {
      const r = await askBackground('data:details', { ref: match.ref });
      setDetails(r.ok ? r.value : null);
    }
  };
  return (
    <li class="nl-match" data-ref={`${match.ref.type}:${match.ref.id}`}>
      <button type="button" class="nl-match-row" aria-expanded={open} onClick={() => void toggle()}>
        <span class={`nl-kind-dot nl-kind-${match.kind}`} aria-hidden="true" />
        <span class="nl-match-name">{match.name}</span>
        <span class="nl-match-kind">{kindLabel(match.kind)}</span>
        <span class="nl-count" data-testid="count">
          {t('popup_occurrences', String(match.count))}
        </span>
      </button>
      {open && (
        <div class="nl-match-details">
          <button type="button" class="nl-reveal" onClick={() => void askTab(tabId, 'page:reveal', { ref: match.ref })}>
            {t('popup_show_on_page')}
          </button>
          {details === undefined && <p class="nl-state">{t('popup_loading')}</p>}
          {details && (
            <>
              <ActorHeader details={details} />
              <DetailsView details={details} />
            </>
          )}
        </div>
      )}
    </li>
  );
}
