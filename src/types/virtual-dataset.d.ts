declare module 'virtual:newslens-dataset' {
  import type { MatchIndex } from '../dataset/compiled';
  import type { DetailsStore } from '../dataset/compile';
  export const index: MatchIndex;
  export const details: DetailsStore;
  export const summary: {
    version: string;
    articles: number;
    actors: number;
    figures: number;
    statements: number;
    disputes: number;
  };
}
