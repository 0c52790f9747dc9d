/**
 * Which highlighted match is under the pointer. The caret position at the point gives the text
 * node (cheap, and right for text in columns, tables and transformed boxes); the match's own
 * client rects then confirm that the point is on the text, not beside it on an empty line.
 */

export interface Hittable {
  range: Range;
}

/** Text node → the matches that have text in it. */
export class HitIndex<T extends Hittable> {
  private readonly byNode = new Map<Node, T[]>();

  add(match: T): void {
    for (const node of textNodesOf(match.range)) {
      const list = this.byNode.get(node);
      if (list) list.push(match);
      else this.byNode.set(node, [match]);
    }
  }

  clear(): void {
    this.byNode.clear();
  }

  /** The match whose text is at (x, y) in viewport coordinates, if any. */
  at(doc: Document, x: number, y: number): T | null {
    const node = caretNodeAt(doc, x, y);
    if (!node) return null;
    const candidates = this.byNode.get(node);
    if (!candidates) return null;
    for (const match of candidates) {
      for (const rect of match.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return match;
      }
    }
    return null;
  }
}

function caretNodeAt(doc: Document, x: number, y: number): Node | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: unknown) => { offsetNode: Node } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') return d.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  if (typeof d.caretRangeFromPoint === 'function') return d.caretRangeFromPoint(x, y)?.startContainer ?? null;
  return null;
}

/** The text nodes a range touches (a match may span "Vladimir <a>Putin</a>"). */
function textNodesOf(range: Range): Node[] {
  const start = range.startContainer;
  if (start === range.endContainer) return [start];
  const nodes: Node[] = [];
  const root = range.commonAncestorContainer;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let n: Node | null = walker.currentNode = start;
  while (n) {
    nodes.push(n);
    if (n === range.endContainer) break;
    n = walker.nextNode();
  }
  return nodes;
}
