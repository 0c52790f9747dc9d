/**
 * The eval's labels and its arithmetic, kept apart from the browser work so that both can be
 * tested (tests/eval/score.test.ts).
 *
 * A label file is tests/corpus-labels/<sha256 of the page>.json: the page's path in the corpus
 * and, per actor id and per figure id, how often the extension should highlight it there
 * (docs/matching.md says how the counts are decided). Zero counts are allowed and useful: they
 * record a trap ("Johnson" here is another Johnson) and read as such.
 */
import { z } from 'zod';

z.config({ jitless: true });

const Counts = z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.number().int().nonnegative());

export const Label = z.strictObject({
  /** The page, relative to the corpus folder. */
  page: z.string().min(1),
  /** The MANIFEST.tsv `set` column, for reading the table. */
  set: z.string().min(1),
  expected: z.strictObject({ actor: Counts.default({}), figure: Counts.default({}) }),
  /** What a reader of the label should know: traps, decisions on borderline mentions. */
  notes: z.array(z.string()).default([]),
});
export type Label = z.infer<typeof Label>;

/** Occurrences per ref, keyed `actor:<id>` or `figure:<id>`. */
export type RefCounts = Record<string, number>;

export function expectedCounts(label: Label): RefCounts {
  const out: RefCounts = {};
  for (const type of ['actor', 'figure'] as const) {
    for (const [id, n] of Object.entries(label.expected[type])) if (n > 0) out[`${type}:${id}`] = n;
  }
  return out;
}

export interface RefScore {
  ref: string;
  expected: number;
  got: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); 1 when nothing was highlighted (nothing claimed, nothing wrong). */
  precision: number;
  /** tp / (tp + fn); 1 when nothing was expected. */
  recall: number;
}

/**
 * Count-based comparison, ref by ref: tp = min(expected, got), fp = got - tp, fn = expected - tp.
 * It does not check which occurrence was highlighted, only how many per actor or figure: a page
 * with one wrong "Johnson" and one missed "Johnson" of the same actor scores as right. The labels
 * are counts because that is what a reader can check against the popup; the notes name the
 * occurrences that are traps.
 */
export function scoreRefs(expected: RefCounts, got: RefCounts): RefScore[] {
  const refs = [...new Set([...Object.keys(expected), ...Object.keys(got)])].sort();
  return refs.map((ref) => {
    const e = expected[ref] ?? 0;
    const g = got[ref] ?? 0;
    const tp = Math.min(e, g);
    return { ref, expected: e, got: g, tp, fp: g - tp, fn: e - tp };
  });
}

export function total(scores: readonly { tp: number; fp: number; fn: number }[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scores) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

export const TARGET = { precision: 0.98, recall: 0.95 } as const;

export function meetsTarget(score: Score): boolean {
  return score.precision >= TARGET.precision && score.recall >= TARGET.recall;
}
