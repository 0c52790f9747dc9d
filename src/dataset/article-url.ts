/**
 * An article's address reduced to what names the article, so that the page a reader has open
 * can be recognised as one of the dataset's articles: the host without "www.", "m." or "amp."
 * and without a port, and the path without a trailing slash or an "/amp" ending. Scheme, query
 * and fragment are dropped: tracking parameters and anchors do not make another article. Pure.
 */
export function articleUrlKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^(?:www|m|amp)\./, '');
  const path = u.pathname.replace(/\/amp\/?$|\.amp$/i, '').replace(/\/+$/, '');
  return `${host}${path}`;
}
