/**
 * What the page matches, kept block by block so that a change to the page costs the blocks it
 * touched, not the page: text blocks → matcher → ambiguity rule → DOM ranges.
 *
 * A `PageScan` holds one record per text block that has at least one match, keyed by the
 * block's container (blocks.ts). `rescan(roots)` reads the blocks under the given containers
 * (the whole document for the first pass), replaces every record inside them, drops the records
 * of text that left the page, and returns what to paint and unpaint. The reading is time-sliced
 * (slices.ts); the records change only at the end, in one synchronous step, so that the state is
 * never half of one scan and half of another.
 *
 * The ambiguity rule is page-wide (src/matching/ambiguity.ts): an unsafe alias ("Johnson") is
 * kept only while the page also names its actor safely ("Boris Johnson"). Each record counts
 * the actors it supports; when the page's supported set grows or shrinks (text arrives or
 * leaves), the records with unsafe matches are re-judged, and only they. A page that later loses
 * its "Boris Johnson" loses its bare "Johnson" highlights with it.
 */
import type { MatchIndex, MatchRef } from '../dataset/compiled';
import type { ActorKind } from '../dataset/schema';
import { applySupport, supportedActors } from '../matching/ambiguity';
import type { TextMatch } from '../matching/matcher';
import { BlockReader, rangeFor, type BlockOptions, type TextBlock } from './blocks';
import { AliasRequest, type Lexicon } from './lexicon';
import type { Slicer } from './slices';

export interface PlacedMatch {
  ref: MatchRef;
  name: string;
  kind: ActorKind | 'figure';
  range: Range;
}

/** What a rescan changed: ranges to paint and to unpaint. */
export interface ScanChange {
  added: PlacedMatch[];
  removed: PlacedMatch[];
}

interface Kept {
  match: TextMatch;
  placed: PlacedMatch;
}

interface BlockRecord {
  block: TextBlock;
  /** The matcher's output for the block, before the ambiguity rule. */
  found: TextMatch[];
  /** Actors this block names safely (it supports their unsafe aliases page-wide). */
  supports: number[];
  /** Whether some span depends on support: it is re-judged when the supported set changes. */
  unsafe: boolean;
  kept: Kept[];
}

export class PageScan {
  /** Records by block container; a container holds several blocks when block elements interrupt its inline text. */
  private readonly records = new Map<Node, BlockRecord[]>();
  /** Actor → how many records support it. */
  private readonly support = new Map<number, number>();
  private supported = new Set<number>();
  private ordered: PlacedMatch[] | null = [];
  /** `options.onShadowRoot` hears of every shadow root a reading enters: each needs watching. */
  constructor(
    private readonly doc: Document,
    private readonly lexicon: Lexicon,
    private readonly options: BlockOptions = {},
    /** Hears of blocks to read again because the lexicon grew (a large dataset: lexicon.ts). */
    private readonly onStale: (containers: Node[]) => void = () => {},
  ) {}

  private get index(): MatchIndex {
    return this.lexicon.index;
  }

  /** Every match on the page, in reading order (a shadow tree's text at its host). */
  matches(): PlacedMatch[] {
    if (this.ordered) return this.ordered;
    const all: BlockRecord[] = [];
    for (const list of this.records.values()) for (const r of list) all.push(r);
    const keys = all.map(firstTextNode);
    const order = all.map((_, i) => i).sort((a, b) => compareComposed(keys[a]!, keys[b]!) || a - b);
    this.ordered = [];
    for (const i of order) for (const k of all[i]!.kept) this.ordered.push(k.placed);
    return this.ordered;
  }

  /**
   * Reads the blocks under `roots` again (block containers, or the document element for the whole
   * page), and replaces the records inside them; records of text no longer in the page go too.
   * Null when the run was aborted during the reading: nothing changed.
   */
  async rescan(roots: Iterable<Node>, slicer: Slicer): Promise<ScanChange | null> {
    const targets = outermost(roots);
    const fresh: BlockRecord[] = [];
    // A large dataset's lexicon grows with the page: blocks with words it has not asked about
    // yet wait until their aliases are loaded, in one request for the whole reading.
    const wanted = new AliasRequest();
    const waiting: TextBlock[] = [];
    let matcher = this.lexicon.matcher;
    for (const root of targets) {
      const reader = new BlockReader(root, this.options);
      for (let block = reader.next(); block; block = reader.next()) {
        if (this.lexicon.want(block.text, wanted, block.container)) waiting.push(block);
        else {
          const found = matcher.find(block.text);
          if (found.length > 0) fresh.push(this.record(block, found));
        }
        if (slicer.due() && !(await slicer.yield())) return null;
      }
    }
    if (wanted.size > 0) {
      slicer.end();
      await this.lexicon.load(wanted);
      if (!slicer.resume()) return null;
      matcher = this.lexicon.matcher;
      for (const block of waiting) {
        const found = matcher.find(block.text);
        if (found.length > 0) fresh.push(this.record(block, found));
        if (slicer.due() && !(await slicer.yield())) return null;
      }
      // Blocks read before this load whose words now start an alias: read again, in a later update.
      const reread = new Set(waiting.map((b) => b.container));
      const stale = this.lexicon.takeStale().filter((n) => !reread.has(n));
      if (stale.length > 0) this.onStale(stale);
    }
    // Actors this reading names safely may have aliases the background held back ("Johnson"
    // for Boris Johnson): ask for them, and read again the blocks that have their words.
    const named = new AliasRequest();
    if (this.lexicon.wantActors(fresh.flatMap((r) => r.supports), named)) {
      slicer.end();
      await this.lexicon.load(named);
      if (!slicer.resume()) return null;
      const stale = this.lexicon.takeStale();
      if (stale.length > 0) this.onStale(stale);
    }
    return this.commit(targets, fresh);
  }

