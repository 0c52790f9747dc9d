/**
 * The check's rules across the whole dataset, run once every file is valid on its own
 * (src/dataset/check.ts): an actor nobody mentions, a dispute whose two sides are one
 * statement, a measure counted in two units, and drafted entries not yet reviewed.
 *
 * Pure, like the check: plain values in, problems out.
 */
import type { Actor, Article, Statement } from './schema';
import { compileIndex } from './compile';
import { createMatcher } from '../matching/matcher';
import { baseName, type Report } from './problems';
import { rawItems } from './raw';

export interface ArticleEntry {
  file: string;
  article: Article;
}

/**
 * An actor is mentioned when an article refers to it (publisher, roles, a figure's source, a
 * statement's speaker, chain or `about`, a dispute's side), or when the matcher finds one of
 * its names in an article's text ("Germany" as a party named in passing). One that no article
 * mentions would light up pages with a card that has nothing to say: a leftover of an edit.
 */
export function checkMentions(
  actors: readonly Actor[],
  actorsFile: string,
  articles: readonly ArticleEntry[],
  texts: ReadonlyMap<string, string>,
  report: Report,
): void {
  const referenced = new Set<string>();
  for (const { article } of articles) {
    referenced.add(article.publisher);
    for (const id of Object.keys(article.roles)) referenced.add(id);
    for (const f of article.figures) referenced.add(f.source);
    for (const s of article.statements) {
      referenced.add(s.speaker);
      for (const link of s.attribution) referenced.add(link.actor);
      for (const id of s.about) referenced.add(id);
    }
    for (const d of article.disputes) referenced.add(d.by);
  }
  const rest = actors.filter((a) => !referenced.has(a.id));
  if (rest.length === 0) return;
  // Only the actors left over go into the index: the matcher then reports nothing else.
  const index = compileIndex({ actors: rest, articles: [] }, 'check');
  const matcher = createMatcher(index);
  const named = new Set<string>();
  for (const text of texts.values()) {
    for (const m of matcher.find(text)) if (m.type === 'actor') named.add(index.actors[m.ref]!.id);
  }
  actors.forEach((a, i) => {
    if (!referenced.has(a.id) && !named.has(a.id)) {
      report(actorsFile, `actors[${i}]`, `actor "${a.id}" is mentioned by no article (no field refers to it and no text names it)`);
    }
  });
}

/**
 * A dispute sets two statements against each other. When the counter-statement is the disputed
 * statement under another id (the same passage of the same article, or the same speaker saying
 * the same words), the dispute sets a statement against itself. (The same id on both sides is
 * reported where the counter is resolved, in check.ts.)
 */
export function checkDisputeSides(articles: readonly ArticleEntry[], report: Report): void {
  const statements = new Map<string, { article: string; statement: Statement }>();
  for (const { article } of articles) for (const s of article.statements) statements.set(s.id, { article: article.id, statement: s });
  for (const { file, article } of articles) {
    article.disputes.forEach((d, i) => {
      if (d.counter === undefined || d.counter === d.statement) return;
      const a = statements.get(d.statement);
      const b = statements.get(d.counter);
      if (!a || !b) return;
      const samePassage =
        a.article === b.article &&
        a.statement.evidence.position.start === b.statement.evidence.position.start &&
        a.statement.evidence.position.end === b.statement.evidence.position.end;
      const sameWords = a.statement.speaker === b.statement.speaker && a.statement.text === b.statement.text;
      if (samePassage || sameWords) {
        report(
          file,
          `disputes[${i}].counter`,
          `"${d.counter}" is the disputed statement "${d.statement}" again (${samePassage ? 'the same passage' : 'the same speaker and words'}): a dispute needs two sides`,
        );
      }
    });
  }
}

const PERCENT = new Set(['percent', 'per cent', '%']);

/** A unit as compared: case and spacing folded, the spellings of a percentage as one. */
export function unitKey(unit: string): string {
  const key = unit.trim().toLowerCase().replace(/\s+/g, ' ');
  return PERCENT.has(key) ? 'per cent' : key;
}

/**
 * Figures that share a `measureKey` are set side by side on the card, so they must count the
 * same thing: "190,000 troops" beside "75 per cent" would compare nothing. The first figure of
 * a measure (in file order) sets its unit; each figure that disagrees is reported.
 */
export function checkMeasureUnits(articles: readonly ArticleEntry[], report: Report): void {
  const first = new Map<string, { unit: string; where: string }>();
  for (const { file, article } of articles) {
    article.figures.forEach((f, i) => {
      const seen = first.get(f.measureKey);
      const where = `${baseName(file)} figures[${i}]`;
      if (!seen) first.set(f.measureKey, { unit: f.unit, where });
      else if (unitKey(seen.unit) !== unitKey(f.unit)) {
        report(file, `figures[${i}].unit`, `measure "${f.measureKey}" is in "${seen.unit}" at ${seen.where}, not "${f.unit}": one measure, one unit`);
      }
    });
  }
}

/**
 * `npm run dataset:draft` marks what it drafts `unreviewed: true`. Until a curator has read the
 * entry against the page and removed the flag, it is a guess, and the dataset is a claim about
 * what people said: the check (and so the build) refuses it. Read from the files' raw JSON, so
 * that a draft's other problems (fields still to fill) do not hide its flags.
 */
export function checkReviewed(actorsFile: { path: string; json: unknown }, articles: readonly { path: string; json: unknown }[], report: Report): void {
  const message = 'drafted and not reviewed: check it against the source, then remove "unreviewed"';
  const flagged = (v: unknown) => typeof v === 'object' && v !== null && (v as { unreviewed?: unknown }).unreviewed === true;
  rawItems(actorsFile.json, 'actors').forEach((a, i) => flagged(a) && report(actorsFile.path, `actors[${i}].unreviewed`, message));
  for (const { path, json } of articles) {
    if (flagged(json)) report(path, 'unreviewed', message);
    for (const key of ['figures', 'statements', 'disputes']) {
      rawItems(json, key).forEach((item, i) => flagged(item) && report(path, `${key}[${i}].unreviewed`, message));
    }
  }
}
