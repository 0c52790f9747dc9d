/**
 * The dataset as it began, for the benchmark's baseline: the seed article alone, with the actors
 * it names, so that one run can say what the grown dataset costs a page against the seed's.
 * Written from the bundled dataset (not from history), so it follows the bundled actors' current
 * aliases: only the number of articles and actors differs.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../../src/dataset/schema';

const SEED_ARTICLE = 'bbc-2022-02-20-ukraine-macron-putin';

/** Writes `dest` (replaced): actors.json, articles/<seed>.json and texts/<seed>.txt. Returns the counts. */
export function writeSeedAloneDataset(src: string, dest: string): { articles: number; actors: number } {
  const articleJson = readFileSync(join(src, 'articles', `${SEED_ARTICLE}.json`), 'utf8');
  const text = readFileSync(join(src, 'texts', `${SEED_ARTICLE}.txt`), 'utf8');
  const { actors } = JSON.parse(readFileSync(join(src, 'actors.json'), 'utf8')) as { actors: Actor[] };
  // The dataset check refuses an actor that no article mentions (by a field or by name in its text).
  const kept = actors.filter((a) => articleJson.includes(`"${a.id}"`) || a.aliases.some((al) => text.includes(al.text)));
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(join(dest, 'articles'), { recursive: true });
  mkdirSync(join(dest, 'texts'), { recursive: true });
  writeFileSync(join(dest, 'actors.json'), JSON.stringify({ actors: kept }, null, 2));
  writeFileSync(join(dest, 'articles', `${SEED_ARTICLE}.json`), articleJson);
  writeFileSync(join(dest, 'texts', `${SEED_ARTICLE}.txt`), text);
  return { articles: 1, actors: kept.length };
}