  /** Drops the records of text that left the page (no new reading); what to unpaint. */
  sweep(): ScanChange {
    return this.commit([], []);
  }

  /** Forgets everything (the run ends); the caller clears the painter. */
  clear(): void {
    this.records.clear();
    this.support.clear();
    this.supported.clear();
    this.ordered = [];
  }

  private record(block: TextBlock, found: TextMatch[]): BlockRecord {
    const supports = [...supportedActors([found])];
    const unsafe = found.some((m) => !m.safe);
    return { block, found, supports, unsafe, kept: [] };
  }

  private commit(targets: readonly Node[], fresh: BlockRecord[]): ScanChange {
    const change: ScanChange = { added: [], removed: [] };
    // Out: records inside a rescanned root, or whose container left the page.
    const rescanned = new Set(targets);
    for (const [container, list] of this.records) {
      if (container.isConnected && !insideAny(rescanned, container)) continue;
      this.records.delete(container);
      for (const r of list) this.drop(r, change);
    }
    // In: the fresh records, judged by the support they bring with them.
    for (const r of fresh) {
      for (const actor of r.supports) this.support.set(actor, (this.support.get(actor) ?? 0) + 1);
    }
    const before = this.supported;
    this.supported = new Set(this.support.keys());
    const supportChanged = before.size !== this.supported.size || [...before].some((a) => !this.supported.has(a));
    if (supportChanged) {
      for (const list of this.records.values()) for (const r of list) if (r.unsafe) this.judge(r, change);
    }
    for (const r of fresh) {
      const container = r.block.container;
      const list = this.records.get(container);
      if (list) list.push(r);
      else this.records.set(container, [r]);
      this.judge(r, change);
    }
    if (change.added.length > 0 || change.removed.length > 0) this.ordered = null;
    return change;
  }

  private drop(r: BlockRecord, change: ScanChange): void {
    for (const actor of r.supports) {
      const n = (this.support.get(actor) ?? 0) - 1;
      if (n > 0) this.support.set(actor, n);
      else this.support.delete(actor);
    }
    for (const k of r.kept) change.removed.push(k.placed);
    r.kept = [];
  }

  /** Applies the ambiguity rule to one record and places what it keeps; records the difference. */
  private judge(r: BlockRecord, change: ScanChange): void {
    const keep = applySupport(r.found, this.supported, this.index);
    const next: Kept[] = [];
    const old = new Map(r.kept.map((k) => [k.match, k]));
    for (const match of keep) {
      const same = old.get(match);
      if (same) {
        old.delete(match);
        next.push(same);
        continue;
      }
      const pos = rangeFor(r.block, match.start, match.end);
      if (!pos) continue; // The text changed under us: the watcher has queued its block.
      const range = this.doc.createRange();
      range.setStart(pos.startNode, pos.startOffset);
      range.setEnd(pos.endNode, pos.endOffset);
      const placed = toPlaced(this.index, match, range);
      next.push({ match, placed });
      change.added.push(placed);
    }
    for (const k of old.values()) change.removed.push(k.placed);
    r.kept = next;
  }
}

function toPlaced(index: MatchIndex, m: TextMatch, range: Range): PlacedMatch {
  if (m.type === 'actor') {
    const a = index.actors[m.ref]!;
    return { ref: { type: 'actor', id: a.id }, name: a.name, kind: a.kind, range };
  }
  const f = index.figures[m.ref]!;
  return { ref: { type: 'figure', id: f.id }, name: range.toString().replace(/\s+/g, ' '), kind: 'figure', range };
}

/** The roots that are not inside another of them, connected ones only. */
function outermost(roots: Iterable<Node>): Node[] {
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
function insideAny(roots: ReadonlySet<Node>, node: Node): boolean {
  if (roots.size === 0) return false;
  for (let at: Node | null = node; at; at = parentComposed(at)) if (roots.has(at)) return true;
  return false;
}

function firstTextNode(r: BlockRecord): Node {
  for (const s of r.block.segments) if (s.node) return s.node;
  return r.block.container;
}

/** Reading order of two nodes, across shadow trees: a shadow tree's content sits at its host. */
function compareComposed(a: Node, b: Node): number {
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
