import { expect, type Locator, type Page } from '@playwright/test';

/** The hover card, inside the extension's shadow root (Playwright's locators pierce open shadow roots). */
export class CardObject {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('newslens-ui [role="dialog"]');
  }

  /** Moves the pointer onto the first occurrence of `text` among the highlights. */
  async hover(text: string, occurrence = 0): Promise<{ x: number; y: number }> {
    const point = await this.page.evaluate(
      ([t, n]) => {
        const ranges: Range[] = [];
        for (const [name, group] of CSS.highlights) {
          if (!name.startsWith('newslens-') || name === 'newslens-active') continue;
          for (const r of group) if ((r as Range).toString() === t) ranges.push(r as Range);
        }
        ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
        const range = ranges[n];
        if (!range) throw new Error(`no highlight "${t}"`);
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      },
      [text, occurrence] as const,
    );
    await this.page.mouse.move(point.x, point.y, { steps: 2 });
    return point;
  }

  async expectOpen(name: string): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.root.locator('.nl-name')).toHaveText(name);
  }

  async expectClosed(): Promise<void> {
    await expect(this.root).toHaveCount(0);
  }
}
