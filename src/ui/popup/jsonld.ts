/**
 * The page's matches as JSON-LD, so that a researcher can keep what they saw and open it in any
 * annotation tool: a W3C Web Annotation collection with one annotation per matched actor or
 * figure. Its targets are the occurrences on the page (TextQuoteSelector: exact text with its
 * context); its bodies are the actor or figure (schema.org), the statements as schema.org Claim
 * (with the reader's attribution sentence, the source status and the article they appear in)
 * and the disputes as ClaimReview-style reviews of the statement they dispute.
 *
 * Pure: page data and dataset details in, a JSON-ready object out. Dataset text stays text.
 */
import type { DetailActor, DetailArticle, DetailDispute, DetailFigure, DetailStatement, Details, MatchRef } from '../../dataset/compiled';
import type { PageQuote } from '../../messaging/protocol';
import { chainSentence } from '../attribution';
import { formatFigure } from '../format';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const NL = 'urn:newslens:';

export interface ExportInput {
  pageUrl: string;
  pageTitle?: string | undefined;
  /** ISO time of the export. */
  generated: string;
  generator: { name: string; version: string };
  datasetVersion?: string | undefined;
  quotes: PageQuote[];
  details: Map<string, Details>;
}

export const refKey = (ref: MatchRef) => `${ref.type}:${ref.id}`;

type Node = Record<string, unknown>;

const SCHEMA_TYPE: Record<string, string> = {
  person: 'schema:Person',
  organisation: 'schema:Organization',
  government: 'schema:GovernmentOrganization',
  country: 'schema:Country',
  media: 'schema:NewsMediaOrganization',
  group: 'schema:Organization',
  anonymous: 'schema:Person',
};

function actorNode(a: DetailActor | undefined, id: string): Node {
  if (!a) return { id: `${NL}actor:${id}` };
  return compact({
    id: `${NL}actor:${a.id}`,
    type: SCHEMA_TYPE[a.kind] ?? 'schema:Thing',
    'schema:name': a.name,
    'schema:jobTitle': a.kind === 'person' ? a.role : undefined,
    'schema:description': a.description ?? (a.kind !== 'person' ? a.role : undefined),
    'schema:sameAs': a.wikidata ? `https://www.wikidata.org/wiki/${a.wikidata}` : undefined,
    'nl:kind': a.kind,
  });
}

function articleNode(a: DetailArticle | undefined): Node | undefined {
  if (!a) return undefined;
  return {
    id: a.url,
    type: 'schema:NewsArticle',
    'schema:headline': a.title,
    'schema:url': a.url,
    'schema:datePublished': a.published,
    'schema:inLanguage': a.language,
    'schema:publisher': { id: `${NL}actor:${a.publisher}`, 'schema:name': a.publisherName },
  };
}

function claimNode(s: DetailStatement, d: Details): Node {
  const article = d.articles[s.article];
  return compact({
    id: `${NL}statement:${s.id}`,
    type: 'schema:Claim',
    'schema:text': s.text,
    'schema:author': actorNode(d.actors[s.speaker], s.speaker),
    'schema:about': s.about.map((id) => ({ id: `${NL}actor:${id}` })),
    'schema:appearance': articleNode(article),
    'nl:statementKind': s.kind,
    'nl:reportingVerb': s.verb,
    'nl:sourceStatus': s.sourceStatus,
    'nl:attribution': chainSentence(s, d.actors, article?.publisher),
    'nl:attributionChain': s.attribution.map((l) => ({ 'schema:agent': { id: `${NL}actor:${l.actor}` }, 'nl:relation': l.relation })),
  });
}

