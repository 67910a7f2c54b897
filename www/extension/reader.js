// The reader view UI, an extension page shown in an iframe over the
// hidden page. Asks the background for the article of its tab, renders it
// into a sandboxed, script-free frame, and persists the settings.
import { api } from './browser.js';
import { ReaderToBackground } from './messages.js';
import {
  articleDocument, applySettings, normalizeSettings, summarizeReport, FONT_SIZES,
} from './render.js';

const $ = (sel) => document.querySelector(sel);
const frame = $('#article');
let settings = normalizeSettings();
let pageUrl = '';

async function loadSettings() {
  const { settings: stored } = await api.storage.local.get('settings');
  return normalizeSettings(stored);
}

function reflect() {
  document.documentElement.dataset.theme = settings.theme;
  for (const b of document.querySelectorAll('[data-theme-choice]')) {
    b.setAttribute('role', 'radio');
    b.setAttribute('aria-checked', String(b.dataset.themeChoice === settings.theme));
  }
  $('#font').textContent = settings.font === 'serif' ? 'Sans' : 'Serif';
  $('#width').value = settings.width;
  $('#smaller').disabled = settings.fontSize === FONT_SIZES[0];
  $('#larger').disabled = settings.fontSize === FONT_SIZES.at(-1);
  if (frame.contentDocument?.documentElement) applySettings(frame.contentDocument, settings);
}

async function update(patch) {
  settings = normalizeSettings({ ...settings, ...patch });
  reflect();
  await api.storage.local.set({ settings });
}

function close() {
  api.runtime.sendMessage({ type: ReaderToBackground.CLOSE }).catch(() => {});
}

function showError(text) {
  const p = $('[data-testid="error"]');
  p.textContent = text;
  p.hidden = false;
}

function renderReport(report) {
  $('[data-testid="report-summary"]').textContent = summarizeReport(report);
  const list = $('[data-testid="report-list"]');
  list.replaceChildren();
  for (const r of report?.removed ?? []) {
    const li = document.createElement('li');
    li.textContent = `${r.category}: ${r.element} — ${r.reason} `;
    const small = document.createElement('small');
    small.textContent = r.preview ? `“${r.preview}”` : '';
    li.append(small);
    list.append(li);
  }
}

async function main() {
  settings = await loadSettings();
  reflect();
  for (const b of document.querySelectorAll('[data-theme-choice]')) {
    b.addEventListener('click', () => update({ theme: b.dataset.themeChoice }));
  }
  $('#smaller').addEventListener('click', () => update({ fontSize: FONT_SIZES[Math.max(0, FONT_SIZES.indexOf(settings.fontSize) - 1)] }));
  $('#larger').addEventListener('click', () => update({ fontSize: FONT_SIZES[Math.min(FONT_SIZES.length - 1, FONT_SIZES.indexOf(settings.fontSize) + 1)] }));
  $('#font').addEventListener('click', () => update({ font: settings.font === 'serif' ? 'sans' : 'serif' }));
  $('#width').addEventListener('change', (e) => update({ width: e.target.value }));
  $('#print').addEventListener('click', () => frame.contentWindow?.print());
  $('#close').addEventListener('click', close);
  $('#always').addEventListener('change', async (e) => {
    const on = e.target.checked;
    if (on && pageUrl) {
      // Only this site, and only now that the user asked (this click is the user gesture).
      const u = new URL(pageUrl);
      const granted = await api.permissions.request({ origins: [`${u.protocol}//${u.hostname}/*`] }).catch(() => false);
      if (!granted) { e.target.checked = false; return; }
    }
    const reply = await api.runtime.sendMessage({ type: ReaderToBackground.SET_ALWAYS, on });
    e.target.checked = !!reply?.always;
    if (reply && !reply.ok && reply.error) showError(`Always on this site: ${reply.error}`);
  });
  const onKey = (e) => { if (e.key === 'Escape') { e.preventDefault(); close(); } };
  document.addEventListener('keydown', onKey);
  // Settings changed in another tab's reader view.
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.settings) { settings = normalizeSettings(changes.settings.newValue); reflect(); }
  });

  const reply = await api.runtime.sendMessage({ type: ReaderToBackground.GET_ARTICLE });
  if (!reply?.ok) { showError(reply?.error ?? 'No article.'); return; }
  const { article } = reply;
  $('#always').checked = !!reply.always;
  pageUrl = reply.url;
  document.title = article.title || 'Reader view';
  renderReport(article.report);
  frame.addEventListener('load', () => {
    applySettings(frame.contentDocument, settings);
    frame.contentDocument.addEventListener('keydown', onKey);
    frame.contentWindow.focus();
    document.documentElement.dataset.ready = 'true';
  }, { once: true });
  frame.srcdoc = articleDocument(article, settings);
}

main().catch((e) => showError(`Reader view failed: ${e?.message ?? e}`));
