/**
 * `npm run release -- <x.y.z>`: sets the version in package.json (and its lock file), moves the
 * "Unreleased" entries of CHANGELOG.md under that version, builds both store packages and the
 * sources archive from clean (scripts/zip.ts), and writes each archive's sha256 beside it
 * (`<archive>.sha256`, in `sha256sum -c` format). It commits and tags nothing: docs/release.md
 * gives the steps after it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { releaseChangelog } from './release/changelog';
import { packagePaths } from './release/packages';

async function setVersion(file: string, version: string, lock: boolean): Promise<void> {
  const json = JSON.parse(await readFile(file, 'utf8')) as { version: string; packages?: Record<string, { version?: string }> };
  json.version = version;
  if (lock && json.packages?.['']) json.packages[''].version = version;
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
}

async function main(): Promise<void> {
  const version = process.argv[2];
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error('usage: npm run release -- <x.y.z>');
  const date = new Date().toISOString().slice(0, 10);
  // The changelog first: it refuses an empty "Unreleased" before anything is changed.
  const changelog = releaseChangelog(await readFile('CHANGELOG.md', 'utf8'), version, date);
  await setVersion('package.json', version, false);
  await setVersion('package-lock.json', version, true);
  await writeFile('CHANGELOG.md', changelog);
  const r = spawnSync('npx', ['tsx', 'scripts/zip.ts'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run zip failed');
  for (const path of Object.values(packagePaths(version))) {
    const hash = createHash('sha256').update(await readFile(path)).digest('hex');
    await writeFile(`${path}.sha256`, `${hash}  ${basename(path)}\n`);
    console.log(`${hash}  ${basename(path)}`);
  }
  console.log(`Released ${version} locally: review, then commit and tag (docs/release.md).`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
