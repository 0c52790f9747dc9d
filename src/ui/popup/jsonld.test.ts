/** The popup's JSON-LD export (src/ui/popup/jsonld.ts) over the bundled dataset. */
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import { compileDetails } from '../../dataset/compile';
import type { Details } from '../../dataset/compiled';
import { detailsFor } from '../../dataset/details';
import { loadDataset } from '../../dataset/load';
import { useFallbackMessages } from '../i18n';
import { ANNO_CONTEXT, buildJsonLd, exportFileName, refKey } from './jsonld';

type Node = Record<string, unknown>;

// Messages are read while the document is built, at collection time.
useFallbackMessages(en);

describe('JSON-LD export', () => {
  const store = compileDetails(loadDataset('assets/dataset').dataset!);
  // The actor with the most disputed statements, and a figure.
  const actorRef = { type: 'actor' as const, id: 'vladimir-putin' };
  const figureId = Object.values(store.figures).find((f) => f.value === 190000)!.id;
  const figureRef = { type: 'figure' as const, id: figureId };
  const details = new Map<string, Details>([
    [refKey(actorRef), detailsFor(store, actorRef)!],
    [refKey(figureRef), detailsFor(store, figureRef)!],
  ]);
  const doc = buildJsonLd({
    pageUrl: 'https://news.example/a',
    generated: '2026-03-04T05:06:07.000Z',
    generator: { name: 'NewsLens', version: '0.1.0' },
    datasetVersion: 'abc',
    quotes: [
      { ref: actorRef, exact: 'Vladimir Putin', prefix: 'Russian President ', suffix: ' and France' },
      { ref: actorRef, exact: 'Putin', prefix: 'between ', suffix: ' and US' },
      { ref: figureRef, exact: 'up to 190,000 troops', prefix: 'gathered ', suffix: ' around' },
    ],
    details,
  });
  const items = (doc.first as { items: Node[] }).items;
  const bodies = (ref: string) => (items.find((i) => String(i.id).endsWith(ref))!.body as Node[]);

  it('is a W3C Web Annotation collection', () => {
    expect((doc['@context'] as unknown[])[0]).toBe(ANNO_CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(2);
    expect(items.every((i) => i.type === 'Annotation')).toBe(true);
  });

  it('targets every occurrence with a TextQuoteSelector', () => {
    const putin = items.find((i) => String(i.id).endsWith('actor:vladimir-putin'))!;
    const targets = putin.target as Node[];
    expect(targets).toHaveLength(2);
    expect(targets[0]).toEqual({
      type: 'SpecificResource',
      source: 'https://news.example/a',
      selector: { type: 'TextQuoteSelector', exact: 'Vladimir Putin', prefix: 'Russian President ', suffix: ' and France' },
    });
  });

  it('gives statements as schema:Claim with their attribution, and disputes as ClaimReview of a claim it includes', () => {
    const body = bodies('actor:vladimir-putin');
    expect(body[0]).toMatchObject({ type: 'schema:Person', 'schema:name': 'Vladimir Putin' });
    const claims = body.filter((b) => b.type === 'schema:Claim');
    const reviews = body.filter((b) => b.type === 'schema:ClaimReview');
    const d = details.get(refKey(actorRef))!;
    expect(claims.length).toBeGreaterThanOrEqual(d.said.length + d.about.length + d.reported.length);
    expect(reviews).toHaveLength(d.disputes.length);
    expect(reviews.length).toBeGreaterThan(0);
    const claimIds = new Set(claims.map((c) => c.id));
    for (const r of reviews) expect(claimIds.has((r['schema:itemReviewed'] as Node).id)).toBe(true);
    // Each claim names the outlet of the article it appears in (the dataset holds several outlets;
    // the 2013 articles' own addresses are http).
    for (const c of claims) {
      expect(typeof c['schema:text']).toBe('string');
      const appearance = c['schema:appearance'] as Node;
      expect(appearance['schema:url']).toMatch(/^https?:\/\//);
      const publisher = (appearance['schema:publisher'] as Node)['schema:name'] as string;
      expect(publisher.length).toBeGreaterThan(0);
      expect(c['nl:attribution']).toContain(publisher);
    }
  });

  it('gives a figure with its qualifier, who gives it, and the other figures for its measure', () => {
    const body = bodies(`figure:${figureId}`);
    expect(body[0]).toMatchObject({ type: 'schema:QuantitativeValue', 'schema:value': 190000, 'nl:qualifier': 'up-to' });
    expect((body[0]!['schema:creator'] as Node)['schema:name']).toBe('United States');
  });

  it('survives JSON and names its file after the site and the day', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(exportFileName('lemonde.fr', '2026-03-04T05:06:07.000Z')).toBe('newslens-lemonde.fr-2026-03-04.jsonld');
  });
});
