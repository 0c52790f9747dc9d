/**
 * The four user paths of the whole loop (highlight → hover card → popup → per-site switch),
 * against the built Firefox (MV2) extension in Firefox ESR, headless over WebDriver BiDi.
 * The same paths as tests/e2e/loop.spec.ts in Chromium; run with `npm run test:firefox`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CardObject } from '../support/firefox/card';
import { PopupObject } from '../support/firefox/popup';
import { DEMO, allHighlighted, highlightedTexts, openFirefox, poll, waitForHighlights } from '../support/firefox/session';

const PEOPLE = ['Vladimir Putin', 'Emmanuel Macron', 'Joe Biden', 'Antony Blinken', 'Sergei Lavrov', 'Boris Johnson', 'Oleksii Reznikov'];
/** Longer than the card's open delay plus its close grace period (src/page/hover-card.ts). */
const PAST_GRACE_MS = 600;
const TIMEOUT = 90_000;
const FRAMES = '/tests/fixtures/hostile/frames.html';

test('names from the dataset are highlighted and the page DOM is not changed', { timeout: TIMEOUT }, async (t) => {
  const ff = await openFirefox(t);
  const page = await ff.browser.newPage();
  // Record every DOM mutation from before any script of the page or the extension runs.
  await page.evaluateOnNewDocument(() => {
    const log: string[] = [];
    (window as unknown as { __mutations: string[] }).__mutations = log;
    new MutationObserver((records) => {
      for (const r of records) {
        const added = [...r.addedNodes].map((n) => n.nodeName).join(',');
        const removed = [...r.removedNodes].map((n) => n.nodeName).join(',');
        log.push(`${r.type}:${r.target.nodeName}:+${added}:-${removed}:${r.attributeName ?? ''}`);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    // The parser's own insertions end here; the extension starts later (document_idle).
    document.addEventListener('DOMContentLoaded', () => void log.splice(0), { once: true, capture: true });
  });
  await page.goto(ff.site.a + DEMO);
  await page.bringToFront();
  const before = await page.evaluate(() => document.body.innerHTML);
  await waitForHighlights(page, 10);

  const texts = await allHighlighted(page);
  for (const name of PEOPLE) assert.ok(texts.includes(name), `${name} is highlighted`);
  // Longest match first: "Vladimir Putin" is one highlight, and the bare "Putin" elsewhere is one too.
  assert.ok(texts.filter((x) => x === 'Putin').length >= 2, 'bare "Putin" highlighted at least twice');
  assert.ok(!texts.includes('Vladimir'), '"Vladimir" is never a highlight of its own');
  // Possessive: "Russia's" is highlighted as "Russia".
  assert.ok(texts.includes('Russia'));
  const groups = await highlightedTexts(page);
  assert.ok((groups['newslens-figure'] ?? []).some((x) => x.includes('190,000')), 'the 190,000 figure is highlighted');

  // Not one change to the page's own DOM.
  const mutations = () => page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);
  assert.equal(await page.evaluate(() => document.body.innerHTML), before);
  assert.deepEqual(await mutations(), []);

  // Hovering adds exactly one element: the extension's UI host, holding a shadow root.
  const card = new CardObject(page);
  await card.hover('Vladimir Putin');
  await card.waitOpen('Vladimir Putin');
  assert.deepEqual(await mutations(), ['childList:HTML:+NEWSLENS-UI:-:']);
  assert.equal(await page.evaluate(() => document.querySelector('newslens-ui')?.shadowRoot instanceof ShadowRoot), true);
  assert.equal(await page.evaluate(() => document.body.innerHTML), before);
  assert.deepEqual(ff.outbound, [], 'no request left the machine');
});

test('hovering a name opens its card; the card stays while pointed at, and closes on Escape or leaving', { timeout: TIMEOUT }, async (t) => {
  const ff = await openFirefox(t);
  const page = await ff.open(ff.site.a + DEMO);
  await waitForHighlights(page, 10);
  const card = new CardObject(page);

  await card.hover('Antony Blinken');
  const open = await card.waitOpen('Antony Blinken');
  // What they are, and a statement with its attribution.
  assert.match(open.role ?? '', /Secretary of State/);
  assert.ok(open.statements.length > 0, 'at least one statement');
  assert.notEqual(open.statements[0]!.text, '');
  // The dataset holds many articles: the chain ends with the publisher of the statement's own.
  assert.match(open.statements[0]!.chain, /reported by \S/);

  // Onto the card: it stays open past the close grace period.
  await page.mouse.move(open.box.x + open.box.width / 2, open.box.y + 12, { steps: 4 });
  await new Promise((r) => setTimeout(r, PAST_GRACE_MS));
  assert.equal((await card.read())?.name, 'Antony Blinken', 'the card stays open while pointed at');

  // Escape closes it.
  await page.keyboard.press('Escape');
  await card.waitClosed();

  // Leaving both the name and the card closes it.
  await card.hover('Boris Johnson');
  await card.waitOpen('Boris Johnson');
  await page.mouse.move(5, 5, { steps: 3 });
  await card.waitClosed();
  assert.deepEqual(ff.outbound, [], 'no request left the machine');
});

test('the popup lists what matched with counts, and expands to statements, attribution and disputes', { timeout: TIMEOUT }, async (t) => {
  const ff = await openFirefox(t);
  const page = await ff.open(ff.site.a + DEMO);
  await waitForHighlights(page, 10);
  const popup = await PopupObject.open(ff, page.url());

  const rows = await popup.matches();
  const putin = rows.find((r) => r.ref === 'actor:vladimir-putin');
  assert.ok(putin, 'Vladimir Putin is listed');
  const onPage = (await allHighlighted(page)).filter((x) => x === 'Vladimir Putin' || x === 'Putin').length;
  assert.equal(putin.count, onPage, 'the count is the number of highlights of Putin on the page');
  assert.ok(rows.some((r) => r.group === 'group_figures'), 'figures are listed');

  const statements = await popup.expand('actor:vladimir-putin');
  assert.ok(statements.length > 0);
  // Putin's statements come from several articles; the BBC's are among them.
  assert.ok(statements.some((s) => /BBC/.test(s.chain)), 'a statement reported by the BBC');
  // A disputed statement shows who disputes it, side by side: the Kremlin's account, which Ukraine rejects.
  const disputed = statements.find((s) => s.disputes.length > 0 && /Kremlin/.test(s.chain));
  assert.ok(disputed, 'one of the statements is disputed');
  assert.match(disputed.disputes.join(' '), /Ukraine|Kyiv/);

  // The toolbar badge (browserAction in MV2) shows the page's match count.
  const total = (await allHighlighted(page)).length;
  await poll(() => popup.badge(), (x) => x === String(total), `badge "${total}"`);
  assert.deepEqual(ff.outbound, [], 'no request left the machine');
});

test('switching a site off removes its highlights in every tab at once, survives reload, and spares other sites', { timeout: TIMEOUT }, async (t) => {
  const ff = await openFirefox(t);
  const a1 = await ff.open(ff.site.a + DEMO);
  const a2 = await ff.open(`${ff.site.a}${DEMO}?second`);
  const b = await ff.open(ff.site.b + DEMO);
  for (const p of [a1, a2, b]) await waitForHighlights(p, 10);

  let popup = await PopupObject.open(ff, a1.url());
  await popup.setSite(false);
  for (const p of [a1, a2]) await poll(() => allHighlighted(p), (x) => x.length === 0, `no highlights on ${p.url()}`);
  assert.ok((await allHighlighted(b)).length > 10, 'the other site keeps its highlights');
  await poll(() => popup.badge(), (x) => x === 'off', 'badge "off"');

  // After a reload the content script runs again, decides "off" and paints nothing.
  await a1.reload();
  const state = await poll(() => popup.pageState(), (s) => s?.url === a1.url() && s.status === 'off', 'the reloaded page to decide');
  assert.equal(state?.decision.reason, 'site-off');
  assert.deepEqual(await allHighlighted(a1), []);

  popup = await popup.reopen(ff);
  assert.equal(await popup.siteSwitch(), false, 'the popup shows the site as off');
  await popup.setSite(true);
  for (const p of [a1, a2]) await waitForHighlights(p, 10);
  assert.ok((await allHighlighted(b)).length > 10);
  assert.deepEqual(ff.outbound, [], 'no request left the machine');
});

test('a same-origin frame is highlighted (the background injects the engine there); a cross-origin frame is not', { timeout: TIMEOUT }, async (t) => {
  const ff = await openFirefox(t);
  const page = await ff.open(ff.site.a + FRAMES);
  // Not a news page by its markup: switch its site on.
  await (await PopupObject.open(ff, page.url())).setSite(true);
  await page.bringToFront();
  await waitForHighlights(page);
  const inFrame = async (query: string) => {
    const frame = page.frames().find((f) => f.url().endsWith(query));
    if (!frame) return [];
    return frame.evaluate(() => [...CSS.highlights].filter(([name]) => name.startsWith('newslens-')).flatMap(([, group]) => [...group].map((r) => (r as Range).toString())));
  };
  const same = await poll(() => inFrame('?same'), (x) => x.length > 0, 'highlights in the same-origin frame');
  assert.ok(same.includes('Vladimir Putin'), `the frame's own names: ${same.join(', ')}`);
  await poll(() => page.frames().find((f) => f.url().endsWith('?cross'))?.evaluate(() => document.readyState) ?? Promise.resolve(''), (s) => s === 'complete', 'the cross-origin frame to load');
  assert.deepEqual(await inFrame('?cross'), []);
  assert.deepEqual(ff.outbound, [], 'no request left the machine');
});
