import { describe, expect, it } from 'vitest';
import { createDetailsSource } from './details-source';
import { compileDetails, splitDetails } from '../dataset/compile';
import { articleUrlKey } from '../dataset/article-url';
import { detailsFor } from '../dataset/details';
import { loadDataset } from '../dataset/load';

for (const dir of ['assets/dataset', 'tests/fixtures/dataset-multi', 'tests/fixtures/dataset-linked']) {
  describe(`details per article (${dir})`, () => {
    const store = compileDetails(loadDataset(dir).dataset!);
    const { catalog, files } = splitDetails(store);
    const refs = [
      ...Object.keys(store.actors).map((id) => ({ type: 'actor' as const, id })),
      ...Object.keys(store.figures).map((id) => ({ type: 'figure' as const, id })),
    ];

    it('answers every match from its articles exactly as from the whole dataset', async () => {
      const source = createDetailsSource(catalog, async (id) => structuredClone(files[id]));
      for (const ref of refs) expect(await source.details(ref), `${ref.type}:${ref.id}`).toEqual(detailsFor(store, ref));
    });

    it('keeps statement texts out of the catalog', () => {
      const bundled = JSON.stringify(catalog);
      for (const s of Object.values(store.statements)) expect(bundled).not.toContain(s.quote);
    });
  });
}

describe('the details source', () => {
  const store = compileDetails(loadDataset('tests/fixtures/dataset-linked').dataset!);
  const { catalog, files } = splitDetails(store);
  const putin = { type: 'actor' as const, id: 'vladimir-putin' };

  it('loads only the articles a match draws on, once each', async () => {
    const reads: string[] = [];
    const source = createDetailsSource(catalog, async (id) => (reads.push(id), files[id]));
    await source.details({ type: 'figure', id: 'lk310105-troops-100000' });
    await source.details({ type: 'figure', id: 'lk310105-troops-100000' });
    expect(reads.sort()).toEqual(Object.keys(files).sort()); // every article gives a value of the measure
    const fresh: string[] = [];
    const other = createDetailsSource(catalog, async (id) => (fresh.push(id), files[id]));
    // The outlet reported a denial of what another outlet reported: both articles, no others.
    await other.details({ type: 'actor', id: 'north-herald' });
    expect(fresh.sort()).toEqual(['north-herald-2031-02-10-putin-denies', 'test-gazette-2031-01-05-troops-gather']);
  });

  it('links a dispute to the statement of another article it denies', async () => {
    const source = createDetailsSource(catalog, async (id) => files[id]);
    const d = (await source.details({ type: 'actor', id: 'antony-blinken' }))!;
    const dispute = d.disputes.find((x) => x.id === 'lk310210-putin-denies-100000')!;
    expect(d.statements[dispute.statement]!.article).toBe('test-gazette-2031-01-05-troops-gather');
    expect(d.statements[dispute.counter!]!.article).toBe('north-herald-2031-02-10-putin-denies');
  });

  it('rejects a malformed file and retries it on the next request', async () => {
    let broken = true;
    const source = createDetailsSource(catalog, async (id) =>
      broken ? { ...files[id], statements: [{ id: 'x', text: 42 }] } : files[id],
    );
    await expect(source.details(putin)).rejects.toThrow(/invalid details file/);
    broken = false;
    expect((await source.details(putin))!.said.length).toBe(4);
  });

  it('knows the page that is one of its articles, by its address', async () => {
    const source = createDetailsSource(catalog, async (id) => files[id]);
    const d = (await source.details(putin, 'http://127.0.0.1:4173/tests/fixtures/pages/linked-article.html?utm_source=x#top'))!;
    expect(d.page).toBe('test-gazette-2031-03-15-more-talks');
    expect((await source.details(putin, 'http://127.0.0.1:4173/other.html'))!.page).toBeUndefined();
  });

  it('takes "constructor" and "__proto__" for unknown ids', async () => {
    const source = createDetailsSource(catalog, async (id) => files[id]);
    for (const id of ['constructor', '__proto__', 'toString']) {
      expect(await source.details({ type: 'actor', id })).toBeNull();
      expect(await source.details({ type: 'figure', id })).toBeNull();
    }
  });

  it('gives weights and the disputed flag without loading anything', () => {
    const source = createDetailsSource(catalog, async () => {
      throw new Error('no read expected');
    });
    expect(source.weights([putin, { type: 'actor', id: 'constructor' }])).toEqual([
      { weight: 4 * 2 + 1 + 1 * 2, disputed: false },
      { weight: 0, disputed: false },
    ]);
  });
});

describe('articleUrlKey', () => {
  it.each([
    ['https://www.bbc.co.uk/news/world-europe-60454795', 'bbc.co.uk/news/world-europe-60454795'],
    ['http://bbc.co.uk/news/world-europe-60454795/?at_medium=RSS#x', 'bbc.co.uk/news/world-europe-60454795'],
    ['https://m.example.com/a/b/amp', 'example.com/a/b'],
    ['https://example.com:8443/a.amp', 'example.com/a'],
  ])('%s → %s', (url, key) => expect(articleUrlKey(url)).toBe(key));
  it('ignores what is not a web address', () => {
    expect(articleUrlKey('chrome://extensions')).toBeNull();
    expect(articleUrlKey('not a url')).toBeNull();
  });
});
