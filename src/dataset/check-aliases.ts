/** The check of the actors' aliases: no safe alias claimed twice, none for an anonymous actor. */
import { normalizeText } from '../matching/normalize';
import type { Report } from './problems';
import type { Actor } from './schema';

/**
 * No two actors may claim the same safe alias, or a page could not tell them apart. Aliases
 * are compared as the matcher sees them (`normalizeText`: NFC, lower case, diacritics,
 * apostrophes and dashes folded, spaces collapsed), so "Elysee" and "Élysée" are one alias. The display name counts as a safe alias unless the curator
 * lists it among the aliases (src/dataset/compile.ts adds it to the match index that way).
 * An anonymous actor has no safe alias at all: its "name" describes a role, and highlighting
 * "intelligence official" on any page would tie strangers to this one source.
 */
export function checkAliases(actors: Actor[], file: string, report: Report): void {
  const claims = new Map<string, { id: string; text: string }>();
  actors.forEach((actor, i) => {
    const listed = actor.aliases.some((a) => a.text === actor.name);
    const all: { text: string; safe: boolean; path: string }[] = actor.aliases.map((a, j) => ({
      text: a.text,
      safe: a.safe,
      path: `actors[${i}].aliases[${j}].text`,
    }));
    if (!listed) all.unshift({ text: actor.name, safe: true, path: `actors[${i}].name` });
    for (const alias of all) {
      if (!alias.safe) continue;
      if (actor.kind === 'anonymous') {
        report(
          file,
          alias.path,
          alias.path.endsWith('.name')
            ? `an anonymous actor's name must not be a safe alias: list it among the aliases with "safe": false`
            : `an anonymous actor must not have a safe alias ("${alias.text}")`,
        );
        continue;
      }
      const key = normalizeText(alias.text.normalize('NFC'));
      const other = claims.get(key);
      if (other && other.id !== actor.id) {
        report(file, alias.path, `safe alias "${alias.text}" is also claimed by actor "${other.id}" ("${other.text}")`);
      } else if (!other) claims.set(key, { id: actor.id, text: alias.text });
    }
  });
}
