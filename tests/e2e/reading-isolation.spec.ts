/**
 * The card lives in a shadow root: a page's styles cannot reach it, its styles cannot reach the
 * page, and dataset text is always text.
 */
import type { Page } from '@playwright/test';
import { launchPlainChromium } from '../support/chromium';
import type { Details } from '../../src/dataset/compiled';
import { bundleModules } from '../support/dom-bundle';
import { CardObject } from '../support/pages/card';
import { expect, test, waitForHighlights } from '../support/extension-test';
import { AGGRESSIVE, ARTICLE } from '../support/browser-events';

const PROPS = [
  'display',
  'visibility',
  'opacity',
  'color',
  'background-color',
  'font-size',
  'font-family',
  'font-style',
  'line-height',
  'letter-spacing',
  'text-transform',
  'border-left-color',
] as const;
const PARTS = ['[role="dialog"]', '.nl-name', '.nl-role', '.nl-close', '.nl-statement .nl-who strong', '.nl-claim .nl-text', '.nl-claim .nl-chain', '.nl-sources a'];

/** Computed styles of the card's parts, read inside its shadow root. */
function cardStyles(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(
    ([parts, props]) => {
      const root = document.querySelector('newslens-ui')!.shadowRoot!;
      const out: Record<string, Record<string, string>> = {};
      for (const sel of parts) {
        const el = root.querySelector(sel);
        if (!el) throw new Error(`no ${sel} in the card`);
        const cs = getComputedStyle(el);
        out[sel] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      }
      return out;
    },
    [PARTS, PROPS] as const,
  );
}

test('no page style reaches the card, however aggressive', async ({ context, site }) => {
  const calm = await context.newPage();
  // No fade-in: styles are compared at rest.
  await calm.emulateMedia({ reducedMotion: 'reduce' });
  await calm.goto(site.a + ARTICLE);
  await waitForHighlights(calm, 5);
  const calmCard = new CardObject(calm);
  await calmCard.hover('Antony Blinken');
  await calmCard.expectOpen('Antony Blinken');
  const expected = await cardStyles(calm);

  const page = await context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(site.a + AGGRESSIVE);
  await waitForHighlights(page, 3);
  const card = new CardObject(page);
  await card.hover('Antony Blinken');
  await card.expectOpen('Antony Blinken');
  expect(await cardStyles(page)).toEqual(expected);
  // Visible where it should be, with its text legible: not red, not 40px.
  const box = await card.box();
  expect(box.width).toBeGreaterThan(200);
  expect(box.height).toBeGreaterThan(80);
  expect(expected['.nl-name']!['font-size']).toBe('16px');
});

test("the card's styles do not reach the page", async ({ openPage }) => {
  const page = await openPage(ARTICLE, 5);
  const snapshot = () =>
    page.evaluate(
      (props) =>
        [...document.body.querySelectorAll('*')].map((el) => {
          const cs = getComputedStyle(el);
          return `${el.tagName}:${props.map((p) => cs.getPropertyValue(p)).join('|')}`;
        }),
      [...PROPS, 'box-sizing', 'margin-top', 'padding-left', 'list-style-type', 'border-top-width'],
    );
  const before = await snapshot();
  const sheets = await page.evaluate(() => document.styleSheets.length);
  const card = new CardObject(page);
  await card.hover('Vladimir Putin');
  await card.expectOpen('Vladimir Putin');
  expect(await snapshot()).toEqual(before);
  expect(await page.evaluate(() => document.styleSheets.length)).toBe(sheets);
});

test('dataset text is always text, never markup', async () => {
  // The card component rendered in a plain page with a dataset whose every string is markup.
  const script = await bundleModules({ card: 'src/ui/Card.tsx', preact: 'node_modules/preact/dist/preact.mjs' }, 'NLCard');
  const browser = await launchPlainChromium();
  try {
    const page = await browser.newPage();
    const alerts: string[] = [];
    page.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    await page.setContent('<!doctype html><div id="root"></div>');
    await page.addScriptTag({ content: script });
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>';
    const statement = {
      id: 's1',
      article: 'a1',
      speaker: 'x',
      text: evil,
      kind: 'direct-quote',
      verb: evil,
      attribution: [{ actor: 'x', relation: 'told' }, { actor: 'm', relation: 'reported' }],
      sourceStatus: 'unnamed',
      about: [],
      figures: [],
      quote: evil,
    };
    const details: Details = {
      ref: { type: 'actor', id: 'x' },
      actor: { id: 'x', name: evil, kind: 'person', role: evil, description: evil },
      said: [statement as Details['said'][number]],
      about: [],
      reported: [],
      disputes: [{ id: 'd1', article: 'a1', statement: 's1', by: 'x', how: 'denies', summary: evil, quote: evil }],
      related: [],
      actors: { x: { id: 'x', name: evil, kind: 'person' }, m: { id: 'm', name: evil, kind: 'media' } },
      articles: { a1: { id: 'a1', title: evil, publisher: 'm', publisherName: evil, url: 'javascript:alert(3)', published: '2022-02-20', language: 'en' } },
      statements: {},
    };
    const result = await page.evaluate((d) => {
      const api = (window as unknown as { NLCard: { card: typeof import('../../src/ui/Card'); preact: typeof import('preact') } }).NLCard;
      const root = document.getElementById('root')!;
      api.preact.render(
        api.preact.h(api.card.Card, {
          details: d,
          position: { left: 0, top: 0, maxHeight: null, side: null },
          onClose: () => {},
          onPointerEnter: () => {},
          onPointerLeave: () => {},
        }),
        root,
      );
      return {
        injected: root.querySelectorAll('img, script, b').length,
        text: root.textContent ?? '',
        hrefs: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      };
    }, details);
    expect(result.injected).toBe(0);
    expect(result.text).toContain(evil);
    expect(alerts).toEqual([]);
    // A dataset URL becomes a link only if it is http(s).
    expect(result.hrefs.every((h) => h === null || !h.startsWith('javascript:'))).toBe(true);
  } finally {
    await browser.close();
  }
});
