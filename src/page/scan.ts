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
 * Nothing of a pass runs in one long task, however large the page (the bar is 50 ms): blocks are
 * read, matched and placed (their DOM ranges made) in slices; a block of more than `CHUNK`
 * characters (one 5 MB text node) is matched a window at a time; the commit does no DOM work but
 * the ambiguity rule's few ranges; and the reading order of the records is kept as they come
 * (a tree walk reads in document order), so that listing the matches in order sorts nothing.
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
import type { Matcher, TextMatch } from '../matching/matcher';
import { rangeFor } from './block-ranges';
import { BlockReader } from './block-reader';
import type { BlockOptions, TextBlock } from './text-block';
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
  /** Each found match placed in the DOM (null: its text changed since it was read), made while reading, in slices. */
  placed: Map<TextMatch, PlacedMatch | null>;
  /** Records of one run were read one after the other from one root, in document order (`insertInOrder`). */
  run: number;
}

/** A block longer than this is matched a window at a time, so that one huge text node is not one long task. */
export const CHUNK = 32_768;
/** Text on either side of a window that its matches may reach into or read as context (names, figures and their cue words are far shorter). */
const OVERLAP = 512;
/**
 * Matches placed, or records judged, between two looks at the clock. Placing is cheap unless a
 * text node has a great many siblings: a Range's boundary check then walks them (measured: 128
 * placements took 85 ms on a page of 200,000 text nodes in one paragraph), so the clock is
 * read often; `performance.now()` costs far less than one placement.
 */
const PLACE_BATCH = 8;
const JUDGE_BATCH = 64;
/** DOM nodes read between two looks at the clock, inside one block (a paragraph of 200,000 text nodes). */
const NODES_PER_LOOK = 1024;

