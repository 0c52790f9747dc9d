/**
 * Opens the card when the pointer rests on a highlighted name, and keeps it the way WCAG 1.4.13
 * asks:
 * - hoverable: it stays while the pointer is on the name or the card (a short grace period
 *   covers the gap between them);
 * - dismissable: Escape closes it, wherever the focus is;
 * - persistent, and never over what the reader points at: it sits beside the name (below, or
 *   above when there is no room below), is capped in height rather than allowed to cover the
 *   name, and follows the name when the page or a box inside it scrolls.
 * One card at a time: there is one UI host, and opening a card replaces the previous one.
 * Opened from the keyboard (`show(…, { focus: true })`) it takes the focus, and gives it back on
 * close.
 *
 * Opening is spread over several tasks, none long on a heavy page (no task over 50 ms):
 * - when the pointer comes to rest on a name, during the open delay: the card's data is asked
 *   for, the UI host is created (its stylesheet is parsed in the next frame), and the first time
 *   the date formatter is built (`prepareCard`);
 * - when the delay is over, Preact renders the card once, hidden at the host's origin;
 * - the browser lays it out in its next frame, and a ResizeObserver, called after that layout
 *   and before the paint, measures it and the name and places it (`place`): a style update on
 *   the card, shown in that same frame. No forced layout, no second render.
 * Following the page when it scrolls is the same measure and style update, once a frame.
 */
import { h } from 'preact';
import type { Details, MatchRef } from '../dataset/compiled';
import { Card, placeCard, prepareCard, type CardPosition } from '../ui/Card';
import type { HitIndex } from './hit-test';
import type { Painter } from './painter';
import type { UiHost } from './ui-host';

export const OPEN_DELAY_MS = 300;
export const CLOSE_GRACE_MS = 250;
/** The "Show on page" flash: the match's highlight blinks this many times. */
const FLASHES = 3;
const FLASH_MS = 160;

export interface CardTarget {
  ref: MatchRef;
  range: Range;
  /** The text the page shows (for a figure: the page's own number, set against the dataset's). */
  name?: string;
}

export class HoverCard<T extends CardTarget> {
  private pending: { target: T; timer: number } | null = null;
  private closeTimer: number | null = null;
  private open: {
    target: T;
    details: Details;
    /** Where it was placed last (null: rendered and hidden, waiting for its first layout). */
    position: CardPosition | null;
    /** Its natural size (before any height cap), measured at its first layout and after a resize. */
    size: { width: number; height: number } | null;
  } | null = null;
  /** Cancels the open card's wait for its first layout. */
  private placing: (() => void) | null = null;
  /** Counts openings and `close` calls: an opening overtaken by another, or by a close, stops. */
  private opening = 0;
  private resized = false;
  private prepared = false;
  private overCard = false;
  private frame = 0;
  private layoutFrame = 0;
  private flashTimer: number | null = null;
  private opener: Element | null = null;
  private lastPoint: { x: number; y: number } | null = null;
  private readonly cache = new Map<string, Promise<Details | null>>();

  constructor(
    private readonly win: Window,
    private readonly ui: UiHost,
    private readonly hits: HitIndex<T>,
    private readonly painter: Painter,
    private readonly fetchDetails: (ref: MatchRef) => Promise<Details | null>,
    signal: AbortSignal,
  ) {
    const opts = { capture: true, passive: true, signal };
    // Only input the browser says came from the reader: a page's own synthetic events
    // (dispatchEvent) must not open, keep or close a card.
    win.addEventListener('pointermove', (e) => e.isTrusted && this.onPointerMove(e), opts);
    win.addEventListener('keydown', (e) => e.isTrusted && this.onKeyDown(e), { capture: true, signal });
    win.document.addEventListener('pointerleave', (e) => e.isTrusted && this.scheduleClose(), opts);
    // Scroll events do not bubble, but a capturing listener on the window sees every scrolling box.
    win.addEventListener('scroll', () => this.scheduleLayout(), opts);
    win.addEventListener(
      'resize',
      () => {
        this.resized = true;
        this.scheduleLayout();
      },
      opts,
    );
    signal.addEventListener('abort', () => this.close());
    // A page that removes our host gets it back, with the open card rendered and placed again.
    ui.onRebuild = () => void this.rerender();
  }

