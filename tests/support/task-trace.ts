/**
 * How long the extension holds a page's main thread, measured from outside with a Chromium trace.
 *
 * Why a trace: the page cannot see the extension's work. `longtask` entries carry no script
 * attribution, and Long Animation Frame entries list the page's scripts but leave out content
 * scripts (isolated worlds are hidden from the page on purpose). A trace sees the main thread's
 * JS entries (script evaluation, callbacks, microtask checkpoints, with wall and thread time),
 * the extension's own evaluations and callbacks (a chrome-extension:// URL), and, through V8's
 * sampling profiler, which code ran inside a microtask checkpoint, where the content script
 * spends most of its time (promise continuations: every slice of the scan) and which the
 * timeline leaves anonymous.
 *
 * An entry's extension share is the fraction of its profiler samples whose stack holds a frame
 * of the extension (or, for an entry too short to be sampled, the extension events inside it);
 * the extension's time in the entry is that share of its wall time (and of its thread time,
 * which other processes on a busy machine do not inflate). So a page task whose mutation burst
 * calls our MutationObserver for 1 ms counts 1 ms for us, and a slice our scan runs alone counts
 * whole.
 */
import type { CDPSession } from '@playwright/test';

/** One stretch of JS on a renderer main thread in which the extension's code ran. */
export interface ExtensionTask {
  /** Milliseconds of the entry's wall time spent on the extension (its share of the entry). */
  ms: number;
  /** The same share of the entry's thread (CPU) time: what a quiet machine would see. */
  cpuMs: number;
  /** The whole entry's wall time, whoever else ran in it. */
  entryMs: number;
  /** What it was: "content script evaluation", "callback", "microtasks" (promise continuations: our scan's slices). */
  what: string;
  /** Where the extension's samples in it fell most: the nearest named function of ours (minifiers keep method names), with a share. */
  hot: string[];
}

export interface TaskSummary {
  /** JS entries in which the extension ran, longest (by `ms`) first. */
  extension: ExtensionTask[];
  /** Sum of the extension's time over all its entries (wall ms). */
  extensionTotalMs: number;
  /** Sum of its thread time (ms). */
  extensionTotalCpuMs: number;
}

/**
 * Cheap categories only: `disabled-by-default-devtools.timeline` would give every RunTask of
 * every thread, and makes ending a trace take seconds. Instead the unit is a JS entry on the
 * main thread: script evaluation, a callback, an event dispatch, a timer, a microtask checkpoint
 * (where promise continuations, so our scan's time slices, run). Two entries of one task are
 * measured apart, so a task that runs our callback and then our microtasks counts as two.
 */
const TRACE_CATEGORIES = ['devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'];

const ENTRIES = new Set(['EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'FireIdleCallback']);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string };
}

interface Entry {
  start: number;
  end: number;
  dur: number;
  tdur: number;
  name: string;
  /** Our own events inside (evaluation, callbacks): their wall time. */
  ours: number;
  samples: number;
  ourSamples: number;
  /** Our samples by the nearest named function of ours. */
  where: Map<string, number>;
}

/** Starts a trace on `cdp` (a session of the page); `stop()` ends it and summarises. */
export async function startTaskTrace(cdp: CDPSession, extensionOrigin: string): Promise<{ stop(): Promise<TaskSummary> }> {
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordContinuously' },
    transferMode: 'ReturnAsStream',
  });
  return {
    async stop() {
      const complete = new Promise<{ stream?: string }>((ok) => cdp.once('Tracing.tracingComplete', ok));
      await cdp.send('Tracing.end');
      const { stream } = await complete;
      if (!stream) return { extension: [], extensionTotalMs: 0, extensionTotalCpuMs: 0 };
      const chunks: Buffer[] = [];
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream, size: 8 << 20 });
        chunks.push(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'));
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      return summariseTrace(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []), extensionOrigin);
    },
  };
}

