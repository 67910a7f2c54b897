#!/usr/bin/env node
// Throughput of the wasm clean() in Node over the 130 readability pages
// (a benchmark, not a test: it prints MB/s and never fails on speed).
//
//   node scripts/web-bench.mjs [--rounds N] [--json]
// Uses the module in www/lib (build it with scripts/web-build.sh).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clean, init } from '../www/lib/declutter.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = `${ROOT}../shared/corpus/readability`;
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 7;
const json = args.includes('--json');

const pages = readdirSync(CORPUS)
  .filter((d) => existsSync(`${CORPUS}/${d}/source.html`))
  .sort()
  .map((d) => readFileSync(`${CORPUS}/${d}/source.html`, 'utf8'));
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
const options = { url: 'http://fakehost/test/page.html' };

await init();
// Warm-up round (JIT tiers, wasm memory growth).
for (const p of pages) await clean(p, options);

const times = [];
let errors = 0;
for (let r = 0; r < rounds; r++) {
  const t0 = process.hrtime.bigint();
  for (const p of pages) {
    try { await clean(p, options); } catch { errors++; }
  }
  times.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
times.sort((a, b) => a - b);
// Best round = least disturbed by other processes (2-core machine, shared);
// the median is printed too.
const best = times[0];
const median = times[Math.floor(times.length / 2)];
const mbPerSec = bytes / 1e6 / best;
const medianMbPerSec = bytes / 1e6 / median;
const result = { pages: pages.length, megabytes: +(bytes / 1e6).toFixed(2), rounds, bestSeconds: +best.toFixed(4), mbPerSec, medianMbPerSec, errors };
if (json) console.log(JSON.stringify(result));
else console.log(`wasm clean() in Node: ${pages.length} pages, ${(bytes / 1e6).toFixed(2)} MB, ${rounds} rounds: best ${best.toFixed(3)} s => ${mbPerSec.toFixed(1)} MB/s (median ${medianMbPerSec.toFixed(1)} MB/s)${errors ? ` (${errors} errors)` : ''}`);
