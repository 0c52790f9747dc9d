/**
 * The store packages and where they land: `npm run zip` (scripts/zip.ts) makes them, the release
 * script hashes them, and the package checks (scripts/release/packages.test.ts) open them. Names follow WXT's
 * defaults: `<name>-<version>-<chrome|firefox|sources>.zip` in the output folder.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const OUT_DIR = resolve(process.env.NEWSLENS_OUT ?? '.output');

export function packageVersion(root = '.'): string {
  return (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
}

export function packagePaths(version = packageVersion()): { chrome: string; firefox: string; sources: string } {
  const zip = (kind: string) => resolve(OUT_DIR, `newslens-${version}-${kind}.zip`);
  return { chrome: zip('chrome'), firefox: zip('firefox'), sources: zip('sources') };
}
