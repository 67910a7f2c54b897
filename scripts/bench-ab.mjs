#!/usr/bin/env node
// A/B throughput of two wasm builds of declutter, side by side in one run:
// wasm clean() in Node and in headless Chromium, alternating A and B round
// by round (the order flips every round, so drift in machine load hits
// both alike). A benchmark, not a test: it prints MB/s and the B/A ratio
// and never fails on speed; it does fail if A and B return different
// articles (the JSON of every page must be identical).
//
//   node scripts/bench-ab.mjs --a DIR [--b DIR] [--rounds N] [--only node|chromium] [--json]
//
//   --a DIR     the baseline: a copy of www/lib (declutter.js + declutter_glue.js +
//               declutter_bg.wasm) built from the commit to compare against, e.g.
//                 git worktree add /tmp/base <commit> && (cd /tmp/base && npm ci &&
//                 bash scripts/web-build.sh) && cp -r /tmp/base/www/lib /tmp/base-lib
//   --b DIR     the candidate (default: this checkout's www/lib)
//   --rounds N  timed rounds per build and engine (default 10; one untimed warm-up)
//
// Pages: the 130 readability pages + the seed page of ../shared/corpus
// (DECLUTTER_CORPUS to change). Each round cleans every page once with
// cleanSync(); a build's figure is total bytes / round time, best and
// median over the rounds, and the median of the per-round B/A ratios. Chromium: /usr/bin/chromium (or $CHROMIUM)
// through playwright-core, pages served from 127.0.0.1, no network.
import http from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = process.env.DECLUTTER_CORPUS ?? path.join(ROOT, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const value = (name, d) => { const i = args.indexOf(name); return i >= 0 && args[i + 1] ? args[i + 1] : d; };
const A = path.resolve(value('--a', ''));
const B = path.resolve(value('--b', path.join(ROOT, 'www', 'lib')));
const rounds = Math.max(1, Number(value('--rounds', 10)) || 10);
const only = value('--only', 'both');
const asJson = args.includes('--json');
for (const d of [A, B]) {
  for (const f of ['declutter.js', 'declutter_glue.js', 'declutter_bg.wasm']) {
    if (!existsSync(path.join(d, f))) {
      console.error(`${d}/${f} missing (give --a DIR, a built copy of www/lib)`);
      process.exit(2);
    }
  }
}

const names = (await readdir(path.join(CORPUS, 'readability'))).sort()
  .filter((d) => existsSync(path.join(CORPUS, 'readability', d, 'source.html')))
  .map((d) => `readability/${d}/source.html`);
if (existsSync(path.join(CORPUS, 'seed', 'page.html'))) names.push('seed/page.html');
const OPTIONS = { url: 'http://fakehost/test/page.html' };

// The measuring loop, run as is in Node and (as source text) in the page.
async function measure(libA, libB, pages, options, rounds) {
  const builds = [libA, libB];
  const enc = new TextEncoder();
  const bytes = pages.reduce((n, p) => n + enc.encode(p).length, 0);
  let mismatches = 0;
  let firstMismatch = null;
  for (let i = 0; i < pages.length; i++) {
    let a, b;
    try { a = JSON.stringify(libA.cleanSync(pages[i], options)); } catch (e) { a = `error ${e.message}`; }
    try { b = JSON.stringify(libB.cleanSync(pages[i], options)); } catch (e) { b = `error ${e.message}`; }
    if (a !== b) { mismatches++; firstMismatch ??= i; }
  }
  const times = [[], []];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      const lib = builds[k];
      const t0 = performance.now();
      for (const p of pages) {
        try { lib.cleanSync(p, options); } catch { /* counted in the check above */ }
      }
      times[k].push(performance.now() - t0);
    }
  }
  const stats = (t) => {
    const s = [...t].sort((x, y) => x - y);
    return { bestMs: s[0], medianMs: s[Math.floor(s.length / 2)], bestMBs: bytes / 1e3 / s[0], medianMBs: bytes / 1e3 / s[Math.floor(s.length / 2)] };
  };
  // Per-round B/A speed ratio: A and B of one round ran back to back, so
  // the load of the shared machine mostly cancels; its median is the
  // figure least moved by a busy neighbour.
  const paired = times[0].map((ta, r) => ta / times[1][r]).sort((x, y) => x - y);
  return { pages: pages.length, bytes, rounds, mismatches, firstMismatch, a: stats(times[0]), b: stats(times[1]),
    pairedMedian: paired[Math.floor(paired.length / 2)], timesMs: times };
}

