/**
 * The content script's one job, wired: decide whether this page is on, scan it, paint what
 * matched, open cards on hover, answer the popup, and undo everything when the site is switched
 * off. Every side effect hangs off `signal` (our ctx: src/page/context.ts) or the per-run AbortController, so that
 * switching off leaves nothing on the page.
 */
import { passTimes } from './started';
import type { MatchIndex, MatchRef } from '../dataset/compiled';
import { send, serve } from '../messaging/channel';
import { ContentToBackground, ToContent, type PageMatch, type PageState } from '../messaging/protocol';
import { choiceFor, decide, siteOf, type Decision } from '../sites/policy';
import { getPreferences, watchPreferences } from '../sites/store';
import { HitIndex } from './hit-test';
import { DisputedMarks } from './disputed';
import { HoverCard } from './hover-card';
import { navigate } from './navigate';
import { quotesOf } from './quotes';
import { sameOriginTop } from './same-origin-top';
import { looksLikeNews } from './news-detect';
import { LiveHighlights } from './live-highlights';
import { Painter, highlightApi } from './painter';
import { yieldToPage } from './slices';
import type { PlacedMatch } from './placed-match';
import { UiHost } from './ui-host';

interface Running {
  abort: AbortController;
  painter: Painter;
  ui: UiHost;
  hits: HitIndex<PlacedMatch>;
  card: HoverCard<PlacedMatch>;
  disputed: DisputedMarks;
  matches: PlacedMatch[];
  done: boolean;
}

