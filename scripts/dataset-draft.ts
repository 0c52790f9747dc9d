/**
 * Drafts an article file from a saved news page: the curator's starting point.
 *
 *   npm run dataset:draft -- <page.html> [--out file] [--id article-id]
 *
 * The draft holds the page's metadata (JSON-LD, Open Graph), its text (@mozilla/readability)
 * inline as `text`, the figures and candidate statements found in it, each anchored in that
 * text, and under `draft` the known actors it names and candidates for new ones. Everything is
 * marked `unreviewed: true`, which the check and the build refuse until a curator has reviewed
 * it (docs/dataset.md, "Adding an article"). Without --out it writes
 * assets/dataset/articles/<id>.json, and never over an existing file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dataset } from '../src/dataset/check';
import { datasetDir, loadDataset } from '../src/dataset/load';
import { anchorQuote } from './dataset-anchor';
import { readPage, type PageMeta } from './dataset-draft-page';
import { draftStatements, type NameSpan } from './dataset-draft-statements';
import { candidateActors, draftFigures, knownActors } from './dataset-draft-text';

/** Evidence for the span `start`-`end` of `text`, with prefix and suffix, as dataset:anchor writes it. */
function evidence(text: string, start: number, end: number) {
  const exact = text.slice(start, end);
  const r = anchorQuote(text, { exact }, { start });
  if (!r.ok) throw new Error(`cannot anchor ${JSON.stringify(exact)}`); // the span comes from the text itself
  return r.evidence;
}

/** "Putin agrees to talks" → "putin-agrees-to-talks" (at most six words). */
export function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .split('-')
      .slice(0, 6)
      .join('-') || 'article'
  );
}

/** The publisher's actor id: a media actor whose name or alias is the page's publisher name. */
function publisherId(name: string | undefined, dataset: Dataset): string | undefined {
  if (!name) return undefined;
  const key = name.trim().toLowerCase();
  return dataset.actors.find((a) => a.kind === 'media' && [a.name, ...a.aliases.map((x) => x.text)].some((t) => t.toLowerCase() === key))?.id;
}

export interface DraftInput {
  text: string;
  meta: PageMeta;
  dataset: Dataset;
  id?: string;
}

/** The draft article, as plain JSON in the article format (text inline). */
export function draftArticle({ text, meta, dataset, id: givenId }: DraftInput): Record<string, unknown> {
  const publisher = publisherId(meta.publisher, dataset);
  const id = givenId ?? slug(`${publisher ?? meta.publisher ?? 'source'} ${meta.published ?? ''} ${meta.title ?? ''}`);
  const prefix = `draft-${id.split('-').slice(0, 4).join('-')}`;
  const known = knownActors(text, dataset);
  const candidates = candidateActors(text, known);
  const names: NameSpan[] = [...known, ...candidates.flatMap((c) => c.spans)].sort((a, b) => a.start - b.start);

  const figures = draftFigures(text).map((f, i) => ({
    id: `${prefix}-f${i + 1}`,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    measure: f.surface,
    measureKey: slug(`${f.unit} ${f.surface}`),
    ...(publisher ? { source: publisher } : {}),
    surface: f.surface,
    evidence: evidence(text, f.start, f.end),
    unreviewed: true,
  }));

  const statements = draftStatements(text, names).map((s, i) => {
    const speaker = s.speaker?.actor;
    const chain = [
      ...(speaker ? [{ actor: speaker, relation: s.verb }] : []),
      ...(publisher && publisher !== speaker ? [{ actor: publisher, relation: 'reported' }] : []),
    ];
    return {
      id: `${prefix}-s${i + 1}`,
      ...(speaker ? { speaker } : {}),
      // A name the dataset does not know yet: the curator adds the actor, then sets `speaker`.
      ...(s.speaker && !speaker ? { speakerName: s.speaker.name } : {}),
      text: s.text,
      kind: s.kind,
      verb: s.verb,
      attribution: chain,
      ...(speaker ? { sourceStatus: 'named' } : {}),
      about: s.about,
      figures: figures.filter((f) => f.evidence.position.start >= s.start && f.evidence.position.end <= s.end).map((f) => f.id),
      evidence: evidence(text, s.start, s.end),
      unreviewed: true,
    };
  });

  return {
    id,
    title: meta.title ?? '',
    publisher: publisher ?? slug(meta.publisher ?? 'unknown-publisher'),
    url: meta.url ?? '',
    published: meta.published ?? '',
    language: meta.language ?? '',
    roles: {},
    figures,
    statements,
    disputes: [],
    unreviewed: true,
    draft: {
      publisherName: meta.publisher ?? null,
      knownActors: [...new Set(known.map((k) => k.actor!))],
      newActors: candidates.map((c) => ({ id: slug(c.name), name: c.name, occurrences: c.occurrences, unreviewed: true })),
    },
    text,
  };
}

function main(argv: string[]): number {
  const args = [...argv];
  const take = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const out = take('--out');
  const id = take('--id');
  if (args.length !== 1 || args[0]!.startsWith('--')) {
    console.error('usage: npm run dataset:draft -- <page.html> [--out file] [--id article-id]');
    return 2;
  }
  const dir = datasetDir();
  const { dataset, problems } = loadDataset(dir);
  if (!dataset) {
    console.error(`The dataset at ${dir} has ${problems.length} problem(s): run npm run dataset:check first.`);
    return 1;
  }
  const { meta, text } = readPage(readFileSync(args[0]!, 'utf8'));
  if (!text) {
    console.error(`${args[0]}: no article text found`);
    return 1;
  }
  const article = draftArticle({ text, meta, dataset, ...(id ? { id } : {}) });
  const target = out ?? join(dir, 'articles', `${String(article.id)}.json`);
  if (!out && existsSync(target)) {
    console.error(`${target} exists: give --out or --id`);
    return 1;
  }
  writeFileSync(target, JSON.stringify(article, null, 2) + '\n');
  const draft = article.draft as { knownActors: string[]; newActors: unknown[] };
  console.log(
    `${target}: drafted ${(article.statements as unknown[]).length} statement(s), ${(article.figures as unknown[]).length} figure(s); ` +
      `${draft.knownActors.length} known actor(s), ${draft.newActors.length} candidate(s) for new ones. Everything is unreviewed.`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
