/**
 * Checks the dataset and reports.
 *
 *   npm run dataset:check                  the bundled dataset (or $NEWSLENS_DATASET)
 *   npm run dataset:check -- <dir>         another dataset directory
 *   npm run dataset:check -- --json        also print the checked dataset as JSON on stdout
 *
 * One line per problem and exit code 1 if there is any; otherwise a summary of counts per kind
 * and exit code 0. With --json, stdout carries only the JSON and everything else goes to stderr.
 */
import { formatProblem } from '../src/dataset/problems';
import { summarize, type DatasetSummary } from '../src/dataset/summary';
import { datasetDir, loadDataset } from '../src/dataset/load';

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const flags = argv.filter((a) => a.startsWith('--'));
  const positional = argv.filter((a) => !a.startsWith('--'));
  if (argv.includes('--help') || flags.some((f) => f !== '--json') || positional.length > 1) {
    console.error('usage: npm run dataset:check -- [dir] [--json]');
    return 2;
  }
  const dir = positional[0] ?? datasetDir();
  const log = json ? console.error : console.log;
  const { problems, dataset } = loadDataset(dir);
  if (problems.length > 0 || !dataset) {
    for (const p of problems) log(formatProblem(p));
    log(`${problems.length} problem(s) in the dataset at ${dir}`);
    return 1;
  }
  for (const line of formatSummary(dir, summarize(dataset))) log(line);
  if (json) console.log(JSON.stringify(dataset, null, 2));
  return 0;
}

/** Counts per kind, zero counts left out. */
function formatSummary(dir: string, s: DatasetSummary): string[] {
  const parts = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const line = (label: string, total: number, detail = '') => `  ${label.padEnd(11)}${String(total).padStart(4)}${detail ? `  (${detail})` : ''}`;
  return [
    `The dataset at ${dir} has no problems.`,
    line('articles', s.articles),
    line('actors', s.actors.total, parts(s.actors.byKind)),
    line('figures', s.figures),
    line('statements', s.statements.total, `${parts(s.statements.byKind)}; ${parts(s.statements.bySourceStatus)}`),
    line('disputes', s.disputes.total, parts(s.disputes.byHow)),
  ];
}

// `npm run dataset:check -- --json | head` closes stdout early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = main(process.argv.slice(2));
