// Shared Firefox setup: Debian's firefox-esr driven by puppeteer-core over
// WebDriver BiDi (no browser download, no geckodriver). The unpacked
// extension is installed as a temporary add-on; its internal UUID is pinned
// with `extensions.webextensions.uuids`, so its pages have known
// moz-extension:// addresses.
import puppeteer from 'puppeteer-core';
import { mkdir } from 'node:fs/promises';
import { SHOTS } from './paths.mjs';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const ADDON_ID = 'reader@declutter.invalid'; // browser_specific_settings.gecko.id (webpack.config.js)
export const ADDON_UUID = '5e1d8a43-2c1b-4f3e-9a7d-0c6b8e2f4a91';
export const ADDON_ORIGIN = `moz-extension://${ADDON_UUID}`;

/** Launches headless Firefox; with `extDir`, installs that unpacked extension. */
export async function launchFirefox(extDir) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocolTimeout: 120_000,
    defaultViewport: { width: 1100, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // No network beyond the test server: no updates, telemetry, safe browsing lists...
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'extensions.getAddons.cache.enabled': false,
    },
  });
  await mkdir(SHOTS, { recursive: true });
  if (extDir) {
    const id = await browser.installExtension(extDir);
    if (id !== ADDON_ID) throw new Error(`installed add-on ${id}, expected ${ADDON_ID}`);
  }
  return browser;
}

/**
 * A tab showing one of the extension's own pages (reader.html, the one
 * that pages may open): it has the WebExtension API, so the tests reach
 * the background through it. BiDi refuses to navigate to moz-extension:
 * URLs itself; a page may, because reader.html is web-accessible.
 */
export async function extensionTab(browser, serverUrl) {
  const tab = await browser.newPage();
  await tab.goto(`${serverUrl}/module/empty.html`);
  await tab.evaluate((u) => { location.href = u; }, `${ADDON_ORIGIN}/reader.html`);
  await until(async () => (await tab.evaluate(() => location.protocol).catch(() => '')) === 'moz-extension:', 'extension tab');
  return tab;
}

/** Calls the background's toggle (the toolbar button's handler) for the tab showing `url`. */
export async function toggleIn(extTab, url) {
  return extTab.evaluate(async (u) => {
    // Match patterns cannot carry a port or query reliably in Firefox: compare URLs.
    const tab = (await browser.tabs.query({})).find((t) => t.url === u);
    if (!tab) throw new Error(`no tab for ${u}`);
    const bg = await browser.runtime.getBackgroundPage();
    return bg.declutterToggle(tab);
  }, url);
}

/** Polls `fn` until it returns a truthy value (generous deadline; no wall-clock asserts). */
export async function until(fn, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