/** The summary of a trace's events (pure: exported for reuse on saved traces). */
function summariseTrace(events: readonly TraceEvent[], extensionOrigin: string): TaskSummary {
  const isOurs = (url: unknown): boolean => typeof url === 'string' && url.startsWith(extensionOrigin);
  const mainThreads = new Set<string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mainThreads.add(`${e.pid}:${e.tid}`);
  }

  // Outermost JS entries per main thread, in time order.
  const byThread = new Map<string, Entry[]>();
  const candidates = events
    .filter((e) => e.ph === 'X' && ENTRIES.has(e.name) && mainThreads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const e of candidates) {
    const key = `${e.pid}:${e.tid}`;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    const last = list[list.length - 1];
    const ours = (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && isOurs(e.args?.data?.url) ? (e.dur ?? 0) : 0;
    if (last && e.ts < last.end) {
      last.ours += ours; // nested in the current entry
      continue;
    }
    list.push({ start: e.ts, end: e.ts + (e.dur ?? 0), dur: e.dur ?? 0, tdur: e.tdur ?? e.dur ?? 0, name: ours ? (e.name === 'EvaluateScript' ? 'content script evaluation' : 'callback') : e.name, ours, samples: 0, ourSamples: 0, where: new Map() });
  }
  const entryAt = (thread: string, ts: number): Entry | undefined => {
    const list = byThread.get(thread);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.end < ts) lo = mid + 1;
      else hi = mid;
    }
    const entry = list[lo];
    return entry && entry.start <= ts && ts <= entry.end ? entry : undefined;
  };

  // Profiler samples: which of them ran our code. A profile is (pid, id); its samples belong to
  // the thread named by its Profile event (the profiler's own thread only emits the chunks).
  const profiles = new Map<string, { thread: string; time: number; nodes: Map<number, ProfileNode>; ours: Map<number, boolean> }>();
  for (const e of events) {
    if (e.name === 'Profile' && e.ph === 'P') {
      const start = (e.args?.data?.startTime as number | undefined) ?? e.ts;
      profiles.set(`${e.pid}:${e.id}`, { thread: `${e.pid}:${e.tid}`, time: start, nodes: new Map(), ours: new Map() });
    }
  }
  const oursNode = (p: { nodes: Map<number, ProfileNode>; ours: Map<number, boolean> }, id: number): boolean => {
    const known = p.ours.get(id);
    if (known !== undefined) return known;
    const node = p.nodes.get(id);
    const value = !!node && (isOurs(node.callFrame.url) || (node.parent !== undefined && oursNode(p, node.parent)));
    p.ours.set(id, value);
    return value;
  };
  /** The innermost frame of ours with a real name (not a minifier's one or two letters). */
  const namedFrame = (p: { nodes: Map<number, ProfileNode> }, id: number): string => {
    let fallback = '';
    for (let node = p.nodes.get(id); node; node = node.parent === undefined ? undefined : p.nodes.get(node.parent)) {
      if (!isOurs(node.callFrame.url)) continue;
      const name = node.callFrame.functionName ?? '';
      if (name.length > 2) return name;
      fallback ||= name || '(anonymous)';
    }
    return fallback || '(ours)';
  };
  // Native work outside JS and garbage collection count for neither side.
  const neutral = new Set(['(idle)', '(program)', '(root)', '(garbage collector)']);
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.ph !== 'P') continue;
    const p = profiles.get(`${e.pid}:${e.id}`);
    if (!p || !mainThreads.has(p.thread)) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    for (const n of data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      p.time += deltas[i] ?? 0;
      const id = samples[i]!;
      const entry = entryAt(p.thread, p.time);
      if (!entry) continue;
      if (oursNode(p, id)) {
        entry.samples++;
        entry.ourSamples++;
        const name = namedFrame(p, id);
        entry.where.set(name, (entry.where.get(name) ?? 0) + 1);
      } else if (!neutral.has(p.nodes.get(id)?.callFrame.functionName ?? '')) entry.samples++;
    }
  }

  const extension: ExtensionTask[] = [];
  for (const list of byThread.values()) {
    for (const entry of list) {
      if (entry.ours === 0 && entry.ourSamples === 0) continue;
      const byEvents = entry.dur > 0 ? Math.min(1, entry.ours / entry.dur) : 0;
      const share = Math.max(byEvents, entry.samples > 0 ? entry.ourSamples / entry.samples : 0);
      extension.push({
        ms: round((entry.dur * share) / 1000),
        cpuMs: round((entry.tdur * share) / 1000),
        entryMs: round(entry.dur / 1000),
        what: entry.name === 'RunMicrotasks' ? 'microtasks' : entry.name,
        hot: [...entry.where]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([name, n]) => `${name} ${Math.round((100 * n) / entry.ourSamples)}%`),
      });
    }
  }
  extension.sort((a, b) => b.ms - a.ms);
  return {
    extension,
    extensionTotalMs: round(extension.reduce((s, t) => s + t.ms, 0)),
    extensionTotalCpuMs: round(extension.reduce((s, t) => s + t.cpuMs, 0)),
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** "microtasks (rescan 60%, judge 20%)": what a task was and where our time in it went. */
export function describe(t: { what: string; hot?: string[] }): string {
  return t.hot && t.hot.length > 0 ? `${t.what} (${t.hot.join(', ')})` : t.what;
}
