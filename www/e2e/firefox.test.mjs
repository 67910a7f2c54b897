// The same scenarios in real Firefox (Debian's firefox-esr, puppeteer-core
// over WebDriver BiDi). The extension is dist/extension-firefox-e2e: the
// Firefox build plus a host permission for http://127.0.0.1 (activeTab is
// only granted by a real toolbar click, which a headless browser cannot
// make). The toggle goes through the very handler the toolbar button and
// the Alt+Shift+R command call (declutterToggle in the background page),
// reached from an extension tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start } from './server.mjs';
import { ROOT } from './paths.mjs';
import { launchFirefox, extensionTab, toggleIn } from './firefox.mjs';
import { defineScenarios, defineDemoScenario, until } from './scenarios.mjs';

const EXT = path.join(ROOT, 'dist', 'extension-firefox-e2e');

let server;
let browser;
let control; // the extension tab that reaches the background
before(async () => {
  server = await start();
  browser = await launchFirefox(EXT);
  control = await extensionTab(browser, server.url);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

let pageCount = 0;
/** Opens `path` under a unique query, so each test's tab is found by URL. */
async function open(p) {
  const page = await browser.newPage();
  await page.goto(`${server.url}${p}?case=${++pageCount}`, { waitUntil: 'load' });
  return page;
}

defineScenarios(test, {
  name: 'firefox',
  open,
  newPage: () => browser.newPage(),
  toggle: (page) => toggleIn(control, page.url()),
  resetSettings: () => control.evaluate(() => browser.storage.local.remove('settings')),
});

defineDemoScenario(test, { name: 'firefox', newPage: () => browser.newPage(), server: () => server });

test('[firefox] the module works in a page and a Web Worker (and a module Service Worker)', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/module/page.html`);
  const r = await until(() => page.evaluate(() => window.results), 'module results', 60_000);
  assert.equal(r.error, undefined, r.error);
  assert.match(r.page, /Nuovo incontro a Roma/);
  assert.equal(r.pageResponse, r.page, 'cleanResponse in the page');
  assert.equal(r.worker, r.page, 'CleanerStream in a Worker');
  assert.equal(r.serviceWorker, r.page, 'cleanResponse in a Service Worker');
  assert.deepEqual(errors, []);
  await page.close();
});
