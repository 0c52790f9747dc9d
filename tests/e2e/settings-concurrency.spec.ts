/**
 * Settings have one writer: the popup, three options pages, the context menu, a keyboard
 * command and an import acting at the same moment lose nothing.
 *
 * Driven only through what a reader uses (the pages' controls, the menu and the command as the
 * browser dispatches them), so that the same test runs on any version of the storage. Each
 * writer acts at one agreed instant (a timer in its own page), not one after the other.
 *
 * Fails on commit c0a544f, where each page read, changed and wrote the settings itself: the
 * pause and the mode, written at once from two pages, left only one of them (and the keyboard
 * command for the site did not exist).
 */
import type { Page, Worker } from '@playwright/test';
import { OptionsObject } from '../support/pages/options';
import { PopupObject } from '../support/pages/popup';
import { expect, tabIdOf, test } from '../support/extension-test';

const DEMO = '/demo/news.html';
/** A third site name, served by the test (the context's own routes send everything else away). */
const THIRD = 'http://third.example';

/** Runs `act` in `page` at the wall-clock instant `at` (ms). */
function actAt(page: Page, at: number, act: string): Promise<void> {
  return page.evaluate(
    ([when, code]) =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          (document.querySelector(code) as HTMLElement).click();
          resolve();
        }, when - Date.now()),
      ),
    [at, act] as const,
  );
}

/**
 * Dispatches the context menu click on one tab and the site command on another at `at`, as the
 * browser would: with the tab's address, which a real click or key press grants (`activeTab`)
 * and `tabs.get` alone does not.
 */
function browserActsAt(sw: Worker, at: number, menuTab: [number, string], commandTab: [number, string]): Promise<void> {
  return sw.evaluate(
    ([when, menu, command]) =>
      new Promise<void>((resolve) =>
        setTimeout(async () => {
          type Tab = { url?: string };
          type Dispatch = { dispatch(...args: unknown[]): void };
          const c = (globalThis as unknown as { chrome: { tabs: { get(id: number): Promise<Tab> }; contextMenus: { onClicked: Dispatch }; commands: { onCommand: Dispatch } } }).chrome;
          const [menuTabInfo, commandTabInfo] = await Promise.all([
            c.tabs.get(menu[0]).then((t) => ({ ...t, url: menu[1] })),
            c.tabs.get(command[0]).then((t) => ({ ...t, url: command[1] })),
          ]);
          c.contextMenus.onClicked.dispatch({ menuItemId: 'newslens-site-toggle', pageUrl: menuTabInfo.url, editable: false }, menuTabInfo);
          c.commands.onCommand.dispatch('toggle-site', commandTabInfo);
          resolve();
        }, when - Date.now()),
      ),
    [at, menuTab, commandTab] as const,
  );
}

/** What an options page shows: mode, pause and sites (what a reader would check). */
async function shown(options: OptionsObject): Promise<{ mode: string | null; paused: boolean; sites: Record<string, string> }> {
  return {
    mode: await options.page.locator('[data-testid^="mode-"]:checked').getAttribute('data-testid'),
    paused: await options.page.getByTestId('pause').isChecked(),
    sites: await options.sites(),
  };
}

test('the popup, options pages, the context menu, a keyboard command and an import at once lose nothing', async ({ context, extensionId, serviceWorker, site, openPage }) => {
  const host = (origin: string) => new URL(origin).hostname;
  const [a, b, c] = [host(site.a), host(site.b), host(THIRD)];

  // The starting point, set as a reader would: a on, b and c off.
  const setup = await OptionsObject.open(context, extensionId);
  await setup.addSite(a, 'on');
  await setup.addSite(b, 'off');
  await setup.addSite(c, 'off');
  await expect.poll(() => setup.sites()).toEqual({ [a]: 'on', [b]: 'off', [c]: 'off' });

  const pageA = await openPage(DEMO, 5);
  const pageB = await context.newPage();
  await pageB.goto(site.b + DEMO);
  const demo = await (await pageA.request.get(site.a + DEMO)).text();
  const pageC = await context.newPage();
  await pageC.route(`${THIRD}/**`, (route) => route.fulfill({ contentType: 'text/html', body: demo }));
  await pageC.goto(`${THIRD}/news.html`);
  const tabOf = async (page: Page) => {
    let id = -1;
    await expect.poll(async () => (id = await tabIdOf(serviceWorker, page.url()).catch(() => -1))).toBeGreaterThan(0);
    return id;
  };
  const [tabA, tabB, tabC] = [await tabOf(pageA), await tabOf(pageB), await tabOf(pageC)];

  const popup = await PopupObject.open(context, extensionId, tabA);
  await expect(popup.siteSwitch).toBeChecked();
  const [pauser, moder, adder] = [await OptionsObject.open(context, extensionId), await OptionsObject.open(context, extensionId), await OptionsObject.open(context, extensionId)];
  await adder.page.getByTestId('add-site').fill('added.example');

  // All at once: a off from the popup, the pause, the mode, a new site, b and c switched by the menu and the command.
  const at = Date.now() + 500;
  await Promise.all([
    actAt(popup.page, at, '[data-testid="site-switch"]'),
    actAt(pauser.page, at, '[data-testid="pause"]'),
    actAt(moder.page, at, '[data-testid="mode-everywhere"]'),
    actAt(adder.page, at, '[data-testid="add-on"]'),
    browserActsAt(serviceWorker, at, [tabB, pageB.url()], [tabC, pageC.url()]),
  ]);
  const expected = { mode: 'mode-everywhere', paused: true, sites: { [a]: 'off', [b]: 'on', [c]: 'on', 'added.example': 'on' } };
  const check = await OptionsObject.open(context, extensionId);
  await expect.poll(() => shown(check), { timeout: 5_000 }).toEqual(expected);

  // An import and a site added at the same moment: the result is one of the two orders, never a mix.
  const file = {
    format: 'newslens-settings',
    version: 1,
    exported: new Date().toISOString(),
    settings: { mode: 'listed', paused: false },
    sites: { 'imported.example': 'on' },
  };
  await adder.page.getByTestId('add-site').fill('late.example');
  const importAt = Date.now() + 500;
  await Promise.all([
    check.page.evaluate(
      ([when, contents]) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            const input = document.querySelector('[data-testid="import-settings"]') as HTMLInputElement;
            const files = new DataTransfer();
            files.items.add(new File([contents], 'settings.json', { type: 'application/json' }));
            input.files = files.files;
            input.dispatchEvent(new Event('change', { bubbles: true }));
            resolve();
          }, when - Date.now()),
        ),
      [importAt, JSON.stringify(file)] as const,
    ),
    actAt(adder.page, importAt, '[data-testid="add-on"]'),
  ]);
  const importLast = { mode: 'mode-listed', paused: false, sites: { 'imported.example': 'on' } };
  const addLast = { ...importLast, sites: { 'imported.example': 'on', 'late.example': 'on' } };
  const either = async () => {
    const now = await shown(check);
    const key = JSON.stringify({ ...now, sites: sorted(now.sites) });
    return key === JSON.stringify(importLast) || key === JSON.stringify(addLast);
  };
  await expect.poll(either, { timeout: 5_000 }).toBe(true);
  // And it stays so: nothing lands late.
  await check.page.waitForTimeout(500);
  expect(await either()).toBe(true);
});

function sorted(sites: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(sites).sort(([x], [y]) => x.localeCompare(y)));
}
