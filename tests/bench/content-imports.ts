/**
 * What each import costs the content script, in minified bytes: a build analysis to decide what
 * the content script can afford (issue 4's target is 40 KB without data).
 *
 *   npx tsx tests/bench/content-imports.ts [--all]
 *
 * Builds the content script as `wxt build` does (the project's own configuration, minified,
 * tree-shaken), with a source map, into a temporary folder, and gives every byte of the output
 * to the source file it came from (the map's segments), grouped by package and by source folder,
 * largest first. Bytes no segment covers (the bundler's glue, inlined CSS and JSON) are
 * "unmapped".
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'wxt';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The segments of one line of a source map's `mappings`: [generated column, source index] pairs. */
function* segments(mappings: string): Generator<{ line: number; column: number; source: number }> {
  let source = 0;
  let line = 0;
  for (const lineText of mappings.split(';')) {
    let column = 0;
    if (lineText !== '') {
      for (const segment of lineText.split(',')) {
        const fields: number[] = [];
        let value = 0;
        let shift = 0;
        for (const ch of segment) {
          const digit = BASE64.indexOf(ch);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        column += fields[0] ?? 0;
        if (fields.length >= 4) source += fields[1]!;
        yield { line, column, source: fields.length >= 4 ? source : -1 };
      }
    }
    line++;
  }
}

async function main(): Promise<void> {
  const all = process.argv.includes('--all');
  const outDir = await mkdtemp(join(tmpdir(), 'newslens-imports-'));
  try {
    await build({ outDir, filterEntrypoints: ['content'], vite: () => ({ build: { sourcemap: true } }) });
    const file = join(outDir, 'chrome-mv3/content-scripts/content.js');
    const code = await readFile(file, 'utf8');
    const map = JSON.parse(await readFile(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
    const lines = code.split('\n');
    const bytes = new Map<string, number>();
    const add = (name: string, n: number) => bytes.set(name, (bytes.get(name) ?? 0) + n);
    const list = [...segments(map.mappings)];
    let mapped = 0;
    list.forEach((s, i) => {
      const next = list[i + 1];
      const end = next && next.line === s.line ? next.column : lines[s.line]!.length;
      const name = s.source >= 0 ? relative(REPO, resolve(dirname(file), map.sources[s.source]!)).replace(/^.*node_modules\//, 'npm:') : 'unmapped';
      add(name, end - s.column);
      mapped += end - s.column;
    });
    add('unmapped', code.length - mapped);
    const total = code.length;
    const groups = new Map<string, number>();
    for (const [name, n] of bytes) {
      const group = name.startsWith('npm:')
        ? name.split('/').slice(0, name.startsWith('npm:@') ? 2 : 1).join('/')
        : name.split('/').slice(0, -1).join('/') || name;
      groups.set(group, (groups.get(group) ?? 0) + n);
    }
    const row = (name: string, n: number) => `${String(n).padStart(8)}  ${((100 * n) / total).toFixed(1).padStart(5)}%  ${name}`;
    console.log(`content-scripts/content.js, minified: ${total} bytes (${(total / 1024).toFixed(1)} KiB)\n`);
    console.log('by package or folder:');
    for (const [name, n] of [...groups].sort((a, b) => b[1] - a[1])) console.log(row(name, n));
    console.log('\nby file:');
    const sorted = [...bytes].sort((a, b) => b[1] - a[1]);
    for (const [name, n] of all ? sorted : sorted.slice(0, 30)) console.log(row(name, n));
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

await main();
