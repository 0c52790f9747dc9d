/**
 * The dataset's closed vocabularies (actor kinds, figure qualifiers, statement kinds, source
 * statuses, dispute verbs), in `zod/mini`: both the dataset's schema (./schema.ts, build time)
 * and the runtime shapes the content script validates (./compiled.ts) use them, and a page
 * should not pay for zod's full build.
 */
import { z } from 'zod/mini';

z.config({ jitless: true });

export const ActorKind = z.enum(['person', 'organisation', 'government', 'country', 'media', 'group', 'anonymous']);
export type ActorKind = z.infer<typeof ActorKind>;

export const Qualifier = z.enum(['exactly', 'about', 'up-to', 'at-least', 'close-to', 'more-than', 'fewer-than']);
export type Qualifier = z.infer<typeof Qualifier>;

export const StatementKind = z.enum(['direct-quote', 'partial-quote', 'paraphrase']);
export const SourceStatus = z.enum(['named', 'unnamed', 'unverified']);
export const DisputeHow = z.enum(['denies', 'rejects', 'contradicts', 'doubts']);
