import type { Details } from '../dataset/compiled';
import { ActorHeader, DetailsView } from './DetailsView';
import { t } from './i18n';

export interface CardPosition {
  /** Page coordinates of the card's top-left corner. */
  left: number;
  top: number;
}

/** The hover card: a labelled dialog next to the highlighted name. */
export function Card(props: {
  details: Details;
  position: CardPosition;
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}) {
  const { details, position } = props;
  const name = details.actor?.name ?? details.figure?.surface ?? '';
  return (
    <div
      class="nl-root nl-card"
      role="dialog"
      aria-label={t('card_label', name)}
      style={{ left: `${position.left}px`, top: `${position.top}px` }}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
    >
      <button type="button" class="nl-close" aria-label={t('card_close')} onClick={props.onClose}>
        ×
      </button>
      <ActorHeader details={details} />
      <DetailsView details={details} limit={4} />
    </div>
  );
}
