// Browser benchmark: the wasm clean() (pkg/web, built by scripts/web-build.sh)
// vs Readability.js (DOMParser + new Readability(doc).parse()), both from the
// HTML string, on the readability pages + the seed page.
//
// Driven by scripts/bench-browser.mjs (headless Chromium), which calls
// window.declutterBench.run({ rounds }); the Run button does the same by hand.
//
// Timing: for each size class and each round, every page of the class is
// processed once by each extractor in turn (declutter, Readability,
// alternating, so load bursts hit both); the time of a round is one
// performance.now() span over the whole class (ms-scale, well above the
// timer's resolution). MB/s = class bytes (UTF-8, 10^6) / median round time;
// "all" = all bytes / sum of the class medians.
import initWasm, { clean } from '/pkg/web/declutter.js';

const URL_ = 'http://fakehost/test/page.html';
const CLASSES = [['small', 0, 50_000], ['medium', 50_000, 200_000], ['large', 200_000, Infinity]];
const enc = new TextEncoder();

let pages = null;

async function load() {
  await initWasm({ module_or_path: '/pkg/web/declutter_bg.wasm' });
  const list = await (await fetch('/corpus/list.json')).json();
  pages = await Promise.all(list.map(async (name) => {
    const html = await (await fetch(`/corpus/${name}`)).text();
    return { name, html, bytes: enc.encode(html).length };
  }));
}

function runDeclutter(html) {
  const a = clean(html, { url: URL_ });
  return a.length;
}

function runReadability(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Readability resolves relative URLs against the document's base: give it
  // the same URL as declutter gets (a <base> in the page still wins).
  if (!doc.querySelector('base[href]') && doc.head) {
    const b = doc.createElement('base');
    b.setAttribute('href', URL_);
    doc.head.prepend(b);
  }
  const a = new window.Readability(doc).parse();
  return a ? a.length : 0;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };

function timeOnce(fn, set) {
  let sink = 0;
  const t0 = performance.now();
  for (const p of set) sink += fn(p.html);
  const ms = performance.now() - t0;
  return { ms, sink };
}

async function run({ rounds = 5 } = {}) {
  if (!pages) await load();
  const rows = [];
  const empty = { declutter: 0, readability: 0 };
  // Warm-up over every page (JIT tiers, wasm memory growth), counting empty results.
  for (const p of pages) {
    try { if (!runDeclutter(p.html)) empty.declutter++; } catch { empty.declutter++; }
    try { if (!runReadability(p.html)) empty.readability++; } catch { empty.readability++; }
  }
  const safe = (fn) => (h) => { try { return fn(h); } catch { return 0; } };
  const fd = safe(runDeclutter), fr = safe(runReadability);
  for (const [cls, lo, hi] of CLASSES) {
    const set = pages.filter((p) => p.bytes >= lo && p.bytes < hi);
    const bytes = set.reduce((n, p) => n + p.bytes, 0);
    const td = [], tr = [];
    for (let r = 0; r < rounds; r++) {
      td.push(timeOnce(fd, set).ms);
      tr.push(timeOnce(fr, set).ms);
      await new Promise((res) => setTimeout(res, 0)); // let the page breathe (GC, UI)
    }
    const md = median(td), mr = median(tr);
    rows.push({ class: cls, pages: set.length, bytes, declutter_ms: md, readability_ms: mr,
      declutter_mbs: bytes / 1e3 / md, readability_mbs: bytes / 1e3 / mr, ratio: mr / md });
  }
  const bytes = rows.reduce((n, r) => n + r.bytes, 0);
  const md = rows.reduce((n, r) => n + r.declutter_ms, 0), mr = rows.reduce((n, r) => n + r.readability_ms, 0);
  rows.push({ class: 'all', pages: pages.length, bytes, declutter_ms: md, readability_ms: mr,
    declutter_mbs: bytes / 1e3 / md, readability_mbs: bytes / 1e3 / mr, ratio: mr / md });
  return { rounds, userAgent: navigator.userAgent, crossOriginIsolated: self.crossOriginIsolated, empty, rows };
}

function show(result) {
  const t = document.getElementById('out');
  t.innerHTML = '<tr><th>class</th><th>pages</th><th>MB</th><th>wasm clean() MB/s</th><th>Readability.js MB/s</th><th>ratio</th></tr>';
  for (const r of result.rows) {
    const tr = document.createElement('tr');
    for (const v of [r.class, r.pages, (r.bytes / 1e6).toFixed(2), r.declutter_mbs.toFixed(1), r.readability_mbs.toFixed(1), r.ratio.toFixed(2) + '×']) {
      const td = document.createElement('td'); td.textContent = String(v); tr.append(td);
    }
    t.append(tr);
  }
}

window.declutterBench = { run, load };
const status = document.getElementById('status');
const button = document.getElementById('run');
load().then(() => {
  status.textContent = `${pages.length} pages loaded`;
  button.disabled = false;
  window.declutterBenchReady = true;
}, (e) => { status.textContent = `load failed: ${e}`; window.declutterBenchError = String(e); });
button.addEventListener('click', async () => {
  button.disabled = true; status.textContent = 'running…';
  const r = await run({ rounds: Number(document.getElementById('rounds').value) || 5 });
  show(r); status.textContent = 'done'; button.disabled = false;
});
