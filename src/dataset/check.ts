/**
 * Checks a whole dataset before anything uses it: the schema (zod), then what a schema cannot
 * say: ids unique, each article's text file matching its sha256, no safe alias claimed twice
 * (check-aliases.ts), each article's references and evidence (check-article.ts, evidence.ts),
 * and the rules across articles (check-rules.ts). Problems are told as problems.ts says.
 *
 * Pure: it takes the files' parsed JSON (src/dataset/load.ts reads them) and returns every
 * problem it finds, one per fault, each naming the file and the path to the field, so that a
 * curator can fix them all in one pass. It never throws on bad data.
 */
import { z } from 'zod';
import { Actor, ActorsFile, Article } from './schema';
import { checkAliases } from './check-aliases';
import { checkArticle, type Declared, type Kind } from './check-article';
import { checkDisputeSides, checkMeasureUnits, checkMentions, checkReviewed } from './check-rules';
import { baseName, formatPath, reportIssue, type Problem, type Report } from './problems';
import { asRecord, rawItems } from './raw';

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

export interface CheckResult {
  problems: Problem[];
  /** Set only when there are no problems. */
  dataset?: Dataset;
  /** Each article's verified text, by article id: for build-time tools and tests, never the bundle. */
  texts?: Map<string, string>;
}

export function checkDataset(input: DatasetInput): CheckResult {
  const problems: Problem[] = [];
  const report: Report = (file, path, message) =>
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
