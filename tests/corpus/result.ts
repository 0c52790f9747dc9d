/**
 * What the corpus run records for one page: the test attaches it as a "corpus" annotation, the
 * table reporter prints it, and `npm run trust:report` reads it back from the JSON report.
 */
import type { ExtensionTask } from '../support/task-trace';
import type { NameCheck } from './name-floors';

export interface CorpusResult {
  file: string;
  /** Requests made by an extension context (service worker, extension pages) during this page's run: must be none. */
  extensionRequests: string[];
  set: string;
  /** The page's load event came within the timeout. */
  loaded: boolean;
  /** The page navigated again by itself after the first load (logs then start at its last load). */
  reloadedItself: boolean;
  /** The content script's status when the run stopped waiting ("ready": first pass done). */
  status: string;
  /** From navigation to the end of the first pass (ms, includes loading). */
  scanMs: number;
  /** How long each load was watched (ms). */
  windowMs: number;
  /** Mutation records the page saw after DOMContentLoaded, with and without the extension. */
  mutations: number;
  baselineMutations: number;
  /** Mutations with the extension of kinds the page never makes by itself, but the UI host (first 20). */
  domChanges: string[];
  domChangeCount: number;
  /** Extra repetitions, with the extension, of mutations the page also makes without it (timing). */
  moreOfPageKinds: number;
  /** Mutations made with the UI host's removal when switching the site off (the same task), but that removal. */
  offChanges: string[];
  offLeftovers: { groups: string[]; hosts: number };
  errorsIntroduced: string[];
  /** Errors the page logs by itself (baseline). */
  pageErrors: number;
  highlights: number;
  byGroup: Record<string, number>;
  names: NameCheck[];
  cardTried: boolean;
  cardOpened: boolean;
  tasks: {
    /** The page's longest task with the extension, whoever ran it (the page's longtask entries). */
    longestPageTaskMs: number;
    extensionLongest: ExtensionTask | null;
    extensionOver50: number;
    extensionTasks: number;
    extensionTotalMs: number;
    extensionTotalCpuMs: number;
    baselineLongTasks: number;
    baselineLongestMs: number;
  };
  /** Where the run's own time went (ms): the watched load, reading the trace, switching off, the baseline load. */
  runMs: { extension: number; trace: number; off: number; baseline: number };
  heap: {
    /** Heap released by switching the site off on the same page: what the running scan held. */
    runKB: number;
    /** Heap with the extension minus heap of the baseline load (noisy: the page's own heap varies). */
    vsBaselineKB: number;
  };
}
