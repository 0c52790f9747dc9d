/**
 * The page's highlights, kept up to date: the first pass over the page, then a rescan of the
 * changed blocks once per frame while the page changes (watch.ts), each painted as a difference
 * (ranges added and removed), never by repainting everything.
 *
 * All the work runs in time slices (slices.ts) and stops when the run's AbortSignal fires: the
 * observers disconnect, a pending frame is cancelled, a rescan in progress drops what it read.
 *
 * In the benchmark's builds only (`__NEWSLENS_BENCH__`, set by tests/bench/run.ts; a build for
 * readers leaves nothing a page could read), two performance entries are left for the benchmark,
 * both measures whose names start with "newslens:", so that it times the real built extension:
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
import { paintFor, type Painter } from './painter';
import type { PlacedMatch } from './placed-match';
import { PageScan } from './scan';
import type { ScanChange } from './scan-records';
import { Slicer } from './slices';
import { passTimes } from './started';
import { PageWatch, type PageChanges } from './watch';

/** Ranges painted (or indexed) between two looks at the clock. */
const PAINT_BATCH = 256;

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

  /** The watcher's counts, for tests: full rescans so far, trees watched now. */
  get watchStats(): { fullRescans: number; watched: number } {
    return { fullRescans: this.watch.fullRescans, watched: this.watch.watched };
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
    if (!change || !(await this.paint(change))) return false;
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
    else change = await this.scan.sweep(this.slicer);
    if (!change || !(await this.paint(change))) return;
    this.slicer.end();
    this.measure(false);
    if (change.added.length > 0 || change.removed.length > 0) this.options.onUpdate?.();
  }

  /**
   * Paints a change, in slices: a page with thousands of matches (or a body replaced with all its
   * names) must not turn into one long task here either. The scan's state is already whole; the
   * paint catches up within a few frames. False when the run was aborted meanwhile (the caller
   * has cleared the painter).
   */
  private async paint(change: ScanChange): Promise<boolean> {
    const slicer = this.slicer;
    const each = async (items: readonly PlacedMatch[], fn: (m: PlacedMatch) => void): Promise<boolean> => {
      for (let i = 0; i < items.length; i++) {
        fn(items[i]!);
        if (i % PAINT_BATCH === PAINT_BATCH - 1 && slicer.due() && !(await slicer.yield())) return false;
      }
      return true;
    };
    if (change.removed.length > 0) {
      if (!(await each(change.removed, (m) => this.painter.remove(paintFor(m.kind), [m.range])))) return false;
      // The hit index has no removal: rebuilt from the matches left.
      this.hits.clear();
      if (!(await each(this.scan.matches(), (m) => this.hits.add(m)))) return false;
    } else if (!(await each(change.added, (m) => this.hits.add(m)))) return false;
    return each(change.added, (m) => this.painter.add(paintFor(m.kind), [m.range]));
  }

  private measure(pass: boolean): void {
    if (!__NEWSLENS_BENCH__) return;
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
