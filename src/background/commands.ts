/**
 * The keyboard shortcuts (manifest `commands`; readers change them in the browser's shortcut
 * settings): move to the next or previous highlight of the active tab (Alt+Shift+J / K by
 * default), scroll it into view and open its card with the keyboard focus in it; and switch the
 * active tab's site off or on (no default key).
 */
import { browser, type Browser } from '../browser';
import { send } from '../messaging/channel';
import { ToContent } from '../messaging/protocol';
import type { SettingsWriter } from './settings-writer';
import { toggleSiteOf } from './site-toggle';

const COMMANDS = { 'next-highlight': 'next', 'previous-highlight': 'previous' } as const;

async function runCommand(command: string, tab: Browser.tabs.Tab | undefined, writer: SettingsWriter): Promise<boolean> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return false;
  if (command === 'toggle-site') return (await toggleSiteOf(tabId, tab?.url, writer)) !== null;
  const direction = Object.hasOwn(COMMANDS, command) ? COMMANDS[command as keyof typeof COMMANDS] : undefined;
  if (!direction) return false;
  const r = await send(ToContent, 'page:navigate', { direction }, tabId);
  return r.ok && r.value;
}

export function registerCommands(writer: SettingsWriter): void {
  browser.commands?.onCommand.addListener((command, tab) => void runCommand(command, tab, writer));
}
