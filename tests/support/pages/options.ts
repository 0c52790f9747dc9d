import { readFile } from 'node:fs/promises';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** The options page (options.html), opened in a tab. */
export class OptionsObject {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsObject> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(page.getByTestId('mode')).toBeVisible();
    return new OptionsObject(page);
  }

  mode(mode: 'news' | 'everywhere' | 'listed'): Locator {
    return this.page.getByTestId(`mode-${mode}`);
  }

  async setMode(mode: 'news' | 'everywhere' | 'listed'): Promise<void> {
    await this.mode(mode).check();
    await expect(this.mode(mode)).toBeChecked();
  }

  site(site: string): Locator {
    return this.page.locator(`.nl-site-row[data-site="${site}"]`);
  }

  /** Every listed site with its choice, in order. */
  async sites(): Promise<Record<string, string>> {
    return Object.fromEntries(
      await this.page.locator('.nl-site-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-site')!, r.getAttribute('data-choice')!])),
    ) as Record<string, string>;
  }

  async addSite(text: string, choice: 'on' | 'off'): Promise<void> {
    await this.page.getByTestId('add-site').fill(text);
    await this.page.getByTestId(choice === 'on' ? 'add-on' : 'add-off').click();
  }

  async toggleSite(site: string): Promise<void> {
    await this.site(site).getByRole('switch').click();
  }

  async removeSite(site: string): Promise<void> {
    await this.site(site).locator('.nl-remove').click();
    await expect(this.site(site)).toHaveCount(0);
  }

  async exportSettings(): Promise<{ fileName: string; json: Record<string, unknown> }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-settings').click()]);
    return { fileName: download.suggestedFilename(), json: JSON.parse(await readFile(await download.path(), 'utf8')) as Record<string, unknown> };
  }

  /** Imports a file with these contents; returns the message shown and whether it reports success. */
  async importSettings(contents: string, name = 'settings.json'): Promise<{ ok: boolean; text: string }> {
    const result = this.page.getByTestId('import-result');
    const seq = (await result.count()) > 0 ? Number(await result.getAttribute('data-seq')) : 0;
    await this.page.getByTestId('import-settings').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
    await expect(result).toHaveAttribute('data-seq', String(seq + 1));
    return { ok: (await result.getAttribute('data-ok')) === 'true', text: await result.innerText() };
  }

  /** The dataset figures as shown: version and counts. */
  async dataset(): Promise<Record<string, string>> {
    const section = this.page.getByTestId('dataset');
    await expect(section.locator('[data-field="version"]')).toBeVisible();
    return Object.fromEntries(
      await section.locator('[data-field]').evaluateAll((fields) => fields.map((f) => [f.getAttribute('data-field')!, f.querySelector('dd')?.textContent?.trim() ?? ''])),
    ) as Record<string, string>;
  }
}
