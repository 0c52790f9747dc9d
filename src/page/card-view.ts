/**
 * The open card on the page: rendering it into the UI host, placing it beside its name
 * (card-placer.ts), flashing the name's highlight, and giving the focus back on close.
 * hover-card.ts decides when a card opens and closes; this is what an open card is.
 */
import { h } from 'preact';
import type { Details, MatchRef } from '../dataset/compiled';
import { Card, placeCard } from '../ui/Card';
import { CardPlacer } from './card-placer';
import type { Painter } from './painter';
import type { UiHost } from './ui-host';

/** The "Show on page" flash: the match's highlight blinks this many times. */
const FLASHES = 3;
const FLASH_MS = 160;

export interface CardTarget {
  ref: MatchRef;
  range: Range;
  /** The text the page shows (for a figure: the page's own number, set against the dataset's). */
  name?: string;
}

/** What the card's own controls ask of the hover card. */
interface CardEvents {
  close(): void;
  pointerEnter(): void;
  pointerLeave(): void;
}

export class CardView<T extends CardTarget> {
  private open: { target: T; details: Details } | null = null;
  /** Counts openings and closes: an opening overtaken by another, or by a close, stops. */
  private opening = 0;
  private flashTimer: number | null = null;
  private opener: Element | null = null;
  readonly placer: CardPlacer;

  constructor(
    private readonly win: Window,
    private readonly ui: UiHost,
    private readonly painter: Painter,
    private readonly events: CardEvents,
  ) {
    this.placer = new CardPlacer(win, () => this.cardElement(), () => this.open?.target.range ?? null);
  }

  get target(): T | null {
    return this.open?.target ?? null;
  }

  /** A new opening (or a close) begins: openings still under way stop. */
  begin(): number {
    return ++this.opening;
  }

  isCurrent(seq: number): boolean {
    return seq === this.opening;
  }

  /** Remembers where the focus was, to give it back when a card opened from the keyboard closes. */
  rememberOpener(): void {
    this.opener ??= activeElementOf(this.win.document);
  }

  /** Renders and places the card for `target` (opening `seq`); focuses it if asked. */
  async show(target: T, details: Details, seq: number, focus: boolean): Promise<void> {
    const open = this.open;
    if (open?.target === target && open.details === details && this.placer.placed) {
      // Already open and placed ("Show on page" for the open name): nothing to render again.
      if (focus) this.cardElement()?.focus({ preventScroll: true });
      return;
    }
    this.stopFlash();
    this.placer.reset(true);
    this.open = { target, details };
    this.painter.setActive([target.range]);
    const card = this.render();
    if (!card || !(await this.placer.placeAfterLayout(card, () => seq === this.opening))) return;
    if (focus) card.focus({ preventScroll: true });
  }

  /** Renders the open card again into a rebuilt host, and places it after its first layout. */
  async rerender(): Promise<void> {
    const open = this.open;
    if (!open) return;
    const seq = this.opening;
    this.placer.reset(false);
    const card = this.render();
    if (card) await this.placer.placeAfterLayout(card, () => seq === this.opening && this.open === open);
  }

  /** Takes the card off the page; false when none was open. */
  close(): boolean {
    this.stopFlash();
    this.placer.stop();
    if (!this.open) return false;
    const focusWasInCard = this.hasFocus();
    this.open = null;
    this.painter.setActive([]);
    this.ui.render(null);
    const opener = this.opener;
    this.opener = null;
    if (focusWasInCard && opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true });
    return true;
  }

  /** Whether the focus is in the card (the page sees our host as its active element). */
  hasFocus(): boolean {
    return this.ui.element !== null && activeElementOf(this.win.document) === this.ui.element;
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
        onClose: () => this.events.close(),
        onPointerEnter: () => this.events.pointerEnter(),
        onPointerLeave: () => this.events.pointerLeave(),
      }),
    );
    const card = this.cardElement();
    if (card) placeCard(card, null);
    return card;
  }

  /** The "Show on page" flash: the highlight blinks, and stays lit after. */
  flash(range: Range): void {
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

/** The focused element as the page sees it: the shadow host when the focus is inside our card. */
function activeElementOf(doc: Document): Element | null {
  return doc.activeElement;
}
