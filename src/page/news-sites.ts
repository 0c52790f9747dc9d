/**
 * Known news publishers: on their sites NewsLens runs on every page (home pages and section
 * fronts present news too, without article metadata). A short list of large international and
 * national outlets, chosen as publishers, not from the corpus; a reader's per-site switch covers
 * every other site. A host matches its domain and any subdomain (edition.cnn.com → cnn.com).
 */
const NEWS_SITES = new Set([
  // International and English-language
  'apnews.com', 'reuters.com', 'bbc.co.uk', 'bbc.com', 'theguardian.com', 'nytimes.com', 'washingtonpost.com',
  'wsj.com', 'ft.com', 'economist.com', 'bloomberg.com', 'cnn.com', 'cbsnews.com', 'nbcnews.com', 'abcnews.go.com',
  'npr.org', 'foxnews.com', 'usatoday.com', 'latimes.com', 'politico.com', 'politico.eu', 'axios.com', 'thehill.com',
  'aljazeera.com', 'independent.co.uk', 'telegraph.co.uk', 'thetimes.co.uk', 'news.sky.com',
  'dailymail.co.uk', 'irishtimes.com', 'rte.ie', 'cbc.ca', 'globalnews.ca', 'theglobeandmail.com', 'abc.net.au',
  'smh.com.au', 'nzherald.co.nz', 'stuff.co.nz', 'timesofindia.indiatimes.com', 'thehindu.com', 'hindustantimes.com',
  'scmp.com', 'japantimes.co.jp', 'straitstimes.com', 'kyivindependent.com', 'kyivpost.com', 'themoscowtimes.com',
  'euronews.com', 'france24.com', 'dw.com', 'rfi.fr', 'afp.com',
  // French, German, Spanish, Italian and other European
  'lemonde.fr', 'lefigaro.fr', 'liberation.fr', 'leparisien.fr', 'francetvinfo.fr', 'ouest-france.fr', 'lesechos.fr',
  'spiegel.de', 'zeit.de', 'faz.net', 'sueddeutsche.de', 'tagesschau.de', 'zdf.de', 'zdfheute.de', 'welt.de', 'nzz.ch',
  'srf.ch', 'rts.ch', 'derstandard.at', 'orf.at', 'elpais.com', 'elmundo.es', 'lavanguardia.com', 'corriere.it',
  'repubblica.it', 'lastampa.it', 'ansa.it', 'publico.pt', 'nos.nl', 'volkskrant.nl', 'lesoir.be', 'rtbf.be',
  'gazeta.pl', 'pravda.com.ua', 'ukrinform.net', 'infobae.com', 'clarin.com', 'folha.uol.com.br',
]);

export function isKnownNewsSite(hostname: string): boolean {
  let host = hostname.toLowerCase().replace(/\.$/, '');
  for (;;) {
    if (NEWS_SITES.has(host)) return true;
    const dot = host.indexOf('.');
    if (dot < 0) return false;
    host = host.slice(dot + 1);
  }
}
