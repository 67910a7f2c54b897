#!/usr/bin/env node
// Browser XSS run (issue 5, README §1B of ../shared/corpus/hostile): every
// vector of xss/*.json is cleaned (alone and wrapped in an article page) and
// the sanitized output is rendered in real headless Chromium, in a page that
//
//   - hooks alert/confirm/prompt/print, document.write/writeln, eval,
//     Function, setTimeout/setInterval with strings, importScripts;
//   - is served with a report-only CSP
//     "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
//     and listens for securitypolicyviolation;
//   - blocks every network request (context.route('**')) and logs it:
//     javascript:/data:text/html navigations and evil.example/ads.example are
//     failures, and so is any navigation away from the page or a popup;
//   - then interacts: runs the vector's H5SC `trigger`, focuses/blurs every
//     element, dispatches mouseover/mouseenter/pointerenter/click on every
//     element, toggles <details> and popovers, scrolls, and waits for
//     animations/transitions/content-visibility events.
//
// Pass = no hook called, no violation, no forbidden request, no navigation.
//
// The cleaner is the wasm build (the one that runs in browsers), loaded in
// Node from www/lib (the ES module users embed; DECLUTTER_PKG overrides,
// pkg/web is the fallback), or, with --cleaner cli, the native CLI
// (target/release/declutter --format json FILE).
//
// Usage (from the repository root; needs the npm package playwright-core
// and Chromium at /usr/bin/chromium or CHROMIUM=...):
//   node www/e2e/xss.mjs [--cleaner wasm|cli|none] [--only ID[,ID...]] [--limit N]
//                        [--jobs N] [--mode alone|wrapped|both] [--json FILE]
// Exit status 0 when every rendered output passes, 1 otherwise.

import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const ROOT = process.env.DECLUTTER_ROOT || resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CORPUS = process.env.HOSTILE_CORPUS || join(ROOT, "../shared/corpus/hostile");
const ORIGIN = "https://reader.test";
const CSP = "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";
const FORBIDDEN_HOSTS = ["evil.example", "ads.example"];

// ---------------------------------------------------------------- arguments
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const CLEANER = opt("cleaner", "wasm");
const ONLY = opt("only", "") ? new Set(opt("only", "").split(",")) : null;
const LIMIT = Number(opt("limit", "0")) || Infinity;
const JOBS = Number(opt("jobs", "2")) || 2;
const MODE = opt("mode", "both");
const JSON_OUT = opt("json", "");

// ---------------------------------------------------------------- vectors
const WRAP_BEFORE =
  "WRAP-BEFORE The harbour council met on Tuesday evening to discuss the new bridge, the library budget and the opening hours of the museum. Residents asked many questions about traffic, parking and noise, and the debate went on until late at night, when the chair finally called a vote.";
const WRAP_AFTER =
  "WRAP-AFTER After the vote, the mayor thanked the residents for coming, promised a second meeting in the spring, and said that the budget for the library would be published, line by line, on the website of the council before the end of the month.";
const wrap = (p) =>
  `<!DOCTYPE html><html><body><article><p>${WRAP_BEFORE}</p>${p}<p>${WRAP_AFTER}</p></article></body></html>`;

function loadVectors() {
  const out = [];
  for (const f of ["dompurify-vectors.json", "h5sc-vectors.json", "reader-vectors.json"]) {
    for (const v of JSON.parse(readFileSync(join(CORPUS, "xss", f), "utf8"))) {
      const payload = v.payload ?? v.data ?? v.input;
      if (ONLY && !ONLY.has(v.id)) continue;
      out.push({ id: v.id, payload, trigger: v.trigger || null });
    }
  }
  return out.slice(0, LIMIT);
}

// ---------------------------------------------------------------- cleaners
async function wasmCleaner() {
  // The public ES module (www/lib, what users embed), else the raw
  // wasm-bindgen output (pkg/web, --target web). DECLUTTER_PKG: a directory
  // holding either.
  const dirs = [process.env.DECLUTTER_PKG, join(ROOT, "www/lib"), join(ROOT, "pkg/web"), join(ROOT, "pkg")].filter(Boolean);
  const dir = dirs.find((d) => existsSync(join(d, "declutter.js")));
  if (!dir) throw new Error(`no wasm build (declutter.js) in ${dirs.join(", ")}: run scripts/web-build.sh or use --cleaner cli`);
  const mod = await import(pathToFileURL(join(dir, "declutter.js")).href);
  let cleanFn;
  if (typeof mod.init === "function") {
    await mod.init(readFileSync(join(dir, "declutter_bg.wasm")));
    cleanFn = mod.clean; // async in www/lib
  } else {
    // wasm-bindgen --target web: initialise with the bytes (no fetch in Node).
    await mod.default({ module_or_path: readFileSync(join(dir, "declutter_bg.wasm")) });
    cleanFn = mod.clean;
  }
  console.error(`cleaner: wasm build from ${dir}`);
  return async (html) => {
    try {
      return { content: (await cleanFn(html)).content };
    } catch (e) {
      return { error: String(e && e.message ? e.message : e) };
    }
  };
}

