/**
 * A reference to one thing a page can match: an actor or a figure of the dataset, by id.
 *
 * Declared with `zod/mini` rather than zod, apart from the other compiled forms (compiled.ts),
 * because the message schemas use it (src/messaging/schemas.ts, checked in the background), and
 * a bundle that needs only those should not pay for zod's full build (about 100 KB; the mini
 * build is a tenth of that). Both builds share zod's core, so compiled.ts nests it as is. The
 * content script checks references with a hand-written guard instead (src/messaging/guards.ts
 * `isMatchRef`): no zod at all on web pages.
 */
import { z } from 'zod/mini';

z.config({ jitless: true });

export const MatchRef = z.object({
  type: z.enum(['actor', 'figure']),
  id: z.string(),
});
export type MatchRef = z.infer<typeof MatchRef>;
