/**
 * Where nodes stand relative to each other in the composed tree, a shadow tree's content at its
 * host: scan.ts rescans the outermost of the roots it is given, and scan-records.ts drops the
 * records inside them and keeps the rest in reading order across shadow trees.
 */

/** The roots that are not inside another of them, connected ones only. */
export function outermost(roots: Iterable<Node>): Node[] {
  const set = new Set<Node>();
  for (const r of roots) if (r.isConnected) set.add(r);
  const out: Node[] = [];
  for (const r of set) {
    let inside = false;
    for (let at = parentComposed(r); at && !inside; at = parentComposed(at)) inside = set.has(at);
    if (!inside) out.push(r);
  }
  return out;
}

function parentComposed(node: Node): Node | null {
  return node.parentNode ?? (node as ShadowRoot).host ?? null;
}

/** Whether `node` or an ancestor of it is in `roots`, looking through shadow roots (a rescan walks into them). */
export function insideAny(roots: ReadonlySet<Node>, node: Node): boolean {
  if (roots.size === 0) return false;
  for (let at: Node | null = node; at; at = parentComposed(at)) if (roots.has(at)) return true;
  return false;
}

/** Reading order of two nodes, across shadow trees: a shadow tree's content sits at its host. */
export function compareComposed(a: Node, b: Node): number {
  if (a === b) return 0;
  const ra = a.getRootNode();
  const rb = b.getRootNode();
  if (ra !== rb) {
    // Lift each node to the hosts of its trees until both stand in one tree.
    const liftsA = lifts(a);
    const liftsB = lifts(b);
    for (const x of liftsA) {
      const root = x.getRootNode();
      const y = liftsB.find((n) => n.getRootNode() === root);
      if (!y) continue;
      if (x === y) return liftsA.length - liftsB.length; // one inside the other's host
      return order(x, y);
    }
    return 0;
  }
  return order(a, b);
}

function lifts(node: Node): Node[] {
  const out = [node];
  for (let root = node.getRootNode(); (root as ShadowRoot).host; root = out[out.length - 1]!.getRootNode()) {
    out.push((root as ShadowRoot).host);
  }
  return out;
}

function order(a: Node, b: Node): number {
  const pos = a.compareDocumentPosition(b);
  if (pos & 4 /* FOLLOWING */) return -1;
  if (pos & 2 /* PRECEDING */) return 1;
  return 0;
}
