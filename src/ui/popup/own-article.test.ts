/** The popup knows when the page is one of the dataset's articles (src/ui/popup/own-article.ts). */
import { describe, expect, it } from 'vitest';
import type { CatalogArticle } from '../../dataset/compiled';
import { ownArticle } from './own-article';

const counts = { statements: 1, figures: 0, disputes: 0, actors: 1 };
const article = (id: string, url: string, title: string): CatalogArticle => ({
  id,
  url,
  title,
  publisher: 'p',
  publisherName: 'P',
  published: '2022-02-20',
  language: 'en',
  counts,
});
const bbc = article('bbc', 'https://www.bbc.co.uk/news/world-europe-60454795', 'Ukraine crisis: Macron and Putin agree to work on ceasefire');
const short = article('live', 'https://example.com/live', 'Live updates');
const all = [bbc, short];

describe('the page as one of the dataset articles', () => {
  it('by its address, normalised', () => {
    expect(ownArticle(all, { url: 'https://bbc.co.uk/news/world-europe-60454795?at_medium=RSS' })?.id).toBe('bbc');
    expect(ownArticle(all, { url: 'https://www.bbc.co.uk/news/world-europe-60454796' })).toBeNull();
  });

  it('by its headline in the tab title, accents and punctuation aside', () => {
    expect(ownArticle(all, { url: 'https://mirror.example/x', title: 'Ukraine crisis – Macron and Putin agree to work on ceasefire - BBC News' })?.id).toBe('bbc');
    expect(ownArticle(all, { url: 'https://mirror.example/x', title: 'Ukraine crisis: Macron and Putin agree to work on ceasefires' })).toBeNull();
  });

  it('not by a short headline alone', () => {
    expect(ownArticle(all, { url: 'https://other.example/live', title: 'Live updates' })).toBeNull();
  });
});
