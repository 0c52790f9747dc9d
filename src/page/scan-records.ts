/**
 * The page's state between two scans (scan.ts reads, this keeps): one record per text block with
 * a match, keyed by the block's container, in reading order, each with what the ambiguity rule
 * keeps of it.
 *
 * The ambiguity rule is page-wide (src/matching/ambiguity.ts): an unsafe alias ("Johnson") is
 * kept only while the page also names its actor safely ("Boris Johnson"). Each record counts
 * the actors it supports; when the page's supported set grows or shrinks (text arrives or
 * leaves), the records with unsafe matches are re-judged, and only they. A page that later loses
 * its "Boris Johnson" loses its bare "Johnson" highlights with it.
 *
 * A reading becomes the state in one step (`commit`), so that the state is never half of one scan
 * and half of another; it does no DOM work but the ambiguity rule's few ranges, and keeps the
 * reading order as records come (a tree walk reads in document order), so that listing the
 * matches in order sorts nothing.
 */
import { applySupport } from '../matching/ambiguity';
import type { TextMatch } from '../matching/matcher';
import { compareComposed, insideAny } from './composed-tree';
import type { Lexicon } from './lexicon';
import { placeMatch, type PlacedMatch } from './placed-match';
import type { Slicer } from './slices';
import type { TextBlock } from './text-block';

/** What a rescan changed: ranges to paint and to unpaint. */
export interface ScanChange {
  added: PlacedMatch[];
  removed: PlacedMatch[];
}

interface Kept {
  match: TextMatch;
  placed: PlacedMatch;
}

export interface BlockRecord {
  block: TextBlock;
  /** The matcher's output for the block, before the ambiguity rule. */
  found: TextMatch[];
  /** Actors this block names safely (it supports their unsafe aliases page-wide). */
  supports: number[];
  /** Whether some span depends on support: it is re-judged when the supported set changes. */
  unsafe: boolean;
  kept: Kept[];
  /** Each found match placed in the DOM (null: its text changed since it was read), made while reading, in slices. */
  placed: Map<TextMatch, PlacedMatch | null>;
  /** Records of one run were read one after the other from one root, in document order (`insertInOrder`). */
  run: number;
}

/** Records judged between two looks at the clock (each may place ranges: see scan.ts's PLACE_BATCH). */
const JUDGE_BATCH = 64;

export class ScanRecords {
  /** Records by block container; a container holds several blocks when block elements interrupt its inline text. */
  private readonly records = new Map<Node, BlockRecord[]>();
  /** Actor → how many records support it. */
  private readonly support = new Map<number, number>();
  private supported = new Set<number>();
  /** Every record in reading order (a shadow tree's records at its host). */
  private order: BlockRecord[] = [];
  private ordered: PlacedMatch[] | null = [];

  constructor(
    private readonly doc: Document,
    private readonly lexicon: Lexicon,
  ) {}

  /** Every match on the page, in reading order (a shadow tree's text at its host). */
  matches(): PlacedMatch[] {
    if (this.ordered) return this.ordered;
    this.ordered = [];
    for (const r of this.order) for (const k of r.kept) this.ordered.push(k.placed);
    return this.ordered;
  }

  /** Forgets everything (the run ends). */
  clear(): void {
    this.records.clear();
    this.support.clear();
    this.supported.clear();
    this.order = [];
    this.ordered = [];
  }

  /**
   * Makes a reading the page's state: the records it replaces go, the fresh ones come in, and
   * the ambiguity rule judges what changed. Bookkeeping first, in one step; then the judging,
   * in slices (on a page of 200,000 text nodes it is thousands of records). Null when the run
   * was aborted during the judging: the run is being discarded, whatever is half-judged with it.
   */
  async commit(targets: readonly Node[], fresh: BlockRecord[], slicer: Slicer): Promise<ScanChange | null> {
    const change: ScanChange = { added: [], removed: [] };
    // Out: records inside a rescanned root, or whose container left the page.
    const rescanned = new Set(targets);
    let dropped = false;
    for (const [container, list] of this.records) {
      if (container.isConnected && !insideAny(rescanned, container)) continue;
      this.records.delete(container);
      for (const r of list) this.drop(r, change);
      dropped = true;
    }
    if (dropped) this.order = this.order.filter((r) => this.records.get(r.block.container)?.includes(r) === true);
    this.insertInOrder(fresh);
    // In: the fresh records, judged by the support they bring with them.
    for (const r of fresh) {
      for (const actor of r.supports) this.support.set(actor, (this.support.get(actor) ?? 0) + 1);
    }
    const before = this.supported;
    this.supported = new Set(this.support.keys());
    const supportChanged = before.size !== this.supported.size || [...before].some((a) => !this.supported.has(a));
    const toJudge: BlockRecord[] = [];
    if (supportChanged) {
      for (const list of this.records.values()) for (const r of list) if (r.unsafe) toJudge.push(r);
    }
    for (const r of fresh) {
      const container = r.block.container;
      const list = this.records.get(container);
      if (list) list.push(r);
      else this.records.set(container, [r]);
      toJudge.push(r);
    }
    this.ordered = null;
    for (let i = 0; i < toJudge.length; i++) {
      this.judge(toJudge[i]!, change);
      if (i % JUDGE_BATCH === JUDGE_BATCH - 1 && slicer.due() && !(await slicer.yield())) return null;
    }
    return change;
  }

  /**
   * Puts fresh records into the reading order. Records come as a reading found them: each
   * rescanned root's blocks of one tree in document order (a run: same `run` and tree), and
   * nothing kept lies inside a rescanned root (`commit` dropped it). So only the first record of each run is placed
   * by comparison (a binary search), and the rest of the run follows it.
   */
  private insertInOrder(fresh: readonly BlockRecord[]): void {
    let run: BlockRecord[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const key = firstTextNode(run[0]!);
      let lo = 0;
      let hi = this.order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareComposed(firstTextNode(this.order[mid]!), key) <= 0) lo = mid + 1;
        else hi = mid;
      }
      this.order = lo === this.order.length ? this.order.concat(run) : this.order.slice(0, lo).concat(run, this.order.slice(lo));
      run = [];
    };
    let previous: BlockRecord | null = null;
    for (const r of fresh) {
      if (previous && (previous.run !== r.run || previous.block.root !== r.block.root)) flush();
      run.push(r);
      previous = r;
    }
    flush();
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
    const keep = applySupport(r.found, this.supported, this.lexicon.index);
    const next: Kept[] = [];
    const old = new Map(r.kept.map((k) => [k.match, k]));
    for (const match of keep) {
      const same = old.get(match);
      if (same) {
        old.delete(match);
        next.push(same);
        continue;
      }
      let placed = r.placed.get(match);
      if (placed === undefined) r.placed.set(match, (placed = placeMatch(this.doc, this.lexicon.index, r.block, match)));
      if (!placed) continue;
      next.push({ match, placed });
      change.added.push(placed);
    }
    for (const k of old.values()) change.removed.push(k.placed);
    r.kept = next;
  }
}

function firstTextNode(r: BlockRecord): Node {
  for (const s of r.block.segments) if (s.node) return s.node;
  return r.block.container;
}
