/**
 * Launches Firefox (ESR) headless with the built Firefox extension installed as a temporary
 * add-on, driven over WebDriver BiDi by puppeteer-core. Playwright cannot drive Debian's Firefox
 * and there is no geckodriver here; puppeteer's BiDi client can (../shared/guides/toolchain.md).
 *
 * The extension's moz-extension:// uuid is random per profile, so it is pinned through the
 * `extensions.webextensions.uuids` pref: that is how tests know the popup's address.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { tabStates } from './in-page';

/** The Firefox build to load: `$NEWSLENS_OUT/firefox-mv2` (default `.output/firefox-mv2`). */
const FIREFOX_BUILD = resolve(process.env.NEWSLENS_OUT ?? '.output', 'firefox-mv2');

/** Where Firefox lives: FIREFOX_PATH wins; then Debian's ESR and a plain firefox. */
function firefoxPath(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('Firefox not found: install it (apt-get install firefox-esr) or set FIREFOX_PATH');
}

/**
 * Prefs that keep Firefox from reaching the network on its own, beyond those puppeteer already
 * sets (updates, safe browsing, telemetry, blocklist): captive-portal and connectivity checks,
 * DNS-over-HTTPS, prefetching, region lookup. Pages under test are served from loopback.
 */
const QUIET_PREFS: Record<string, unknown> = {
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'browser.region.network.url': '',
  'browser.search.geoip.url': '',
  'extensions.systemAddon.update.enabled': false,
  'toolkit.telemetry.enabled': false,
  // Remote Settings (blocklists, certificate data): release builds ignore this pref unless
  // MOZ_REMOTE_SETTINGS_DEVTOOLS=1 is in the environment (see launch below); otherwise Firefox
  // calls firefox.settings.services.mozilla.com every few seconds.
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
};

export interface LaunchedFirefox {
  browser: Browser;
  /** The gecko id from the build's manifest. */
  addonId: string;
  /** moz-extension://<uuid>: the origin of the extension's pages. */
  extensionOrigin: string;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(
  options: { headless?: boolean; extensionDir?: string; prefs?: Record<string, unknown> } = {},
): Promise<LaunchedFirefox> {
  const dir = options.extensionDir ?? FIREFOX_BUILD;
  const manifest = JSON.parse(await readFile(resolve(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: options.headless ?? true,
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    // Lets BiDi install add-ons (webExtension.install) on Firefox 13x+.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      ...QUIET_PREFS,
      ...options.prefs,
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    },
  });
  try {
    await browser.installExtension(dir);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return {
    browser,
    addonId,
    extensionOrigin: `moz-extension://${uuid}`,
    close: () => browser.close(),
  };
}

/**
 * Navigates `page` to one of the extension's pages. Over BiDi, Firefox never reports the load
 * of a moz-extension:// document, so wait for the document itself instead of the navigation.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: 2_000 }).catch(() => {});
  await waitInPage(page, (u: string) => location.href === u && document.readyState !== 'loading', url);
}

/**
 * Polls `test(arg)` in the page until it returns true. Puppeteer's own `waitForFunction` compiles
 * its poller with `new Function`, which the CSP of moz-extension:// pages refuses ("call to
 * Function() blocked by CSP"); `evaluate` sends the function over BiDi and runs on any page.
 * An evaluate that fails while the page navigates counts as "not yet".
 */
type Plain = string | number | boolean | null;

export async function waitInPage<A extends Plain>(
  page: Page,
  test: (arg: A) => boolean,
  arg: A,
  timeout = 10_000,
): Promise<void> {
  const until = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      if (await page.evaluate(test as (arg: Plain) => boolean, arg)) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${test.toString()}`, { cause: lastError });
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The id of the tab showing `url`, asked from an extension page (`extensionPage`, e.g. the
 * popup opened in a tab), as tests/support/extension-state.ts asks Chromium's service worker.
 */
export async function firefoxTabIdOf(extensionPage: Page, url: string): Promise<number> {
  const tab = (await extensionPage.evaluate(tabStates)).find((s) => s.url === url);
  if (!tab) throw new Error(`no tab for ${url}`);
  return tab.tabId;
}
