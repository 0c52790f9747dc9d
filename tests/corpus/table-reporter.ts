/**
 * Prints the corpus run as a table, one row per page, and the totals, from the "corpus"
 * annotation each test attaches (tests/corpus/result.ts). `formatTable` is shared with
 * tests/corpus/trust-report.ts, which prints the same table from a saved JSON report.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { describe } from '../support/task-trace';
import type { CorpusResult } from './result';

export default class TableReporter implements Reporter {
  /** One row per page: a retry's row replaces the first attempt's. */
  private readonly rows = new Map<string, { result: CorpusResult; outcome: string }>();
  private readonly retried = new Map<string, string>();

  onTestEnd(test: TestCase, result: TestResult): void {
    const annotation = [...(result.annotations ?? []), ...test.annotations].find((a) => a.type === 'corpus');
    if (!annotation?.description) return;
    const row = { result: JSON.parse(annotation.description) as CorpusResult, outcome: result.status };
    if (result.retry > 0) this.retried.set(test.id, `${row.result.file}: ${result.status === 'passed' ? 'passed on the retry (flaky)' : 'failed twice'}`);
    this.rows.set(test.id, row);
  }

  onEnd(): void {
    if (this.rows.size > 0) process.stdout.write(`\n${formatTable([...this.rows.values()])}\n`);
    if (this.retried.size > 0) process.stdout.write(`retried: ${[...this.retried.values()].join('; ')}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}

const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));
const num = (v: number, n: number) => {
  const s = Number.isInteger(v) ? String(v) : v.toFixed(1);
  return ' '.repeat(Math.max(0, n - s.length)) + s;
};

export interface CorpusTotals {
  pages: number;
  passed: number;
  domChanges: number;
  errorsIntroduced: number;
  extensionRequests: number;
  highlights: number;
  namesBelowFloor: number;
  cardsOpened: number;
  cardsTried: number;
  /** The extension's longest task over all pages (wall ms; its thread time beside it), and where. */
  longestTask: { ms: number; cpuMs: number; file: string; what: string };
  /** Longest by thread time (what a quiet machine would see), and where. */
  longestTaskCpu: { ms: number; cpuMs: number; file: string; what: string };
  /** The median over pages of the extension's longest task (thread time). */
  medianLongestCpuMs: number;
  pagesOver50: number;
  heapRunKB: { median: number; max: number; file: string };
}

export function totals(rows: readonly { result: CorpusResult; outcome: string }[]): CorpusTotals {
  const longest = { ms: 0, cpuMs: 0, file: '', what: '' };
  const longestCpu = { ms: 0, cpuMs: 0, file: '', what: '' };
  const heaps: number[] = [];
  let heapMax = { kb: -Infinity, file: '' };
  for (const { result: r } of rows) {
    const t = r.tasks.extensionLongest;
    if (t && t.ms > longest.ms) Object.assign(longest, { ms: t.ms, cpuMs: t.cpuMs, file: r.file, what: describe(t) });
    if (t && t.cpuMs > longestCpu.cpuMs) Object.assign(longestCpu, { ms: t.ms, cpuMs: t.cpuMs, file: r.file, what: describe(t) });
    heaps.push(r.heap.runKB);
    if (r.heap.runKB > heapMax.kb) heapMax = { kb: r.heap.runKB, file: r.file };
  }
  heaps.sort((a, b) => a - b);
  const cpu = rows.map((r) => r.result.tasks.extensionLongest?.cpuMs ?? 0).sort((a, b) => a - b);
  return {
    medianLongestCpuMs: cpu[cpu.length >> 1] ?? 0,
    pages: rows.length,
    passed: rows.filter((r) => r.outcome === 'passed').length,
    domChanges: rows.reduce((s, r) => s + r.result.domChangeCount + r.result.offChanges.length, 0),
    errorsIntroduced: rows.reduce((s, r) => s + r.result.errorsIntroduced.length, 0),
    extensionRequests: rows.reduce((s, r) => s + (r.result.extensionRequests?.length ?? 0), 0),
    highlights: rows.reduce((s, r) => s + r.result.highlights, 0),
    namesBelowFloor: rows.reduce((s, r) => s + r.result.names.filter((n) => !n.ok).length, 0),
    cardsOpened: rows.filter((r) => r.result.cardOpened).length,
    cardsTried: rows.filter((r) => r.result.cardTried).length,
    longestTask: longest,
    longestTaskCpu: longestCpu,
    pagesOver50: rows.filter((r) => r.result.tasks.extensionOver50 > 0).length,
    heapRunKB: { median: heaps[heaps.length >> 1] ?? 0, max: heapMax.kb === -Infinity ? 0 : heapMax.kb, file: heapMax.file },
  };
}


export function formatTable(rows: readonly { result: CorpusResult; outcome: string }[]): string {
  const lines: string[] = [];
  lines.push(
    `${pad('page', 46)} ${pad('result', 6)} ${pad('scan', 7)} ${'dom'.padStart(3)} ${'err'.padStart(3)} ${'marks'.padStart(5)} ${pad('names', 5)} ${pad('card', 4)} ${'ext ms'.padStart(7)} ${'cpu'.padStart(6)} ${'page ms'.padStart(7)} ${'heap KB'.padStart(7)} ${'load ms'.padStart(7)}`,
  );
  for (const { result: r, outcome } of rows) {
    const names = r.names.length === 0 ? '-' : `${r.names.filter((n) => n.ok).length}/${r.names.length}`;
    const t = r.tasks.extensionLongest;
    lines.push(
      [
        pad(r.file.replace(/^[^/]*\//, ''), 46),
        pad(outcome === 'passed' ? 'ok' : outcome.toUpperCase(), 6),
        pad(r.status, 7),
        num(r.domChangeCount + r.offChanges.length, 3),
        num(r.errorsIntroduced.length, 3),
        num(r.highlights, 5),
        pad(names, 5),
        pad(r.cardTried ? (r.cardOpened ? 'yes' : 'NO') : '-', 4),
        num(t?.ms ?? 0, 7),
        num(t?.cpuMs ?? 0, 6),
        num(r.tasks.longestPageTaskMs, 7),
        num(r.heap.runKB, 7),
        num(r.scanMs, 7),
      ].join(' '),
    );
  }
  const s = totals(rows);
  lines.push('');
  lines.push(`pages run: ${s.pages} (${s.passed} passed)`);
  lines.push(`DOM changes by the extension: ${s.domChanges}`);
  lines.push(`errors introduced: ${s.errorsIntroduced}`);
  lines.push(`network requests by the extension: ${s.extensionRequests}`);
  lines.push(`highlights: ${s.highlights}; names below their floor: ${s.namesBelowFloor}; cards opened: ${s.cardsOpened}/${s.cardsTried}`);
  lines.push(
    `extension's longest task: ${s.longestTask.ms} ms wall (${s.longestTask.cpuMs} ms thread time), ${s.longestTask.what}, on ${s.longestTask.file}`,
  );
  lines.push(
    `extension's longest task by thread time: ${s.longestTaskCpu.cpuMs} ms (${s.longestTaskCpu.ms} ms wall), ${s.longestTaskCpu.what}, on ${s.longestTaskCpu.file}`,
  );
  lines.push(`median over pages of the extension's longest task: ${s.medianLongestCpuMs} ms thread time`);
  lines.push(`pages with an extension task over 50 ms (wall or thread time): ${s.pagesOver50}`);
  lines.push(`heap held by a page's scan (freed on switching off): median ${s.heapRunKB.median} KB, max ${s.heapRunKB.max} KB (${s.heapRunKB.file})`);
  lines.push('columns: dom = DOM changes (with vs without, and on switching off); err = errors introduced; marks = highlights;');
  lines.push('names = names at or above the manifest floor; ext ms / cpu = the extension\'s longest task, wall / thread time;');
  lines.push('page ms = the longest task of the page with the extension, whoever ran it; heap KB = freed on switching off; load ms = navigation to end of first pass');
  return lines.join('\n');
}
