/**
 * Checks a whole dataset before anything uses it: the schema (zod), then what a schema cannot
 * say: ids unique, references resolving, each article's text file matching its sha256, evidence
 * standing in that text at its offsets, no safe alias claimed twice, article files named after
 * their ids, and the rules across articles (check-rules.ts).
 *
 * Pure: it takes the files' parsed JSON (src/dataset/load.ts reads them) and returns every
 * problem it finds, one per fault, each naming the file and the path to the field, so that a
 * curator can fix them all in one pass. It never throws on bad data.
 */
import { z } from 'zod';
import {
  Actor,
  ActorKind,
  ActorsFile,
  Article,
  DisputeHow,
  SourceStatus,
  StatementKind,
  type Evidence,
} from './schema';
import { normalizeText } from '../matching/normalize';
import { checkDisputeSides, checkMeasureUnits, checkMentions, checkReviewed } from './check-rules';

z.config({ jitless: true });

/** One file as read from disk. `error` is set when it could not be read or parsed as JSON. */
export interface DatasetFile {
  path: string;
  json: unknown;
  error?: string;
}

/** An article's text file (`texts/<id>.txt`) as read from disk, or why it could not be read. */
export interface TextFile {
  path: string;
  text?: string;
  /** Hex sha256 of the file's bytes. */
  sha256?: string;
  error?: string;
}

export interface DatasetInput {
  actorsFile: DatasetFile;
  articles: DatasetFile[];
  /** Each article's text, by article id. */
  texts?: ReadonlyMap<string, TextFile>;
}

/**
 * A checked dataset: every file valid, every reference resolved. It holds no article text, so
 * nothing compiled from it can carry one into the bundle.
 */
export interface Dataset {
  actors: Actor[];
  articles: Article[];
}

export interface Problem {
  /** The file, as the loader named it. */
  file: string;
  /** The field inside the file, like `statements[4].speaker`; empty for the whole file. */
  path: string;
  message: string;
}

export interface CheckResult {
  problems: Problem[];
  /** Set only when there are no problems. */
  dataset?: Dataset;
  /** Each article's verified text, by article id: for build-time tools and tests, never the bundle. */
  texts?: Map<string, string>;
}

