// @ts-check
// The reader view UI, an extension page shown in an iframe over the
// hidden page. Asks the background for the article of its tab, renders it
// into a sandboxed, script-free frame, persists the settings, reads the
// article aloud, saves and copies it.
import { api } from './browser.js';
import { ReaderToBackground } from './messages.js';
import {
  articleDocument, applySettings, normalizeSettings, summarizeReport, stepIn, fileName, markdownDocument,
  FONT_SIZES, THEMES, LINE_HEIGHTS, LETTER_SPACINGS,
} from '../shared/render.js';
import { Speaker, readableBlocks, RATES } from '../shared/speech.js';
import { SHORTCUTS, shortcutAction } from '../shared/shortcuts.js';

/** @typedef {import('../shared/render.js').Settings} Settings */
/** @typedef {import('../shared/render.js').RenderArticle} RenderArticle */

/**
 * @template {Element} [T=HTMLElement]
 * @param {string} sel
 * @returns {T}
 */
const $ = (sel) => /** @type {T} */ (/** @type {unknown} */ (document.querySelector(sel)));
const frame = /** @type {HTMLIFrameElement} */ ($('#article'));
const help = /** @type {HTMLDialogElement} */ ($('#help'));
let settings = normalizeSettings();
let pageUrl = '';
/** @type {RenderArticle | null} */
let article = null;

async function loadSettings() {
  const { settings: stored } = await api.storage.local.get('settings');
  return normalizeSettings(stored);
}

/** @param {HTMLSelectElement} select @param {number[]} values @param {(v: number) => string} label */
function fillSelect(select, values, label) {
  select.replaceChildren(...values.map((v) => new Option(label(v), String(v))));
}

function reflect() {
  document.documentElement.dataset.theme = settings.theme;
  for (const b of document.querySelectorAll('[data-theme-choice]')) {
    const btn = /** @type {HTMLElement} */ (b);
    btn.setAttribute('role', 'radio');
    btn.setAttribute('aria-checked', String(btn.dataset.themeChoice === settings.theme));
  }
  $('#font').textContent = settings.font === 'serif' ? 'Sans' : 'Serif';
  $('#font').setAttribute('aria-label', settings.font === 'serif' ? 'Use a sans-serif font' : 'Use a serif font');
  /** @type {HTMLSelectElement} */ ($('#width')).value = settings.width;
  /** @type {HTMLSelectElement} */ ($('#line-height')).value = String(settings.lineHeight);
  /** @type {HTMLSelectElement} */ ($('#letter-spacing')).value = String(settings.letterSpacing);
  /** @type {HTMLButtonElement} */ ($('#smaller')).disabled = settings.fontSize === FONT_SIZES[0];
  /** @type {HTMLButtonElement} */ ($('#larger')).disabled = settings.fontSize === FONT_SIZES.at(-1);
  if (frame.contentDocument?.documentElement) applySettings(frame.contentDocument, settings);
}

/**
 * Settings this page wrote itself, as JSON. storage.onChanged reports our
 * own writes back, late: two quick changes (line height, then letter
 * spacing) would otherwise see the first write's echo undo the second.
 * @type {string[]}
 */
const ownWrites = [];

/** @param {Partial<Settings>} patch */
async function update(patch) {
  settings = normalizeSettings({ ...settings, ...patch });
  reflect();
  ownWrites.push(JSON.stringify(settings));
  await api.storage.local.set({ settings });
}

function close() {
  speaker?.stop();
  api.runtime.sendMessage({ type: ReaderToBackground.CLOSE }).catch(() => {});
}

/** @param {string} text */
function showError(text) {
  const p = $('[data-testid="error"]');
  p.textContent = text;
  p.hidden = false;
}

/** A short note for sighted and screen-reader users alike (role=status). @param {string} text */
function say(text) {
  $('#status').textContent = text;
}

/** @param {import('../lib/index.d.ts').Report | undefined} report */
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

// ---------------------------------------------------------------- read aloud

/** @type {Speaker | null} */
let speaker = null;
/** @type {Element | null} */
let reading = null;

function speechSynth() {
  // Looked up at each use, not cached: the e2e tests stand in a recorder.
  return /** @type {SpeechSynthesis | undefined} */ (globalThis.speechSynthesis);
}

/** @param {'playing' | 'paused' | 'stopped'} state */
function reflectSpeech(state) {
  const speak = $('#speak');
  speak.textContent = state === 'playing' ? '❚❚ Pause' : state === 'paused' ? '▶ Resume' : '▶ Read aloud';
  speak.setAttribute('aria-label', state === 'playing' ? 'Pause reading aloud' : state === 'paused' ? 'Resume reading aloud' : 'Read aloud');
  speak.dataset.state = state;
  /** @type {HTMLButtonElement} */ ($('#speak-stop')).disabled = state === 'stopped';
}

