// @ts-check
// The embed demo: uses the ES module exactly as a user's page would, and
// the shared reader renderer (www/shared) for the reader pane. Four ways
// in: paste, open a file, drop a file, fetch a URL. Files and fetched
// pages go in as bytes (the core decodes them like a browser, whatever
// their charset); only pasted text is already a string.
import { clean, cleanBytes, cleanResponse, sniffCharset, charsetFromContentType, init } from '../lib/declutter.js';
import { articleDocument, summarizeReport } from '../shared/render.js';

/** @typedef {import('../lib/index.d.ts').Article} Article */

/**
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @returns {T}
 */
const $ = (id) => /** @type {T} */ (/** @type {unknown} */ (document.getElementById(id)));
/** @param {string} text @param {boolean} [error] */
const status = (text, error = false) => {
  $('status').textContent = text;
  $('status').className = error ? 'error' : '';
};

/** @param {Article} article */
function showFields(article) {
  const body = /** @type {HTMLTableElement} */ ($('fields')).tBodies[0];
  body.replaceChildren();
  for (const key of /** @type {(keyof Article)[]} */ (['title', 'byline', 'siteName', 'publishedTime', 'lang', 'dir', 'excerpt', 'leadImage', 'length', 'wordCount', 'readingTimeMinutes'])) {
    const tr = body.insertRow();
    const k = tr.insertCell(); k.className = 'k'; k.textContent = key;
    tr.insertCell().textContent = article[key] === null ? 'null' : String(article[key]);
  }
}

/** @param {import('../lib/index.d.ts').Report} report */
function showReport(report) {
  const body = /** @type {HTMLTableElement} */ ($('totals')).tBodies[0];
  body.replaceChildren();
  for (const t of report.totals) {
    const tr = body.insertRow();
    tr.insertCell().textContent = t.category;
    tr.insertCell().textContent = String(t.elements);
    tr.insertCell().textContent = String(t.chars);
  }
  const list = $('removed');
  list.replaceChildren();
  for (const r of report.removed) {
    const li = document.createElement('li');
    li.textContent = `${r.category} — ${r.element}: ${r.reason} `;
    const small = document.createElement('small');
    small.textContent = r.preview ? `“${r.preview}” (${r.chars} chars)` : `(${r.chars} chars)`;
    li.append(small);
    list.append(li);
  }
}

function options() {
  /** @type {import('../lib/index.d.ts').Options} */
  const o = { keepImages: /** @type {HTMLInputElement} */ ($('images')).checked };
  const url = /** @type {HTMLInputElement} */ ($('url')).value.trim();
  if (url) o.url = url;
  return o;
}

/**
 * Runs one clean and shows the result.
 * @param {() => Promise<Article>} work
 * @param {string} html  the original page as text, for the left pane
 * @param {number} bytes  its size in bytes
 */
async function show(work, html, bytes) {
  status('cleaning…');
  await init();
  const t0 = performance.now();
  /** @type {Article} */
  let article;
  try {
    article = await work();
  } catch (e) {
    status(/** @type {Error} */ (e).message, true);
    return;
  }
  const ms = performance.now() - t0;
  $('time').textContent = `${ms.toFixed(1)} ms (${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s)`;
  $('size').textContent = `${(bytes / 1024).toFixed(1)} KiB`;
  $('summary').textContent = summarizeReport(article.report);
  /** @type {HTMLIFrameElement} */ ($('original')).srcdoc = html;
  /** @type {HTMLIFrameElement} */ ($('reader')).srcdoc = articleDocument(article, { theme: 'light' });
  showFields(article);
  showReport(article.report);
  status(article.textContent.trim()
    ? `done: “${article.title}”, ${article.wordCount} words`
    : `nothing to read: ${article.emptyReason || 'the page has no article text'}`, !article.textContent.trim());
  document.documentElement.dataset.cleaned = 'true';
}