/** One line per problem: `articles/x.json: statements[4].speaker: unknown actor "putn"`. */
export function formatProblem(p: Problem): string {
  return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** `['statements', 4, 'speaker']` → `statements[4].speaker`; odd keys in brackets: `roles["Bad Key"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

type Kind = 'actor' | 'article' | 'figure' | 'statement' | 'dispute';

/** Where an id was declared, for "duplicate" messages. */
interface Declared {
  file: string;
  path: string;
}

export function checkDataset(input: DatasetInput): CheckResult {
  const problems: Problem[] = [];
  const report = (file: string, path: string | readonly PropertyKey[], message: string) =>
    problems.push({ file, path: typeof path === 'string' ? path : formatPath(path), message });

  // 1. Each file on its own: JSON, then the schema.
  const actorsFile = input.actorsFile;
  let actors: Actor[] | undefined;
  if (actorsFile.error !== undefined) report(actorsFile.path, '', actorsFile.error);
  else {
    const parsed = ActorsFile.safeParse(actorsFile.json, { reportInput: true });
    if (parsed.success) actors = parsed.data.actors;
    else for (const issue of parsed.error.issues) reportIssue(report, actorsFile.path, issue);
  }
  const articles: { file: string; article: Article }[] = [];
  /** Texts still inline in an article file (the old format), used for its evidence meanwhile. */
  const inline = new Map<string, string>();
  for (const f of input.articles) {
    if (f.error !== undefined) {
      report(f.path, '', f.error);
      continue;
    }
    let json = f.json;
    const raw = asRecord(json);
    if (raw && 'text' in raw) {
      report(f.path, 'text', 'the text belongs in texts/<id>.txt, not in the article file: run npm run dataset:split-texts');
      const { text, ...rest } = raw;
      // Checked against the inline text meanwhile, so one run shows every other problem too.
      if (typeof text === 'string' && typeof rest.id === 'string') {
        inline.set(rest.id, text);
        rest.textSha256 ??= '0'.repeat(64);
      }
      json = rest;
    }
    const parsed = Article.safeParse(json, { reportInput: true });
    if (parsed.success) articles.push({ file: f.path, article: parsed.data });
    else for (const issue of parsed.error.issues) reportIssue(report, f.path, issue);
  }

  // 2. Ids, declared once each. Collected from the raw JSON, so that one invalid field elsewhere
  // in a file does not make every reference to that file's ids look broken.
  const ids = new Map<Kind, Map<string, Declared>>(
    (['actor', 'article', 'figure', 'statement', 'dispute'] as const).map((k) => [k, new Map()]),
  );
  const declare = (kind: Kind, id: unknown, file: string, path: string) => {
    if (typeof id !== 'string') return;
    const seen = ids.get(kind)!;
    const first = seen.get(id);
    if (first) {
      const where = first.file === file ? first.path : `${baseName(first.file)} ${first.path}`;
      report(file, `${path}.id`, `duplicate ${kind} id "${id}" (first declared at ${where})`);
    } else seen.set(id, { file, path });
  };
  rawItems(actorsFile.json, 'actors').forEach((a, i) => declare('actor', a.id, actorsFile.path, `actors[${i}]`));
  for (const f of input.articles) {
    const raw = asRecord(f.json);
    if (raw && typeof raw.id === 'string') {
      const seen = ids.get('article')!;
      const first = seen.get(raw.id);
      if (first) report(f.path, 'id', `duplicate article id "${raw.id}" (also ${first.file})`);
      else seen.set(raw.id, { file: f.path, path: 'id' });
    }
    for (const kind of ['figure', 'statement', 'dispute'] as const) {
      rawItems(f.json, `${kind}s`).forEach((item, i) => declare(kind, item.id, f.path, `${kind}s[${i}]`));
    }
  }

  // 3. Actors: aliases.
  if (actors) checkAliases(actors, actorsFile.path, report);

  // 4. Articles: file names, references, evidence.
  const actorKinds = new Map((actors ?? []).map((a) => [a.id, a.kind]));
  const statementSpeakers = new Map(
    articles.flatMap(({ article }) => article.statements.map((s) => [s.id, s.speaker] as const)),
  );
  const texts = new Map<string, string>();
  for (const { file, article } of articles) {
    const text = articleText(file, article, input.texts?.get(article.id), inline.get(article.id), report);
    if (text !== undefined) texts.set(article.id, text);
    checkArticle(file, article, text, { ids, actorKinds, statementSpeakers }, report);
  }

  // 5. Across articles.
  checkReviewed(actorsFile, input.articles, report);
  if (actors) {
    // Only on a whole dataset: an article that did not parse would leave its actors looking unmentioned.
    if (articles.length === input.articles.length && texts.size === articles.length) {
      checkMentions(actors, actorsFile.path, articles, texts, report);
    }
  }
  checkDisputeSides(articles, report);
  checkMeasureUnits(articles, report);

  if (problems.length > 0) return { problems };
  return { problems, dataset: { actors: actors ?? [], articles: articles.map((a) => a.article) }, texts };
}

/**
 * The article's text: its file `texts/<id>.txt`, which must have the sha256 the article
 * records (a changed text moves every offset). Undefined when there is none to check against.
 */
function articleText(file: string, article: Article, textFile: TextFile | undefined, inline: string | undefined, report: Report): string | undefined {
  const name = `texts/${article.id}.txt`;
  if (inline !== undefined) return inline;
  if (!textFile || textFile.text === undefined) {
    report(file, 'textSha256', `no text for the article: ${name}: ${textFile?.error ?? 'file not found'}`);
    return undefined;
  }
  if (textFile.sha256 !== article.textSha256) {
    report(file, 'textSha256', `${name} has sha256 ${textFile.sha256 ?? '?'}, not ${article.textSha256}: the text changed; re-anchor the evidence (npm run dataset:anchor), then update the hash`);
  }
  return textFile.text;
}

type Report = (file: string, path: string | readonly PropertyKey[], message: string) => void;

/** One zod issue → one problem (one per key for unknown keys), in words a curator can act on. */
function reportIssue(report: Report, file: string, issue: z.core.$ZodIssue): void {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) report(file, [...path, key], 'unknown field (not in the schema)');
    return;
  }
  // With `reportInput`, zod sets `input` on an issue; JSON has no `undefined`, so an undefined
  // input means the field is absent.
  const missing = (issue as { input?: unknown }).input === undefined;
  if (missing && issue.code === 'invalid_type') {
    report(file, path, `missing required field (expected ${issue.expected})`);
    return;
  }
  if (missing && issue.code === 'invalid_value') {
    report(file, path, `missing required field (expected one of ${issue.values.map((v) => JSON.stringify(v)).join('|')})`);
    return;
  }
  if (issue.code === 'invalid_key') {
    const inner = issue.issues.map((i) => i.message).join('; ');
    report(file, path, `invalid key ${JSON.stringify(path.at(-1))}: ${inner}`);
    return;
  }
  report(file, path, issue.message);
}

/**
 * No two actors may claim the same safe alias, or a page could not tell them apart. Aliases
 * are compared as the matcher sees them (`normalizeText`: NFC, lower case, diacritics,
 * apostrophes and dashes folded, spaces collapsed), so "Elysee" and "Élysée" are one alias. The display name counts as a safe alias unless the curator
 * lists it among the aliases (src/dataset/compile.ts adds it to the match index that way).
 * An anonymous actor has no safe alias at all: its "name" describes a role, and highlighting
 * "intelligence official" on any page would tie strangers to this one source.
 */
function checkAliases(actors: Actor[], file: string, report: Report): void {
  const claims = new Map<string, { id: string; text: string }>();
  actors.forEach((actor, i) => {
    const listed = actor.aliases.some((a) => a.text === actor.name);
    const all: { text: string; safe: boolean; path: string }[] = actor.aliases.map((a, j) => ({
      text: a.text,
      safe: a.safe,
      path: `actors[${i}].aliases[${j}].text`,
    }));
    if (!listed) all.unshift({ text: actor.name, safe: true, path: `actors[${i}].name` });
    for (const alias of all) {
      if (!alias.safe) continue;
      if (actor.kind === 'anonymous') {
        report(
          file,
          alias.path,
          alias.path.endsWith('.name')
            ? `an anonymous actor's name must not be a safe alias: list it among the aliases with "safe": false`
            : `an anonymous actor must not have a safe alias ("${alias.text}")`,
        );
        continue;
      }
      const key = normalizeText(alias.text.normalize('NFC'));
      const other = claims.get(key);
      if (other && other.id !== actor.id) {
        report(file, alias.path, `safe alias "${alias.text}" is also claimed by actor "${other.id}" ("${other.text}")`);
      } else if (!other) claims.set(key, { id: actor.id, text: alias.text });
    }
  });
}

