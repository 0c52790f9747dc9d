/**
 * Compiles a checked dataset into what the extension uses at run time: the small match index
 * every page gets, and the details store the card and the popup ask for. Runs at build time
 * (src/dataset/vite-plugin.ts), never in the page.
 */
import { foldKey } from '../matching/normalize';
import type { Dataset } from './check';
import { detailsFor, weightOf } from './details';
import type {
  ArticleDetails,
  Catalog,
  DetailsStore,
  IndexAlias,
  IndexAliasContext,
  MatchIndex,
  MatchRef,
} from './compiled';
import type { AliasContext, Figure } from './schema';

/**
 * Words that name a figure's unit on a page. A figure counts as matched only when one of these
 * follows its number within a few words ("30,000 Russian troops"), so that a bare "30,000" in a
 * price or a date does not light up.
 */
const UNIT_TERMS: Record<string, string[]> = {
  troops: ['troops', 'troop', 'soldiers', 'soldier', 'servicemen', 'forces', 'personnel'],
  lives: ['lives', 'life', 'people', 'deaths', 'dead', 'killed', 'casualties'],
  people: ['people', 'persons', 'civilians', 'residents'],
};

function unitTerms(unit: string): string[] {
  const key = unit.trim().toLowerCase();
  return UNIT_TERMS[key] ?? [key];
}

const PERCENT_UNITS = new Set(['percent', 'per cent', '%']);

export type { DetailsStore } from './compiled';

export function compileIndex(dataset: Dataset, version: string): MatchIndex {
  const actors = dataset.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind }));
  const aliases: IndexAlias[] = [];
  dataset.actors.forEach((actor, i) => {
    const seen = new Set<string>();
    // The display name is always a safe alias unless the curator listed it otherwise.
    const listed = actor.aliases.some((a) => a.text === actor.name);
    const all = listed ? actor.aliases : [{ text: actor.name, safe: true, caseSensitive: false }, ...actor.aliases];
    for (const alias of all) {
      if (seen.has(alias.text)) continue;
      seen.add(alias.text);
      const context = 'context' in alias ? indexContext(alias.context) : undefined;
      const genitive = 'lang' in alias && alias.lang?.includes('de') === true;
      aliases.push({
        text: alias.text, actor: i, safe: alias.safe, caseSensitive: alias.caseSensitive,
        ...(context ? { context } : {}),
        ...(genitive ? { genitive } : {}),
      });
    }
  });
  // A vague figure ("tens of thousands of troops") has no number a page would write: it is shown
  // in cards and the popup, but never matched on a page.
  const figures = dataset.articles.flatMap((article) =>
    article.figures.filter((f) => !f.vague).map((f) => ({
      id: f.id,
      value: f.value,
      ...(f.low !== undefined ? { low: f.low } : {}),
      ...(f.high !== undefined ? { high: f.high } : {}),
      unitTerms: f.terms ?? (PERCENT_UNITS.has(f.unit.toLowerCase()) ? [] : unitTerms(f.unit)),
      percent: PERCENT_UNITS.has(f.unit.toLowerCase()),
      names: figureNames(f),
      measureKey: f.measureKey,
    })),
  );
  return { version, actors, aliases, figures };
}

/** The parts of an alias's context that say something, or nothing: most aliases have none. */
function indexContext(context: AliasContext | undefined): IndexAliasContext | undefined {
  if (!context) return undefined;
  const out: IndexAliasContext = {};
  for (const key of ['before', 'after', 'notBefore', 'notAfter'] as const) if (context[key].length > 0) out[key] = context[key];
  if (context.cueOnly) out.cueOnly = true;
  return Object.keys(out).length > 0 ? out : undefined;
}

const CAPITALISED = /\p{Lu}[\p{L}\p{M}\p{N}]*/gu;

/** The proper names of a figure's own wording ("Russian", "Belarus"), folded: see `IndexFigure.names`. */
function figureNames(f: Figure): string[] {
  const names = new Set<string>();
  for (const text of [f.surface, f.measure, f.where ?? '']) for (const m of text.matchAll(CAPITALISED)) names.add(foldKey(m[0]));
  return [...names].sort();
}

