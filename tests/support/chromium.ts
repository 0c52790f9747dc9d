import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/** Where Chromium lives: CHROMIUM_PATH wins; then Debian's binary and wrapper. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH');
}

/** Flags that keep Chromium quiet on a machine with no network. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Chromium without the extension, headless and quiet: plain pages for the dom tests and a few e2e ones. */
export function launchPlainChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...QUIET_FLAGS, '--headless=new'] });
}
