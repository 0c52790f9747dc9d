/**
 * The page's highlights, kept up to date: the first pass over the page, then a rescan of the
 * changed blocks once per frame while the page changes (watch.ts), each painted as a difference
 * (ranges added and removed), never by repainting everything.
 *
 * All the work runs in time slices (slices.ts) and stops when the run's AbortSignal fires: the
 * observers disconnect, a pending frame is cancelled, a rescan in progress drops what it read.
 *
 * Two performance entries are left for the benchmark (scripts/bench.ts), both measures whose
 * names start with "newslens:", so that it times the real built extension:
 * - `newslens:pass`: from the content script's start until the first pass's highlights are
 *   registered (`detail`: the time spent working in slices, their number, the matches, the
 *   modules' start-up before the controller ran, and the wait for the settings and the index);
 * - `newslens:longest-slice`: our longest slice of work so far; a new entry only when a slice
 *   beats the longest one, so that a page that changes for hours adds a handful of entries.
 * Each costs one `performance.measure` call, a few microseconds.
 */
import type { AliasBatch, IndexReply } from '../messaging/protocol';
import type { HitIndex } from './hit-test';
import { Lexicon } from './lexicon';
import { paintFor, type Paint, type Painter } from './painter';
import { PageScan, type PlacedMatch, type ScanChange } from './scan';
import { Slicer } from './slices';
import { passTimes } from './started';
import { PageWatch, type PageChanges } from './watch';

export interface LiveOptions {
  signal: AbortSignal;
  /** The extension's own elements (the UI host): never read, their changes ignored. */
  isOwn: (node: Node) => boolean;
  /** `performance.now()` when the content script started, for the `newslens:pass` measure. */
  startedAt: number;
  /** Called after each update that changed the highlights (not after the first pass). */
  onUpdate?: () => void;
  /** Asks the background for aliases by word and word-pair hashes (a large dataset's index comes without them). */
  fetchAliases?: (words: number[], pairs: number[], actors: string[]) => Promise<AliasBatch | null>;
}

export class LiveHighlights {
  private readonly scan: PageScan;
  private readonly watch: PageWatch;
  private readonly slicer: Slicer;
  private reportedSlice = 0;
  private firstPass: Promise<boolean> | null = null;

  constructor(
    private readonly win: Window & typeof globalThis,
    index: IndexReply,
    private readonly painter: Painter,
    private readonly hits: HitIndex<PlacedMatch>,
    private readonly options: LiveOptions,
  ) {
    this.slicer = new Slicer(options.signal);
    this.slicer.begin();
    const skip = (el: Element): boolean => options.isOwn(el);
    this.watch = new PageWatch(win, { signal: options.signal, isOwn: options.isOwn, onChanges: (c) => this.update(c) });
    const lexicon = new Lexicon(index, options.fetchAliases);
    this.scan = new PageScan(
      win.document,
      lexicon,
      { skip, onShadowRoot: (root) => this.watch.observe(root) },
      (containers) => this.watch.markDirty(containers),
    );
    this.slicer.end();
  }

  /** Every match on the page, in reading order. */
  matches(): PlacedMatch[] {
    return this.scan.matches();
  }

  /** The first pass: reads the whole page and paints it; false if the run was aborted meanwhile. */
  start(): Promise<boolean> {
    this.firstPass ??= this.pass();
    return this.firstPass;
  }

  private async pass(): Promise<boolean> {
    const doc = this.win.document;
    this.slicer.begin();
    // Watch before reading, so that nothing that changes during the pass is missed.
    this.watch.observe(doc);
    const change = await this.scan.rescan([doc.documentElement], this.slicer);
    if (!change) return false;
    this.paint(change);
    this.slicer.end();
    this.measure(true);
    return true;
  }

  private async update(changes: PageChanges): Promise<void> {
    // Changes during the first pass wait for it: one reading at a time.
    if (!(await this.firstPass) || this.options.signal.aborted) return;
    const doc = this.win.document;
    this.slicer.begin();
    let change: ScanChange | null;
    if (changes.full) change = await this.scan.rescan([doc.documentElement], this.slicer);
    else if (changes.dirty.size > 0) change = await this.scan.rescan(changes.dirty, this.slicer);
    else change = this.scan.sweep();
    if (!change) return;
    this.paint(change);
    this.slicer.end();
    this.measure(false);
    if (change.added.length > 0 || change.removed.length > 0) this.options.onUpdate?.();
  }

  private paint(change: ScanChange): void {
    if (change.removed.length > 0) {
      for (const [paint, ranges] of byPaint(change.removed)) this.painter.remove(paint, ranges);
      // The hit index has no removal: rebuilt from the matches left (a few hundred at most).
      this.hits.clear();
      for (const m of this.scan.matches()) this.hits.add(m);
    } else {
      for (const m of change.added) this.hits.add(m);
    }
    for (const [paint, ranges] of byPaint(change.added)) this.painter.add(paint, ranges);
  }

  private measure(pass: boolean): void {
    const perf = this.win.performance;
    try {
      if (pass) {
        const detail = {
          busy: this.slicer.busy,
          slices: this.slicer.slices,
          matches: this.scan.matches().length,
          startup: passTimes.run - this.options.startedAt,
          waiting: passTimes.ready - passTimes.run,
        };
        perf.measure('newslens:pass', { start: this.options.startedAt, end: perf.now(), detail });
      }
      const [start, end] = this.slicer.longest;
      if (end - start > this.reportedSlice) {
        this.reportedSlice = end - start;
        perf.measure('newslens:longest-slice', { start, end });
      }
    } catch {
      // No User Timing here: nothing to report.
    }
  }
}

function byPaint(matches: readonly PlacedMatch[]): Map<Paint, Range[]> {
  const groups = new Map<Paint, Range[]>();
  for (const m of matches) {
    const paint = paintFor(m.kind);
    const list = groups.get(paint);
    if (list) list.push(m.range);
    else groups.set(paint, [m.range]);
  }
  return groups;
}
