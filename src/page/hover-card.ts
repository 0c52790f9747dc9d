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
 *   for (details-cache.ts), the UI host is created (its stylesheet is parsed in the next frame),
 *   and the first time the date formatter is built (`prepareCard`);
 * - when the delay is over, the card is rendered once, hidden, and placed after the browser's
 *   next layout of it (card-view.ts, card-placer.ts): no forced layout, no second render.
 * This module decides when a card opens and closes; card-view.ts is the open card.
 */
import type { Details, MatchRef } from '../dataset/compiled';
import { prepareCard } from '../ui/Card';
import { CardView, type CardTarget } from './card-view';
import { DetailsCache } from './details-cache';
import type { HitIndex } from './hit-test';
import type { Painter } from './painter';
import type { UiHost } from './ui-host';

const OPEN_DELAY_MS = 300;
const CLOSE_GRACE_MS = 250;

export class HoverCard<T extends CardTarget> {
  private pending: { target: T; timer: number } | null = null;
  private closeTimer: number | null = null;
  private prepared = false;
  private overCard = false;
  private frame = 0;
  private lastPoint: { x: number; y: number } | null = null;
  private readonly cache: DetailsCache;
  private readonly view: CardView<T>;

  constructor(
    private readonly win: Window,
    private readonly ui: UiHost,
    private readonly hits: HitIndex<T>,
    painter: Painter,
    fetchDetails: (ref: MatchRef) => Promise<Details | null>,
    signal: AbortSignal,
  ) {
    this.cache = new DetailsCache(fetchDetails);
    this.view = new CardView<T>(win, ui, painter, {
      close: () => this.close(),
      pointerEnter: () => {
        this.overCard = true;
        this.cancelClose();
      },
      pointerLeave: () => {
        this.overCard = false;
        this.scheduleClose();
      },
    });
    const opts = { capture: true, passive: true, signal };
    // Only input the browser says came from the reader: a page's own synthetic events
    // (dispatchEvent) must not open, keep or close a card.
    win.addEventListener('pointermove', (e) => e.isTrusted && this.onPointerMove(e), opts);
    win.addEventListener('keydown', (e) => e.isTrusted && this.onKeyDown(e), { capture: true, signal });
    win.document.addEventListener('pointerleave', (e) => e.isTrusted && this.scheduleClose(), opts);
    // Scroll events do not bubble, but a capturing listener on the window sees every scrolling box.
    win.addEventListener('scroll', () => this.view.placer.scheduleLayout(), opts);
    win.addEventListener('resize', () => this.view.placer.resize(), opts);
    signal.addEventListener('abort', () => this.close());
    // A page that removes our host gets it back, with the open card rendered and placed again.
    ui.onRebuild = () => void this.view.rerender();
  }

  get openRef(): MatchRef | null {
    return this.view.target?.ref ?? null;
  }

  get openTarget(): T | null {
    return this.view.target;
  }

  /** Opens the card for a match now, and flashes its highlight (keyboard navigation, "Show on page"). */
  async show(target: T, options: { focus?: boolean } = {}): Promise<void> {
    this.cancelPending();
    this.cancelClose();
    if (options.focus) this.view.rememberOpener();
    await this.openCard(target, Boolean(options.focus));
    if (this.view.target === target) this.view.flash(target.range);
  }

  /** Closes the card and forgets any card about to open (Escape, switching off). */
  close(): void {
    this.view.begin();
    this.cancelPending();
    this.closeOpen();
  }

  /** Closes the open card only: a card pending for another name still opens. */
  private closeOpen(): void {
    this.cancelClose();
    if (this.view.close()) this.overCard = false;
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
    const open = this.view.target;
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
    if (this.view.target && !this.overCard) this.scheduleClose();
  }

  /**
   * Work that need not wait for the open delay, each part in a task of its own: the card's data,
   * the host with its stylesheet (parsed in the next frame), and, the first time, what the
   * card's first render would otherwise do on its own.
   */
  private prepare(target: T): void {
    void this.cache.get(target.ref);
    this.ui.prepare();
    if (this.prepared) return;
    this.prepared = true;
    this.win.setTimeout(prepareCard, 0);
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && (this.view.target || this.pending)) this.close();
  }

  private scheduleClose(): void {
    if (!this.view.target || this.closeTimer !== null) return;
    this.closeTimer = this.win.setTimeout(() => {
      this.closeTimer = null;
      // A card opened from the keyboard holds the focus: it stays until Escape or the focus leaves.
      if (!this.overCard && !this.view.hasFocus()) this.closeOpen();
    }, CLOSE_GRACE_MS);
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) this.win.clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }

  private cancelPending(): void {
    if (this.pending) this.win.clearTimeout(this.pending.timer);
    this.pending = null;
  }

  private async openCard(target: T, focus: boolean): Promise<void> {
    const seq = this.view.begin();
    const details = await this.cache.get(target.ref);
    if (!details || !this.view.isCurrent(seq)) return;
    if (!this.prepared) {
      // Opened with no delay before it (from the keyboard, the popup): the preparation gets a task of its own all the same.
      this.prepared = true;
      prepareCard();
      await new Promise((next) => this.win.setTimeout(next, 0));
      if (!this.view.isCurrent(seq)) return;
    }
    await this.view.show(target, details, seq, focus);
  }
}

function sameRef(a: MatchRef, b: MatchRef): boolean {
  return a.type === b.type && a.id === b.id;
}
