/**
 * Moving between highlights from the keyboard (the commands Alt+Shift+J / Alt+Shift+K, relayed
 * by the background as `page:navigate`): the next or previous match in reading order, scrolled
 * into view, with its card open and the keyboard focus in the card, so that a keyboard or
 * screen-reader user reaches everything a pointer user does.
 *
 * "Next" starts from the open card when there is one, else from the top of the viewport, so the
 * first press lands on the first highlight the reader can see (or the first below). Hidden
 * matches (no box on screen) are skipped: they cannot be shown.
 */
import type { CardTarget } from './card-view';

export type Direction = 'next' | 'previous';

/** Where a match is, seen from the viewport: above it, in it, below it; null when it has no box. */
export type Where = 'above' | 'in' | 'below' | null;

function whereIs(range: Range, viewportHeight: number): Where {
  const rects = range.getClientRects();
  const first = rects[0];
  if (!first) return null;
  if (first.bottom <= 0) return 'above';
  if (first.top >= viewportHeight) return 'below';
  return 'in';
}

/** Document order across shadow roots: a node in a shadow tree sorts where its host is. */
function documentOrder(a: Range, b: Range): number {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b);
  } catch {
    const ha = lightNode(a.startContainer);
    const hb = lightNode(b.startContainer);
    if (ha === hb) return 0;
    const pos = ha.compareDocumentPosition(hb);
    return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : pos & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
  }
}

function lightNode(node: Node): Node {
  let n = node;
  for (let root = n.getRootNode(); root instanceof ShadowRoot; root = n.getRootNode()) n = root.host;
  return n;
}

/**
 * The match to move to. Pure given `where` (how each match stands to the viewport), so that the
 * choice is tested without scrolling a page.
 */
export function pickTarget<T>(ordered: readonly T[], current: T | null, direction: Direction, where: (m: T) => Where): T | null {
  const shown = ordered.filter((m) => where(m) !== null);
  if (shown.length === 0) return null;
  const at = current ? shown.indexOf(current) : -1;
  if (at >= 0) {
    const step = direction === 'next' ? 1 : -1;
    return shown[(at + step + shown.length) % shown.length]!;
  }
  if (direction === 'next') return shown.find((m) => where(m) !== 'above') ?? shown[0]!;
  for (let i = shown.length - 1; i >= 0; i--) if (where(shown[i]!) === 'above') return shown[i]!;
  return shown[shown.length - 1]!;
}

/** Scrolls the window (and any scrolling box around the match) so that the match sits mid-viewport. */
function scrollToMatch(win: Window, range: Range): void {
  range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
  const rect = range.getClientRects()[0];
  if (!rect) return;
  const middle = rect.top + rect.height / 2;
  if (middle < win.innerHeight * 0.2 || middle > win.innerHeight * 0.8) {
    win.scrollBy({ top: middle - win.innerHeight / 2, behavior: 'instant' as ScrollBehavior });
  }
}

export interface Navigable<T extends CardTarget> {
  readonly openTarget: T | null;
  show(target: T, options?: { focus?: boolean }): Promise<void>;
}

/** Moves to the next or previous highlight; false when the page has none to show. */
export function navigate<T extends CardTarget>(win: Window, matches: readonly T[], card: Navigable<T>, direction: Direction): boolean {
  const ordered = [...matches].sort((a, b) => documentOrder(a.range, b.range));
  const target = pickTarget(ordered, card.openTarget, direction, (m) => whereIs(m.range, win.innerHeight));
  if (!target) return false;
  scrollToMatch(win, target.range);
  void card.show(target, { focus: true });
  return true;
}