export function compileDetails(dataset: Dataset): DetailsStore {
  const store: DetailsStore = { actors: {}, articles: {}, statements: {}, disputes: {}, figures: {} };
  const actorName = new Map(dataset.actors.map((a) => [a.id, a.name]));
  for (const a of dataset.actors) {
    store.actors[a.id] = {
      id: a.id,
      name: a.name,
      kind: a.kind,
      ...(a.role ? { role: a.role } : {}),
      ...(a.description ? { description: a.description } : {}),
      ...(a.wikidata ? { wikidata: a.wikidata } : {}),
    };
  }
  // Articles sorted oldest first, so that the role "as of the most recent article" wins.
  const articles = [...dataset.articles].sort((x, y) => x.published.localeCompare(y.published));
  for (const art of articles) {
    store.articles[art.id] = {
      id: art.id,
      title: art.title,
      publisher: art.publisher,
      publisherName: actorName.get(art.publisher) ?? art.publisher,
      url: art.url,
      published: art.published,
      language: art.language,
    };
    for (const [actorId, role] of Object.entries(art.roles)) {
      const actor = store.actors[actorId];
      if (actor) actor.role = role;
    }
    for (const s of art.statements) {
      store.statements[s.id] = {
        id: s.id,
        article: art.id,
        speaker: s.speaker,
        text: s.text,
        kind: s.kind,
        verb: s.verb,
        attribution: s.attribution,
        sourceStatus: s.sourceStatus,
        about: s.about,
        figures: s.figures,
        quote: s.evidence.quote.exact,
      };
    }
    for (const d of art.disputes) {
      store.disputes[d.id] = {
        id: d.id,
        article: art.id,
        statement: d.statement,
        by: d.by,
        how: d.how,
        ...(d.counter ? { counter: d.counter } : {}),
        summary: d.summary,
        quote: d.evidence.quote.exact,
      };
    }
    for (const f of art.figures) {
      store.figures[f.id] = {
        id: f.id,
        article: art.id,
        value: f.value,
        ...(f.low !== undefined ? { low: f.low } : {}),
        ...(f.high !== undefined ? { high: f.high } : {}),
        unit: f.unit,
        qualifier: f.qualifier,
        measure: f.measure,
        measureKey: f.measureKey,
        ...(f.where ? { where: f.where } : {}),
        source: f.source,
        surface: f.surface,
      };
    }
  }
  return store;
}

/**
 * Splits the details store into what the background bundles (the catalog) and one details file
 * per article, fetched on demand. For each match the catalog lists the articles that hold
 * everything `detailsFor` draws on (statements, disputes and their counter-statements, figures
 * of the same measure, even in other articles), so that `detailsFor` over those articles alone
 * answers exactly as over the whole store.
 */
export function splitDetails(store: DetailsStore): { catalog: Catalog; files: Record<string, ArticleDetails> } {
  const files: Record<string, ArticleDetails> = {};
  for (const id of Object.keys(store.articles)) files[id] = { article: id, statements: [], disputes: [], figures: [] };
  for (const s of Object.values(store.statements)) files[s.article]?.statements.push(s);
  for (const d of Object.values(store.disputes)) files[d.article]?.disputes.push(d);
  for (const f of Object.values(store.figures)) files[f.article]?.figures.push(f);

  const counts: Catalog['counts'] = {};
  for (const [id, file] of Object.entries(files)) {
    const actors = new Set<string>();
    for (const s of file.statements) [s.speaker, ...s.about, ...s.attribution.map((l) => l.actor)].forEach((a) => actors.add(a));
    for (const d of file.disputes) actors.add(d.by);
    for (const f of file.figures) actors.add(f.source);
    counts[id] = { statements: file.statements.length, figures: file.figures.length, disputes: file.disputes.length, actors: actors.size };
  }

  const refs: Catalog['refs'] = {};
  const refsOf: MatchRef[] = [
    ...Object.keys(store.actors).map((id) => ({ type: 'actor' as const, id })),
    ...Object.keys(store.figures).map((id) => ({ type: 'figure' as const, id })),
  ];
  for (const ref of refsOf) {
    const details = detailsFor(store, ref);
    if (!details) continue;
    const articles = new Set<string>();
    for (const s of Object.values(details.statements)) articles.add(s.article);
    for (const d of details.disputes) articles.add(d.article);
    for (const f of [details.figure, ...details.related]) if (f) articles.add(f.article);
    // Most actors of a large dataset have nothing said by or about them: no entry (weight 0).
    if (articles.size === 0) continue;
    const own = new Set(details.said.map((s) => s.id));
    refs[`${ref.type}:${ref.id}`] = {
      articles: [...articles].sort(),
      weight: weightOf(details),
      disputed: details.disputes.some((d) => own.has(d.statement)),
    };
  }
  return { catalog: { actors: store.actors, articles: store.articles, counts, refs }, files };
}
