/**
 * Watches the page for text that arrives or leaves after the first pass (infinite scroll, live
 * blogs, single-page-app navigation), and says which blocks to read again.
 *
 * As Dark Reader does: one MutationObserver per root (the document, and each open shadow root the
 * scan enters, since an observer on the document does not see inside shadow trees), records
 * batched per animation frame, and past a threshold of changes a full rescan instead of
 * node-by-node work. The observer's callback only queues the records: it runs inside the page's
 * own task, which must not pay for our work. Everything else happens once per frame, when the
 * page is drawn anyway; a page that does not change costs nothing at all.
 *
 * Which blocks a change touches (block-kinds.ts `blockContainer`):
 * - text edited, or text or inline elements added or removed: the block around them, read whole
 *   ("Vladimir " then an added `<a>Putin</a>` is one name);
 * - a block element added (the usual infinite-scroll append): that element alone, unless inline
 *   text sits right beside it, whose block it splits, and then the block around too;
 * - a block element removed: nothing to read (its records are swept), unless inline text sits on
 *   either side of the gap, which may now join into one block;
 * - `hidden` or `contenteditable` switched: the block around the element.
 * Mutations of the extension's own UI host are ignored.
 */
import { blockContainer, flowOf } from './block-kinds';

/** Past this many mutation records or changed blocks in one frame, rescan the whole page. */
const FULL_RESCAN_THRESHOLD = 1000;

/**
 * How long to wait before the `n`-th full rescan in a row (n = 1 for the first): none for the
 * first, then 100 ms doubling up to 2 s. A page that rewrites itself wholesale every frame (a
 * storm) costs one full read every few seconds instead of one a frame; the first ordinary frame
 * after it resets the count.
 */
export function fullRescanDelay(n: number): number {
  return n <= 1 ? 0 : Math.min(2_000, 100 * 2 ** (n - 2));
}

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden', 'contenteditable'],
};

/** What changed since the last frame. */
export interface PageChanges {
  /** Rescan the whole page. */
  full: boolean;
  /** Block containers (or tree roots) to read again. */
  dirty: Set<Node>;
  /** Something left the page: sweep the records of text that is gone. */
  removed: boolean;
}

export interface WatchOptions {
  signal: AbortSignal;
  /** The extension's own nodes (its UI host): changes of and inside them are ignored. */
  isOwn: (node: Node) => boolean;
  /** Called at most once per frame while changes are pending and the previous call has settled. */
  onChanges: (changes: PageChanges) => Promise<void>;
  threshold?: number;
}

