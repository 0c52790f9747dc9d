/**
 * Bundles page-side modules of src/ into one classic script for a plain Chromium page, so DOM
 * tests run our code in a real browser without building the extension.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A script that defines `globalThis[globalName]` with one namespace per module:
 * `bundleModules({ blocks: 'src/page/blocks.ts' }, 'T')` gives `T.blocks.collectBlocks`.
 * Paths are relative to the repository root.
 */
export async function bundleModules(modules: Record<string, string>, globalName: string): Promise<string> {
  const contents = Object.entries(modules)
    .map(([name, path]) => `export * as ${name} from ${JSON.stringify(`./${path}`)};`)
    .join('\n');
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, sourcefile: 'dom-test-entry.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName,
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
    // As in a build for readers (wxt.config.ts), but for the card, which tests read: open, on <newslens-ui>.
    define: { __NEWSLENS_BENCH__: 'false', __NEWSLENS_OPEN_CARD__: 'true', __NEWSLENS_HIGHLIGHT_SUFFIXES__: '[""]' },
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}
