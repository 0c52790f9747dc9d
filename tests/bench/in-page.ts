/**
 * What the benchmark runs inside a page (the page's main world), bundled by esbuild into one
 * script (`inPageScript`) and evaluated there, so that nothing is added to the page's DOM: a
 * `<script>` element would be a mutation, and the extension would rescan while the floor is timed.
 */

/**
 * Long tasks, recorded from before the page's first script (an init script). Chromium does not
 * say whose script a long task ran (and its long-animation-frame entries leave extension scripts
 * out), so these are any origin's: the page's own included.
 */
export function recordLongTasks(): void {
  const w = window as unknown as { __benchTasks?: PerformanceEntry[] };
  if (w.__benchTasks) return;
  const tasks: PerformanceEntry[] = [];
  w.__benchTasks = tasks;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Not supported: nothing recorded.
  }
}

export interface PassReading {
  /** `newslens:pass`: content script start → highlights registered. */
  pass: number;
  /** Time spent working, over every slice (from the measure's detail). */
  busy: number;
  /** The content script's modules evaluated, before the controller ran. */
  startup: number;
  /** Waiting for the settings and the index (messages to the background). */
  waiting: number;
  slices: number;
  matches: number;
  /** Our longest slice of work, as our code measured it: our longest task. */
  longestSlice: number;
  /** Longest long task of any origin (the page's own included) during our pass. */
  longestTaskDuringPass: number;
}

export function readPass(): PassReading | null {
  const pass = performance.getEntriesByName('newslens:pass')[0] as PerformanceMeasure | undefined;
  if (!pass) return null;
  const detail = (pass.detail ?? {}) as { busy?: number; slices?: number; matches?: number; startup?: number; waiting?: number };
  const slices = performance.getEntriesByName('newslens:longest-slice');
  const longestSlice = Math.max(0, ...slices.map((e) => e.duration));
  const tasks = (window as unknown as { __benchTasks?: PerformanceEntry[] }).__benchTasks ?? [];
  let longestTaskDuringPass = 0;
  const passEnd = pass.startTime + pass.duration;
  for (const t of tasks) {
    if (t.startTime < passEnd && t.startTime + t.duration > pass.startTime) longestTaskDuringPass = Math.max(longestTaskDuringPass, t.duration);
  }
  return {
    pass: pass.duration,
    busy: detail.busy ?? Number.NaN,
    startup: detail.startup ?? Number.NaN,
    waiting: detail.waiting ?? Number.NaN,
    slices: detail.slices ?? 0,
    matches: detail.matches ?? 0,
    longestSlice,
    longestTaskDuringPass,
  };
}

/** Tags skipped by the extension's walker, whose text the floor must not read either. */
export interface FloorReading {
  ms: number;
  textNodes: number;
  chars: number;
}

/**
 * The floor: one TreeWalker over the text nodes the extension reads (the same skipped elements,
 * open shadow roots included), reading every character once. Anything that finds names in a
 * page's text has to do at least this.
 */
export function floor(skippedTags: readonly string[]): FloorReading {
  const skipped = new Set(skippedTags);
  const start = performance.now();
  let textNodes = 0;
  let chars = 0;
  let sum = 0;
  const trees: Node[] = [document.documentElement];
  for (let t = 0; t < trees.length; t++) {
    const root = trees[t]!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let node: Node | null = walker.currentNode;
    while (node) {
      let enter = true;
      if (node.nodeType === Node.TEXT_NODE) {
        const data = (node as Text).data;
        textNodes++;
        chars += data.length;
        for (let i = 0; i < data.length; i++) sum = (sum + data.charCodeAt(i)) | 0;
        enter = false;
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        if (skipped.has(el.localName) || el.hasAttribute('hidden') || (el.hasAttribute('contenteditable') && el.getAttribute('contenteditable') !== 'false')) {
          enter = false;
        } else if (el.shadowRoot) trees.push(el.shadowRoot);
      }
      if (enter && walker.firstChild()) {
        node = walker.currentNode;
        continue;
      }
      node = null;
      while (walker.currentNode !== root) {
        if (walker.nextSibling()) {
          node = walker.currentNode;
          break;
        }
        if (!walker.parentNode()) break;
      }
    }
  }
  const ms = performance.now() - start;
  // Use the sum, so that no engine can drop the reading as dead code.
  if (sum === 0.5) console.log(sum);
  return { ms, textNodes, chars };
}

/** mark.js (already injected as `window.Mark`) marking `terms` in the body; milliseconds and marks made. */
export function markjs(terms: string[], options: Record<string, unknown>): { ms: number; marks: number } {
  const Mark = (window as unknown as { Mark: new (ctx: Element) => { mark(t: string[], o: Record<string, unknown>): void } }).Mark;
  let marks = 0;
  const start = performance.now();
  new Mark(document.body).mark(terms, { ...options, done: (n: number) => (marks = n) });
  return { ms: performance.now() - start, marks };
}
