/**
 * Reading a dataset file's JSON before its schema has passed it: the check collects ids and
 * flags from the raw files, so that one invalid field does not hide every other problem.
 */
export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The objects in `json[key]`, if `json[key]` is an array (non-objects become empty records). */
export function rawItems(json: unknown, key: string): Record<string, unknown>[] {
  const list = asRecord(json)?.[key];
  return Array.isArray(list) ? list.map((item) => asRecord(item) ?? {}) : [];
}
