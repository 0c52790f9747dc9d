/**
 * The check of one article that passed its schema: its file name, every id it refers to
 * (with the nearest declared id as a hint), the attribution chains, the figures' bounds, the
 * disputes' sides, and every piece of evidence against the article's text (evidence.ts).
 */
import { checkEvidence } from './evidence';
import { baseName, formatPath, type Report } from './problems';
import type { ActorKind, Article, Evidence } from './schema';
import { suggest } from './suggest';

/** The kinds of declared ids. */
export type Kind = 'actor' | 'article' | 'figure' | 'statement' | 'dispute';

/** Where an id was declared, for "duplicate" messages. */
export interface Declared {
  file: string;
  path: string;
}

/** What the whole dataset declares, for resolving one article's references. */
export interface Context {
  ids: Map<Kind, Map<string, Declared>>;
  actorKinds: Map<string, ActorKind>;
  statementSpeakers: Map<string, string>;
}

export function checkArticle(file: string, article: Article, text: string | undefined, ctx: Context, report: Report): void {
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
