/**
 * What a page's own main world sees of the extension: every DOM mutation, its long tasks, its
 * errors. Installed with `context.addInitScript` (it runs before any script of the page and long
 * before the content script, which starts at document_idle), read back with `readWatch`.
 *
 * Mutations are recorded as short signatures (type, where, what was added or removed, which
 * attribute was set, text with its digits masked), so that two loads of the same page, with and
 * without the extension, can be compared: what the page does by itself happens in both; what is
 * left over came with the extension. The log is cleared at DOMContentLoaded, when the parser's own insertions end (the content script
 * starts later), as tests/e2e/loop.spec.ts does.
 */
import type { Page } from '@playwright/test';

export interface WatchLog {
  /** Mutation signatures since DOMContentLoaded (capped at MAX_RECORDS). */
  mutations: string[];
  /**
   * For each mutation, the observer callback that delivered it: records delivered together were
   * made in the same task, so the other records of the task that removed the UI host are what
   * switching the site off did to the page.
   */
  batches: number[];
  /** How many mutation records were seen in all (the log keeps the first MAX_RECORDS). */
  mutationCount: number;
  /** Long tasks the page saw (ms), whoever ran them. */
  longTasks: number[];
}

/** The UI host's arrival, the one change the extension may make: `<newslens-ui>` appended to <html>. */
export const UI_HOST_ADDED = /^childList HTML(#\S*)? \+\[NEWSLENS-UI\] -\[\]$/;
/** Its removal, when the site is switched off. */
const UI_HOST_REMOVED = /^childList HTML(#\S*)? \+\[\] -\[NEWSLENS-UI\]$/;

export const MAX_RECORDS = 50_000;

/** The init script (serialised into the page: self-contained). */
export function installWatch(max: number): void {
  // The same random numbers in every load (xorshift32, fixed seed): a page that draws its A/B
  // test, its ad slot or its banner at random then draws the same with and without the
  // extension, and the two loads can be compared.
  let seed = 0x2545f491;
  Math.random = function random() {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  // Native functions, taken before the page's scripts can redefine them.
  const NativeObserver = MutationObserver;
  const dataOf = Object.getOwnPropertyDescriptor(CharacterData.prototype, 'data')!.get!;
  const log = { mutations: [] as string[], batches: [] as number[], mutationCount: 0, longTasks: [] as number[] };
  let batch = 0;
  Object.defineProperty(window, '__newslensTrustWatch', { value: log, enumerable: false });
  // Digits vary between two loads (clocks, counters, "5 minutes ago"): they are not compared.
  const cut = (s: string | null | undefined, n = 40): string => (s ?? '').replace(/\s+/g, ' ').replace(/\d/g, '#').slice(0, n);
  const where = (n: Node | null): string => {
    if (!n) return '?';
    if (n.nodeType !== 1) return n.nodeName;
    const el = n as Element;
    return el.nodeName + (el.id ? `#${cut(el.id, 30)}` : '');
  };
  const what = (n: Node): string => (n.nodeType === 3 ? `#text"${cut(dataOf.call(n) as string)}"` : n.nodeName);
  const record = (records: MutationRecord[]) => {
    batch++;
    for (const r of records) {
      log.mutationCount++;
      if (log.mutations.length >= max) continue;
      log.batches.push(batch);
      if (r.type === 'childList') {
        log.mutations.push(`childList ${where(r.target)} +[${[...r.addedNodes].map(what).join(',')}] -[${[...r.removedNodes].map(what).join(',')}]`);
      } else if (r.type === 'attributes') {
        // Without the value: pages compute style and class from layout and time.
        log.mutations.push(`attr ${where(r.target)} ${r.attributeName ?? ''}`);
      } else {
        log.mutations.push(`text ${where(r.target.parentNode)} "${cut(dataOf.call(r.target) as string)}"`);
      }
    }
  };
  const observer = new NativeObserver(record);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      // The parser's last insertions may still be queued (their callback comes after this event
      // in the same task): take them now, so that they are cleared with the rest.
      observer.takeRecords();
      log.mutations.length = 0;
      log.batches.length = 0;
      log.mutationCount = 0;
    },
    { once: true, capture: true },
  );
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) log.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No longtask timing in this browser: the trace still measures tasks.
  }
}

/** The log of the page's current document, once it is parsed (a page that reloads itself may be mid-parse). */
export async function readWatch(page: Page): Promise<WatchLog> {
  return page.evaluate(async () => {
    if (document.readyState === 'loading') await new Promise((ok) => document.addEventListener('DOMContentLoaded', ok, { once: true }));
    const log = (window as unknown as { __newslensTrustWatch?: WatchLog }).__newslensTrustWatch;
    return log
      ? { mutations: [...log.mutations], batches: [...log.batches], mutationCount: log.mutationCount, longTasks: [...log.longTasks] }
      : { mutations: [], batches: [], mutationCount: 0, longTasks: [] };
  });
}

/**
 * Waits until the page's DOM has been still for `quietMs` (or `capMs` passed): a page that builds
 * itself from script is read once it has finished, whatever the machine's speed.
 */
export async function waitForQuiet(page: Page, quietMs: number, capMs: number): Promise<void> {
  const until = Date.now() + capMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < until) {
    const count = await page
      .evaluate(() => (window as unknown as { __newslensTrustWatch?: WatchLog }).__newslensTrustWatch?.mutationCount ?? 0)
      .catch(() => -2);
    if (count !== last) {
      last = count;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await page.waitForTimeout(100);
  }
}

/** Empties the page's mutation log (to watch one later step on its own). */
export async function clearWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log = (window as unknown as { __newslensTrustWatch?: WatchLog }).__newslensTrustWatch;
    if (log) {
      log.mutations.length = 0;
      log.batches.length = 0;
      log.mutationCount = 0;
    }
  });
}

/**
 * The mutations of `withExtension` that `without` has no counterpart for, split in two:
 * - `novel`: kinds the page never made by itself (no equal signature at all in `without`): these
 *   are what an extension that touched the page would leave;
 * - `more`: extra repetitions of kinds the page also makes by itself (a timer that ticked a few
 *   more times, a lazy image that failed once more during a longer watch): timing, reported only.
 */
export function extraMutations(withExtension: readonly string[], without: readonly string[]): { novel: string[]; more: string[] } {
  const counts = new Map<string, number>();
  for (const m of without) counts.set(m, (counts.get(m) ?? 0) + 1);
  const novel: string[] = [];
  const more: string[] = [];
  for (const m of withExtension) {
    const n = counts.get(m);
    if (n === undefined) novel.push(m);
    else if (n > 0) counts.set(m, n - 1);
    else more.push(m);
  }
  return { novel, more };
}

/**
 * What switching the site off did to the page besides removing the UI host: the other records
 * of the task that removed it (see `WatchLog.batches`). Empty when there was no host to remove.
 */
export function switchOffChanges(log: WatchLog): string[] {
  const ours = new Set(log.batches.filter((_, i) => UI_HOST_REMOVED.test(log.mutations[i]!)));
  return log.mutations.filter((m, i) => ours.has(log.batches[i]!) && !UI_HOST_REMOVED.test(m));
}

/**
 * The extra mutations the extension is not allowed to make: all of them but the one UI host
 * (added once, to <html>).
 */
export function foreignMutations(extra: readonly string[]): string[] {
  let host = 0;
  return extra.filter((m) => !(UI_HOST_ADDED.test(m) && host++ === 0));
}
