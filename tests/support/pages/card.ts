import { expect, type Locator, type Page } from '@playwright/test';
import { highlightBox } from '../in-page';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes share any area. */
export function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The hover card, inside the extension's shadow root (Playwright's locators pierce open shadow roots). */
export class CardObject {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('newslens-ui [role="dialog"]');
  }

  /** Scrolls the `occurrence`-th highlight reading `text` into view (at `block`) and returns its first box, in viewport coordinates. */
  async highlightRect(text: string, occurrence = 0, block: ScrollLogicalPosition | 'none' = 'center'): Promise<Rect> {
    return this.page.evaluate(highlightBox, { text, n: occurrence, block });
  }

  /** Moves the pointer onto the first occurrence of `text` among the highlights. */
  async hover(text: string, occurrence = 0, block: ScrollLogicalPosition | 'none' = 'center'): Promise<{ x: number; y: number }> {
    const rect = await this.highlightRect(text, occurrence, block);
    const point = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    await this.page.mouse.move(point.x, point.y, { steps: 2 });
    return point;
  }

  async expectOpen(name: string | RegExp): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.root.locator('.nl-name')).toHaveText(name);
  }

  async expectClosed(): Promise<void> {
    await expect(this.root).toHaveCount(0);
  }

  async box(): Promise<Rect> {
    const b = await this.root.boundingBox();
    if (!b) throw new Error('the card is not open');
    return b;
  }

  /** "below" or "above" the name. */
  side(): Promise<string | null> {
    return this.root.getAttribute('data-side');
  }

  /** Whether the keyboard focus is in the card (the page sees the shadow host focused). */
  focusIsInside(): Promise<boolean> {
    return this.page.evaluate(() => {
      const host = document.querySelector('newslens-ui');
      return document.activeElement === host && host?.shadowRoot?.activeElement?.closest('[role="dialog"]') != null;
    });
  }

  statement(id: string): Locator {
    return this.root.locator(`.nl-statement[data-statement="${id}"]`);
  }

  /** The text of the active (open or flashed) highlight, if any. */
  activeText(): Promise<string[]> {
    return this.page.evaluate(() => [...(CSS.highlights.get('newslens-active') ?? [])].map((r) => (r as Range).toString()));
  }
}
