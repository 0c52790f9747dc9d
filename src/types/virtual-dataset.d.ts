declare module 'virtual:newslens-dataset' {
  import type { MatchIndex } from '../dataset/compiled';
  import type { Catalog } from '../dataset/compiled';
  export const index: MatchIndex;
  export const catalog: Catalog;
  export const summary: {
    version: string;
    articles: number;
    actors: number;
    figures: number;
    statements: number;
    disputes: number;
  };
}
