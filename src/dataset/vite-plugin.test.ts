/** What the build emits of the dataset (src/dataset/vite-plugin.ts): a module with the index and catalog, and one details file per article. */
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleDetails } from './compiled';
import { compileDetails } from './compile';
import { loadDataset } from './load';
import { datasetPlugin } from './vite-plugin';

const saved = process.env.NEWSLENS_DATASET;
afterEach(() => {
  if (saved === undefined) delete process.env.NEWSLENS_DATASET;
  else process.env.NEWSLENS_DATASET = saved;
});

function build(dir: string): { code: string; emitted: Map<string, string> } {
  process.env.NEWSLENS_DATASET = dir;
  const plugin = datasetPlugin();
  const emitted = new Map<string, string>();
  const context = {
    addWatchFile() {},
    emitFile(file: { fileName: string; source: string }) {
      emitted.set(file.fileName, file.source);
      return file.fileName;
    },
  };
  const id = (plugin.resolveId as unknown as (id: string) => string)('virtual:newslens-dataset');
  const code = (plugin.load as unknown as (this: typeof context, id: string) => string).call(context, id);
  return { code, emitted };
}

describe('the dataset as the build emits it', () => {
  for (const dir of ['assets/dataset', 'tests/fixtures/dataset-linked']) {
    it(`writes one checked details file per article, and no statement into the bundle (${dir})`, () => {
      const { code, emitted } = build(dir);
      const store = compileDetails(loadDataset(dir).dataset!);
      expect([...emitted.keys()].sort()).toEqual(Object.keys(store.articles).map((id) => `dataset/${id}.json`).sort());
      for (const [name, source] of emitted) {
        const file = ArticleDetails.parse(JSON.parse(source));
        expect(name).toBe(`dataset/${file.article}.json`);
      }
      // The longest run of plain words of each statement and quote: the same however it is escaped.
      const plain = (text: string) => (text.match(/[A-Za-z ,]{16,}/g) ?? []).sort((a, b) => b.length - a.length)[0];
      for (const s of Object.values(store.statements)) {
        for (const run of [plain(s.text), plain(s.quote)]) if (run) expect(code).not.toContain(run);
      }
    });
  }
});