export class PageScan {
  /** Records by block container; a container holds several blocks when block elements interrupt its inline text. */
  private readonly records = new Map<Node, BlockRecord[]>();
  /** Actor → how many records support it. */
  private readonly support = new Map<number, number>();
  private supported = new Set<number>();
  /** Every record in reading order (a shadow tree's records at its host). */
  private order: BlockRecord[] = [];
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
    this.ordered = [];
    for (const r of this.order) for (const k of r.kept) this.ordered.push(k.placed);
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
    let run = 0;
    for (const root of targets) {
      const reader = new BlockReader(root, this.options);
      run++;
      for (;;) {
        const block = reader.nextWithin(NODES_PER_LOOK);
        if (block === null) break;
        if (block === undefined) {
          // A block of very many nodes, still being read: the reader keeps its place.
          if (slicer.due() && !(await slicer.yield())) return null;
          continue;
        }
        if (this.lexicon.want(block.text, wanted, block.container)) {
          waiting.push(block);
          run++; // the blocks after it are no longer next to the ones before
        } else if (!(await this.read(block, matcher, fresh, slicer, run))) return null;
        if (slicer.due() && !(await slicer.yield())) return null;
      }
    }
    if (wanted.size > 0) {
      slicer.end();
      await this.lexicon.load(wanted);
      if (!slicer.resume()) return null;
      matcher = this.lexicon.matcher;
      for (const block of waiting) {
        if (!(await this.read(block, matcher, fresh, slicer, ++run))) return null;
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
    return this.commit(targets, fresh, slicer);
  }

  /** Drops the records of text that left the page (no new reading); what to unpaint. */
  sweep(slicer: Slicer): Promise<ScanChange | null> {
    return this.commit([], [], slicer);
  }

  /** Forgets everything (the run ends); the caller clears the painter. */
  clear(): void {
    this.records.clear();
    this.support.clear();
    this.supported.clear();
    this.order = [];
    this.ordered = [];
  }

  /** Matches one block and places its matches, in slices; its record goes to `fresh`. False when the run was aborted. */
  private async read(block: TextBlock, matcher: Matcher, fresh: BlockRecord[], slicer: Slicer, run: number): Promise<boolean> {
    const found = block.text.length > CHUNK ? await findLong(matcher, block.text, slicer) : matcher.find(block.text);
    if (found === null) return false;
    if (found.length === 0) return true;
    const supports = [...supportedActors([found])];
    const unsafe = found.some((m) => !m.safe);
    const record: BlockRecord = { block, found, supports, unsafe, kept: [], placed: new Map(), run };
    for (let i = 0; i < found.length; i++) {
      const match = found[i]!;
      // An unsafe match is placed only if the ambiguity rule keeps it (judge): most never are.
      if (match.safe) record.placed.set(match, this.place(block, match));
      if (i % PLACE_BATCH === PLACE_BATCH - 1 && slicer.due() && !(await slicer.yield())) return false;
    }
    if (!unsafe) {
      // Every match is placed: the block's text and its segments are needed no more, but for the
      // first text node (reading order). On a page of 20,000 paragraphs that is 200,000 small
      // objects less for the garbage collector to copy and trace in the page's main thread.
      const first = block.segments.find((seg) => seg.node !== null);
      block.segments = first ? [first] : [];
      block.text = '';
    }
    fresh.push(record);
    return true;
  }

  private place(block: TextBlock, match: TextMatch): PlacedMatch | null {
    const pos = rangeFor(block, match.start, match.end);
    if (!pos) return null; // The text changed under us: the watcher has queued its block.
    const range = this.doc.createRange();
    range.setStart(pos.startNode, pos.startOffset);
    range.setEnd(pos.endNode, pos.endOffset);
    return toPlaced(this.index, match, range);
  }

  /**
   * Makes a reading the page's state: the records it replaces go, the fresh ones come in, and
   * the ambiguity rule judges what changed. Bookkeeping first, in one step; then the judging,
   * in slices (on a page of 200,000 text nodes it is thousands of records). Null when the run
   * was aborted during the judging: the run is being discarded, whatever is half-judged with it.
   */
  private async commit(targets: readonly Node[], fresh: BlockRecord[], slicer: Slicer): Promise<ScanChange | null> {
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
   * nothing kept lies inside a rescanned root (commit dropped it). So only the first record of each run is placed
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
      let placed = r.placed.get(match);
      if (placed === undefined) r.placed.set(match, (placed = this.place(r.block, match)));
      if (!placed) continue;
      next.push({ match, placed });
      change.added.push(placed);
    }
    for (const k of old.values()) change.removed.push(k.placed);
    r.kept = next;
  }
}

/**
 * `matcher.find` over a long text, one window at a time with a yield between windows when the
 * slice is spent. Windows start and end at whitespace; each reads `OVERLAP` characters beyond its
 * stretch on both sides (context, and a match that starts inside and ends beyond), and keeps the
 * matches that start inside its stretch: the result is what one call over the whole text gives.
 * Null when the run was aborted.
 */
export async function findLong(matcher: Matcher, text: string, slicer: Slicer): Promise<TextMatch[] | null> {
  const out: TextMatch[] = [];
  for (let from = 0; from < text.length; ) {
    const to = cutAt(text, from + CHUNK);
    const windowStart = from === 0 ? 0 : cutAt(text, Math.max(0, from - OVERLAP), -1);
    const windowEnd = cutAt(text, to + OVERLAP);
    for (const m of matcher.find(text.slice(windowStart, windowEnd))) {
      const start = m.start + windowStart;
      if (start < from || start >= to) continue;
      out.push({ ...m, start, end: m.end + windowStart });
    }
    from = to;
    if (from < text.length && slicer.due() && !(await slicer.yield())) return null;
  }
  return out;
}

/** The first whitespace at or after `at` (or before it, `direction` -1), or the text's end (start). */
function cutAt(text: string, at: number, direction: 1 | -1 = 1): number {
  if (at >= text.length) return text.length;
  if (at <= 0) return 0;
  const limit = 256;
  for (let i = 0; i < limit; i++) {
    const k = at + i * direction;
    if (k <= 0 || k >= text.length) break;
    const c = text.charCodeAt(k);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0) return k;
  }
  return at; // no whitespace near: a word 256 characters long is no name
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
