/**
 * Deciding which ambiguous matches to keep, page by page.
 *
 * Rule: a match of an unsafe alias (bare "Johnson", "US", "Washington") is kept only if the
 * same page also names the same actor by a safe alias ("Boris Johnson" somewhere on the page).
 *
 * Why: a surname, a capital city or a two-letter acronym alone names many things ("Johnson &
 * Johnson", "Andrew Johnson", "Washington state", "US" in a headline shouting "PUTIN TELLS US").
 * News writing introduces a person by full name and shortens it afterwards, so a page that
 * really is about the actor almost always has the safe form once; the short forms on that page
 * then refer to it. Without it, highlighting the short form would be a guess, and a wrong card
 * is worse than no card.
 *
 * When one span has several actor candidates (an alias shared by several actors), candidates
 * that are neither safe nor supported are dropped and the first remaining one is kept (the
 * matcher puts safe ones first, then index order). A safe span supports its actor only when
 * it is the span's single safe candidate: a safe alias two actors share proves neither.
 *
 * The support set is page-wide, so a caller that scans in slices or on mutations keeps one
 * `supportedActors` set, and re-applies `applySupport` to earlier blocks when the set grows.
 * Pure functions: a later pass may add context cues (titles, neighbouring names).
 */
import type { MatchIndex } from '../dataset/compiled';
import type { TextMatch } from './matcher';

/** Keeps, in every block, the matches the rule above allows; one match per span. */
export function resolveAmbiguous(matches: readonly (readonly TextMatch[])[], index: MatchIndex): TextMatch[][] {
  const supported = supportedActors(matches);
  return matches.map((block) => applySupport(block, supported, index));
}

/** Actors the page names by a safe alias that is theirs alone (see the module comment). */
export function supportedActors(
  matches: Iterable<readonly TextMatch[]>,
  into: Set<number> = new Set(),
): Set<number> {
  for (const block of matches) {
    forEachSpan(block, (from, to) => {
      let safe = -1;
      for (let k = from; k < to; k++) {
        const match = block[k]!;
        if (!match.safe) continue;
        if (safe >= 0 && safe !== match.ref) return;
        safe = match.ref;
      }
      if (safe >= 0) into.add(safe);
    });
  }
  return into;
}

/**
 * One block's matches after the rule, given the page's supported actors. With an index, a match
 * whose ref is out of its range (an index replaced since the scan) is dropped as well.
 */
export function applySupport(
  block: readonly TextMatch[],
  supported: ReadonlySet<number>,
  index?: MatchIndex,
): TextMatch[] {
  const kept: TextMatch[] = [];
  forEachSpan(block, (from, to) => {
    for (let k = from; k < to; k++) {
      const match = block[k]!;
      if (index && match.ref >= (match.type === 'actor' ? index.actors.length : index.figures.length)) continue;
      if (match.type === 'figure' || match.safe || supported.has(match.ref)) {
        kept.push(match);
        return;
      }
    }
  });
  return kept;
}

/** Calls `fn` for each run of matches with the same span: [from, to) in `block`. */
function forEachSpan(block: readonly TextMatch[], fn: (from: number, to: number) => void): void {
  let from = 0;
  for (let k = 1; k <= block.length; k++) {
    const next = block[k];
    const first = block[from]!;
    if (next && next.start === first.start && next.end === first.end && next.type === first.type) continue;
    fn(from, k);
    from = k;
  }
}
