/**
 * A record's own entry for an id, or undefined: ids come from messages and files, and "constructor"
 * or "__proto__" must read as unknown ids, not as what every object inherits.
 */
export function own<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}
