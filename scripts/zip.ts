/**
 * `npm run zip`: the Chrome package, the Firefox package and Firefox's sources archive, each from a
 * clean production build (old builds and archives are removed first, so nothing stale slips in).
 * The version comes from package.json; what goes in each archive is set in wxt.config.ts (`zip`).
 */
import { spawnSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { OUT_DIR, packagePaths } from './release/packages';

async function main(): Promise<void> {
  for (const dir of ['chrome-mv3', 'firefox-mv2']) await rm(resolve(OUT_DIR, dir), { recursive: true, force: true });
  for (const f of await readdir(OUT_DIR).catch(() => [] as string[])) if (/^newslens-.*\.zip(\.sha256)?$/.test(f)) await rm(resolve(OUT_DIR, f));
  for (const args of [['zip'], ['zip', '-b', 'firefox']]) {
    const r = spawnSync('npx', ['wxt', ...args], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) throw new Error(`wxt ${args.join(' ')} failed`);
  }
  for (const [kind, path] of Object.entries(packagePaths())) console.log(`${kind.padEnd(8)} ${path}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
