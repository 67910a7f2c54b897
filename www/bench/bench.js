// Browser benchmark: the wasm clean() (pkg/web, built by scripts/web-build.sh)
// vs Readability.js (DOMParser + new Readability(doc).parse()), both from the
// HTML string, on the readability pages + the seed page.
//
// Driven by scripts/bench-browser.mjs (headless Chromium), which calls
// window.declutterBench.run({ rounds }); the Run button does the same by hand.
//
// Timing, the same method as the native benchmark (examples/bench_compare.rs):
// every page is processed by each extractor in turn (declutter, Readability,
// page by page, so a load burst hits both), `rounds` times; each page keeps
// its fastest time per extractor, and MB/s = class bytes (UTF-8, 10^6) / sum
// of those minima. Per-page minima keep out what is not the extractor's
// work: a burst of load on this shared machine, and above all the garbage
// collection of the previous Readability run's DOM documents, which a
// whole-class timing charged to whichever extractor ran next.
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

function timeOnce(fn, html) {
  const t0 = performance.now();
  const sink = fn(html);
  return { ms: performance.now() - t0, sink };
}

// `only: 'declutter'` times declutter alone (for a CPU profile of it).
async function run({ rounds = 5, only = null } = {}) {
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
  const best = pages.map(() => ({ d: Infinity, r: Infinity }));
  for (let round = 0; round < rounds; round++) {
    pages.forEach((p, i) => {
      best[i].d = Math.min(best[i].d, timeOnce(fd, p.html).ms);
      if (only !== 'declutter') best[i].r = Math.min(best[i].r, timeOnce(fr, p.html).ms);
    });
    await new Promise((res) => setTimeout(res, 0)); // let the page breathe (GC, UI)
  }
  for (const [cls, lo, hi] of CLASSES) {
    const idx = pages.map((p, i) => i).filter((i) => pages[i].bytes >= lo && pages[i].bytes < hi);
    const bytes = idx.reduce((n, i) => n + pages[i].bytes, 0);
    const md = idx.reduce((n, i) => n + best[i].d, 0), mr = idx.reduce((n, i) => n + best[i].r, 0);
    rows.push({ class: cls, pages: idx.length, bytes, declutter_ms: md, readability_ms: mr,
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