interface Context {
  ids: Map<Kind, Map<string, Declared>>;
  actorKinds: Map<string, ActorKind>;
  statementSpeakers: Map<string, string>;
}

function checkArticle(file: string, article: Article, text: string | undefined, ctx: Context, report: Report): void {
  if (baseName(file) !== `${article.id}.json`) {
    report(file, 'id', `id "${article.id}" does not match the file name (expected ${article.id}.json)`);
  }
  /** Reports an id that resolves to nothing of `kind`, with the nearest declared id as a hint. */
  const ref = (kind: Kind, id: string, path: string): boolean => {
    const known = ctx.ids.get(kind)!;
    if (known.has(id)) return true;
    const hint = suggest(id, Array.from(known.keys()));
    report(file, path, `unknown ${kind} "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    return false;
  };
  const evidence = (ev: Evidence, path: string) => text !== undefined && checkEvidence(text, ev, file, path, report);

  if (ref('actor', article.publisher, 'publisher')) {
    const kind = ctx.actorKinds.get(article.publisher);
    if (kind && kind !== 'media') report(file, 'publisher', `publisher "${article.publisher}" is a ${kind}, not a media actor`);
  }
  for (const id of Object.keys(article.roles)) ref('actor', id, formatPath(['roles', id]));

  article.figures.forEach((f, i) => {
    const at = `figures[${i}]`;
    ref('actor', f.source, `${at}.source`);
    if (f.low !== undefined && f.low > f.value) report(file, `${at}.low`, `low (${f.low}) is above value (${f.value})`);
    if (f.high !== undefined && f.high < f.value) report(file, `${at}.high`, `high (${f.high}) is below value (${f.value})`);
    evidence(f.evidence, `${at}.evidence`);
  });

  article.statements.forEach((s, i) => {
    const at = `statements[${i}]`;
    if (ref('actor', s.speaker, `${at}.speaker`)) {
      if (ctx.actorKinds.get(s.speaker) === 'anonymous' && s.sourceStatus === 'named') {
        report(file, `${at}.sourceStatus`, `the speaker "${s.speaker}" is anonymous, so the source is not "named"`);
      }
    }
    s.attribution.forEach((link, j) => ref('actor', link.actor, `${at}.attribution[${j}].actor`));
    const first = s.attribution[0];
    const last = s.attribution.at(-1);
    if (first && first.actor !== s.speaker) {
      report(file, `${at}.attribution[0].actor`, `the chain starts with the speaker ("${s.speaker}"), not "${first.actor}"`);
    }
    if (last && last.actor !== article.publisher) {
      report(file, `${at}.attribution[${s.attribution.length - 1}].actor`, `the chain ends with the publisher ("${article.publisher}"), not "${last.actor}"`);
    }
    s.about.forEach((id, j) => {
      if (ref('actor', id, `${at}.about[${j}]`) && id === s.speaker) {
        report(file, `${at}.about[${j}]`, `"${id}" is the speaker: "about" lists the others`);
      }
    });
    s.figures.forEach((id, j) => ref('figure', id, `${at}.figures[${j}]`));
    evidence(s.evidence, `${at}.evidence`);
  });

  article.disputes.forEach((d, i) => {
    const at = `disputes[${i}]`;
    ref('statement', d.statement, `${at}.statement`);
    ref('actor', d.by, `${at}.by`);
    if (d.counter !== undefined && ref('statement', d.counter, `${at}.counter`)) {
      if (d.counter === d.statement) report(file, `${at}.counter`, 'a statement cannot counter itself');
      const speaker = ctx.statementSpeakers.get(d.counter);
      if (speaker !== undefined && speaker !== d.by) {
        report(file, `${at}.counter`, `the counter-statement is by "${speaker}", not by "${d.by}" who disputes`);
      }
    }
    evidence(d.evidence, `${at}.evidence`);
  });
}

/**
 * The evidence must stand in the text: `text.slice(start, end) === exact`, with the prefix and
 * suffix right before and after. Where the quote is elsewhere, say where, so the fix is obvious
 * (or mechanical: `npm run dataset:anchor -- <file> --write`).
 */
function checkEvidence(text: string, ev: Evidence, file: string, path: string, report: Report): void {
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

/**
 * The declared id nearest to a mistyped one, or undefined when none is near. Compares against
 * whole ids and their hyphen-separated words, so "putn" finds "vladimir-putin".
 */
export function suggest(id: string, candidates: string[]): string | undefined {
  const limit = Math.max(1, Math.floor(id.length / 3));
  let best: { id: string; d: number } | undefined;
  for (const c of candidates) {
    const parts = [c, ...c.split('-')];
    const d = Math.min(...parts.map((p) => editDistance(id, p)));
    if (d <= limit && (!best || d < best.d)) best = { id: c, d };
  }
  return best?.id;
}

/** Levenshtein distance: small strings only (ids), so the plain O(n·m) table is fine. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** The file name without its directory (the check is pure: no node:path). */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The objects in `json[key]`, if `json[key]` is an array (non-objects become empty records). */
function rawItems(json: unknown, key: string): Record<string, unknown>[] {
  const list = asRecord(json)?.[key];
  return Array.isArray(list) ? list.map((item) => asRecord(item) ?? {}) : [];
}

type StatementKindT = z.infer<typeof StatementKind>;
type SourceStatusT = z.infer<typeof SourceStatus>;
type DisputeHowT = z.infer<typeof DisputeHow>;

/** Counts per kind, for the check's report and for tests. */
export interface DatasetSummary {
  articles: number;
  actors: { total: number; byKind: Record<ActorKind, number> };
  figures: number;
  statements: { total: number; byKind: Record<StatementKindT, number>; bySourceStatus: Record<SourceStatusT, number> };
  disputes: { total: number; byHow: Record<DisputeHowT, number> };
}

export function summarize(dataset: Dataset): DatasetSummary {
  const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const s: DatasetSummary = {
    articles: dataset.articles.length,
    actors: { total: dataset.actors.length, byKind: zeros(ActorKind.options) },
    figures: 0,
    statements: { total: 0, byKind: zeros(StatementKind.options), bySourceStatus: zeros(SourceStatus.options) },
    disputes: { total: 0, byHow: zeros(DisputeHow.options) },
  };
  for (const a of dataset.actors) s.actors.byKind[a.kind]++;
  for (const article of dataset.articles) {
    s.figures += article.figures.length;
    for (const st of article.statements) {
      s.statements.total++;
      s.statements.byKind[st.kind]++;
      s.statements.bySourceStatus[st.sourceStatus]++;
    }
    for (const d of article.disputes) {
      s.disputes.total++;
      s.disputes.byHow[d.how]++;
    }
  }
  return s;
}
