/**
 * Time slicing for the content script's work on a page: run until the slice's budget is spent,
 * give the main thread back, resume. No task of ours may block the page for long (the target is
 * under 50 ms, the threshold of a "long task"), however large the page or the dataset.
 *
 * Yielding uses `scheduler.yield()` where it exists: the continuation goes ahead of other queued
 * tasks of the same priority, so a pass ends as soon as it would without slicing, while input and
 * rendering still get in between. Elsewhere a MessageChannel message: unlike nested `setTimeout`
 * it is not clamped to 4 ms, which would add 4 ms of idle to every slice of a long pass.
 *
 * The slicer also keeps the figures the benchmark reads: the longest slice (our longest task
 * as our own code sees it) and the time spent working, as opposed to waiting.
 */

/** Work this long, then yield. Well under 50 ms: the check runs between two blocks of text, and one block may take a few ms more. */
const SLICE_MS = 10;

export class Slicer {
  /** When the current slice started; NaN while we are not working. */
  private sliceStart = Number.NaN;
  /** The longest slice so far: [start, end] in `performance.now()` time. */
  longest: [number, number] = [0, 0];
  /** Milliseconds spent working, over every slice. */
  busy = 0;
  slices = 0;

  constructor(
    private readonly signal: AbortSignal,
    private readonly budget = SLICE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Marks the start of a slice: call when work resumes after any wait (a message, a frame). */
  begin(): void {
    if (Number.isNaN(this.sliceStart)) this.sliceStart = this.now();
  }

  /** Marks the end of a slice: call before waiting on anything. */
  end(): void {
    if (Number.isNaN(this.sliceStart)) return;
    const start = this.sliceStart;
    const end = this.now();
    this.sliceStart = Number.NaN;
    this.busy += end - start;
    this.slices++;
    if (end - start > this.longest[1] - this.longest[0]) this.longest = [start, end];
  }

  /**
   * Whether the slice's budget is spent: then `await slicer.yield()`. Two steps rather than one
   * async call, so that the common case (go on) costs no promise and no microtask.
   */
  due(): boolean {
    return !Number.isNaN(this.sliceStart) && this.now() - this.sliceStart >= this.budget;
  }

  /** Starts a slice after a wait the caller began with `end()`; false if the run was aborted meanwhile. */
  resume(): boolean {
    if (this.signal.aborted) return false;
    this.begin();
    return true;
  }

  /**
   * Ends the slice, gives the page the main thread, and starts the next slice. Resolves to false
   * when the run was aborted meanwhile: the caller stops and drops what it was doing.
   */
  async yield(): Promise<boolean> {
    this.end();
    await yieldToPage();
    if (this.signal.aborted) return false;
    this.begin();
    return true;
  }
}

/** Gives the page the main thread back; resolves in a later task. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
