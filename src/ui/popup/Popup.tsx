/**
 * The toolbar popup: the site and its switch, the global pause, and what matched on the page
 * with what the dataset says about it. It asks the active tab's content script (or tab
 * `?tab=<id>`, so that tests and keyboard users can open it in a tab) for the page's state, and
 * says honestly when it has nothing to show: loading, nothing matched, switched off here, paused,
 * not a news page, or a page where extensions cannot run.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from '../../browser';
import type { CatalogArticle, MatchRef } from '../../dataset/compiled';
import { send } from '../../messaging/channel';
import { ToContent, UiToBackground, type PageState } from '../../messaging/protocol';
import type { Settings } from '../../sites/policy';
import { getPreferences, setPaused, setSiteChoice } from '../preferences';
import { t, type MessageKey } from '../i18n';
import { ExportButton } from './ExportButton';
import { MatchList } from './MatchList';
import { ownArticle } from './own-article';
import { silentReason, targetTab, type TargetTab } from './target';
import { Logo } from '../Logo';
import { formatDate } from '../format';

/** The match a card's "n more" opened the popup at (`?actor=<id>` or `?figure=<id>`), if any. */
function focusOf(search: string): MatchRef | null {
  const query = new URLSearchParams(search);
  const actor = query.get('actor');
  if (actor) return { type: 'actor', id: actor };
  const figure = query.get('figure');
  return figure ? { type: 'figure', id: figure } : null;
}

type View =
  | { kind: 'loading' }
  | { kind: 'silent'; reason: ReturnType<typeof silentReason> }
  | { kind: 'page'; state: PageState };

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function Popup({ search }: { search: string }) {
  const [tab, setTab] = useState<TargetTab | null>(null);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);

  const refresh = useCallback(async (target: TargetTab) => {
    const r = await send(ToContent, 'page:state', {}, target.id);
    setView(r.ok ? { kind: 'page', state: r.value } : { kind: 'silent', reason: silentReason(target.url) });
    return r.ok ? r.value : null;
  }, []);

  /** Asks again until the page has finished scanning (a long page, or a switch just flipped). */
  const settle = useCallback(
    async (target: TargetTab, first = 0) => {
      for (let i = 0; i < 60; i++) {
        if (i > 0 || first > 0) await wait(i === 0 ? first : 100);
        const state = await refresh(target);
        if (!state || state.status !== 'scanning') break;
      }
    },
    [refresh],
  );

  useEffect(() => {
    void getPreferences().then(setSettings);
    void targetTab(search).then(async (target) => {
      if (!target) return setView({ kind: 'silent', reason: 'unknown' });
      setTab(target);
      await settle(target);
    });
  }, [search, settle]);

  const toggleSite = async (site: string, on: boolean) => {
    await setSiteChoice(site, on ? 'on' : 'off');
    if (tab) await settle(tab, 60);
  };
  const togglePause = async (paused: boolean) => {
    setSettings(await setPaused(paused));
    if (tab) await settle(tab, 60);
  };

  const state = view.kind === 'page' ? view.state : null;
  return (
    <main class="nl-root nl-popup" aria-busy={view.kind === 'loading' || state?.status === 'scanning'}>
      <header class="nl-popup-header">
        <h1>
          <Logo size={18} />
          {t('extName')}
        </h1>
        {settings && (
          <label class="nl-pause">
            <input
              type="checkbox"
              role="switch"
              data-testid="pause"
              checked={settings.paused}
              onChange={(e) => void togglePause((e.currentTarget as HTMLInputElement).checked)}
            />
            {t('popup_pause')}
          </label>
        )}
      </header>
      {view.kind === 'loading' && (
        <p class="nl-state" data-state="loading" role="status">
          {t('popup_loading')}
        </p>
      )}
      {view.kind === 'silent' && <SilentPage reason={view.reason} />}
      {state && tab && <PageView state={state} tab={tab} onToggle={toggleSite} focus={focusOf(search)} />}
      <footer class="nl-popup-footer">
        {state?.status === 'ready' && state.matches.length > 0 && tab && <ExportButton state={state} tabId={tab.id} />}
        <button type="button" class="nl-link-button" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_settings')}
        </button>
      </footer>
    </main>
  );
}

