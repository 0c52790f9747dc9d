/**
 * When the content script started, and when its first pass got going, for the benchmark's
 * `newslens:pass` measure (live-highlights.ts). Imported first by the controller, so that it is
 * evaluated before any other module of the content script: the pass then includes the other
 * modules' start-up.
 */
export const passTimes = {
  /** The content script's first line. */
  script: performance.now(),
  /** The controller's start, after every module was evaluated. */
  run: Number.NaN,
  /** The decision made and the index received: the reading starts. */
  ready: Number.NaN,
};
