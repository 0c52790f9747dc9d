/**
 * The keyboard shortcuts (manifest `commands`, Alt+Shift+J / Alt+Shift+K by default; readers
 * change them in the browser's shortcut settings): move to the next or previous highlight of the
 * active tab, scroll it into view and open its card with the keyboard focus in it.
 */
import { browser, type Browser } from 'wxt/browser';
import { askTab } from '../messaging/client';

export const COMMANDS = { 'next-highlight': 'next', 'previous-highlight': 'previous' } as const;

export async function runCommand(command: string, tab: Browser.tabs.Tab | undefined): Promise<boolean> {
  const direction = COMMANDS[command as keyof typeof COMMANDS];
  if (!direction) return false;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return false;
  const r = await askTab(tabId, 'page:navigate', { direction });
  return r.ok && r.value;
}

export function registerCommands(): void {
  browser.commands?.onCommand.addListener((command, tab) => void runCommand(command, tab));
}
