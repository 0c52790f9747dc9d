/**
 * What the page matches, kept block by block so that a change to the page costs the blocks it
 * touched, not the page: text blocks → matcher → ambiguity rule → DOM ranges.
 *
 * A `PageScan` keeps one record per text block that has at least one match (scan-records.ts).
 * `rescan(roots)` reads the blocks under the given containers (the whole document for the first
 * pass), replaces every record inside them, drops the records of text that left the page, and
 * returns what to paint and unpaint. The reading is time-sliced (slices.ts); the records change
 * only at the end, in one synchronous step, so that the state is never half of one scan and half
 * of another.
 *
 * Nothing of a pass runs in one long task, however large the page (the bar is 50 ms): blocks are
 * read, matched and placed (their DOM ranges made) in slices; a block of more than `CHUNK`
 * characters (one 5 MB text node) is matched a window at a time (find-long.ts); the commit and the
 * ambiguity rule are scan-records.ts's.
 */
import { supportedActors } from '../matching/ambiguity';
import type { Matcher } from '../matching/matcher';
import { BlockReader } from './block-reader';
import { outermost } from './composed-tree';
import { CHUNK, findLong } from './find-long';
import { AliasRequest, type Lexicon } from './lexicon';
import { placeMatch, type PlacedMatch } from './placed-match';
import { ScanRecords, type BlockRecord, type ScanChange } from './scan-records';
import type { Slicer } from './slices';
import type { BlockOptions, TextBlock } from './text-block';

/**
 * Matches placed between two looks at the clock. Placing is cheap unless a text node has a great
 * many siblings: a Range's boundary check then walks them (measured: 128 placements took 85 ms on
 * a page of 200,000 text nodes in one paragraph), so the clock is read often;
 * `performance.now()` costs far less than one placement.
 */
const PLACE_BATCH = 8;
/** DOM nodes read between two looks at the clock, inside one block (a paragraph of 200,000 text nodes). */
const NODES_PER_LOOK = 1024;

export class PageScan {
  private readonly records: ScanRecords;
  /** `options.onShadowRoot` hears of every shadow root a reading enters: each needs watching. */
  constructor(
    private readonly doc: Document,
    private readonly lexicon: Lexicon,
    private readonly options: BlockOptions = {},
    /** Hears of blocks to read again because the lexicon grew (a large dataset: lexicon.ts). */
    private readonly onStale: (containers: Node[]) => void = () => {},
  ) {
    this.records = new ScanRecords(doc, lexicon);
  }

  /** Every match on the page, in reading order (a shadow tree's text at its host). */
  matches(): PlacedMatch[] {
    return this.records.matches();
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
    return this.records.commit(targets, fresh, slicer);
  }

  /** Drops the records of text that left the page (no new reading); what to unpaint. */
  sweep(slicer: Slicer): Promise<ScanChange | null> {
    return this.records.commit([], [], slicer);
  }

  /** Forgets everything (the run ends); the caller clears the painter. */
  clear(): void {
    this.records.clear();
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
      // An unsafe match is placed only if the ambiguity rule keeps it (scan-records.ts): most never are.
      if (match.safe) record.placed.set(match, placeMatch(this.doc, this.lexicon.index, block, match));
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
}
