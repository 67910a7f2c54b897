#!/usr/bin/env node
// Browser benchmark: wasm clean() vs Readability.js in headless Chromium, on
// the 130 readability pages + the seed page (a benchmark, not a test: it
// prints MB/s and never fails on speed).
//
//   node scripts/bench-browser.mjs [--rounds N] [--json] [--serve] [--pkg DIR]
//
//   --rounds N  rounds over every page; each page keeps its fastest time per
//               extractor (default 5)
//   --json      print one JSON object (scripts/bench.sh uses it)
//   --pkg DIR   the wasm-bindgen --target web output to time (default pkg/web;
//               e.g. a build at another opt-level, to compare presets)
//   --profile F write a V8 CPU profile of declutter alone to F (no table)
//   --serve     only start the server and print the page's URL (open it in
//               a browser and press Run); Ctrl-C to stop
//
// Needs pkg/web (bash scripts/web-build.sh), node_modules (npm ci:
// playwright-core, @mozilla/readability) and /usr/bin/chromium (or
// $CHROMIUM). Serves www/bench, pkg/web, Readability.js and the corpus from
// a local http server on 127.0.0.1 (with COOP/COEP so performance.now() has
// its fine resolution); every other request is aborted (no network).
import http from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = process.env.DECLUTTER_CORPUS ?? path.join(ROOT, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, d) => { const i = args.indexOf(name); return i >= 0 && args[i + 1] ? args[i + 1] : d; };
const rounds = Math.max(1, Number(value('--rounds', 5)) || 5);
const require = createRequire(import.meta.url);

const PKG = path.resolve(value('--pkg', path.join(ROOT, 'pkg', 'web')));
if (!existsSync(path.join(PKG, 'declutter_bg.wasm'))) {
  console.error(`${PKG}/declutter_bg.wasm missing: run bash scripts/web-build.sh`);
  process.exit(1);
}
const READABILITY = require.resolve('@mozilla/readability/Readability.js');

// The page list: readability/<name>/source.html, then seed/page.html.
const names = (await readdir(path.join(CORPUS, 'readability'))).sort()
  .filter((d) => existsSync(path.join(CORPUS, 'readability', d, 'source.html')))
  .map((d) => `readability/${d}/source.html`);
if (existsSync(path.join(CORPUS, 'seed', 'page.html'))) names.push('seed/page.html');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json' };
const MOUNTS = [['/bench/', path.join(ROOT, 'www', 'bench')], ['/pkg/web/', PKG], ['/corpus/', CORPUS]];

async function handle(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  let file = null;
  let body = null;
  if (url.pathname === '/corpus/list.json') body = JSON.stringify(names);
  else if (url.pathname === '/vendor/Readability.js') file = READABILITY;
  else if (url.pathname === '/' || url.pathname === '/bench') { res.writeHead(302, { location: '/bench/' }).end(); return; }
  else {
    for (const [prefix, dir] of MOUNTS) {
      if (url.pathname.startsWith(prefix)) {
        const rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
        const p = path.resolve(dir, rel);
        if (p.startsWith(dir + path.sep)) file = p;
      }
    }
  }
  const headers = { 'cache-control': 'no-store', 'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp', 'cross-origin-resource-policy': 'same-origin' };
  try {
    if (file) {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      body = await readFile(file);
      // Corpus pages are data to fetch(), never documents to render.
      headers['content-type'] = url.pathname.startsWith('/corpus/') ? 'text/plain; charset=utf-8'
        : TYPES[path.extname(file)] ?? 'application/octet-stream';
    } else if (body !== null) headers['content-type'] = 'application/json';
    else { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}

// A V8 CPU profile of declutter alone (open it in Chrome DevTools'
// Performance panel); no timing table.
async function writeProfile(ctx, page, out) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.evaluate((r) => window.declutterBench.run({ rounds: r, only: 'declutter' }), rounds);
  const { profile } = await cdp.send('Profiler.stop');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(out, JSON.stringify(profile));
  console.log(`CPU profile written to ${out}`);
}

async function printTable(browser, page, errors) {
  const result = await page.evaluate((r) => window.declutterBench.run({ rounds: r }), rounds);
  result.chromium = browser.version();
  result.wasmPreset = existsSync(path.join(PKG, 'PRESET')) ? (await readFile(path.join(PKG, 'PRESET'), 'utf8')).trim() : 'unknown';
  result.wasmBytes = (await stat(path.join(PKG, 'declutter_bg.wasm'))).size;
  result.pageErrors = errors;
  if (flag('--json')) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(`Chromium ${result.chromium} (headless), wasm preset ${result.wasmPreset}, fastest of ${rounds} rounds per page` +
    `${result.crossOriginIsolated ? '' : ' (timer not cross-origin isolated)'}`);
  console.log('class    pages      MB  wasm clean()  Readability.js   ratio');
  for (const r of result.rows) {
    console.log(`${r.class.padEnd(8)} ${String(r.pages).padStart(5)} ${(r.bytes / 1e6).toFixed(2).padStart(7)} ` +
      `${r.declutter_mbs.toFixed(1).padStart(13)} ${r.readability_mbs.toFixed(1).padStart(15)} ${r.ratio.toFixed(2).padStart(7)}`);
  }
  if (result.empty.declutter || result.empty.readability) {
    console.log(`pages with an empty result or an error: declutter ${result.empty.declutter}, Readability.js ${result.empty.readability}`);
  }
  for (const e of errors) console.log(`page error: ${e}`);
}

const server = http.createServer((req, res) => { handle(req, res).catch(() => res.writeHead(500).end()); });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

if (flag('--serve')) {
  console.log(`benchmark page: ${base}/bench/ (Ctrl-C to stop)`);
} else {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  let code = 0;
  try {
    const ctx = await browser.newContext();
    await ctx.route((u) => u.hostname !== '127.0.0.1' && u.protocol.startsWith('http'), (route) => route.abort());
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/bench/`);
    await page.waitForFunction(() => window.declutterBenchReady || window.declutterBenchError, null, { timeout: 120_000 });
    const err = await page.evaluate(() => window.declutterBenchError);
    if (err) throw new Error(`benchmark page failed to load: ${err}`);
    const profileOut = value('--profile', null);
    if (process.env.ZZ_EXP) { const src = (await readFile(process.env.ZZ_EXP, 'utf8')).replace('export const exp =', 'window.__exp ='); await page.addScriptTag({ content: src }); console.log(await page.evaluate(() => window.__exp())); }
    else if (profileOut) await writeProfile(ctx, page, profileOut);
    else await printTable(browser, page, errors);
  } catch (e) {
    console.error(e);
    code = 1;
  } finally {
    await browser.close();
    server.close();
  }
  process.exit(code);
}
