/**
 * Opens the card when the pointer rests on a highlighted name, and closes it the way WCAG
 * 1.4.13 asks: it stays while the pointer is on the name or the card, Escape dismisses it,
 * and leaving both closes it after a short grace period.
 */
import { h } from 'preact';
import type { Details, MatchRef } from '../dataset/compiled';
import { Card, type CardPosition } from '../ui/Card';
import type { HitIndex } from './hit-test';
import type { Painter } from './painter';
import type { UiHost } from './ui-host';

export const OPEN_DELAY_MS = 300;
export const CLOSE_GRACE_MS = 250;

export interface CardTarget {
  ref: MatchRef;
  range: Range;
}

export class HoverCard<T extends CardTarget> {
  private pending: { target: T; timer: number } | null = null;
  private closeTimer: number | null = null;
  private open: T | null = null;
  private overCard = false;
  private frame = 0;
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
    signal.addEventListener('abort', () => this.close());
  }

  get openRef(): MatchRef | null {
    return this.open?.ref ?? null;
  }

  /** Opens the card for a match now (keyboard navigation, "Show on page"). */
  async show(target: T): Promise<void> {
    this.cancelPending();
    this.cancelClose();
    await this.openCard(target);
  }

  /** Closes the card and forgets any card about to open (Escape, switching off). */
  close(): void {
    this.cancelPending();
    this.closeOpen();
  }

  /** Closes the open card only: a card pending for another name still opens. */
  private closeOpen(): void {
    this.cancelClose();
    if (!this.open) return;
    this.open = null;
    this.overCard = false;
    this.painter.setActive([]);
    this.ui.render(null);
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
    if (target && this.open && sameRef(target.ref, this.open.ref) && target.range === this.open.range) {
      this.cancelPending();
      this.cancelClose();
      return;
    }
    if (target) {
      if (this.pending?.target === target) return;
      this.cancelPending();
      const timer = this.win.setTimeout(() => {
        this.pending = null;
        void this.openCard(target);
      }, OPEN_DELAY_MS);
      this.pending = { target, timer };
      return;
    }
    this.cancelPending();
    if (this.open && !this.overCard) this.scheduleClose();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.open) this.close();
  }

  private scheduleClose(): void {
    if (!this.open || this.closeTimer !== null) return;
    this.closeTimer = this.win.setTimeout(() => {
      this.closeTimer = null;
      if (!this.overCard) this.closeOpen();
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

  private details(ref: MatchRef): Promise<Details | null> {
    const key = `${ref.type}:${ref.id}`;
    let p = this.cache.get(key);
    if (!p) {
      p = this.fetchDetails(ref).catch(() => null);
      this.cache.set(key, p);
    }
    return p;
  }

  private async openCard(target: T): Promise<void> {
    const details = await this.details(target.ref);
    if (!details) return;
    this.open = target;
    this.painter.setActive([target.range]);
    const anchor = target.range.getBoundingClientRect();
    const render = (position: CardPosition) =>
      this.ui.render(
        h(Card, {
          details,
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
    // Render below the name, then measure and flip above it if the card would leave the viewport.
    const mount = render(place(this.win, anchor, null));
    const card = mount.firstElementChild as HTMLElement | null;
    if (card) render(place(this.win, anchor, card.getBoundingClientRect()));
  }
}

function sameRef(a: MatchRef, b: MatchRef): boolean {
  return a.type === b.type && a.id === b.id;
}

/** Where the card goes, in page coordinates: beside the name, never over it, inside the viewport. */
export function place(win: Window, anchor: DOMRect, card: DOMRect | null): CardPosition {
  const gap = 6;
  const vw = win.innerWidth;
  const vh = win.innerHeight;
  const width = card?.width ?? Math.min(420, vw - 16);
  const height = card?.height ?? 0;
  let left = Math.min(Math.max(8, anchor.left), Math.max(8, vw - width - 8));
  let top = anchor.bottom + gap;
  if (card && top + height > vh - 8 && anchor.top - gap - height >= 8) top = anchor.top - gap - height;
  left += win.scrollX;
  top += win.scrollY;
  return { left, top };
}
