import type { Details } from '../dataset/compiled';
import { ActorHeader, CARD_LIMIT, DetailsView } from './DetailsView';
import { titleOf } from './format';
import { t, uiLanguage } from './i18n';

export interface CardPosition {
  /** The card's top-left corner in the UI host's coordinates. */
  left: number;
  top: number;
  /** A height cap where the room beside the name is smaller than the card (null: natural height). */
  maxHeight: number | null;
  /** Which side of the name it is on (null before the first placement). */
  side: 'below' | 'above' | null;
}

/**
 * The hover card: a dialog labelled with the name it is about, next to the highlighted name.
 * Focusable (tabIndex -1) so that keyboard navigation can move the focus into it; not modal:
 * the page stays usable around it.
 *
 * Where it sits is not part of what Preact renders when `position` is left out: the hover card
 * (src/page/card-view.ts) renders it once, hidden, and then places it with `placeCard`, so that
 * following the page as it scrolls is a style update, not a render. With `position` the card is
 * rendered in place (a card shown on its own, in tests).
 */
export function Card(props: {
  details: Details;
  /** The page's own text for the match (a figure's number as the page writes it). */
  pageText?: string | undefined;
  position?: CardPosition;
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}) {
  const { details, position } = props;
  const headingId = 'nl-card-title';
  return (
    <div
      class="nl-root nl-card"
      role="dialog"
      lang={uiLanguage()}
      aria-modal="false"
      aria-label={t('card_label', titleOf(details))}
      tabIndex={-1}
      {...(position ? { 'data-side': position.side ?? undefined, style: positionStyle(position) } : {})}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
    >
      <button type="button" class="nl-close" aria-label={t('card_close')} title={t('card_close')} onClick={props.onClose}>
        ×
      </button>
      <ActorHeader details={details} headingId={headingId} />
      <DetailsView details={details} limit={CARD_LIMIT} pageText={props.pageText} />
    </div>
  );
}

function positionStyle(position: CardPosition): Record<string, string> {
  return {
    left: `${position.left}px`,
    top: `${position.top}px`,
    ...(position.maxHeight !== null ? { maxHeight: `${position.maxHeight}px` } : {}),
  };
}

/**
 * Places a card rendered without `position`: `null` puts it at the host's origin at its natural
 * size and hides it (to be measured), a position moves it there and shows it. Only the card's
 * own inline style and `data-side` change: nothing Preact renders, so a render leaves them be.
 */
export function placeCard(card: HTMLElement, position: CardPosition | null): void {
  const style = card.style;
  if (!position) {
    style.setProperty('visibility', 'hidden');
    style.setProperty('left', '0px');
    style.setProperty('top', '0px');
    style.removeProperty('max-height');
    card.removeAttribute('data-side');
    return;
  }
  style.setProperty('left', `${position.left}px`);
  style.setProperty('top', `${position.top}px`);
  if (position.maxHeight !== null) style.setProperty('max-height', `${position.maxHeight}px`);
  else style.removeProperty('max-height');
  if (position.side) card.setAttribute('data-side', position.side);
  else card.removeAttribute('data-side');
  style.removeProperty('visibility');
}

/**
 * What the card's first render would otherwise do on its own, done ahead (during the open delay,
 * in a task of its own). Nothing left to do since dates no longer go through Intl (format.ts);
 * kept as the one place for such warm-up work.
 */
export function prepareCard(): void {}
