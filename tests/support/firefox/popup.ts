/**
 * The toolbar popup in Firefox, opened in a tab at moz-extension://<uuid>/popup.html?tab=<id>.
 * Being an extension page, it is also where tests ask the content scripts for their state.
 */
import type { Page } from 'puppeteer-core';
import { firefoxTabIdOf, gotoExtensionPage, waitInPage } from '../launch-firefox';
import type { PageState } from '../../../src/messaging/protocol';
import type { FirefoxSession } from './session';

type Ref = `${'actor' | 'figure'}:${string}`;

export class PopupObject {
  private constructor(
    readonly page: Page,
    readonly tabId: number,
  ) {}

  /** Opens the popup in a new tab for the tab showing `pageUrl`. */
  static async open(session: FirefoxSession, pageUrl: string): Promise<PopupObject> {
    const page = await session.browser.newPage();
    // First as a plain extension page, to find the tab's id, then for that tab.
    await gotoExtensionPage(page, `${session.extensionOrigin}/popup.html`);
    const tabId = await firefoxTabIdOf(page, pageUrl);
    await gotoExtensionPage(page, `${session.extensionOrigin}/popup.html?tab=${tabId}`);
    await page.bringToFront();
    return new PopupObject(page, tabId);
  }

  /** Closes this popup and opens it again for the same tab, as a reader reopens it. */
  async reopen(session: FirefoxSession): Promise<PopupObject> {
    const page = await session.browser.newPage();
    await gotoExtensionPage(page, `${session.extensionOrigin}/popup.html?tab=${this.tabId}`);
    await this.page.close();
    await page.bringToFront();
    return new PopupObject(page, this.tabId);
  }

  /** The state the content script of tab `tabId` (default: the popup's tab) reports. */
  async pageState(tabId = this.tabId): Promise<PageState | null> {
    return this.page.evaluate(async (id: number) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      try {
        const r = (await api.tabs.sendMessage(id, { newslens: 1, type: 'page:state', payload: {} })) as
          | { ok: true; value: PageState }
          | { ok: false }
          | undefined;
        return r?.ok ? r.value : null;
      } catch {
        return null; // No content script (yet) in that tab.
      }
    }, tabId);
  }

  /**
   * The toolbar badge of tab `tabId`. MV2 names the API `browserAction` (src/background/badge.ts
   * picks whichever exists), so this reads it the same way.
   */
  async badge(tabId = this.tabId): Promise<string> {
    return this.page.evaluate(async (id: number) => {
      const api = (globalThis as unknown as { browser: Record<string, { getBadgeText(d: { tabId: number }): Promise<string> } | undefined> }).browser;
      return (api.action ?? api.browserAction)!.getBadgeText({ tabId: id });
    }, tabId);
  }

  /** Waits for the site switch and returns whether it is on. */
  async siteSwitch(): Promise<boolean> {
    const el = await this.page.waitForSelector('[data-testid="site-switch"]', { timeout: 10_000 });
    return el!.evaluate((e) => (e as HTMLInputElement).checked);
  }

  async setSite(on: boolean): Promise<void> {
    if ((await this.siteSwitch()) !== on) await this.page.click('[data-testid="site-switch"]');
    await waitInPage(
      this.page,
      (want: boolean) => (document.querySelector('[data-testid="site-switch"]') as HTMLInputElement | null)?.checked === want,
      on,
    );
  }

  /** Waits for the list of matches; returns each row's ref, group and count. */
  async matches(): Promise<{ ref: string; group: string; count: number }[]> {
    await this.page.waitForSelector('[data-testid="matches"]', { timeout: 10_000 });
    return this.page.evaluate(() =>
      [...document.querySelectorAll('li.nl-match')].map((li) => ({
        ref: li.getAttribute('data-ref') ?? '',
        group: li.closest('[data-group]')?.getAttribute('data-group') ?? '',
        count: Number((li.querySelector('[data-testid="count"]')?.textContent ?? '').replace(/\D/g, '')),
      })),
    );
  }

  /** Expands one row; returns its statements with their attribution and disputes. */
  async expand(ref: Ref): Promise<{ text: string; chain: string; disputes: string[] }[]> {
    const row = `li.nl-match[data-ref="${ref}"]`;
    await this.page.click(`${row} .nl-match-row`);
    await this.page.waitForSelector(`${row} .nl-details .nl-statement`, { timeout: 10_000 });
    return this.page.evaluate(
      (sel: string) =>
        [...document.querySelectorAll(`${sel} .nl-statement`)].map((s) => ({
          text: s.querySelector('.nl-claim .nl-text')?.textContent?.trim() ?? '',
          chain: s.querySelector('.nl-claim .nl-chain')?.textContent?.trim() ?? '',
          disputes: [...s.querySelectorAll('.nl-dispute')].map((d) => d.textContent?.trim() ?? ''),
        })),
      row,
    );
  }
}
