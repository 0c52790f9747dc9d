/**
 * The evidence check: every quote stands in its article's text at its offsets, with its prefix
 * and suffix around it. Where it does not, the problem says where the quote is, so that the fix
 * is obvious (or mechanical: `npm run dataset:anchor -- <file> --write`).
 */
import type { Report } from './problems';
import type { Evidence } from './schema';

/**
 * The evidence must stand in the text: `text.slice(start, end) === exact`, with the prefix and
 * suffix right before and after. Where the quote is elsewhere, say where, so the fix is obvious
 * (or mechanical: `npm run dataset:anchor -- <file> --write`).
 */
export function checkEvidence(text: string, ev: Evidence, file: string, path: string, report: Report): void {
  const { exact, prefix, suffix } = ev.quote;
  const { start, end } = ev.position;
  const found = occurrences(text, exact);
  if (found.length === 0) {
    report(file, `${path}.quote.exact`, `quote not in the article text: ${quoted(exact)}`);
    return;
  }
  const spans = found.map((s) => `${s}-${s + exact.length}`).join(', ');
  if (start >= end || end > text.length) {
    report(file, `${path}.position`, `position ${start}-${end} is not a span of the text (length ${text.length}); the quote is at ${spans}`);
    return;
  }
  const at = text.slice(start, end);
  if (at !== exact) {
    report(file, `${path}.position`, `text at ${start}-${end} is ${quoted(at)}, not the quote; the quote is at ${spans}`);
    return;
  }
  const before = text.slice(Math.max(0, start - prefix.length), start);
  if (before !== prefix) {
    report(file, `${path}.quote.prefix`, `prefix ${quoted(prefix)} does not match the text before the quote (${quoted(before)})`);
  }
  const after = text.slice(end, end + suffix.length);
  if (after !== suffix) {
    report(file, `${path}.quote.suffix`, `suffix ${quoted(suffix)} does not match the text after the quote (${quoted(after)})`);
  }
}

/** Start offsets of every occurrence of `needle` in `text`, overlapping ones included. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** A string for a message: JSON-quoted, cut to 60 characters. */
function quoted(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}
