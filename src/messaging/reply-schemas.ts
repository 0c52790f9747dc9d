/**
 * The background's replies (./protocol.ts `ToBackgroundReplies`) as zod schemas: the contract the
 * content script's reply guards (./guards.ts `ReplyGuards`) are held to by
 * tests/unit/guards.test.ts. No bundle validates replies with these: the content script uses the
 * guards (no zod on web pages), and the popup and the options page take the guards' word too
 * (src/messaging/client.ts). The types below must stay those of protocol.ts (checked at compile time).
 */
import { z } from 'zod';
import { CatalogArticle, Details, IndexActor, IndexAlias, MatchIndex } from '../dataset/compiled';
import type { ToBackgroundReplies, ToBackgroundType } from './protocol';

z.config({ jitless: true });

const FirstWordsWire = z.object({ any: z.string(), lower: z.string(), size: z.int().nonnegative(), punctuation: z.boolean() });

export const BackgroundReplies = {
  'data:index': MatchIndex.extend({ firstWords: FirstWordsWire.optional() }),
  'data:aliases': z.object({ actors: z.array(IndexActor), aliases: z.array(IndexAlias), withheld: z.array(z.int().nonnegative()) }),
  'data:details': Details.nullable(),
  'data:summary': z.object({
    version: z.string(),
    articles: z.int().nonnegative(),
    actors: z.int().nonnegative(),
    figures: z.int().nonnegative(),
    statements: z.int().nonnegative(),
    disputes: z.int().nonnegative(),
  }),
  'data:weights': z.array(z.object({ weight: z.number(), disputed: z.boolean() })),
  'data:articles': z.array(CatalogArticle),
  'ui:open-details': z.null(),
  'page:count': z.null(),
} as const satisfies Record<ToBackgroundType, z.ZodType>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTypes: { [K in ToBackgroundType]: Same<z.output<(typeof BackgroundReplies)[K]>, ToBackgroundReplies[K]> } = {
  'data:index': true,
  'data:aliases': true,
  'data:details': true,
  'data:summary': true,
  'data:weights': true,
  'data:articles': true,
  'ui:open-details': true,
  'page:count': true,
};
void sameTypes;
