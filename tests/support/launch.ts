/**
 * Launches Chromium with the built extension loaded, in a fresh profile. Shared by `npm start`
 * and the browser tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { QUIET_FLAGS, chromiumPath } from './chromium';

/** The Chrome build to load: `$NEWSLENS_OUT/chrome-mv3` (default `.output/chrome-mv3`). */
export const CHROME_BUILD = resolve(process.env.NEWSLENS_OUT ?? '.output', 'chrome-mv3');

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export async function launchWithExtension(options: { headless?: boolean; extensionDir?: string } = {}): Promise<LaunchedExtension> {
  const dir = options.extensionDir ?? CHROME_BUILD;
  const profile = await mkdtemp(join(tmpdir(), 'newslens-profile-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless,
    args: [
      ...QUIET_FLAGS,
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
    viewport: { width: 1280, height: 900 },
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
