/**
 * The check of an article's details file where the background reads it (src/background/
 * details-source.ts). In `zod/mini`, apart from ./compiled.ts: full zod would add about 57 KB to
 * the background's bundle, which otherwise carries only the mini build (as ./ref.ts explains).
 * The enums are listed again here, and a unit test holds them to ./schema.ts's; the type is held
 * to ./compiled.ts's `ArticleDetails` at compile time.
 */
import { z } from 'zod/mini';
import type { ArticleDetails as ArticleDetailsType } from './compiled';

z.config({ jitless: true });

export const STATEMENT_KINDS = ['direct-quote', 'partial-quote', 'paraphrase'] as const;
export const SOURCE_STATUSES = ['named', 'unnamed', 'unverified'] as const;
export const DISPUTE_HOWS = ['denies', 'rejects', 'contradicts', 'doubts'] as const;
export const QUALIFIERS = ['exactly', 'about', 'up-to', 'at-least', 'close-to', 'more-than', 'fewer-than'] as const;

const Statement = z.object({
  id: z.string(),
  article: z.string(),
  speaker: z.string(),
  text: z.string(),
  kind: z.enum(STATEMENT_KINDS),
  verb: z.string(),
  attribution: z.array(z.object({ actor: z.string(), relation: z.string() })),
  sourceStatus: z.enum(SOURCE_STATUSES),
  about: z.array(z.string()),
  figures: z.array(z.string()),
  quote: z.string(),
});

const Dispute = z.object({
  id: z.string(),
  article: z.string(),
  statement: z.string(),
  by: z.string(),
  how: z.enum(DISPUTE_HOWS),
  counter: z.optional(z.string()),
  summary: z.string(),
  quote: z.string(),
});

const Figure = z.object({
  id: z.string(),
  article: z.string(),
  value: z.number(),
  low: z.optional(z.number()),
  high: z.optional(z.number()),
  unit: z.string(),
  qualifier: z.enum(QUALIFIERS),
  measure: z.string(),
  measureKey: z.string(),
  where: z.optional(z.string()),
  source: z.string(),
  surface: z.string(),
});

export const ArticleDetails = z.object({
  article: z.string(),
  statements: z.array(Statement),
  disputes: z.array(Dispute),
  figures: z.array(Figure),
});

/** Where an article's details file sits in the extension's files (article ids are slugs). */
export function articleDetailsPath(id: string): string {
  return `dataset/${id}.json`;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same: Same<z.output<typeof ArticleDetails>, ArticleDetailsType> = true;
void same;
