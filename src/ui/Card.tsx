import type { Details } from '../dataset/compiled';
import { ActorHeader, DetailsView } from './DetailsView';
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
 */
export function Card(props: {
  details: Details;
  /** The page's own text for the match (a figure's number as the page writes it). */
  pageText?: string | undefined;
  position: CardPosition;
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
      data-side={position.side ?? undefined}
      style={{
        left: `${position.left}px`,
        top: `${position.top}px`,
        ...(position.maxHeight !== null ? { maxHeight: `${position.maxHeight}px` } : {}),
      }}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
    >
      <button type="button" class="nl-close" aria-label={t('card_close')} title={t('card_close')} onClick={props.onClose}>
        ×
      </button>
      <ActorHeader details={details} headingId={headingId} />
      <DetailsView details={details} limit={3} pageText={props.pageText} />
    </div>
  );
}