/** The pasted (or typed) HTML. */
async function runPasted() {
  const html = /** @type {HTMLTextAreaElement} */ ($('html')).value;
  await show(() => clean(html, options()), html, new TextEncoder().encode(html).length);
}

/**
 * A page's raw bytes (file, drop, fetch): the core decodes them; the text
 * box and the original pane show them decoded with the encoding the core
 * chose (so a windows-1252 or Shift_JIS file reads right there too).
 * @param {Uint8Array} bytes
 * @param {string | null} charset  transport charset (Content-Type), if any
 */
async function textOf(bytes, charset) {
  const { encoding, bomLength } = await sniffCharset(bytes, charset);
  return new TextDecoder(encoding).decode(bytes.subarray(bomLength));
}

/** @param {File} file */
async function loadFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const html = await textOf(bytes, null);
  /** @type {HTMLTextAreaElement} */ ($('html')).value = html;
  await show(() => cleanBytes(bytes, null, options()), html, bytes.byteLength);
}

/**
 * "Could not fetch": fetch() gives no reason on purpose (a CORS refusal,
 * a DNS failure and an offline network all throw the same TypeError), so
 * say what it usually is and what to do instead.
 * @param {string} url
 * @param {unknown} e
 */
export function fetchErrorText(url, e) {
  const origin = (() => { try { return new URL(url).origin; } catch { return url; } })();
  const reason = /** @type {Error} */ (e)?.message ?? String(e);
  return `Could not fetch ${url}: the browser blocked the request or the site is unreachable. ` +
    `Most sites do not allow other pages to read them (no CORS header for ${location.origin} from ${origin}). ` +
    `Save the page (Ctrl+S) and open the file instead. (${reason})`;
}

/** @param {string} url */
async function loadUrl(url) {
  status(`fetching ${url}…`);
  /** @type {Response} */
  let res;
  try {
    res = await fetch(url, { mode: 'cors', credentials: 'omit', redirect: 'follow' });
  } catch (e) {
    status(fetchErrorText(url, e), true);
    return;
  }
  if (!res.ok) { status(`Could not fetch ${url}: HTTP ${res.status} ${res.statusText}`.trim(), true); return; }
  const copy = res.clone();
  const bytes = new Uint8Array(await copy.arrayBuffer());
  const html = await textOf(bytes, charsetFromContentType(res.headers.get('content-type')));
  /** @type {HTMLTextAreaElement} */ ($('html')).value = html;
  /** @type {HTMLInputElement} */ ($('url')).value = res.url || url;
  // cleanResponse reads the body as it arrives and takes the URL from the response.
  await show(() => cleanResponse(res, { ...options(), url: undefined }), html, bytes.byteLength);
}

$('clean').addEventListener('click', runPasted);
$('file').addEventListener('change', (e) => {
  const f = /** @type {HTMLInputElement} */ (e.target).files?.[0];
  if (f) loadFile(f);
});
$('fetch-form').addEventListener('submit', (e) => {
  e.preventDefault();
  loadUrl(/** @type {HTMLInputElement} */ ($('fetch-url')).value.trim());
});
document.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('drag'); });
document.addEventListener('dragleave', () => document.body.classList.remove('drag'));
document.addEventListener('drop', (e) => {
  e.preventDefault();
  document.body.classList.remove('drag');
  const f = e.dataTransfer?.files?.[0];
  if (f) loadFile(f);
});

// Preload the seed page (copied next to this file by the build).
fetch('seed.html')
  .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`seed.html: HTTP ${r.status}`))))
  .then(async (buf) => {
    const bytes = new Uint8Array(buf);
    const html = await textOf(bytes, null);
    /** @type {HTMLTextAreaElement} */ ($('html')).value = html;
    await show(() => cleanBytes(bytes, 'utf-8', options()), html, bytes.byteLength);
  })
  .catch((e) => status(`Paste some HTML to start (${e.message})`, true));
