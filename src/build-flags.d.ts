/**
 * Build-time constants (wxt.config.ts `vite.define`).
 * `__NEWSLENS_BENCH__`: true only in the benchmark's builds, which leave `newslens:*` performance
 * measures for tests/bench/run.ts to read; false in every build for readers.
 */
declare const __NEWSLENS_BENCH__: boolean;
/**
 * `__NEWSLENS_OPEN_CARD__`: true only in the browser tests' own builds (NEWSLENS_TEST_CARD=open):
 * the card's shadow root is open and its host is `<newslens-ui>`. False in every build for readers:
 * a closed root on a host with a random tag (src/page/ui-host.ts).
 */
declare const __NEWSLENS_OPEN_CARD__: boolean;
/**
 * `__NEWSLENS_HIGHLIGHT_SUFFIXES__`: the endings of the highlight groups' names, one drawn per page
 * load (src/page/painter.ts); random per build, `['']` in the tests' builds.
 */
declare const __NEWSLENS_HIGHLIGHT_SUFFIXES__: readonly string[];
