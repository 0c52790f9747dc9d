/**
 * Build-time constants (wxt.config.ts `vite.define`).
 * `__NEWSLENS_BENCH__`: true only in the benchmark's builds, which leave `newslens:*` performance
 * measures for scripts/bench.ts to read; false in every build for readers.
 */
declare const __NEWSLENS_BENCH__: boolean;