export class PageWatch {
  private readonly observers = new Map<Node, MutationObserver>();
  private queue: MutationRecord[] = [];
  /** Blocks to read again for a reason of our own (markDirty), not a mutation. */
  private extra = new Set<Node>();
  private full = false;
  private frame = 0;
  private running = false;
  private delay = 0;
  /** Full rescans in a row, for the back-off. */
  private fullInRow = 0;
  /** Full rescans asked for so far (read by tests). */
  fullRescans = 0;
  private readonly threshold: number;

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly options: WatchOptions,
  ) {
    this.threshold = options.threshold ?? FULL_RESCAN_THRESHOLD;
    options.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** Starts watching a tree (idempotent). */
  observe(root: Document | ShadowRoot): void {
    if (this.options.signal.aborted || this.observers.has(root)) return;
    const observer = new this.win.MutationObserver((records) => this.enqueue(records));
    observer.observe(root, OBSERVE);
    this.observers.set(root, observer);
  }

  /** Has these block containers read again at the next frame, as if they had changed. */
  markDirty(nodes: Iterable<Node>): void {
    for (const n of nodes) this.extra.add(n);
    this.schedule();
  }

  private enqueue(records: MutationRecord[]): void {
    if (!this.full) {
      for (const r of records) this.queue.push(r);
      if (this.queue.length > this.threshold) {
        this.full = true;
        this.queue = [];
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.frame || this.delay || this.running || this.options.signal.aborted) return;
    const wait = this.full ? fullRescanDelay(this.fullInRow + 1) : 0;
    const frame = () => {
      this.frame = this.win.requestAnimationFrame(() => {
        this.frame = 0;
        void this.flush();
      });
    };
    if (wait === 0) return frame();
    this.delay = this.win.setTimeout(() => {
      this.delay = 0;
      if (!this.options.signal.aborted) frame();
    }, wait);
  }

  private async flush(): Promise<void> {
    const changes = this.take();
    if (!changes) return;
    if (changes.full) {
      this.fullInRow++;
      this.fullRescans++;
    } else this.fullInRow = 0;
    if (changes.removed) this.release();
    this.running = true;
    try {
      await this.options.onChanges(changes);
    } finally {
      this.running = false;
    }
    if (this.full || this.queue.length > 0 || this.extra.size > 0) this.schedule();
  }

  /** The pending changes as blocks to read; null when every record was ours. */
  private take(): PageChanges | null {
    const records = this.queue;
    const full = this.full;
    const dirty = this.extra;
    this.queue = [];
    this.extra = new Set();
    this.full = false;
    if (full) return { full: true, dirty: new Set(), removed: true };
    let removed = false;
    const isOwn = this.options.isOwn;
    const around = (node: Node): void => {
      if (node.isConnected) dirty.add(blockContainer(node));
    };
    for (const r of records) {
      const target = r.target;
      if (isOwn(target) || insideOwn(target, isOwn)) continue;
      if (r.type === 'characterData') around(target);
      else if (r.type === 'attributes') around(target.parentNode ?? target);
      else {
        for (const node of r.removedNodes) {
          if (isOwn(node)) continue;
          removed = true;
          if (flowOf(node) !== 'block' || inlineBeside(r.previousSibling, 'previousSibling') || inlineBeside(r.nextSibling, 'nextSibling')) around(target);
        }
        for (const node of r.addedNodes) {
          if (isOwn(node) || !node.isConnected) continue;
          if (flowOf(node) === 'block' && !inlineBeside(node.previousSibling, 'previousSibling') && !inlineBeside(node.nextSibling, 'nextSibling')) {
            dirty.add(node);
          } else around(target);
        }
      }
    }
    if (dirty.size > this.threshold) return { full: true, dirty: new Set(), removed: true };
    if (dirty.size === 0 && !removed) return null;
    return { full: false, dirty, removed };
  }

  /**
   * Lets go of the observers of shadow roots whose host has left the document: a single-page app
   * that replaces its views would otherwise keep every old view alive through them. A host that
   * comes back is observed again when the scan meets its root.
   */
  private release(): void {
    for (const [root, observer] of this.observers) {
      const host = (root as ShadowRoot).host as Element | undefined;
      if (host && !host.isConnected) {
        observer.disconnect();
        this.observers.delete(root);
      }
    }
  }

  /** How many trees are watched (the document and the shadow roots in it; read by tests). */
  get watched(): number {
    return this.observers.size;
  }

  private stop(): void {
    if (this.delay) this.win.clearTimeout(this.delay);
    this.delay = 0;
    for (const o of this.observers.values()) o.disconnect();
    this.observers.clear();
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.queue = [];
    this.extra.clear();
  }
}

/** Whether inline content (text that shows, an inline element) is the nearest thing on that side of a node. */
function inlineBeside(sibling: Node | null, step: 'previousSibling' | 'nextSibling'): boolean {
  for (let at = sibling; at; at = at[step]) {
    const flow = flowOf(at);
    if (flow !== 'none') return flow === 'inline';
  }
  return false;
}

function insideOwn(node: Node, isOwn: (node: Node) => boolean): boolean {
  const root = node.getRootNode();
  return root !== node && (root as ShadowRoot).host !== undefined && isOwn((root as ShadowRoot).host);
}