/** @param {number} _index @param {{ el: Element } | null} block */
function highlight(_index, block) {
  reading?.removeAttribute('data-reading');
  reading = block?.el ?? null;
  if (reading) {
    reading.setAttribute('data-reading', '');
    reading.scrollIntoView({ block: 'center', behavior: 'auto' });
  }
}

function selectedVoice() {
  const name = /** @type {HTMLSelectElement} */ ($('#speak-voice')).value;
  return (speechSynth()?.getVoices() ?? []).find((v) => v.voiceURI === name) ?? null;
}

function fillVoices() {
  const select = /** @type {HTMLSelectElement} */ ($('#speak-voice'));
  const keep = select.value;
  const lang = (article?.lang ?? '').toLowerCase().split('-')[0];
  const voices = [...(speechSynth()?.getVoices() ?? [])]
    // The article's language first.
    .sort((a, b) => Number(b.lang.toLowerCase().startsWith(lang)) - Number(a.lang.toLowerCase().startsWith(lang)));
  select.replaceChildren(new Option('Default', ''), ...voices.map((v) => new Option(`${v.name} (${v.lang})`, v.voiceURI)));
  select.value = voices.some((v) => v.voiceURI === keep) ? keep : '';
}

function ensureSpeaker() {
  const synth = speechSynth();
  if (!synth) return null;
  if (!speaker || speaker.synth !== synth) {
    speaker?.stop();
    speaker = new Speaker({ synth, onBlock: highlight, onState: reflectSpeech });
    speaker.lang = article?.lang ?? '';
    speaker.rate = Number(/** @type {HTMLSelectElement} */ ($('#speak-rate')).value) || 1;
    speaker.voice = selectedVoice();
  }
  return speaker;
}

function toggleSpeech() {
  const s = ensureSpeaker();
  const doc = frame.contentDocument;
  if (!s || !doc) return;
  if (s.state === 'stopped') s.play(readableBlocks(doc));
  else s.toggle();
}

function setupSpeech() {
  if (!speechSynth() || typeof SpeechSynthesisUtterance !== 'function') {
    $('#speech-group').hidden = true; // no speech engine: no dead controls
    return;
  }
  fillSelect(/** @type {HTMLSelectElement} */ ($('#speak-rate')), RATES, (r) => `${r}×`);
  /** @type {HTMLSelectElement} */ ($('#speak-rate')).value = '1';
  fillVoices();
  speechSynth()?.addEventListener?.('voiceschanged', fillVoices);
  $('#speak').addEventListener('click', toggleSpeech);
  $('#speak-stop').addEventListener('click', () => speaker?.stop());
  $('#speak-rate').addEventListener('change', (e) => {
    speaker?.configure({ rate: Number(/** @type {HTMLSelectElement} */ (e.target).value) || 1 });
  });
  $('#speak-voice').addEventListener('change', () => speaker?.configure({ voice: selectedVoice() }));
  window.addEventListener('pagehide', () => speaker?.stop());
}

// ---------------------------------------------------------------- save / copy

/**
 * Offers `text` as a file download named `name`.
 * @param {string} name @param {string} type @param {string} text
 */
function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not now: the download reads the blob asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function markdown() {
  /** @type {import('./messages.js').MarkdownReply} */
  const reply = await api.runtime.sendMessage({ type: ReaderToBackground.GET_MARKDOWN });
  if (!reply?.ok) throw new Error(reply?.error ?? 'no Markdown');
  return reply.markdown;
}

/** @param {string} text */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Older engines or a denied permission: the classic way (a user gesture is active).
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('aria-hidden', 'true');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    if (!ok) throw new Error('the clipboard is not available');
  }
}

function setupSaving() {
  $('#save-html').addEventListener('click', () => {
    if (!article) return;
    const name = fileName(article.title, 'html');
    download(name, 'text/html;charset=utf-8', articleDocument(article, settings, { sourceUrl: pageUrl }));
    say(`Saved “${name}”.`);
  });
  $('#save-md').addEventListener('click', async () => {
    if (!article) return;
    try {
      const name = fileName(article.title, 'md');
      download(name, 'text/markdown;charset=utf-8', await markdown());
      say(`Saved “${name}”.`);
    } catch (e) { say(`Could not save Markdown: ${/** @type {Error} */ (e).message}`); }
  });
  $('#copy-md').addEventListener('click', async () => {
    if (!article) return;
    try {
      await copyText(await markdown());
      say('Copied the article as Markdown.');
    } catch (e) { say(`Could not copy: ${/** @type {Error} */ (e).message}`); }
  });
  $('#print').addEventListener('click', () => frame.contentWindow?.print());
}

// ---------------------------------------------------------------- keyboard

function fillHelp() {
  const dl = $('[data-testid="help-list"]');
  dl.replaceChildren();
  for (const s of SHORTCUTS) {
    const dt = document.createElement('dt');
    const kbd = document.createElement('kbd');
    kbd.textContent = s.label;
    dt.append(kbd);
    const dd = document.createElement('dd');
    dd.textContent = s.description;
    dl.append(dt, dd);
  }
}

