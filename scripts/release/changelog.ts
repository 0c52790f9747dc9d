/**
 * CHANGELOG.md in the Keep a Changelog format: a release moves the entries under
 * "## [Unreleased]" to a new "## [x.y.z] - date" section, and leaves an empty "Unreleased" above
 * it for the next changes. Pure text in, text out, so the rules are tested without a release.
 */
const UNRELEASED = /^## \[Unreleased\][^\n]*\n/m;

export function releaseChangelog(text: string, version: string, date: string): string {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`version "${version}" is not x.y.z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`date "${date}" is not YYYY-MM-DD`);
  const head = UNRELEASED.exec(text);
  if (!head) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  if (new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm').test(text)) throw new Error(`CHANGELOG.md already has a section for ${version}`);
  const start = head.index + head[0].length;
  const next = text.slice(start).search(/^## \[/m);
  const end = next === -1 ? text.length : start + next;
  const entries = text.slice(start, end).trim();
  if (!entries) throw new Error('the "Unreleased" section of CHANGELOG.md is empty: nothing to release');
  const before = text.slice(0, head.index);
  const after = text.slice(end);
  return `${before}## [Unreleased]\n\n## [${version}] - ${date}\n\n${entries}\n\n${after}`.replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n');
}
