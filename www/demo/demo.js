// The embed demo: uses the ES module exactly as a user's page would.
import { clean, init } from '../lib/declutter.js';
import { articleDocument, summarizeReport } from '../extension/render.js';

const $ = (id) => document.getElementById(id);
const status = (text, error = false) => {
  $('status').textContent = text;
  $('status').className = error ? 'error' : '';
};

function showFields(article) {
  const body = $('fields').tBodies[0];
  body.replaceChildren();
  for (const key of ['title', 'byline', 'siteName', 'publishedTime', 'lang', 'dir', 'excerpt', 'leadImage', 'length', 'wordCount', 'readingTimeMinutes']) {
    const tr = body.insertRow();
    const k = tr.insertCell(); k.className = 'k'; k.textContent = key;
    tr.insertCell().textContent = article[key] === null ? 'null' : String(article[key]);
  }
}

function showReport(report) {
  const body = $('totals').tBodies[0];
  body.replaceChildren();
  for (const t of report.totals) {
    const tr = body.insertRow();
    tr.insertCell().textContent = t.category;
    tr.insertCell().textContent = t.elements;
    tr.insertCell().textContent = t.chars;
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

async function run() {
  const html = $('html').value;
  const url = $('url').value.trim();
  const options = { keepImages: $('images').checked };
  if (url) options.url = url;
  status('cleaning…');
  await init();
  const t0 = performance.now();
  let article;
  try {
    article = await clean(html, options);
  } catch (e) {
    status(e.message, true);
    return;
  }
  const ms = performance.now() - t0;
  const bytes = new TextEncoder().encode(html).length;
  $('time').textContent = `${ms.toFixed(1)} ms (${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s)`;
  $('size').textContent = `${(bytes / 1024).toFixed(1)} KiB`;
  $('summary').textContent = summarizeReport(article.report);
  $('original').srcdoc = html;
  $('reader').srcdoc = articleDocument(article, { theme: 'light' });
  showFields(article);
  showReport(article.report);
  status(`done: “${article.title}”, ${article.wordCount} words`);
  document.documentElement.dataset.cleaned = 'true';
}

async function loadFile(file) {
  $('html').value = await file.text();
  await run();
}

$('clean').addEventListener('click', run);
$('file').addEventListener('change', (e) => e.target.files[0] && loadFile(e.target.files[0]));
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
  .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`seed.html: HTTP ${r.status}`))))
  .then((text) => { $('html').value = text; return run(); })
  .catch((e) => status(`Paste some HTML to start (${e.message})`, true));
