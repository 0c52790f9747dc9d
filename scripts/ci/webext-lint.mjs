// Runs `web-ext lint` on a Firefox build and fails on any error or warning (addons.mozilla.org
// reviews every warning; the build has none, so a new one is a regression).
import { spawnSync } from 'node:child_process';

const dir = process.argv[2] ?? '.output/firefox-mv2';
const r = spawnSync('npx', ['web-ext', 'lint', '-s', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const m of report[kind] ?? []) console.log(`${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} ${m.message}`);
}
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
process.exit(report.summary.errors > 0 || report.summary.warnings > 0 ? 1 : 0);