function cliCleaner() {
  const bin = join(ROOT, "target/release/declutter");
  if (!existsSync(bin)) throw new Error(`no CLI at ${bin}: cargo build --release`);
  const dir = mkdtempSync(join(tmpdir(), "declutter-xss-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return (html) => {
    const f = join(dir, `v${n++}.html`);
    writeFileSync(f, html);
    try {
      const out = execFileSync(bin, ["--format", "json", f], { encoding: "utf8", maxBuffer: 64 << 20 });
      return { content: JSON.parse(out).content };
    } catch (e) {
      return { error: String(e.stderr || e.message).slice(0, 300) };
    }
  };
}

// ---------------------------------------------------------------- the page
// Runs before any page script, in every frame. Records through the exposed
// binding so that reports survive navigations.
const HOOKS = String.raw`(() => {
  const report = (kind, detail) => {
    try { window.__xssReport && window.__xssReport(kind, String(detail).slice(0, 200)); } catch (_) {}
  };
  // Playwright itself evaluates through eval/Function in the page; a call
  // whose direct caller is one of its evaluation scripts is passed through.
  const fromHarness = () => ((new Error().stack || "").split("\n")[3] || "").includes("UtilityScript.");
  const hook = (obj, name, kind) => {
    try {
      const orig = obj[name];
      Object.defineProperty(obj, name, { configurable: false, writable: false, value: function (...a) {
        if (name === "eval" && fromHarness()) return orig(...a);
        report(kind || name, a.map(String).join(","));
        return undefined;
      } });
    } catch (e) { report("hook-install-failed", name); }
  };
  for (const n of ["alert", "confirm", "prompt", "print", "eval", "importScripts"]) hook(window, n);
  hook(Document.prototype, "write", "document.write");
  hook(Document.prototype, "writeln", "document.writeln");
  const F = window.Function;
  const FakeFunction = new Proxy(F, {
    apply(t, self, a) { if (fromHarness()) return Reflect.apply(t, self, a); report("Function", a.join(",")); return () => {}; },
    construct(t, a) { if (fromHarness()) return Reflect.construct(t, a); report("Function", a.join(",")); return () => {}; },
  });
  try { Object.defineProperty(window, "Function", { value: FakeFunction, writable: false, configurable: false }); } catch (_) {}
  for (const n of ["setTimeout", "setInterval"]) {
    const orig = window[n];
    try {
      Object.defineProperty(window, n, { configurable: false, writable: false, value: function (fn, ...rest) {
        if (typeof fn !== "function") { report(n + "(string)", fn); return 0; }
        return orig.call(window, fn, ...rest);
      } });
    } catch (_) {}
  }
  document.addEventListener("securitypolicyviolation", (e) => {
    report("csp-violation", e.violatedDirective + " " + (e.blockedURI || "") + " " + (e.sample || ""));
  }, true);
})();`;

function pageHtml(content) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>reader</title></head>` +
    `<body><main id="reader">${content}</main></body></html>`;
}

// Interaction, run through the DevTools protocol (not subject to the CSP).
async function interact(page, trigger) {
  if (trigger) {
    // The H5SC trigger (a JS expression), evaluated through the DevTools
    // protocol: it neither goes through the hooked eval nor counts as a
    // CSP violation.
    await page.evaluate(`try { ${trigger} } catch (_) {}`).catch(() => {});
  }
  await page.evaluate(async () => {
    // Clicking a link to an http(s)/mailto URL is ordinary reading, not an
    // attack: such activations are cancelled (no request, no navigation).
    // Anything else (javascript:, data:, ...) is left to run, so that the
    // hooks, the CSP listener or the route can catch it.
    window.addEventListener("click", (e) => {
      const a = e.target && e.target.closest && e.target.closest("a, area");
      if (!a) return;
      const h = a.getAttribute("href") ?? a.getAttributeNS("http://www.w3.org/1999/xlink", "href");
      if (h == null) return;
      let u;
      try { u = new URL(h, document.baseURI); } catch (_) { return; }
      if (["http:", "https:", "mailto:"].includes(u.protocol)) e.preventDefault();
    }, true);
    const all = Array.from(document.querySelectorAll("*"));
    for (const el of all) {
      try { el.focus && el.focus(); el.blur && el.blur(); } catch (_) {}
      for (const type of ["mouseover", "mouseenter", "pointerenter", "pointerover", "mousedown", "mouseup"]) {
        try { el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window })); } catch (_) {}
      }
      try { el.click && el.click(); } catch (_) {}
      if (el.tagName === "DETAILS") { try { el.open = !el.open; } catch (_) {} }
      if (el.hasAttribute && el.hasAttribute("popover")) { try { el.togglePopover(); } catch (_) {} }
      try { el.scrollIntoView && el.scrollIntoView(); } catch (_) {}
    }
    window.scrollTo(0, document.body ? document.body.scrollHeight : 0);
    // Give animations, transitions, content-visibility and lazy handlers
    // (animationstart, transitionend, contentvisibilityautostatechange) a
    // moment to fire; any handler that runs is caught by the hooks.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 250))));
  }).catch(() => {});
}

async function renderOne(browser, item, content) {
  const findings = [];
  const context = await browser.newContext({ javaScriptEnabled: true, bypassCSP: false });
  let navigations = 0;
  let page = null;
  await context.exposeBinding("__xssReport", (_src, kind, detail) => {
    findings.push(`hook ${kind}: ${detail}`);
  });
  await context.addInitScript(HOOKS);
  await context.route("**/*", async (route) => {
    const req = route.request();
    const url = req.url();
    if (url === `${ORIGIN}/reader.html` && req.isNavigationRequest() && navigations === 0) {
      navigations++;
      return route.fulfill({
        status: 200,
        headers: { "content-type": "text/html; charset=utf-8", "content-security-policy-report-only": CSP },
        body: pageHtml(content),
      });
    }
    const u = url.toLowerCase();
    if (u.startsWith("javascript:") || u.startsWith("data:text/html") ||
        FORBIDDEN_HOSTS.some((h) => { try { return new URL(url).hostname.endsWith(h); } catch (_) { return false; } })) {
      findings.push(`forbidden request ${req.resourceType()} ${url.slice(0, 160)}`);
    }
    if (req.isNavigationRequest() && page && req.frame() === page.mainFrame() && !/^https?:/i.test(url)) {
      // An http(s) navigation is what a link (or an H5SC trigger such as
      // "location.href=document.links[0].href") does; it is aborted here and
      // only fails when it targets a forbidden host (above).
      findings.push(`navigation attempt to ${url.slice(0, 160)}`);
    }
    return route.abort();
  });
  page = await context.newPage();
  page.on("popup", (p) => {
    findings.push(`popup ${p.url().slice(0, 160)}`);
    p.close().catch(() => {});
  });
  page.on("dialog", (d) => { findings.push(`dialog ${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on("framenavigated", (f) => {
    // chrome-error:// follows an aborted navigation, already reported by the route.
    if (f === page.mainFrame() && f.url() !== `${ORIGIN}/reader.html` && !f.url().startsWith("chrome-error:")) {
      findings.push(`navigated to ${f.url().slice(0, 160)}`);
    }
  });
  try {
    await page.goto(`${ORIGIN}/reader.html`, { waitUntil: "load", timeout: 15000 });
    await interact(page, item.trigger);
    await page.waitForTimeout(100);
  } catch (e) {
    findings.push(`page error: ${String(e.message).slice(0, 160)}`);
  }
  await context.close().catch(() => {});
  return findings;
}

// ---------------------------------------------------------------- main
const vectors = loadVectors();
// --cleaner none renders the raw payloads: a self-test of this harness
// (nearly every vector must then be caught).
const clean = CLEANER === "cli" ? cliCleaner() : CLEANER === "none" ? async (html) => ({ content: html }) : await wasmCleaner();
const jobs = [];
for (const v of vectors) {
  if (MODE !== "wrapped") jobs.push({ ...v, mode: "alone", input: v.payload });
  if (MODE !== "alone") jobs.push({ ...v, mode: "wrapped", input: wrap(v.payload) });
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox"],
});
const results = [];
let next = 0;
async function worker() {
  while (next < jobs.length) {
    const job = jobs[next++];
    const out = await clean(job.input);
    if (out.error !== undefined) {
      results.push({ id: job.id, mode: job.mode, error: out.error, findings: [] });
      continue;
    }
    const findings = await renderOne(browser, job, out.content);
    results.push({ id: job.id, mode: job.mode, findings, content: findings.length ? out.content : undefined });
    if (findings.length) console.log(`FAIL ${job.id} [${job.mode}]: ${findings.join(" | ")}`);
  }
}
await Promise.all(Array.from({ length: JOBS }, worker));
await browser.close();

const failed = results.filter((r) => r.findings.length);
const errors = results.filter((r) => r.error !== undefined);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 1));
console.log(
  `xss browser run (${CLEANER}): ${results.length} outputs rendered, ${failed.length} failed, ` +
  `${errors.length} cleaner errors (no output to render)`,
);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
