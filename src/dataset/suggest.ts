/** "Did you mean …?" for an id that resolves to nothing. */

/**
 * The declared id nearest to a mistyped one, or undefined when none is near. Compares against
 * whole ids and their hyphen-separated words, so "putn" finds "vladimir-putin".
 */
export function suggest(id: string, candidates: string[]): string | undefined {
  const limit = Math.max(1, Math.floor(id.length / 3));
  let best: { id: string; d: number } | undefined;
  for (const c of candidates) {
    const parts = [c, ...c.split('-')];
    const d = Math.min(...parts.map((p) => editDistance(id, p)));
    if (d <= limit && (!best || d < best.d)) best = { id: c, d };
  }
  return best?.id;
}

/** Levenshtein distance: small strings only (ids), so the plain O(n·m) table is fine. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
