import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { releaseChangelog } from './changelog';

const BEFORE = `# Changelog

All notable changes are written here.

## [Unreleased]

### Added
- An icon.

### Fixed
- The card no longer shows mid-fade.

## [0.1.0] - 2026-11-01

### Added
- First release.
`;

describe('releaseChangelog', () => {
  it('moves the Unreleased entries under the new version and keeps an empty Unreleased', () => {
    assert.equal(
      releaseChangelog(BEFORE, '0.2.0', '2026-12-05'),
      `# Changelog

All notable changes are written here.

## [Unreleased]

## [0.2.0] - 2026-12-05

### Added
- An icon.

### Fixed
- The card no longer shows mid-fade.

## [0.1.0] - 2026-11-01

### Added
- First release.
`,
    );
  });

  it('works when Unreleased is the only section', () => {
    const out = releaseChangelog('# Changelog\n\n## [Unreleased]\n\n- One.\n', '1.0.0', '2027-01-02');
    assert.equal(out, '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2027-01-02\n\n- One.\n');
  });

  it('refuses an empty Unreleased, a missing one, a version already there, and a bad version', () => {
    assert.throws(() => releaseChangelog('# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-11-01\n- x\n', '0.2.0', '2026-12-05'), /empty/);
    assert.throws(() => releaseChangelog('# Changelog\n', '0.2.0', '2026-12-05'), /no "## \[Unreleased\]"/);
    assert.throws(() => releaseChangelog(BEFORE, '0.1.0', '2026-12-05'), /already has/);
    assert.throws(() => releaseChangelog(BEFORE, 'v0.2', '2026-12-05'), /not x\.y\.z/);
  });
});