  /** Renders the open card again into a rebuilt host, and places it after its first layout. */
  private async rerender(): Promise<void> {
    const open = this.open;
    if (!open) return;
    const seq = this.opening;
    this.cancelPlacing();
    open.position = null;
    const card = this.render();
    if (!card || !(await this.laidOut(card)) || seq !== this.opening || this.open !== open) return;
    this.place(card, true);
  }

  get openRef(): MatchRef | null {
    return this.open?.target.ref ?? null;
  }

  get openTarget(): T | null {
    return this.open?.target ?? null;
  }

  /** Opens the card for a match now, and flashes its highlight (keyboard navigation, "Show on page"). */
  async show(target: T, options: { focus?: boolean } = {}): Promise<void> {
    this.cancelPending();
    this.cancelClose();
    if (options.focus) this.opener ??= activeElementOf(this.win.document);
    await this.openCard(target, Boolean(options.focus));
    if (this.open?.target === target) this.flash(target.range);
  }

  /** Closes the card and forgets any card about to open (Escape, switching off). */
  close(): void {
    this.opening++;
    this.cancelPending();
    this.closeOpen();
  }

  /** Closes the open card only: a card pending for another name still opens. */
  private closeOpen(): void {
    this.cancelClose();
    this.stopFlash();
    this.cancelPlacing();
    if (this.layoutFrame) this.win.cancelAnimationFrame(this.layoutFrame);
    this.layoutFrame = 0;
    if (!this.open) return;
    const focusWasInCard = this.ui.element !== null && activeElementOf(this.win.document) === this.ui.element;
    this.open = null;
    this.overCard = false;
    this.painter.setActive([]);
    this.ui.render(null);
    const opener = this.opener;
    this.opener = null;
    if (focusWasInCard && opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true });
  }

  private onPointerMove(e: PointerEvent): void {
    const host = this.ui.element;
    if (host && e.composedPath().includes(host)) {
      this.overCard = true;
      this.cancelClose();
      return;
    }
    this.overCard = false;
    this.lastPoint = { x: e.clientX, y: e.clientY };
    if (this.frame) return;
    // Hit-test at most once a frame, however fast the pointer moves.
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = 0;
      if (this.lastPoint) this.onPoint(this.lastPoint.x, this.lastPoint.y);
    });
  }

  private onPoint(x: number, y: number): void {
    const target = this.hits.at(this.win.document, x, y);
    const open = this.open?.target;
    if (target && open && sameRef(target.ref, open.ref) && target.range === open.range) {
      this.cancelPending();
      this.cancelClose();
      return;
    }
    if (target) {
      if (this.pending?.target === target) return;
      this.cancelPending();
      this.prepare(target);
      const timer = this.win.setTimeout(() => {
        this.pending = null;
        void this.openCard(target, false);
      }, OPEN_DELAY_MS);
      this.pending = { target, timer };
      return;
    }
    this.cancelPending();
    if (this.open && !this.overCard) this.scheduleClose();
  }

  /**
   * Work that need not wait for the open delay, each part in a task of its own: the card's data,
   * the host with its stylesheet (parsed in the next frame), and, the first time, what the
   * card's first render would otherwise do on its own.
   */
  private prepare(target: T): void {
    void this.details(target.ref);
    this.ui.prepare();
    if (this.prepared) return;
    this.prepared = true;
    this.win.setTimeout(prepareCard, 0);
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && (this.open || this.pending)) this.close();
  }

  private scheduleClose(): void {
    if (!this.open || this.closeTimer !== null) return;
    this.closeTimer = this.win.setTimeout(() => {
      this.closeTimer = null;
      // A card opened from the keyboard holds the focus: it stays until Escape or the focus leaves.
      if (!this.overCard && !this.hasFocus()) this.closeOpen();
    }, CLOSE_GRACE_MS);
  }

  private hasFocus(): boolean {
    return this.ui.element !== null && activeElementOf(this.win.document) === this.ui.element;
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) this.win.clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }

  private cancelPending(): void {
    if (this.pending) this.win.clearTimeout(this.pending.timer);
    this.pending = null;
  }

  private details(ref: MatchRef): Promise<Details | null> {
    const key = `${ref.type}:${ref.id}`;
    let p = this.cache.get(key);
    if (!p) {
      p = this.fetchDetails(ref).catch(() => null);
      this.cache.set(key, p);
      // A failed request (the background asleep, restarting, busy) is asked again next time, not kept.
      void p.then((d) => {
        if (d === null && this.cache.get(key) === p) this.cache.delete(key);
      });
    }
    return p;
  }

  private async openCard(target: T, focus: boolean): Promise<void> {
    const seq = ++this.opening;
    const details = await this.details(target.ref);
    if (!details || seq !== this.opening) return;
    if (!this.prepared) {
      // Opened with no delay before it (from the keyboard, the popup): the preparation gets a task of its own all the same.
      this.prepared = true;
      prepareCard();
      await new Promise((next) => this.win.setTimeout(next, 0));
      if (seq !== this.opening) return;
    }
    const open = this.open;
    if (open?.target === target && open.details === details && open.position) {
      // Already open and placed ("Show on page" for the open name): nothing to render again.
      if (focus) this.cardElement()?.focus({ preventScroll: true });
      return;
    }
    this.stopFlash();
    this.cancelPlacing();
    this.open = { target, details, position: null, size: null };
    this.painter.setActive([target.range]);
    const card = this.render();
    if (!card || !(await this.laidOut(card)) || seq !== this.opening) return;
    this.place(card, true);
    if (focus) card.focus({ preventScroll: true });
  }

  private cardElement(): HTMLElement | null {
    return (this.ui.shadow?.querySelector('[role="dialog"]') as HTMLElement | null) ?? null;
  }

  /** Renders the open card, hidden at the host's origin and at its natural size, to be placed. */
  private render(): HTMLElement | null {
    const open = this.open;
    if (!open) return null;
    this.ui.render(
      h(Card, {
        details: open.details,
        pageText: open.target.name,
        onClose: () => this.close(),
        onPointerEnter: () => {
          this.overCard = true;
          this.cancelClose();
        },
        onPointerLeave: () => {
          this.overCard = false;
          this.scheduleClose();
        },
      }),
    );
    const card = this.cardElement();
    if (card) placeCard(card, null);
    return card;
  }

  /**
   * Resolves after the browser's next layout of `card` (true), from a ResizeObserver: it is
   * called after layout and before paint, so what it measures costs no layout of its own and
   * what it changes is painted in the same frame. Resolves false if the card is replaced or
   * closed first.
   */
  private laidOut(card: HTMLElement): Promise<boolean> {
    return new Promise((resolve) => {
      let stop: () => void;
      const finish = (done: boolean) => {
        stop();
        this.placing = null;
        resolve(done);
      };
      const Observer = (this.win as Window & typeof globalThis).ResizeObserver;
      if (typeof Observer === 'function') {
        const observer = new Observer(() => finish(true));
        observer.observe(card);
        stop = () => observer.disconnect();
      } else {
        const frame = this.win.requestAnimationFrame(() => finish(true));
        stop = () => this.win.cancelAnimationFrame(frame);
      }
      this.placing = () => finish(false);
    });
  }

  private cancelPlacing(): void {
    this.placing?.();
  }

  /**
   * Places the open card beside its name: measures the card (its natural size when `fresh`,
   * else the size measured before) and the name, then moves it with a style update. Reads
   * first, writes last: at most one layout, and none when nothing changed since the last one.
   */
  private place(card: HTMLElement, fresh: boolean): void {
    const open = this.open;
    if (!open) return;
    // Its natural height: without the cap a previous placement may have given it.
    if (fresh && open.position?.maxHeight != null) card.style.removeProperty('max-height');
    const box = card.getBoundingClientRect();
    if (fresh || !open.size) open.size = { width: box.width, height: box.height };
    const at = open.position ?? { left: 0, top: 0 };
    // The card's offset in the host is `at`, so the host's origin is its box less that offset.
    const origin = { x: box.left - at.left, y: box.top - at.top };
    const anchor = open.target.range.getBoundingClientRect();
    const viewport = { width: this.win.innerWidth, height: this.win.innerHeight };
    open.position = place(viewport, anchor, open.size, origin, open.position?.side ?? null);
    placeCard(card, open.position);
  }

  private scheduleLayout(): void {
    // A card still waiting for its first layout is placed when it gets it.
    if (!this.open?.position || this.layoutFrame) return;
    this.layoutFrame = this.win.requestAnimationFrame(() => {
      this.layoutFrame = 0;
      const card = this.cardElement();
      if (!card || !this.open?.position) return;
      this.place(card, this.resized);
      this.resized = false;
    });
  }

  private flash(range: Range): void {
    this.stopFlash();
    let step = 0;
    const tick = () => {
      step++;
      this.painter.setActive(step % 2 === 1 ? [] : [range]);
      if (step < FLASHES * 2) this.flashTimer = this.win.setTimeout(tick, FLASH_MS);
      else this.flashTimer = null;
    };
    this.flashTimer = this.win.setTimeout(tick, FLASH_MS);
  }

  private stopFlash(): void {
    if (this.flashTimer !== null) this.win.clearTimeout(this.flashTimer);
    this.flashTimer = null;
    if (this.open) this.painter.setActive([this.open.target.range]);
  }
}

