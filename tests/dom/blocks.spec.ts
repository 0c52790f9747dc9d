/**
 * src/page/blocks.ts and its parts (with the matcher) in real Chromium: pages set with `setContent`, our
 * modules bundled by esbuild and added as a script, results read with `page.evaluate`.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { launchPlainChromium } from '../support/chromium';
import type { MatchIndex } from '../../src/dataset/compiled';
import { bundleModules } from '../support/dom-bundle';

type Api = {
  blocks: typeof import('../../src/page/blocks');
  reader: typeof import('../../src/page/block-reader');
  ranges: typeof import('../../src/page/block-ranges');
  kinds: typeof import('../../src/page/block-kinds');
  matcher: typeof import('../../src/matching/matcher');
  ambiguity: typeof import('../../src/matching/ambiguity');
};
declare global {
  interface Window {
    NLT: Api;
  }
}

const INDEX: MatchIndex = {
  version: 'dom-test',
  actors: [
    { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' },
    { id: 'boris-johnson', name: 'Boris Johnson', kind: 'person' },
    { id: 'elysee', name: 'Élysée', kind: 'government' },
    { id: 'nato', name: 'NATO', kind: 'organisation' },
  ],
  aliases: [
    { text: 'Vladimir Putin', actor: 0, safe: true, caseSensitive: false },
    { text: 'Putin', actor: 0, safe: true, caseSensitive: false },
    { text: 'Boris Johnson', actor: 1, safe: true, caseSensitive: false },
    { text: 'Johnson', actor: 1, safe: false, caseSensitive: false },
    { text: 'Élysée', actor: 2, safe: true, caseSensitive: false },
    { text: 'NATO', actor: 3, safe: true, caseSensitive: true },
  ],
  figures: [
    { id: 'troops-190k', value: 190000, unitTerms: ['troops'], percent: false, measureKey: 'troops' },
  ],
};

/** What a scan of the page found: block texts, and each kept match read back through its DOM range. */
interface Scan {
  blocks: { text: string; shadow: boolean; container: string }[];
  matches: { range: string; text: string; type: string; name: string; shadow: boolean }[];
}

let browser: Browser;
let script: string;

test.beforeAll(async () => {
  script = await bundleModules(
    {
      blocks: 'src/page/blocks.ts',
      reader: 'src/page/block-reader.ts',
      ranges: 'src/page/block-ranges.ts',
      kinds: 'src/page/block-kinds.ts',
      matcher: 'src/matching/matcher.ts',
      ambiguity: 'src/matching/ambiguity.ts',
    },
    'NLT',
  );
  browser = await launchPlainChromium();
});

test.afterAll(async () => {
  await browser?.close();
});

