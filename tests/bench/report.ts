/**
 * The benchmark's printed report (tests/bench/run.ts): one row per page, medians, and each target
 * of issue 4 with the figure that meets it or not. Pure: figures in, text out.
 */
import type { PassReading } from './in-page';

export interface PageFigures {
  page: string;
  bytes: number;
  /** Floor, ms: its first run on a fresh load, cold like our pass. */
  floor: number;
  /** The floor warm (median of 4 more runs), for reference. */
  floorWarm: number;
  chars: number;
  ours: PassReading | null;
  markjs: { ms: number; marks: number } | null;
  synthetic: PassReading | null;
  error?: string | undefined;
}

export interface ReportContext {
  command: string;
  seconds: number;
  contentBytes: number;
  seed: { actors: number; aliases: number; terms: number };
  synthetic: { actors: number; aliases: number };
  largeBytes: number;
  markjsOptions: Record<string, unknown>;
}

function median(xs: readonly number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const ms = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '—' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const ratio = (x: number): string => (!Number.isFinite(x) ? '—' : x < 10 ? `${x.toFixed(2)}×` : `${x.toFixed(0)}×`);

/** Our longest task on a page: our longest slice of work (the content script times each one). */
function longestTask(r: PassReading | null): number {
  return r ? r.longestSlice : Number.NaN;
}

export function formatReport(pages: readonly PageFigures[], ctx: ReportContext): string {
  const rows: string[][] = [];
  const header = ['page', 'KB', 'floor', 'ours', 'ours/floor', 'busy', 'longest', 'mark.js', 'mark.js/ours', 'synthetic', 'synth/seed'];
  const derived = pages.map((p) => {
    const ours = p.ours?.pass ?? Number.NaN;
    const synth = p.synthetic?.pass ?? Number.NaN;
    return {
      p,
      ours,
      oursFloor: ours / p.floor,
      markRatio: (p.markjs?.ms ?? Number.NaN) / ours,
      synth,
      synthSeed: synth / ours,
      longest: Math.max(longestTask(p.ours), longestTask(p.synthetic)),
    };
  });
  for (const d of derived) {
    rows.push([
      shortName(d.p.page),
      (d.p.bytes / 1024).toFixed(0),
      ms(d.p.floor),
      ms(d.ours),
      ratio(d.oursFloor),
      ms(d.p.ours?.busy),
      ms(d.longest),
      ms(d.p.markjs?.ms),
      ratio(d.markRatio),
      ms(d.synth),
      ratio(d.synthSeed),
    ]);
  }
  const col = (f: (d: (typeof derived)[number]) => number) => median(derived.map(f));
  rows.push([
    'median',
    (median(pages.map((p) => p.bytes)) / 1024).toFixed(0),
    ms(col((d) => d.p.floor)),
    ms(col((d) => d.ours)),
    ratio(col((d) => d.oursFloor)),
    ms(col((d) => d.p.ours?.busy ?? Number.NaN)),
    ms(col((d) => d.longest)),
    ms(col((d) => d.p.markjs?.ms ?? Number.NaN)),
    ratio(col((d) => d.markRatio)),
    ms(col((d) => d.synth)),
    ratio(col((d) => d.synthSeed)),
  ]);

  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out: string[] = [];
  out.push(`$ ${ctx.command}   (${ctx.seconds.toFixed(0)} s, ${pages.length} pages)`);
  out.push(
    `seed dataset: ${ctx.seed.actors} actors, ${ctx.seed.aliases} aliases (${ctx.seed.terms} distinct terms for mark.js); ` +
      `synthetic: ${ctx.synthetic.actors} actors, ${ctx.synthetic.aliases} aliases`,
  );
  out.push('times in ms; ours = content script start → highlights registered; busy = our time working within it;');
  out.push('longest = our longest task (seed or synthetic); mark.js ' + JSON.stringify(ctx.markjsOptions));
  out.push('');
  out.push(line(header));
  for (const [i, r] of rows.entries()) {
    if (i === rows.length - 1) out.push(line(header.map((_, k) => '-'.repeat(widths[k]!))));
    out.push(line(r));
  }
  for (const d of derived) if (d.p.error) out.push(`! ${shortName(d.p.page)}: ${d.p.error}`);
  const part = (f: (r: PassReading) => number) => ms(median(pages.map((p) => (p.ours ? f(p.ours) : Number.NaN))));
  out.push('');
  out.push(
    `our pass, median parts (seed): modules start ${part((r) => r.startup)}, settings and index ${part((r) => r.waiting)}, ` +
      `reading, matching and painting ${part((r) => r.busy)} in ${part((r) => r.slices)} slices, the rest yielded to the page`,
  );
  out.push(`floor warm (4 more runs), median: ${ms(median(pages.map((p) => p.floorWarm)))} ms`);

  const worst = (f: (d: (typeof derived)[number]) => number, pick: 'max' | 'min', among = derived) => {
    let best: (typeof derived)[number] | null = null;
    for (const d of among) {
      const v = f(d);
      if (!Number.isFinite(v)) continue;
      if (!best || (pick === 'max' ? v > f(best) : v < f(best))) best = d;
    }
    return best ? { value: f(best), page: shortName(best.p.page) } : { value: Number.NaN, page: '—' };
  };
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const medianOursFloor = col((d) => d.oursFloor);
  const worstOursFloor = worst((d) => d.oursFloor, 'max');
  const large = derived.filter((d) => d.p.bytes > ctx.largeBytes);
  const worstMark = worst((d) => d.markRatio, 'min', large);
  const medianSynth = col((d) => d.synthSeed);
  const worstSynth = worst((d) => d.synthSeed, 'max');
  const worstTask = worst((d) => d.longest, 'max');
  const kb = ctx.contentBytes / 1024;
  out.push('');
  out.push('targets (issue 4):');
  out.push(`  ours ≤ 3× floor on the median page: ${ratio(medianOursFloor)} — ${mark(medianOursFloor <= 3)}`);
  out.push(`  ours ≤ 5× floor on every page: worst ${ratio(worstOursFloor.value)} (${worstOursFloor.page}) — ${mark(worstOursFloor.value <= 5)}`);
  out.push(
    `  mark.js ≥ 50× ours on every page over ${ctx.largeBytes / 1024} KB (${large.length} pages): least ${ratio(worstMark.value)} (${worstMark.page}) — ${mark(worstMark.value >= 50)}`,
  );
  out.push(
    `  synthetic ≤ 1.5× seed: median ${ratio(medianSynth)}, worst ${ratio(worstSynth.value)} (${worstSynth.page}) — ${mark(medianSynth <= 1.5)} on the median, ${mark(worstSynth.value <= 1.5)} on every page`,
  );
  out.push(`  no task of ours over 50 ms: longest ${ms(worstTask.value)} ms (${worstTask.page}) — ${mark(worstTask.value <= 50)}`);
  out.push(`  content script ≤ 40 KB minified: ${ctx.contentBytes} bytes (${kb.toFixed(1)} KiB) — ${mark(kb <= 40)}`);
  return out.join('\n');
}

function shortName(path: string): string {
  const name = path.replace(/\.html?$/i, '');
  return name.length > 44 ? `${name.slice(0, 20)}…${name.slice(-23)}` : name;
}
