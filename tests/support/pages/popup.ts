import { readFile } from 'node:fs/promises';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** The toolbar popup, opened in a tab for a given tab id (popup.html?tab=<id>). */
export class PopupObject {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, tabId: number): Promise<PopupObject> {
    const page = await context.newPage();
    await page.setViewportSize({ width: 460, height: 720 });
    await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    return new PopupObject(page);
  }

  get siteSwitch(): Locator {
    return this.page.getByTestId('site-switch');
  }

  get pauseSwitch(): Locator {
    return this.page.getByTestId('pause');
  }

  /** The state message the popup shows (loading, empty, off, paused, unsupported, unreachable), once it has settled. */
  async state(): Promise<{ state: string; reason: string | null; text: string }> {
    const el = this.page.locator('.nl-state[data-state]:not([data-state="loading"])').first();
    await expect(el).toBeVisible();
    return { state: (await el.getAttribute('data-state'))!, reason: await el.getAttribute('data-reason'), text: await el.innerText() };
  }

  match(type: 'actor' | 'figure', id: string): Locator {
    return this.page.locator(`li.nl-match[data-ref="${type}:${id}"]`);
  }

  async count(type: 'actor' | 'figure', id: string): Promise<number> {
    const text = await this.match(type, id).getByTestId('count').innerText();
    return Number(text.replace(/\D/g, ''));
  }

  /** Each group in order, with its heading and its rows (ref, weight, count) in order. */
  async groups(): Promise<{ group: string; heading: string; rows: { ref: string; weight: number; count: number }[] }[]> {
    await expect(this.page.locator('[data-testid="matches"][data-sorted="weight"]')).toBeVisible();
    return this.page.locator('.nl-group').evaluateAll((sections) =>
      sections.map((s) => ({
        group: s.getAttribute('data-group') ?? '',
        heading: s.querySelector('h3')?.textContent ?? '',
        rows: [...s.querySelectorAll('li.nl-match')].map((li) => ({
          ref: li.getAttribute('data-ref') ?? '',
          weight: Number(li.getAttribute('data-weight')),
          count: Number((li.querySelector('[data-testid="count"]')?.textContent ?? '').replace(/\D/g, '')),
        })),
      })),
    );
  }

  async expand(type: 'actor' | 'figure', id: string): Promise<Locator> {
    const row = this.match(type, id);
    await row.locator('.nl-match-row').click();
    await expect(row.locator('.nl-details')).toBeVisible();
    return row;
  }

  /** "Show on page" for an expanded row. */
  async reveal(type: 'actor' | 'figure', id: string): Promise<void> {
    const row = this.match(type, id);
    if ((await row.locator('.nl-match-row').getAttribute('aria-expanded')) !== 'true') await this.expand(type, id);
    await row.getByTestId('reveal').click();
  }

  async setSite(on: boolean): Promise<void> {
    if ((await this.siteSwitch.isChecked()) !== on) await this.siteSwitch.click();
    await expect(this.siteSwitch).toBeChecked({ checked: on });
  }

  async setPause(paused: boolean): Promise<void> {
    if ((await this.pauseSwitch.isChecked()) !== paused) await this.pauseSwitch.click();
    await expect(this.pauseSwitch).toBeChecked({ checked: paused });
  }

  /** Clicks "Export JSON-LD" and returns the downloaded file's name and parsed contents. */
  async exportJsonLd(): Promise<{ fileName: string; doc: Record<string, unknown> }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export').click()]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), doc: JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown> };
  }
}
