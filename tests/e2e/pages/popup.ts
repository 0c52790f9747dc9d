import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** The toolbar popup, opened in a tab for a given tab id (popup.html?tab=<id>). */
export class PopupObject {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, tabId: number): Promise<PopupObject> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    return new PopupObject(page);
  }

  get siteSwitch(): Locator {
    return this.page.getByTestId('site-switch');
  }

  match(type: 'actor' | 'figure', id: string): Locator {
    return this.page.locator(`li.nl-match[data-ref="${type}:${id}"]`);
  }

  async count(type: 'actor' | 'figure', id: string): Promise<number> {
    const text = await this.match(type, id).getByTestId('count').innerText();
    return Number(text.replace(/\D/g, ''));
  }

  async expand(type: 'actor' | 'figure', id: string): Promise<Locator> {
    const row = this.match(type, id);
    await row.locator('.nl-match-row').click();
    await expect(row.locator('.nl-details')).toBeVisible();
    return row;
  }

  async setSite(on: boolean): Promise<void> {
    if ((await this.siteSwitch.isChecked()) !== on) await this.siteSwitch.click();
    await expect(this.siteSwitch).toBeChecked({ checked: on });
  }
}
