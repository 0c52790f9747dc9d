/**
 * The curator's tool: fills in where each piece of evidence stands in an article's text.
 *
 *   npm run dataset:anchor -- assets/dataset/articles/<id>.json [--write]
 *
 * The curator writes only `evidence.quote.exact` (a passage copied from the text) on each figure,
 * statement and dispute. This finds it in the article's text (`texts/<id>.txt` beside the
 * `articles/` folder, or a draft's inline `text`) and sets `position` (UTF-16 offsets) and
 * `prefix`/`suffix` (up to 32 characters of context each, cut at the text's edges). Where the
 * passage occurs more than once, a `prefix`/`suffix` the curator gave, or the existing `position`,
 * picks the occurrence; if that does not settle it, the item is reported as ambiguous and left
 * alone. Without `--write` it only reports what it would change.
 *
 * The file is handled as plain JSON, not through the schema, so that a half-written article
 * (no positions yet) can be anchored; `npm run dataset:check` validates the result.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { occurrences } from '../src/dataset/evidence';

/** Characters of context kept on each side, as in the W3C TextQuoteSelector examples. */
export const CONTEXT = 32;

export interface QuoteInput {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface Anchored {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

export type AnchorResult =
  | { ok: true; evidence: Anchored }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'ambiguous'; starts: number[] };

/**
 * Finds `quote.exact` in `text`. Candidates are all its occurrences; with several, keep those
 * whose surroundings end with the given prefix and start with the given suffix; if several still
 * remain, the one at `position.start`. Exact comparison only: this is for a curator's own
 * quotes of a fixed text, not fuzzy re-anchoring of a changed page.
 */
export function anchorQuote(text: string, quote: QuoteInput, position?: { start: number }): AnchorResult {
  let starts = occurrences(text, quote.exact);
  if (starts.length === 0) return { ok: false, reason: 'not-found' };
  if (starts.length > 1 && (quote.prefix || quote.suffix)) {
    const prefix = quote.prefix ?? '';
    const suffix = quote.suffix ?? '';
    const fits = starts.filter(
      (s) => text.slice(Math.max(0, s - prefix.length), s) === prefix && text.startsWith(suffix, s + quote.exact.length),
    );
    if (fits.length > 0) starts = fits;
  }
  if (starts.length > 1 && position) {
    const same = starts.filter((s) => s === position.start);
    if (same.length > 0) starts = same;
  }
  const [start, ...rest] = starts;
  if (start === undefined || rest.length > 0) return { ok: false, reason: 'ambiguous', starts };
  const end = start + quote.exact.length;
  return {
    ok: true,
    evidence: {
      quote: { exact: quote.exact, prefix: contextBefore(text, start), suffix: contextAfter(text, end) },
      position: { start, end },
    },
  };
}

/** Up to CONTEXT characters before `start`, never starting inside a surrogate pair. */
function contextBefore(text: string, start: number): string {
  let from = Math.max(0, start - CONTEXT);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  return text.slice(from, start);
}

/** Up to CONTEXT characters after `end`, never ending inside a surrogate pair. */
function contextAfter(text: string, end: number): string {
  let to = Math.min(text.length, end + CONTEXT);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  return text.slice(end, to);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export interface AnchorNote {
  /** `statements[3]`, with the item's id where it has one. */
  item: string;
  status: 'anchored' | 'unchanged' | 'skipped' | 'not-found' | 'ambiguous';
  detail?: string;
}

/**
 * Anchors every figure, statement and dispute of an article (plain JSON, changed in place).
 * Returns one note per item; `changed` says whether anything was written into `article`.
 */
export function anchorArticle(article: Record<string, unknown>, text: unknown = article.text): { notes: AnchorNote[]; changed: boolean } {
  const notes: AnchorNote[] = [];
  let changed = false;
  if (typeof text !== 'string') return { notes: [{ item: 'text', status: 'not-found', detail: 'the article has no text' }], changed };
  for (const key of ['figures', 'statements', 'disputes']) {
    const list = article[key];
    if (!Array.isArray(list)) continue;
    list.forEach((raw: unknown, i) => {
      const item = isRecord(raw) ? raw : {};
      const name = `${key}[${i}]${typeof item.id === 'string' ? ` (${item.id})` : ''}`;
      const evidence = isRecord(item.evidence) ? item.evidence : undefined;
      const quote = evidence && isRecord(evidence.quote) ? evidence.quote : undefined;
      if (!evidence || !quote || typeof quote.exact !== 'string' || quote.exact === '') {
        notes.push({ item: name, status: 'skipped', detail: 'no evidence.quote.exact' });
        return;
      }
      const position = isRecord(evidence.position) && typeof evidence.position.start === 'number' ? { start: evidence.position.start } : undefined;
      const result = anchorQuote(
        text,
        {
          exact: quote.exact,
          ...(typeof quote.prefix === 'string' ? { prefix: quote.prefix } : {}),
          ...(typeof quote.suffix === 'string' ? { suffix: quote.suffix } : {}),
        },
        position,
      );
      if (!result.ok) {
        notes.push(
          result.reason === 'not-found'
            ? { item: name, status: 'not-found', detail: `quote not in the text: ${JSON.stringify(quote.exact)}` }
            : {
                item: name,
                status: 'ambiguous',
                detail: `quote occurs at ${result.starts.join(', ')}: give a prefix or suffix to choose`,
              },
        );
        return;
      }
      const before = JSON.stringify({ quote: evidence.quote, position: evidence.position });
      const after = JSON.stringify(result.evidence);
      const { start, end } = result.evidence.position;
      if (before === after) notes.push({ item: name, status: 'unchanged', detail: `${start}-${end}` });
      else {
        // Replace in place so the item keeps its key order.
        item.evidence = result.evidence;
        changed = true;
        notes.push({ item: name, status: 'anchored', detail: `${start}-${end}` });
      }
    });
  }
  return { notes, changed };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A draft's inline `text`, else `<dataset>/texts/<id>.txt` for `<dataset>/articles/<id>.json`. */
function articleText(file: string, article: Record<string, unknown>): string | undefined {
  if (typeof article.text === 'string') return article.text;
  if (typeof article.id !== 'string') return undefined;
  const path = join(dirname(file), '..', 'texts', `${article.id}.txt`);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function main(argv: string[]): number {
  const write = argv.includes('--write');
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--write');
  if (files.length === 0 || unknown.length > 0 || argv.includes('--help')) {
    console.error('usage: npm run dataset:anchor -- <article.json>... [--write]');
    return 2;
  }
  let failed = false;
  for (const file of files) {
    let article: unknown;
    try {
      article = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      console.error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
      failed = true;
      continue;
    }
    if (!isRecord(article)) {
      console.error(`${file}: not a JSON object`);
      failed = true;
      continue;
    }
    const { notes, changed } = anchorArticle(article, articleText(file, article));
    for (const n of notes) {
      if (n.status === 'unchanged') continue;
      const line = `${file}: ${n.item}: ${n.status}${n.detail ? ` ${n.detail}` : ''}`;
      if (n.status === 'not-found' || n.status === 'ambiguous') {
        failed = true;
        console.error(line);
      } else console.log(line);
    }
    const count = notes.filter((n) => n.status === 'anchored').length;
    if (changed && write) {
      writeFileSync(file, JSON.stringify(article, null, 2) + '\n');
      console.log(`${file}: wrote ${count} anchor(s)`);
    } else if (changed) console.log(`${file}: ${count} anchor(s) to write: run again with --write`);
    else console.log(`${file}: all anchors up to date`);
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
