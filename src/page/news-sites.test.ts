/** The list of known news publishers: a domain and its subdomains, nothing else. */
import { describe, expect, it } from 'vitest';
import { isKnownNewsSite } from './news-sites';

describe('known news sites', () => {
  it.each([
    ['cnn.com', true],
    ['edition.cnn.com', true],
    ['www.lemonde.fr', true],
    ['WWW.BBC.CO.UK', true],
    ['apnews.com.', true],
    ['notcnn.com', false],
    ['cnn.com.example.net', false],
    ['co.uk', false],
    ['example.com', false],
    ['localhost', false],
  ])('%s → %s', (host, known) => {
    expect(isKnownNewsSite(host)).toBe(known);
  });
});
