// The built extension (dist/extension-e2e: the Chrome build plus a host
// permission for 127.0.0.1, since activeTab needs a real toolbar click)
// in headless Chromium. The toggle goes through the very handler the
// toolbar button and the Alt+Shift+R command call (self.declutterToggle).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { start } from './server.mjs';
import { withExtension, ROOT, SHOTS } from './browser.mjs';
import { defineScenarios, readerFrames, readerClosed, TITLE, SUBTITLE, BODY } from './scenarios.mjs';

const EXT = path.join(ROOT, 'dist', 'extension-e2e');
// Words that only occur in the clutter: cookie banner, ads, header menu,
// sidebar link list, rating widget, newsletter, related, footer.
const JUNK = ['Accetta', 'Rifiuta', 'Pubblicità', 'Abbonati', 'EU Stories', 'Valuta la qualità',
  'La tua opinione è importante', 'Iscriviti alla newsletter', 'Articoli correlati', 'Chi siamo'];

let server;
let ext;
before(async () => {
  server = await start();
  ext = await withExtension(EXT);
});
after(async () => {
  await ext?.close();
  await server?.close();
});

async function toggle(page) {
  return ext.sw.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    if (!tab) throw new Error(`no tab for ${url}`);
    return self.declutterToggle(tab);
  }, page.url());
}

let pageCount = 0;
/** Opens `url` under a unique query, so each test's tab is found by URL. */
async function openPage(url) {
  const page = await ext.ctx.newPage();
  await page.goto(`${url}?case=${++pageCount}`, { waitUntil: 'load' });
  return page;
}

test('toggle shows only the article; screenshots light and dark', async () => {
  const page = await openPage(`${server.url}/seed.html`);
  const reply = await toggle(page);
  assert.equal(reply.state, 'opened', JSON.stringify(reply));
  const { reader, article } = await readerFrames(page);

  // The page itself is hidden, the reader view shows the article.
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'none');
  const text = await article.evaluate(() => document.body.innerText);
  for (const para of [TITLE, SUBTITLE, ...BODY]) assert.ok(text.includes(para.slice(0, 70)), `missing: ${para.slice(0, 50)}`);
  const visible = text + (await reader.evaluate(() => document.body.innerText));
  for (const junk of JUNK) assert.ok(!visible.includes(junk), `clutter visible: ${junk}`);
  // Metadata header and the removal summary.
  assert.match(await article.evaluate(() => document.querySelector('.site')?.textContent ?? ''), /Example News/);
  assert.match(await article.evaluate(() => document.querySelector('.meta')?.textContent ?? ''), /min read/);
  const summary = await reader.evaluate(() => document.querySelector('[data-testid=report-summary]').textContent);
  assert.match(summary, /^removed: .*\d+ (ad|ads)/);
  assert.match(summary, /cookie banner/);
  // The report expands to the individual removals with reasons.
  await reader.click('[data-testid=report-summary]');
  const items = await reader.$$eval('[data-testid=report-list] li', (lis) => lis.map((li) => li.textContent));
  assert.ok(items.some((t) => t.startsWith('cookie-banner:')), items.join('\n'));

  // Isolation: the article frame is sandboxed without scripts and has a no-script CSP.
  const sandbox = await reader.evaluate(() => document.getElementById('article').getAttribute('sandbox'));
  assert.ok(!sandbox.split(/\s+/).includes('allow-scripts'), sandbox);
  assert.match(await article.evaluate(() => document.querySelector('meta[http-equiv=Content-Security-Policy]').content), /script-src 'none'/);

  await reader.click('[data-testid=report-summary]'); // collapse it again for the screenshots
  // Wait until the article frame really shows the chosen theme before each
  // screenshot (the setting is stored and applied asynchronously), and
  // check that light and dark differ where the reader sees them.
  const articleBackground = async (theme) => {
    const deadline = Date.now() + 10000;
    for (;;) {
      const frame = reader.childFrames()[0];
      const state = await frame
        .evaluate(() => [document.documentElement.dataset.theme, getComputedStyle(document.documentElement).backgroundColor])
        .catch(() => [null, null]);
      if (state[0] === theme) return state[1];
      if (Date.now() > deadline) throw new Error(`article frame never showed theme ${theme}: ${state}`);
      await page.waitForTimeout(50);
    }
  };
  await reader.click('[data-testid=theme-light]');
  const lightBg = await articleBackground('light');
  await page.screenshot({ path: path.join(SHOTS, 'chromium-reader-light.png') });
  await reader.click('[data-testid=theme-dark]');
  const darkBg = await articleBackground('dark');
  await page.screenshot({ path: path.join(SHOTS, 'chromium-reader-dark.png') });
  assert.notEqual(lightBg, darkBg, 'dark theme must change the article background');
  const luminance = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((a, v) => a + Number(v), 0);
  assert.ok(luminance(darkBg) < luminance(lightBg), `dark ${darkBg} vs light ${lightBg}`);
  await reader.click('[data-testid=theme-auto]');
  assert.equal((await toggle(page)).state, 'closed');
  await page.close();
});

test('Esc in the reader view closes it', async () => {
  const page = await openPage(`${server.url}/seed.html`);
  const domBefore = await page.evaluate(() => document.documentElement.outerHTML);
  await toggle(page);
  const { article } = await readerFrames(page);
  await article.press('body', 'Escape');
  await readerClosed(page);
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), domBefore);
  await page.close();
});

test('"always on this site" opens the reader view on load, and can be turned off', async () => {
  const page = await openPage(`${server.url}/seed.html`);
  await toggle(page);
  let { reader } = await readerFrames(page);
  assert.equal(await reader.isChecked('[data-testid=always]'), false, 'off by default');
  await reader.check('[data-testid=always]');
  await reader.waitForFunction(() => document.querySelector('[data-testid=always]').checked);
  assert.deepEqual(await ext.sw.evaluate(async () => (await chrome.storage.local.get('alwaysSites')).alwaysSites), ['127.0.0.1']);

  // A fresh load of the site opens straight into reader view.
  await page.reload({ waitUntil: 'load' });
  ({ reader } = await readerFrames(page));
  assert.equal(await reader.isChecked('[data-testid=always]'), true);
  await reader.uncheck('[data-testid=always]');
  await reader.waitForFunction(() => !document.querySelector('[data-testid=always]').checked);
  assert.deepEqual(await ext.sw.evaluate(async () => (await chrome.storage.local.get('alwaysSites')).alwaysSites), []);

  await page.reload({ waitUntil: 'load' });
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => document.querySelector('declutter-reader')), null, 'no longer automatic');
  await page.close();
});

test('a right-to-left page reads right to left', async () => {
  const page = await openPage(`${server.url}/rtl.html`);
  assert.equal((await toggle(page)).state, 'opened');
  const { article } = await readerFrames(page);
  assert.equal(await article.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await article.evaluate(() => getComputedStyle(document.querySelector('article')).direction), 'rtl');
  await page.close();
});

defineScenarios(test, {
  name: 'chromium',
  open: (p) => openPage(`${server.url}${p}`),
  newPage: () => ext.ctx.newPage(),
  toggle,
  resetSettings: () => ext.sw.evaluate(() => chrome.storage.local.remove('settings')),
});
