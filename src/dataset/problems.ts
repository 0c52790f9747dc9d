/**
 * The check's problems and how they are told: one per fault, naming the file and the path to
 * the field (`articles/x.json: statements[4].speaker: unknown actor "putn"`), in words a
 * curator can act on, zod's issues included.
 */
import type { z } from 'zod';

export interface Problem {
  /** The file, as the loader named it. */
  file: string;
  /** The field inside the file, like `statements[4].speaker`; empty for the whole file. */
  path: string;
  message: string;
}

/** Files a problem: `path` as written, or as keys (`formatPath`). */
export type Report = (file: string, path: string | readonly PropertyKey[], message: string) => void;

/** One line per problem: `articles/x.json: statements[4].speaker: unknown actor "putn"`. */
export function formatProblem(p: Problem): string {
  return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** `['statements', 4, 'speaker']` → `statements[4].speaker`; odd keys in brackets: `roles["Bad Key"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** One zod issue → one problem (one per key for unknown keys), in words a curator can act on. */
export function reportIssue(report: Report, file: string, issue: z.core.$ZodIssue): void {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) report(file, [...path, key], 'unknown field (not in the schema)');
    return;
  }
  // With `reportInput`, zod sets `input` on an issue; JSON has no `undefined`, so an undefined
  // input means the field is absent.
  const missing = (issue as { input?: unknown }).input === undefined;
  if (missing && issue.code === 'invalid_type') {
    report(file, path, `missing required field (expected ${issue.expected})`);
    return;
  }
  if (missing && issue.code === 'invalid_value') {
    report(file, path, `missing required field (expected one of ${issue.values.map((v) => JSON.stringify(v)).join('|')})`);
    return;
  }
  if (issue.code === 'invalid_key') {
    const inner = issue.issues.map((i) => i.message).join('; ');
    report(file, path, `invalid key ${JSON.stringify(path.at(-1))}: ${inner}`);
    return;
  }
  report(file, path, issue.message);
}

/** The file name without its directory (the check is pure: no node:path). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