function sameRef(a: MatchRef, b: MatchRef): boolean {
  return a.type === b.type && a.id === b.id;
}

/** The focused element as the page sees it: the shadow host when the focus is inside our card. */
function activeElementOf(doc: Document): Element | null {
  return doc.activeElement;
}

const GAP = 6;
const MARGIN = 8;
/** Below this height a card would be useless: it goes where there is more room instead. */
const MIN_HEIGHT = 120;

/**
 * Where the card goes, in the UI host's coordinates (`origin` is the host's top-left in the
 * viewport): beside the name, never over it, inside the viewport. Below the name when it fits,
 * else above; when neither fits, on the roomier side with its height capped to the room. The
 * side it already has is kept while it still fits, so that a card does not jump while scrolling.
 */
export function place(
  viewport: { width: number; height: number },
  anchor: { left: number; top: number; bottom: number },
  card: { width: number; height: number },
  origin: { x: number; y: number },
  current: CardPosition['side'] = null,
): CardPosition {
  const width = Math.min(card.width, viewport.width - 2 * MARGIN);
  const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, viewport.width - width - MARGIN));
  const below = viewport.height - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const fits = (room: number) => card.height <= room;
  let side: 'below' | 'above';
  if (current && fits(current === 'below' ? below : above)) side = current;
  else if (fits(below)) side = 'below';
  else if (fits(above)) side = 'above';
  else side = below >= above || above < MIN_HEIGHT ? 'below' : 'above';
  const room = side === 'below' ? below : above;
  const height = Math.min(card.height, Math.max(room, MIN_HEIGHT));
  const top = side === 'below' ? anchor.bottom + GAP : anchor.top - GAP - height;
  return {
    left: left - origin.x,
    top: top - origin.y,
    maxHeight: height < card.height ? height : null,
    side,
  };
}
