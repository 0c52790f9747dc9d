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
 */
import { h } from 'preact';
import type { Details, MatchRef } from '../dataset/compiled';
import { Card, type CardPosition } from '../ui/Card';
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
  private open: { target: T; details: Details; side: CardPosition['side'] } | null = null;
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
    win.addEventListener('pointermove', (e) => this.onPointerMove(e), opts);
    win.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal });
    win.document.addEventListener('pointerleave', () => this.scheduleClose(), opts);
    // Scroll events do not bubble, but a capturing listener on the window sees every scrolling box.
    win.addEventListener('scroll', () => this.scheduleLayout(), opts);
    win.addEventListener('resize', () => this.scheduleLayout(), opts);
    signal.addEventListener('abort', () => this.close());
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
    this.cancelPending();
    this.closeOpen();
  }

  /** Closes the open card only: a card pending for another name still opens. */
  private closeOpen(): void {
    this.cancelClose();
    this.stopFlash();
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
    }
    return p;
  }

  private async openCard(target: T, focus: boolean): Promise<void> {
    const details = await this.details(target.ref);
    if (!details) return;
    this.stopFlash();
    this.open = { target, details, side: null };
    this.painter.setActive([target.range]);
    this.layout();
    if (focus) this.cardElement()?.focus({ preventScroll: true });
  }

  private cardElement(): HTMLElement | null {
    return (this.ui.element?.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement | null) ?? null;
  }

  private render(position: CardPosition): HTMLElement | null {
    const open = this.open;
    if (!open) return null;
    this.ui.render(
      h(Card, {
        details: open.details,
        pageText: open.target.name,
        position,
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
    return this.cardElement();
  }

  /** Places the card beside its name: render at the natural size, measure, then place. */
  private layout(): void {
    const open = this.open;
    if (!open) return;
    const anchor = open.target.range.getBoundingClientRect();
    const viewport = { width: this.win.innerWidth, height: this.win.innerHeight };
    const first = this.render({ left: 0, top: 0, maxHeight: null, side: open.side });
    if (!first) return;
    // Rendered at (0, 0), the card's box is the origin of whatever holds it, and its natural size.
    const box = first.getBoundingClientRect();
    const position = place(viewport, anchor, { width: box.width, height: box.height }, { x: box.left, y: box.top }, open.side);
    open.side = position.side;
    this.render(position);
  }

  private scheduleLayout(): void {
    if (!this.open || this.layoutFrame) return;
    this.layoutFrame = this.win.requestAnimationFrame(() => {
      this.layoutFrame = 0;
      this.layout();
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