const ratio = (r) => ({ best: r.b.bestMBs / r.a.bestMBs, median: r.b.medianMBs / r.a.medianMBs, pairedMedian: r.pairedMedian });

async function inNode(pages) {
  const libA = await import(pathToFileURL(path.join(A, 'declutter.js')).href);
  const libB = await import(pathToFileURL(path.join(B, 'declutter.js')).href);
  if (libA === libB) throw new Error('--a and --b are the same module');
  await libA.init();
  await libB.init();
  // Warm-up (JIT tiers, memory growth), untimed.
  for (const p of pages) { try { libA.cleanSync(p, OPTIONS); libB.cleanSync(p, OPTIONS); } catch { /* */ } }
  return measure(libA, libB, pages, OPTIONS, rounds);
}

async function inChromium() {
  const mounts = [['/a/', A], ['/b/', B], ['/corpus/', CORPUS]];
  const page = `<!doctype html><meta charset="utf-8"><title>A/B</title><script type="module">
    const measure = ${measure.toString()};
    window.runAB = async (names, options, rounds) => {
      const libA = await import('/a/declutter.js');
      const libB = await import('/b/declutter.js');
      await libA.init(); await libB.init();
      const pages = await Promise.all(names.map((n) => fetch('/corpus/' + n).then((r) => r.text())));
      for (const p of pages) { try { libA.cleanSync(p, options); libB.cleanSync(p, options); } catch {} }
      return measure(libA, libB, pages, options, rounds);
    };
    window.abReady = true;
  </script>`;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const headers = { 'cache-control': 'no-store', 'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp', 'cross-origin-resource-policy': 'same-origin' };
    if (url.pathname === '/') { res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(page); return; }
    for (const [prefix, dir] of mounts) {
      if (!url.pathname.startsWith(prefix)) continue;
      const p = path.resolve(dir, decodeURIComponent(url.pathname.slice(prefix.length)));
      if (!p.startsWith(dir + path.sep)) break;
      try {
        if (!(await stat(p)).isFile()) break;
        const type = prefix === '/corpus/' ? 'text/plain; charset=utf-8'
          : p.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8';
        res.writeHead(200, { ...headers, 'content-type': type }).end(await readFile(p));
      } catch { res.writeHead(404).end(); }
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    const ctx = await browser.newContext();
    await ctx.route((u) => u.hostname !== '127.0.0.1' && u.protocol.startsWith('http'), (route) => route.abort());
    const tab = await ctx.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    await tab.waitForFunction(() => window.abReady, null, { timeout: 60_000 });
    const r = await tab.evaluate(([n, o, k]) => window.runAB(n, o, k), [names, OPTIONS, rounds]);
    r.engine = `Chromium ${browser.version()}`;
    if (errors.length) r.pageErrors = errors;
    return r;
  } finally {
    await browser.close();
    server.close();
  }
}

const results = {};
if (only !== 'chromium') {
  const pages = await Promise.all(names.map((n) => readFile(path.join(CORPUS, n), 'utf8')));
  results.node = { engine: `Node ${process.version}`, ...(await inNode(pages)) };
}
if (only !== 'node') results.chromium = await inChromium();

let bad = false;
for (const [k, r] of Object.entries(results)) {
  r.ratio = ratio(r);
  if (r.mismatches) bad = true;
}
if (asJson) console.log(JSON.stringify(results));
else {
  const wasmSize = async (d) => (await stat(path.join(d, 'declutter_bg.wasm'))).size;
  console.log(`A = ${A} (${await wasmSize(A)} B wasm)\nB = ${B} (${await wasmSize(B)} B wasm)`);
  for (const [k, r] of Object.entries(results)) {
    console.log(`${r.engine}: ${r.pages} pages, ${(r.bytes / 1e6).toFixed(2)} MB, ${r.rounds} rounds each, alternating`);
    console.log(`  A  best ${r.a.bestMBs.toFixed(1)} MB/s  median ${r.a.medianMBs.toFixed(1)} MB/s`);
    console.log(`  B  best ${r.b.bestMBs.toFixed(1)} MB/s  median ${r.b.medianMBs.toFixed(1)} MB/s`);
    console.log(`  B/A  best ${r.ratio.best.toFixed(3)}  median ${r.ratio.median.toFixed(3)}  median of per-round ratios ${r.ratio.pairedMedian.toFixed(3)}`);
    if (r.mismatches) console.log(`  OUTPUTS DIFFER on ${r.mismatches} pages (first: ${names[r.firstMismatch]})`);
    for (const e of r.pageErrors ?? []) console.log(`  page error: ${e}`);
  }
}
process.exit(bad ? 1 : 0);