function reviewNode(dispute: DetailDispute, d: Details): Node {
  const counter = dispute.counter ? d.statements[dispute.counter] : undefined;
  return compact({
    id: `${NL}dispute:${dispute.id}`,
    type: 'schema:ClaimReview',
    'schema:itemReviewed': { id: `${NL}statement:${dispute.statement}`, type: 'schema:Claim' },
    'schema:author': actorNode(d.actors[dispute.by], dispute.by),
    'schema:reviewRating': { type: 'schema:Rating', 'schema:alternateName': dispute.how },
    'schema:reviewBody': counter?.text ?? dispute.summary,
    'nl:counterStatement': counter ? { id: `${NL}statement:${counter.id}` } : undefined,
    'schema:appearance': articleNode(d.articles[dispute.article]),
  });
}

function figureNode(f: DetailFigure, d: Details): Node {
  return compact({
    id: `${NL}figure:${f.id}`,
    type: 'schema:QuantitativeValue',
    'schema:value': f.low !== undefined && f.high !== undefined ? undefined : f.value,
    'schema:minValue': f.low,
    'schema:maxValue': f.high,
    'schema:unitText': f.unit,
    'schema:name': formatFigure(f),
    'schema:description': f.measure,
    'nl:qualifier': f.qualifier,
    'nl:measureKey': f.measureKey,
    'schema:spatialCoverage': f.where,
    'schema:creator': actorNode(d.actors[f.source], f.source),
    'schema:subjectOf': articleNode(d.articles[f.article]),
  });
}

export function buildJsonLd(input: ExportInput): Node {
  const byRef = new Map<string, PageQuote[]>();
  for (const q of input.quotes) {
    const key = refKey(q.ref);
    const list = byRef.get(key);
    if (list) list.push(q);
    else byRef.set(key, [q]);
  }
  const items: Node[] = [];
  for (const [key, quotes] of byRef) {
    const d = input.details.get(key);
    const bodies: Node[] = [];
    if (d?.actor) bodies.push(actorNode(d.actor, d.actor.id));
    if (d?.figure) bodies.push(figureNode(d.figure, d));
    if (d) {
      const statements = [...d.said, ...d.about, ...d.reported];
      const shown = new Set(statements.map((s) => s.id));
      bodies.push(...statements.map((s) => claimNode(s, d)));
      // A dispute's reviewed claim is always in the export, even when it is not this match's own.
      for (const dispute of d.disputes) {
        const reviewed = d.statements[dispute.statement];
        if (reviewed && !shown.has(reviewed.id)) {
          shown.add(reviewed.id);
          bodies.push(claimNode(reviewed, d));
        }
      }
      bodies.push(...d.disputes.map((dispute) => reviewNode(dispute, d)));
      for (const f of d.related) bodies.push(figureNode(f, d));
    }
    items.push({
      id: `${NL}annotation:${encodeURIComponent(input.pageUrl)}:${key}`,
      type: 'Annotation',
      motivation: 'identifying',
      created: input.generated,
      body: bodies,
      target: quotes.map((q) => ({
        type: 'SpecificResource',
        source: input.pageUrl,
        selector: { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
      })),
    });
  }
  return compact({
    '@context': [ANNO_CONTEXT, { schema: 'https://schema.org/', nl: `${NL}vocab:` }],
    id: `${NL}export:${input.generated}:${encodeURIComponent(input.pageUrl)}`,
    type: 'AnnotationCollection',
    label: input.pageTitle ? `NewsLens: ${input.pageTitle}` : `NewsLens: ${input.pageUrl}`,
    generated: input.generated,
    generator: { type: 'Software', name: input.generator.name, 'schema:softwareVersion': input.generator.version },
    'nl:datasetVersion': input.datasetVersion,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  });
}

/** Drops undefined fields and empty arrays, so the file says only what is known. */
function compact(node: Record<string, unknown>): Node {
  const out: Node = {};
  for (const [k, v] of Object.entries(node)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

/** A file name for the download: newslens-<site>-<date>.jsonld. */
export function exportFileName(site: string | null, generated: string): string {
  const safe = (site ?? 'page').replace(/[^a-z0-9.-]+/gi, '-');
  return `newslens-${safe}-${generated.slice(0, 10)}.jsonld`;
}
