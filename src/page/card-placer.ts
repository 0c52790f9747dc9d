/**
 * Keeps the open card beside its name (card-view.ts renders it, card-place.ts is the geometry).
 * The card is rendered once, hidden at the host's origin; the browser lays it out in its next
 * frame, and a ResizeObserver, called after that layout and before the paint, measures it and the
 * name and places it: a style update on the card, shown in that same frame. No forced layout, no
 * second render. Following the page when it scrolls is the same measure and style update, once a
 * frame.
 */
import { placeCard, type CardPosition } from '../ui/Card';
import { place } from './card-place';

export class CardPlacer {
  /** Where the card was placed last (null: rendered and hidden, waiting for its first layout). */
  private position: CardPosition | null = null;
  /** Its natural size (before any height cap), measured at its first layout and after a resize. */
  private size: { width: number; height: number } | null = null;
  /** Cancels the card's wait for its first layout. */
  private placing: (() => void) | null = null;
  private resized = false;
  private layoutFrame = 0;

  constructor(
    private readonly win: Window,
    /** The card's element, and the name it stands beside (null: no card open). */
    private readonly card: () => HTMLElement | null,
    private readonly anchor: () => Range | null,
  ) {}

  /** Whether the card has been placed since it was last rendered. */
  get placed(): boolean {
    return this.position !== null;
  }

  /** The card is rendered anew: it waits for its first layout. `forgetSize` for another card, not the same one again. */
  reset(forgetSize: boolean): void {
    this.cancelPlacing();
    this.position = null;
    if (forgetSize) this.size = null;
  }

  /** The card is gone: nothing more to place. */
  stop(): void {
    this.cancelPlacing();
    if (this.layoutFrame) this.win.cancelAnimationFrame(this.layoutFrame);
    this.layoutFrame = 0;
    this.position = null;
    this.size = null;
  }

  /** Places `card` after the browser's next layout of it, if `wanted` still says so then; true when placed. */
  async placeAfterLayout(card: HTMLElement, wanted: () => boolean): Promise<boolean> {
    if (!(await this.laidOut(card)) || !wanted()) return false;
    this.place(card, true);
    return true;
  }

  /** The window was resized: the card is measured again at its next placement. */
  resize(): void {
    this.resized = true;
    this.scheduleLayout();
  }

  /** Places the card again in the next frame (the page or a box in it scrolled). */
  scheduleLayout(): void {
    // A card still waiting for its first layout is placed when it gets it.
    if (!this.position || this.layoutFrame) return;
    this.layoutFrame = this.win.requestAnimationFrame(() => {
      this.layoutFrame = 0;
      const card = this.card();
      if (!card || !this.position) return;
      this.place(card, this.resized);
      this.resized = false;
    });
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
   * Places the card beside its name: measures the card (its natural size when `fresh`, else the
   * size measured before) and the name, then moves it with a style update. Reads first, writes
   * last: at most one layout, and none when nothing changed since the last one.
   */
  private place(card: HTMLElement, fresh: boolean): void {
    const range = this.anchor();
    if (!range) return;
    // Its natural height: without the cap a previous placement may have given it.
    if (fresh && this.position?.maxHeight != null) card.style.removeProperty('max-height');
    const box = card.getBoundingClientRect();
    if (fresh || !this.size) this.size = { width: box.width, height: box.height };
    const at = this.position ?? { left: 0, top: 0 };
    // The card's offset in the host is `at`, so the host's origin is its box less that offset.
    const origin = { x: box.left - at.left, y: box.top - at.top };
    const anchor = range.getBoundingClientRect();
    const viewport = { width: this.win.innerWidth, height: this.win.innerHeight };
    this.position = place(viewport, anchor, this.size, origin, this.position?.side ?? null);
    placeCard(card, this.position);
  }
}
