/**
 * The extension ships excerpts, not articles: what the build makes of the dataset (the dataset
 * plugin's module, the compiled index and details) holds no passage of an article's text beyond
 * the quotes the card shows, and the build's guard finds a text that does get in.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileDetails, compileIndex } from './compile';
import { loadDataset } from './load';
import { leakedPassages, privatePassages } from './text-guard';
import { guardBuildOutput, scanFolder } from './build-guard';
import { datasetPlugin } from './vite-plugin';

const SEED = 'bbc-2022-02-20-ukraine-macron-putin';
const { dataset, texts } = loadDataset('assets/dataset');
const passages = privatePassages(dataset!, texts!);

interface Emitted {
  fileName: string;
  source: string;
}

/** The virtual module the dataset plugin gives the build, and the files it emits beside it (each article's details). */
function pluginOutput(): { module: string; emitted: Emitted[] } {
  const plugin = datasetPlugin() as unknown as {
    resolveId: (id: string) => string | undefined;
    load: (this: { addWatchFile: (f: string) => void; emitFile: (f: Emitted) => void }, id: string) => string | undefined;
  };
  const id = plugin.resolveId('virtual:newslens-dataset')!;
  const emitted: Emitted[] = [];
  const module = plugin.load.call({ addWatchFile: () => {}, emitFile: (f) => emitted.push(f) }, id)!;
  return { module, emitted };
}

describe('the seed text', () => {
  it('has many passages that no card shows', () => {
    // Most of the seed's sentences are quoted by its 28 statements; these are the rest.
    expect(passages.length).toBeGreaterThanOrEqual(5);
    // The BBC's own narration, which no statement quotes.
    expect(passages.some((p) => p.startsWith('There are fears that a Russian military intervention could start a war'))).toBe(true);
  });
});

describe('what the build takes from the dataset', () => {
  it('is not the text: the plugin module and the details files carry no passage, though they carry the quotes', () => {
    const { module, emitted } = pluginOutput();
    expect(leakedPassages(module, passages)).toEqual([]);
    expect(module.length).toBeLessThan(200_000);
    expect(emitted.length).toBe(dataset!.articles.length);
    const files = emitted.map((f) => f.source).join('\n');
    expect(leakedPassages(files, passages)).toEqual([]);
    expect(files).toContain('the Kremlin said');
  });

  it('is not the text: nor do the compiled index and details', () => {
    const compiled = JSON.stringify([compileIndex(dataset!, 'x'), compileDetails(dataset!)]);
    expect(leakedPassages(compiled, passages)).toEqual([]);
  });

  it('would be caught if the texts got in, escaped as a bundle escapes them', () => {
    const all = [...texts!.values()];
    const asBundled = `JSON.parse(${JSON.stringify(JSON.stringify({ all }))})`.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(leakedPassages(asBundled, passages).length).toBe(passages.length);
  });
});

describe("the build's guard", () => {
  const dir = mkdtempSync(join(tmpdir(), 'newslens-guard-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the text in any file of the output folder, and nothing in a clean one', () => {
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'background.js'), pluginOutput().module);
    expect(scanFolder(dir, passages)).toEqual([]);
    writeFileSync(join(dir, 'chunks', 'article.json'), JSON.stringify({ text: texts!.get(SEED) }));
    expect(scanFolder(dir, passages).map((l) => l.file)).toEqual([join(dir, 'chunks', 'article.json')]);
    expect(() => guardBuildOutput(dir, 'assets/dataset')).toThrow(/Article text reached the build[^]*chunks\/article\.json: "/);
  });
});
