/**
 * A reference to one thing a page can match: an actor or a figure of the dataset, by id.
 *
 * Declared with `zod/mini` rather than zod, apart from the other compiled forms (compiled.ts),
 * because the content script validates it in messages (src/messaging/protocol.ts): zod's full
 * build would cost the content script about 100 KB and 10-20 ms of start-up on every page, the
 * mini build a tenth of that. Both builds share zod's core, so compiled.ts nests it as is.
 */
import { z } from 'zod/mini';

z.config({ jitless: true });

export const MatchRef = z.object({
  type: z.enum(['actor', 'figure']),
  id: z.string(),
});
export type MatchRef = z.infer<typeof MatchRef>;
