/**
 * Checks and compiles the dataset while the extension builds. A dataset with any problem fails
 * the build, with one line per problem naming the file and the path to the bad field.
 *
 * The background imports `virtual:newslens-dataset`: the match index and the catalog (names,
 * article metadata, which articles each match draws on). The statements, disputes and figures
 * are written as one file per article, `dataset/<article-id>.json` in the extension's output,
 * which the background fetches when a card or the popup first asks (src/background/
 * details-source.ts). No bundle carries them, and the content script carries only what the
 * background sends it of the index.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileDetails, compileIndex, splitDetails } from './compile';
import { articleDetailsPath } from './compiled';
import { formatProblem } from './problems';
import { datasetDir, loadDataset } from './load';

const ID = 'virtual:newslens-dataset';
const RESOLVED = '\0' + ID;

export function datasetPlugin(): Plugin {
  return {
    name: 'newslens-dataset',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const dir = datasetDir();
      const { problems, dataset } = loadDataset(dir);
      if (problems.length > 0 || !dataset) {
        const lines = problems.map(formatProblem).join('\n');
        throw new Error(`The dataset in ${dir} has ${problems.length} problem(s):\n${lines}`);
      }
      // Rebuild when any dataset file changes under `wxt` (dev).
      this.addWatchFile(resolve(dir, 'actors.json'));
      for (const a of dataset.articles) {
        this.addWatchFile(resolve(dir, 'articles', `${a.id}.json`));
        this.addWatchFile(resolve(dir, 'texts', `${a.id}.txt`));
      }
      const details = compileDetails(dataset);
      const version = createHash('sha256').update(JSON.stringify(dataset)).digest('hex').slice(0, 12);
      const index = compileIndex(dataset, version);
      const { catalog, files } = splitDetails(details);
      for (const [id, file] of Object.entries(files)) {
        this.emitFile({ type: 'asset', fileName: articleDetailsPath(id), source: JSON.stringify(file) });
      }
      // JSON.parse of a string literal is faster to start than an object literal of the same size.
      return [
        `export const index = JSON.parse(${JSON.stringify(JSON.stringify(index))});`,
        `export const catalog = JSON.parse(${JSON.stringify(JSON.stringify(catalog))});`,
        `export const summary = ${JSON.stringify({
          version,
          articles: dataset.articles.length,
          actors: dataset.actors.length,
          figures: Object.keys(details.figures).length,
          statements: Object.keys(details.statements).length,
          disputes: Object.keys(details.disputes).length,
        })};`,
      ].join('\n');
    },
  };
}