function openHelp() {
  if (!help.open) help.showModal();
}

/** @param {KeyboardEvent} e */
function onKey(e) {
  const action = shortcutAction(e);
  if (!action) return;
  if (help.open && action !== 'close') return; // the dialog is modal
  e.preventDefault();
  if (action === 'close') {
    if (help.open) help.close();
    else close();
  } else if (action === 'larger') update({ fontSize: stepIn(FONT_SIZES, settings.fontSize, +1) });
  else if (action === 'smaller') update({ fontSize: stepIn(FONT_SIZES, settings.fontSize, -1) });
  else if (action === 'theme') update({ theme: THEMES[(THEMES.indexOf(settings.theme) + 1) % THEMES.length] });
  else if (action === 'speak') toggleSpeech();
  else if (action === 'help') openHelp();
}

// ---------------------------------------------------------------- main

async function main() {
  fillSelect(/** @type {HTMLSelectElement} */ ($('#line-height')), LINE_HEIGHTS, (v) => String(v));
  fillSelect(/** @type {HTMLSelectElement} */ ($('#letter-spacing')), LETTER_SPACINGS, (v) => (v ? `${v} em` : 'Normal'));
  fillHelp();
  settings = await loadSettings();
  reflect();
  for (const b of document.querySelectorAll('[data-theme-choice]')) {
    const btn = /** @type {HTMLElement} */ (b);
    btn.addEventListener('click', () => update({ theme: /** @type {Settings['theme']} */ (btn.dataset.themeChoice) }));
  }
  $('#smaller').addEventListener('click', () => update({ fontSize: stepIn(FONT_SIZES, settings.fontSize, -1) }));
  $('#larger').addEventListener('click', () => update({ fontSize: stepIn(FONT_SIZES, settings.fontSize, +1) }));
  $('#font').addEventListener('click', () => update({ font: settings.font === 'serif' ? 'sans' : 'serif' }));
  /** @param {string} sel @param {(v: string) => Partial<Settings>} patch */
  const onChange = (sel, patch) => $(sel).addEventListener('change', (e) => update(patch(/** @type {HTMLSelectElement} */ (e.target).value)));
  onChange('#width', (v) => ({ width: /** @type {Settings['width']} */ (v) }));
  onChange('#line-height', (v) => ({ lineHeight: Number(v) }));
  onChange('#letter-spacing', (v) => ({ letterSpacing: Number(v) }));
  $('#close').addEventListener('click', close);
  $('#help-open').addEventListener('click', openHelp);
  $('#always').addEventListener('change', async (e) => {
    const box = /** @type {HTMLInputElement} */ (e.target);
    const on = box.checked;
    if (on && pageUrl) {
      // Only this site, and only now that the user asked (this click is the user gesture).
      const u = new URL(pageUrl);
      const granted = await api.permissions.request({ origins: [`${u.protocol}//${u.hostname}/*`] }).catch(() => false);
      if (!granted) { box.checked = false; return; }
    }
    /** @type {import('./messages.js').AlwaysReply} */
    const reply = await api.runtime.sendMessage({ type: ReaderToBackground.SET_ALWAYS, on });
    box.checked = !!reply?.always;
    if (reply && !reply.ok && reply.error) showError(`Always on this site: ${reply.error}`);
  });
  document.addEventListener('keydown', onKey);
  // Settings changed in another tab's reader view.
  api.storage.onChanged.addListener((/** @type {any} */ changes, /** @type {string} */ area) => {
    if (area !== 'local' || !changes.settings) return;
    const next = normalizeSettings(changes.settings.newValue);
    const own = ownWrites.indexOf(JSON.stringify(next));
    if (own >= 0) { ownWrites.splice(0, own + 1); return; } // our echo (and any older ones)
    settings = next;
    reflect();
  });
  setupSaving();

  /** @type {import('./messages.js').ArticleReply} */
  const reply = await api.runtime.sendMessage({ type: ReaderToBackground.GET_ARTICLE });
  if (!reply?.ok) { showError(reply?.error ?? 'No article.'); return; }
  article = reply.article;
  /** @type {HTMLInputElement} */ ($('#always')).checked = !!reply.always;
  pageUrl = reply.url;
  document.title = article.title ? `${article.title} — Reader view` : 'Reader view';
  setupSpeech();
  renderReport(article.report);
  frame.addEventListener('load', () => {
    const doc = /** @type {Document} */ (frame.contentDocument);
    applySettings(doc, settings);
    doc.addEventListener('keydown', onKey);
    frame.contentWindow?.focus();
    document.documentElement.dataset.ready = 'true';
  }, { once: true });
  frame.srcdoc = articleDocument(article, settings);
}

main().catch((e) => showError(`Reader view failed: ${e?.message ?? e}`));