const SILENT: Record<ReturnType<typeof silentReason>, MessageKey> = {
  unsupported: 'popup_unsupported',
  reload: 'popup_unreachable',
  unknown: 'popup_unknown_page',
};

function SilentPage({ reason }: { reason: ReturnType<typeof silentReason> }) {
  return (
    <p class="nl-state" data-state={reason === 'reload' ? 'unreachable' : 'unsupported'} data-reason={reason} role="status">
      {t(SILENT[reason])}
    </p>
  );
}

const OFF_MESSAGES: Record<string, MessageKey> = {
  'site-off': 'popup_off_here',
  paused: 'popup_paused',
  'not-news': 'popup_not_news',
  'not-listed': 'popup_not_listed',
  unsupported: 'popup_unsupported',
};

const ON_MESSAGES: Record<string, MessageKey> = {
  'news-page': 'popup_reason_news',
  everywhere: 'popup_reason_everywhere',
  'site-on': 'popup_reason_site_on',
};

/** The dataset article the page is (./own-article.ts), or null; undefined until the list has come. */
function useOwnArticle(url: string, title: string | undefined): CatalogArticle | null | undefined {
  const [articles, setArticles] = useState<CatalogArticle[] | null>(null);
  useEffect(() => {
    void send(UiToBackground, 'data:articles', {}).then((r) => setArticles(r.ok ? r.value : []));
  }, []);
  return articles ? ownArticle(articles, { url, title }) : undefined;
}

function PageView(props: { state: PageState; tab: TargetTab; onToggle: (site: string, on: boolean) => void; focus: MatchRef | null }) {
  const { state, onToggle } = props;
  const tabId = props.tab.id;
  const { site, decision } = state;
  const own = useOwnArticle(state.url, props.tab.title);
  const offState = decision.reason === 'paused' ? 'paused' : decision.reason === 'unsupported' ? 'unsupported' : 'off';
  return (
    <>
      {site && (
        <section class="nl-site" aria-label={site}>
          <label class="nl-switch">
            <input
              type="checkbox"
              role="switch"
              data-testid="site-switch"
              checked={decision.enabled}
              disabled={decision.reason === 'paused'}
              onChange={(e) => onToggle(site, (e.currentTarget as HTMLInputElement).checked)}
            />
            <span class="nl-switch-label">{t('popup_site_switch', site)}</span>
          </label>
          {decision.enabled && (
            <p class="nl-reason" data-reason={decision.reason}>
              {t(ON_MESSAGES[decision.reason] ?? 'popup_reason_site_on')}
            </p>
          )}
        </section>
      )}
      {own && (
        <p class="nl-own-article" data-testid="own-article" data-article={own.id} role="note">
          {t('popup_page_is_article', [own.title, t('source_article', [own.publisherName, formatDate(own.published)])])}
        </p>
      )}
      {props.focus && (
        <p class="nl-focus-note" data-testid="focus" data-ref={`${props.focus.type}:${props.focus.id}`}>
          {t('popup_focus')}
        </p>
      )}
      {!decision.enabled && (
        <p class="nl-state" data-state={offState} data-reason={decision.reason} role="status">
          {t(OFF_MESSAGES[decision.reason] ?? 'popup_off_here')}
        </p>
      )}
      {state.status === 'scanning' && (
        <p class="nl-state" data-state="loading" role="status">
          {t('popup_loading')}
        </p>
      )}
      {state.status === 'ready' && state.matches.length === 0 && (
        <p class="nl-state" data-state="empty" role="status">
          {t('popup_no_matches')}
        </p>
      )}
      {state.status === 'ready' && state.matches.length > 0 && own !== undefined && (
        // Known by its headline rather than its address, the page is named to the background by the article's own address.
        <MatchList matches={state.matches} tabId={tabId} focus={props.focus} pageUrl={own?.url ?? state.url} />
      )}
    </>
  );
}
