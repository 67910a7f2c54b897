// The ES module in a page, a module Web Worker and a module Service Worker
// (Chromium), and the demo page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start } from './server.mjs';
import { plain, ROOT, SHOTS } from './browser.mjs';
import { defineDemoScenario } from './scenarios.mjs';

// From the corpus (../shared): this test fails, loudly, without it.
const RTL_PAGE = path.join(ROOT, '..', 'shared', 'corpus', 'readability', 'rtl-1', 'source.html');

let server;
let browser;
before(async () => {
  server = await start();
  browser = await plain();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the module works in a page, a Web Worker and a Service Worker', async () => {
  const page = await browser.ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/module/page.html`);
  await page.waitForFunction(() => window.results !== undefined, null, { timeout: 30000 });
  const r = await page.evaluate(() => window.results);
  assert.equal(r.error, undefined, r.error);
  assert.match(r.page, /Nuovo incontro a Roma/);
  assert.equal(r.pageResponse, r.page, 'cleanResponse in the page');
  assert.equal(r.worker, r.page, 'CleanerStream in a Worker');
  assert.equal(r.serviceWorker, r.page, 'cleanResponse in a Service Worker');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the demo cleans the preloaded seed page and shows the report', async () => {
  const page = await browser.ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/demo/`);
  await page.waitForFunction(() => document.documentElement.dataset.cleaned === 'true', null, { timeout: 30000 });
  assert.match(await page.textContent('[data-testid=status]'), /^done: “Renzi-Jack Ma, incontro a Palazzo Chigi”/);
  assert.match(await page.textContent('[data-testid=time]'), /^\d+(\.\d+)? ms/);
  const frames = page.frames().filter((f) => f.url() === 'about:srcdoc');
  assert.equal(frames.length, 2, 'original and reader panes');
  const texts = await Promise.all(frames.map((f) => f.evaluate(() => document.body.innerText)));
  const readerText = texts.find((t) => t.includes('min read')) ?? '';
  assert.match(readerText, /Nuovo incontro a Roma/);
  assert.ok(!readerText.includes('Accetta') && !readerText.includes('EU Stories'));
  // Fields and the removal report with reasons.
  assert.match(await page.textContent('[data-testid=fields]'), /siteName\s*Example News/);
  const removed = await page.$$eval('[data-testid=removed] li', (lis) => lis.map((li) => li.textContent));
  assert.ok(removed.length > 0);
  assert.ok(removed.some((t) => t.startsWith('cookie-banner')), removed.join('\n'));
  assert.match(await page.textContent('[data-testid=summary]'), /^removed: /);
  await page.screenshot({ path: path.join(SHOTS, 'chromium-demo-seed.png'), fullPage: false });
  // Another page, pasted: the result follows.
  await page.fill('[data-testid=html]', '<html><head><title>Pasted</title></head><body><article><h1>Pasted</h1><p>' +
    'A pasted article with enough words, commas, and sentences to count as content. '.repeat(10) + '</p></article></body></html>');
  await page.fill('[data-testid=url]', '');
  await page.click('[data-testid=clean]');
  await page.waitForFunction(() => /Pasted/.test(document.querySelector('[data-testid=status]').textContent));
  await page.screenshot({ path: path.join(SHOTS, 'chromium-demo-pasted.png'), fullPage: false });
  // A file chosen (or dropped) is cleaned too: readability's right-to-left page.
  await page.setInputFiles('[data-testid=file]', RTL_PAGE);
  await page.waitForFunction(() => /^done: “RTL Test”/.test(document.querySelector('[data-testid=status]').textContent));
  assert.match(await page.textContent('[data-testid=fields]'), /dir\s*rtl/);
  assert.deepEqual(errors, []);
  await page.close();
});

defineDemoScenario(test, { name: 'chromium', newPage: () => browser.ctx.newPage(), server: () => server });