async function open(html: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`);
  await page.addScriptTag({ content: script });
  return page;
}

/** Blocks, matches, ambiguity resolution and DOM ranges, as the content script will chain them. */
async function scan(page: Page): Promise<Scan> {
  return page.evaluate((index) => {
    const { blocks: B, ranges: R, matcher: M, ambiguity: A } = window.NLT;
    const closed = (window as unknown as { closedRoots?: WeakMap<Element, ShadowRoot> }).closedRoots;
    const blocks = B.collectBlocks(document, {
      skip: (el) => el.localName === 'newslens-ui',
      shadowRootOf: (el) => el.shadowRoot ?? closed?.get(el) ?? null,
    });
    const matcher = M.createMatcher(index);
    const kept = A.resolveAmbiguous(blocks.map((b) => matcher.find(b.text)), index);
    const matches: Scan['matches'] = [];
    kept.forEach((list, i) => {
      const block = blocks[i]!;
      for (const m of list) {
        const r = R.rangeFor(block, m.start, m.end);
        if (!r) throw new Error(`no range for ${block.text.slice(m.start, m.end)}`);
        const range = new StaticRange({
          startContainer: r.startNode,
          startOffset: r.startOffset,
          endContainer: r.endNode,
          endOffset: r.endOffset,
        });
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        matches.push({
          range: live.toString(),
          text: block.text.slice(m.start, m.end),
          type: m.type,
          name: m.type === 'actor' ? index.actors[m.ref]!.name : index.figures[m.ref]!.id,
          shadow: block.root !== document,
        });
      }
    });
    return {
      blocks: blocks.map((b) => ({
        text: b.text,
        shadow: b.root !== document,
        container: (b.container as Element).localName ?? b.container.nodeName,
      })),
      matches,
    };
  }, INDEX);
}

const strip = (s: string): string => s.replace(/[\u00ad\u200b]/g, '');

test('a name split across inline markup is one match, and its range reads back as the name', async () => {
  const page = await open(
    '<p>Yesterday Vladimir <a href="#">Putin</a>’s envoy met <em>Boris</em> <strong>John</strong>son.</p>',
  );
  const { blocks, matches } = await scan(page);
  expect(blocks.map((b) => b.text)).toEqual(['Yesterday Vladimir Putin’s envoy met Boris Johnson.']);
  expect(matches.map((m) => [m.name, m.range])).toEqual([
    ['Vladimir Putin', 'Vladimir Putin'],
    ['Boris Johnson', 'Boris Johnson'],
  ]);
  await page.close();
});

test('<br> keeps words apart; a nested block ends the block around it', async () => {
  const page = await open('<p>Putin<br>said</p><div>Vladimir<p>Putin</p>Johnson</div><p>Vladimir<br>Putin</p>');
  const { blocks, matches } = await scan(page);
  expect(blocks.map((b) => [b.text, b.container])).toEqual([
    ['Putin\nsaid', 'p'],
    ['Vladimir', 'div'],
    ['Putin', 'p'],
    ['Johnson', 'div'],
    ['Vladimir\nPutin', 'p'],
  ]);
  // "Johnson" alone is unsafe and the page never says "Boris Johnson": dropped. A <br> is a
  // line break inside the flow, so a name broken by one is still one name.
  expect(matches.map((m) => m.range)).toEqual(['Putin', 'Putin', 'VladimirPutin']);
  expect(matches.map((m) => m.text)).toEqual(['Putin', 'Putin', 'Vladimir\nPutin']);
  const segments = await page.evaluate(() => {
    const [block] = window.NLT.blocks.collectBlocks(document.body);
    return block!.segments.map((s) => [s.node ? s.node.data : null, s.start, s.end]);
  });
  expect(segments).toEqual([
    ['Putin', 0, 5],
    [null, 5, 6],
    ['said', 6, 10],
  ]);
  await page.close();
});

test('skipped subtrees contribute no text; kept ones do', async () => {
  const page = await open(`
    <p>keep-p Putin</p>
    <script>/* skip-script Putin */</script>
    <style>/* skip-style */</style>
    <noscript>skip-noscript Putin</noscript>
    <template><p>skip-template Putin</p></template>
    <textarea>skip-textarea Putin</textarea>
    <input value="skip-input Putin">
    <select><option>skip-option Putin</option></select>
    <button>skip-button Putin</button>
    <p>see <code>skip-code putin</code> and</p>
    <pre>skip-pre Putin</pre>
    <svg><text>skip-svg Putin</text></svg>
    <div hidden>skip-hidden Putin</div>
    <div hidden="until-found">keep-until-found Putin</div>
    <div aria-hidden="true">keep-aria-hidden Putin</div>
    <div contenteditable>skip-editable Putin <span contenteditable="false">skip-editable-inner</span></div>
    <div contenteditable="plaintext-only">skip-plaintext-only Putin</div>
    <p contenteditable="false">keep-not-editable Putin</p>
    <newslens-ui><p>skip-own-ui Putin</p></newslens-ui>
    <ruby>漢<rt>skip-rt</rt>字</ruby>
    <iframe srcdoc="<p>skip-iframe Putin</p>"></iframe>
    <p>keep-last <img alt="x">Putin</p>`);
  const { blocks, matches } = await scan(page);
  const all = blocks.map((b) => b.text).join('|');
  expect(all).not.toMatch(/skip-/);
  for (const marker of ['keep-p', 'keep-until-found', 'keep-aria-hidden', 'keep-not-editable', 'keep-last', '漢字']) {
    expect(all).toContain(marker);
  }
  // The code element leaves a space, so "see" and "and" stay apart.
  expect(blocks.map((b) => b.text)).toContain('see   and');
  expect(matches.filter((m) => m.name === 'Vladimir Putin')).toHaveLength(5);
  await page.close();
});

test('a subtree under a skipped ancestor, and a document in designMode, give no blocks', async () => {
  const page = await open('<pre><span id="inner">Putin</span></pre><div contenteditable><p id="edit">Putin</p></div><p>Putin</p>');
  const counts = await page.evaluate(() => {
    const B = window.NLT.blocks;
    const before = B.collectBlocks(document).length;
    const inner = B.collectBlocks(document.getElementById('inner')!).length;
    const edit = B.collectBlocks(document.getElementById('edit')!).length;
    document.designMode = 'on';
    const design = B.collectBlocks(document).length;
    return { before, inner, edit, design };
  });
  expect(counts).toEqual({ before: 1, inner: 0, edit: 0, design: 0 });
  await page.close();
});

test('open shadow roots are walked as trees of their own; slotted text stays in the light tree', async () => {
  const page = await open('<p>Before</p><news-card><span slot="a">Boris Johnson slotted</span><span>Johnson unslotted</span></news-card><closed-card></closed-card>');
  await page.evaluate(() => {
    const host = document.querySelector('news-card')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<h2>Vladimir Putin in shadow</h2><div><slot name="a"></slot></div><slot name="b"><p>fallback Johnson</p></slot>';
    const nested = document.createElement('inner-card');
    root.append(nested);
    nested.attachShadow({ mode: 'open' }).innerHTML = '<p>Élysée nested shadow</p>';
    const closedHost = document.querySelector('closed-card')!;
    const closed = closedHost.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<p>NATO closed shadow</p>';
    (window as unknown as { closedRoots: WeakMap<Element, ShadowRoot> }).closedRoots = new WeakMap([[closedHost, closed]]);
  });
  const { blocks, matches } = await scan(page);
  expect(blocks.map((b) => [b.text, b.shadow])).toEqual([
    ['Before', false],
    ['Boris Johnson slotted', false],
    ['Vladimir Putin in shadow', true],
    ['fallback Johnson', true],
    ['NATO closed shadow', true],
    ['Élysée nested shadow', true],
  ]);
  expect(matches.map((m) => [m.range, m.shadow])).toEqual([
    ['Boris Johnson', false],
    ['Vladimir Putin', true],
    ['Johnson', true],
    ['NATO', true],
    ['Élysée', true],
  ]);
  const withoutClosed = await page.evaluate(() => window.NLT.blocks.collectBlocks(document).map((b) => b.text));
  expect(withoutClosed).not.toContain('NATO closed shadow');
  await page.close();
});

test('soft hyphens, zero-width characters and folded whitespace inside names', async () => {
  const page = await open(
    '<p>Pu&shy;tin met Vla\u200Bdimir Pu<wbr>tin at the Ely&shy;see.</p><p>VLADIMIR\n        PUTIN&nbsp;said</p>',
  );
  const { matches } = await scan(page);
  expect(matches.map((m) => strip(m.range))).toEqual(['Putin', 'Vladimir Putin', 'Elysee', 'VLADIMIR\n        PUTIN']);
  expect(matches.map((m) => m.range)).toEqual(matches.map((m) => m.text));
  await page.close();
});

test('figures across inline markup, with their qualifier and unit', async () => {
  const page = await open('<p>Russia has massed up to <b>190,000</b> Russian troops, <i>NATO</i> says.</p>');
  const { matches } = await scan(page);
  expect(matches.map((m) => [m.type, m.range])).toEqual([
    ['figure', 'up to 190,000 Russian troops'],
    ['actor', 'NATO'],
  ]);
  await page.close();
});

test('ranges paint as CSS highlights, and a stale segment gives no range', async () => {
  const page = await open('<p id="p">Boris Johnson told <span>Vladimir Putin</span> no.</p>');
  const result = await page.evaluate((index) => {
    const { blocks: B, ranges: R, matcher: M } = window.NLT;
    const [block] = B.collectBlocks(document.body);
    const matches = M.createMatcher(index).find(block!.text);
    const ranges = matches.map((m) => {
      const r = R.rangeFor(block!, m.start, m.end)!;
      return new StaticRange({ startContainer: r.startNode, startOffset: r.startOffset, endContainer: r.endNode, endOffset: r.endOffset });
    });
    CSS.highlights.set('newslens-test', new Highlight(...ranges));
    const painted = CSS.highlights.get('newslens-test')!.size;
    const empty = R.rangeFor(block!, 0, 0);
    (document.querySelector('span')!.firstChild as Text).data = 'Emmanuel Macron';
    const stale = R.rangeFor(block!, matches[1]!.start, matches[1]!.end);
    const stillFresh = R.rangeFor(block!, matches[0]!.start, matches[0]!.end);
    return { painted, empty, stale, stillFresh: stillFresh !== null };
  }, INDEX);
  expect(result).toEqual({ painted: 2, empty: null, stale: null, stillFresh: true });
  await page.close();
});

test('blockContainer gives where to rescan after a mutation, so the block is read whole', async () => {
  const page = await open('<div><p id="p">Vladimir <b>then</b></p></div>');
  const result = await page.evaluate((index) => {
    const { blocks: B, kinds: K, matcher: M } = window.NLT;
    const added = document.createElement('a');
    added.textContent = 'Putin';
    document.querySelector('b')!.replaceWith(added);
    const matcher = M.createMatcher(index);
    const names = (root: Node) => B.collectBlocks(root).flatMap((b) => matcher.find(b.text).map((m) => b.text.slice(m.start, m.end)));
    const container = K.blockContainer(added.firstChild!);
    return {
      container: (container as Element).id,
      fromAdded: names(added),
      fromContainer: names(container),
      detached: K.blockContainer(document.createElement('span')).nodeName,
    };
  }, INDEX);
  expect(result).toEqual({ container: 'p', fromAdded: ['Putin'], fromContainer: ['Vladimir Putin'], detached: 'SPAN' });
  await page.close();
});

test('iterateBlocks yields one block at a time, so a caller can slice its work', async () => {
  const page = await open(Array.from({ length: 50 }, (_, i) => `<p>Paragraph ${i} about Putin.</p>`).join(''));
  const slices = await page.evaluate(() => {
    const it = window.NLT.blocks.iterateBlocks(document);
    const sizes: number[] = [];
    for (;;) {
      let n = 0;
      let done = false;
      while (n < 20) {
        const step = it.next();
        if (step.done) {
          done = true;
          break;
        }
        n++;
      }
      sizes.push(n);
      if (done) return sizes;
    }
  });
  expect(slices).toEqual([20, 20, 10]);
  await page.close();
});

test('a block of very many nodes can be read a little at a time, and reads the same', async () => {
  const words = Array.from({ length: 3000 }, (_, i) => (i % 500 === 250 ? 'Vladimir <b>Putin</b>' : `w${i}`)).join(' <i>·</i> ');
  const page = await open(`<p>Before.</p><p id="long">${words}</p><p>After <em>Putin</em>.</p>`);
  const result = await page.evaluate(() => {
    const { blocks: B, reader: R } = window.NLT;
    const whole = B.collectBlocks(document).map((b) => ({ text: b.text, segments: b.segments.length }));
    const reader = new R.BlockReader(document);
    const piecewise: { text: string; segments: number }[] = [];
    let pauses = 0;
    for (;;) {
      const block = reader.nextWithin(7);
      if (block === null) break;
      if (block === undefined) {
        pauses++;
        continue;
      }
      piecewise.push({ text: block.text, segments: block.segments.length });
    }
    return { whole, piecewise, pauses };
  });
  expect(result.piecewise).toEqual(result.whole);
  expect(result.whole).toHaveLength(3);
  // About 9,000 nodes in the long paragraph, 7 at a time.
  expect(result.pauses).toBeGreaterThan(1000);
});