export async function runContentScript(win: Window & typeof globalThis, signal: AbortSignal): Promise<void> {
  passTimes.run = win.performance.now();
  const doc = win.document;
  const site = siteOf(win.location.href);
  if (site === null) return;
  // Frames: a same-origin frame is part of the page and gets its own run (the background injects
  // this script there when the frame probe asks: src/background/frame-attach.ts); a cross-origin
  // one (an ad, an embed) never gets it, and this check stands aside should it ever run there.
  // Only the top frame answers the popup and sets the badge, so the popup and the badge show the
  // top document's matches.
  const topDoc = sameOriginTop(win);
  if (!topDoc) return;
  const isTop = topDoc === doc;
  const report = (count: number, off: boolean) => {
    if (isTop) void send(ContentToBackground, 'page:count', { count, off });
  };
  const api = highlightApi(win);
  if (!api) return; // No CSS Custom Highlight API: stand aside rather than touch the DOM.

  let decision: Decision = { enabled: false, reason: 'site-off' };
  let running: Running | null = null;
  let index: Promise<MatchIndex | null> | null = null;
  let generation = 0;

  const loadIndex = () =>
    (index ??= send(ContentToBackground, 'data:index', {}).then((r) => (r.ok ? r.value : null)));

  const stop = () => {
    if (!running) return;
    running.abort.abort();
    running.card.close();
    running.painter.clear();
    running.disputed.clear();
    running.ui.destroy();
    running.hits.clear();
    running = null;
  };

  const start = async (gen: number) => {
    const idx = await loadIndex();
    if (!idx || gen !== generation || signal.aborted) return;
    passTimes.ready = win.performance.now();
    const abort = new AbortController();
    const painter = new Painter(api);
    const ui = new UiHost(doc);
    const hits = new HitIndex<PlacedMatch>();
    const card = new HoverCard(win, ui, hits, painter, async (ref) => {
      const r = await send(ContentToBackground, 'data:details', { ref });
      return r.ok ? r.value : null;
    }, abort.signal);
    const run: Running = { abort, painter, ui, hits, card, disputed: new DisputedMarks(api), matches: [], done: false };
    running = run;
    // First pass, then the blocks that change (text arriving or leaving), painted as they change.
    const live = new LiveHighlights(win, idx, painter, hits, {
      signal: abort.signal,
      isOwn: (node) => ui.owns(node),
      startedAt: passTimes.script,
      fetchAliases: async (words, pairs, actors) => {
        const r = await send(ContentToBackground, 'data:aliases', { words, pairs, actors });
        return r.ok ? r.value : null;
      },
      onUpdate: () => {
        run.matches = live.matches();
        report(run.matches.length, false);
        void run.disputed.update(run.matches);
      },
    });
    if (!(await live.start())) return;
    run.matches = live.matches();
    run.done = true;
    void run.disputed.update(run.matches);
    report(run.matches.length, false);
  };

  const apply = async () => {
    const gen = ++generation;
    const stored = getPreferences();
    stored.catch(() => {}); // awaited below; this only keeps a failure from counting as unhandled meanwhile
    // The news check reads the document (metadata, JSON-LD): on a large page that is most of the
    // content script's start, so it runs in a task of its own rather than in the script's
    // evaluation (no task of ours over 50 ms), while the settings load.
    await yieldToPage();
    if (gen !== generation || signal.aborted) return;
    const news = looksLikeNews(topDoc);
    // A news page is on unless the reader said otherwise: ask for the index while the settings load.
    if (news && !running) void loadIndex();
    const prefs = await stored;
    if (gen !== generation || signal.aborted) return;
    decision = decide({ url: win.location.href, settings: prefs, choice: choiceFor(prefs, site), looksLikeNews: news });
    if (decision.enabled) {
      if (!running) await start(gen);
    } else {
      stop();
      report(0, decision.reason === 'site-off' || decision.reason === 'paused');
    }
  };

  const state = (): PageState => ({
    url: win.location.href,
    site,
    decision,
    status: !decision.enabled ? 'off' : running?.done ? 'ready' : 'scanning',
    matches: running?.done ? summarize(running.matches) : [],
  });

  const unserve = isTop
    ? serve(ToContent, {
        'page:state': () => state(),
        'page:reveal': ({ ref }) => (running ? reveal(running, ref) : false),
        'page:navigate': ({ direction }) => (running ? navigate(win, running.matches, running.card, direction) : false),
        'page:quotes': () => (running?.done ? quotesOf(running.matches) : []),
      })
    : () => {};
  // Any change re-decides: cheap (a pure function), and the settings change rarely.
  const unwatch = watchPreferences(() => void apply());
  signal.addEventListener('abort', () => {
    // What the page sees goes first: in an orphan (the extension reloaded under it) the browser
    // API may throw on unlistening, and that must not leave highlights behind.
    stop();
    for (const release of [unserve, unwatch]) {
      try {
        release();
      } catch {
        // The extension is gone: its listeners went with it.
      }
    }
  });
  await apply();
}

/** One row per matched actor or figure, with how often it occurs. */
function summarize(matches: PlacedMatch[]): PageMatch[] {
  const rows = new Map<string, PageMatch>();
  for (const m of matches) {
    const key = `${m.ref.type}:${m.ref.id}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { ref: m.ref, name: m.name, kind: m.kind, count: 1 });
  }
  // Code-unit order for ties, not localeCompare: the first collator of a page costs tens of ms
  // (ICU data), and the popup sorts the rows its own way.
  return [...rows.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Scrolls to the next occurrence of `ref` after the one shown last, and opens its card. */
const lastShown = new WeakMap<Running, Map<string, number>>();
function reveal(run: Running, ref: MatchRef): boolean {
  const occurrences = run.matches.filter((m) => m.ref.type === ref.type && m.ref.id === ref.id);
  if (occurrences.length === 0) return false;
  let seen = lastShown.get(run);
  if (!seen) lastShown.set(run, (seen = new Map()));
  const key = `${ref.type}:${ref.id}`;
  const next = ((seen.get(key) ?? -1) + 1) % occurrences.length;
  seen.set(key, next);
  const target = occurrences[next]!;
  const el = target.range.startContainer.parentElement;
  el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  void run.card.show(target);
  return true;
}
