/**
 * A reference to one thing a page can match: an actor or a figure of the dataset, by id.
 * In `zod/mini`, as every shape the protocol carries (src/messaging/protocol.ts): zod's full
 * build is about ten times the size, and the content script validates with these.
 */
import { z } from 'zod/mini';

z.config({ jitless: true });

export const MatchRef = z.object({
  type: z.enum(['actor', 'figure']),
  id: z.string(),
});
export type MatchRef = z.infer<typeof MatchRef>;
