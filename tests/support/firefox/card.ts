/**
 * The hover card in Firefox, read through the open shadow root of `<newslens-ui>` (puppeteer
 * has no auto-waiting locators over BiDi, so each read is one evaluate and waits poll).
 */
import type { Page } from 'puppeteer-core';
import { waitInPage } from '../launch-firefox';
import { highlightBox } from '../in-page';

export interface CardSnapshot {
  name: string | null;
  role: string | null;
  /** Text and attribution chain of each statement shown. */
  statements: { text: string; chain: string }[];
  /** The card's box in viewport coordinates. */
  box: { x: number; y: number; width: number; height: number };
}

export class CardObject {
  constructor(readonly page: Page) {}

  /** Moves the pointer onto occurrence `n` of `text` among the highlights; returns the point. */
  async hover(text: string, n = 0): Promise<{ x: number; y: number }> {
    const box = await this.page.evaluate(highlightBox, { text, n, block: 'center' });
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(point.x, point.y, { steps: 2 });
    return point;
  }

  /** The open card, or null when none is shown. */
  async read(): Promise<CardSnapshot | null> {
    return this.page.evaluate(() => {
      const dialog = document.querySelector('newslens-ui')?.shadowRoot?.querySelector('[role="dialog"]');
      if (!dialog) return null;
      const r = dialog.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return null;
      // No helper functions in here: the page gets this function's source, without tsx's helpers.
      return {
        name: dialog.querySelector('.nl-name')?.textContent?.trim() ?? null,
        role: dialog.querySelector('.nl-role')?.textContent?.trim() ?? null,
        statements: [...dialog.querySelectorAll('.nl-statement')].map((s) => ({
          text: s.querySelector('.nl-claim .nl-text')?.textContent?.trim() ?? '',
          chain: s.querySelector('.nl-claim .nl-chain')?.textContent?.trim() ?? '',
        })),
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
      };
    });
  }

  /** Waits for the card of `name` to be open and returns it. */
  async waitOpen(name: string, timeout = 5_000): Promise<CardSnapshot> {
    await waitInPage(
      this.page,
      (n: string) => {
        const dialog = document.querySelector('newslens-ui')?.shadowRoot?.querySelector('[role="dialog"]');
        return dialog?.querySelector('.nl-name')?.textContent?.trim() === n && dialog.getBoundingClientRect().width > 0;
      },
      name,
      timeout,
    );
    return (await this.read())!;
  }

  async waitClosed(timeout = 5_000): Promise<void> {
    await waitInPage(this.page, () => !document.querySelector('newslens-ui')?.shadowRoot?.querySelector('[role="dialog"]'), null, timeout);
  }
}
