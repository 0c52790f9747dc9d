/**
 * Where the card goes beside its name (pure geometry): card-placer.ts measures the card and the
 * name, this decides, and card-place.test.ts checks it never covers the name.
 */
import type { CardPosition } from '../ui/Card';

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
