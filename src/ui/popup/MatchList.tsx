/**
 * The page's matches, grouped by kind (people, organisations, countries, figures) with a count
 * per group, and sorted within a group by how much the dataset says about each (its weight, from
 * the background), then by how often it occurs. A row expands to the statements, attribution
 * and disputes, as in the card, with "Show on page".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Details, MatchRef } from '../../dataset/compiled';
import { send } from '../../messaging/channel';
import { ToContent, UiToBackground, type MatchWeight, type PageMatch } from '../../messaging/protocol';
import { ActorHeader, DetailsView } from '../DetailsView';
import { kindLabel } from '../format';
import { t, type MessageKey } from '../i18n';
import { Filters, type Filter } from './Filters';
import { refKey } from './jsonld';

const GROUPS: { key: MessageKey; kinds: string[] }[] = [
  { key: 'group_people', kinds: ['person', 'anonymous'] },
  { key: 'group_organisations', kinds: ['organisation', 'government', 'media', 'group'] },
  { key: 'group_countries', kinds: ['country'] },
  { key: 'group_figures', kinds: ['figure'] },
];

/** Heaviest first; then the most frequent; then by name. */
function sortMatches(matches: PageMatch[], weights: Map<string, MatchWeight>): PageMatch[] {
  const w = (m: PageMatch) => weights.get(refKey(m.ref))?.weight ?? 0;
  return [...matches].sort((a, b) => w(b) - w(a) || b.count - a.count || a.name.localeCompare(b.name));
}

/**
 * `focus`: the match a card's "n more" opened the popup at: its row starts open, in view.
 * `pageUrl`: the page's address, so that its own article's statements come first.
 */
export function MatchList({ matches, tabId, focus, pageUrl }: { matches: PageMatch[]; tabId: number; focus?: MatchRef | null; pageUrl?: string }) {
  const [weights, setWeights] = useState<Map<string, MatchWeight> | null>(null);
  const refsKey = matches.map((m) => refKey(m.ref)).join('|');
  useEffect(() => {
    let live = true;
    void send(UiToBackground, 'data:weights', { refs: matches.map((m) => m.ref) }).then((r) => {
      if (!live) return;
      setWeights(new Map(r.ok ? matches.map((m, i) => [refKey(m.ref), r.value[i]!] as const) : []));
    });
    return () => {
      live = false;
    };
  }, [refsKey]);
  const sorted = sortMatches(matches, weights ?? new Map());
  const total = matches.reduce((n, m) => n + m.count, 0);
  return (
    <div class="nl-matches" data-testid="matches" data-sorted={weights ? 'weight' : 'count'}>
      <h2 class="nl-matches-title">
        {t('popup_matches')} <span class="nl-total">{t('popup_match_count', String(total))}</span>
      </h2>
      {GROUPS.map((g) => {
        const rows = sorted.filter((m) => g.kinds.includes(m.kind));
        if (rows.length === 0) return null;
        return (
          <section key={g.key} class="nl-group" data-group={g.key} aria-label={t(g.key)}>
            <h3>
              {t('group_count', [t(g.key), String(rows.length)])}
            </h3>
            <ul>
              {rows.map((m) => (
                <MatchRow
                  key={refKey(m.ref)}
                  match={m}
                  tabId={tabId}
                  weight={weights?.get(refKey(m.ref))}
                  focused={focus ? refKey(focus) === refKey(m.ref) : false}
                  pageUrl={pageUrl}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function MatchRow(props: { match: PageMatch; tabId: number; weight: MatchWeight | undefined; focused: boolean; pageUrl: string | undefined }) {
  const { match, tabId, weight } = props;
  const [open, setOpen] = useState(false);
  const [details, setDetails] = useState<Details | null | undefined>(undefined);
  const [filter, setFilter] = useState<Filter>({ article: null, kind: 'all' });
  const item = useRef<HTMLLIElement>(null);
  const id = `nl-row-${refKey(match.ref).replace(/[^a-z0-9-]/gi, '-')}`;
  const toggle = async () => {
    const next = !open;
    setOpen(next);
    if (next && details === undefined) {
      const r = await send(UiToBackground, 'data:details', { ref: match.ref, ...(props.pageUrl ? { page: props.pageUrl } : {}) });
      setDetails(r.ok ? r.value : null);
    }
  };
  useEffect(() => {
    if (!props.focused) return;
    item.current?.scrollIntoView({ block: 'start' });
    void toggle();
  }, [props.focused]);
  return (
    <li ref={item} class="nl-match" data-ref={refKey(match.ref)} data-weight={weight?.weight} data-focus={props.focused ? 'true' : undefined}>
      <button type="button" class="nl-match-row" aria-expanded={open} aria-controls={id} onClick={() => void toggle()}>
        <span class={`nl-kind-dot nl-kind-${match.kind}`} aria-hidden="true" />
        <span class="nl-match-name">{match.name}</span>
        <span class="nl-match-kind">{kindLabel(match.kind)}</span>
        {weight?.disputed && (
          <span class="nl-badge nl-disputed-badge" title={t('popup_disputed_hint')}>
            ⚑ {t('popup_disputed')}
          </span>
        )}
        <span class="nl-count" data-testid="count" aria-label={t('popup_occurrences_label', String(match.count))}>
          {t('popup_occurrences', String(match.count))}
        </span>
      </button>
      {open && (
        <div class="nl-match-details" id={id}>
          <button type="button" class="nl-reveal" data-testid="reveal" onClick={() => void send(ToContent, 'page:reveal', { ref: match.ref }, tabId)}>
            {t('popup_show_on_page')}
          </button>
          {details === undefined && <p class="nl-state">{t('popup_loading')}</p>}
          {details && (
            <>
              <ActorHeader details={details} />
              <DetailsView
                details={details}
                filter={filter}
                controls={<Filters details={details} filter={filter} onChange={setFilter} />}
                pageText={match.ref.type === 'figure' ? match.name : undefined}
              />
            </>
          )}
        </div>
      )}
    </li>
  );
}
