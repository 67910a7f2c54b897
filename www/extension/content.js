// @ts-check
// Content script: injected on demand (chrome.scripting) into the tab whose
// toolbar button was pressed. It never runs the cleaner (the background
// does) and never changes the page's markup permanently: opening the
// reader view hides <body> with a constructed stylesheet (no DOM node, not
// subject to the page CSP) and adds one element, <declutter-reader>, whose
// closed shadow root holds the extension's reader frame. Closing removes
// both and restores the scroll position and focus, so the page's DOM is
// byte-identical, form input and media state untouched.
import { api, onMessage, makePageSheet, adoptSheet, unadoptSheet } from './browser.js';
import { BackgroundToContent, ContentToBackground, isMessage } from './messages.js';

const HOST_TAG = 'declutter-reader';
// Long enough to read two lines of message; the page is untouched once it goes.
const TOAST_MS = 6000;

const g = /** @type {any} */ (globalThis);
if (!g.__declutterContent) {
  g.__declutterContent = true;

  /** @type {{ host: HTMLElement, scrollX: number, scrollY: number, focus: Element | null } | null} */
  let open = null;
  let busy = false;

  const hideSheet = makePageSheet(`
    html > body { display: none !important; }
    html { overflow: hidden !important; }
    ${HOST_TAG} { all: initial !important; position: fixed !important; inset: 0 !important;
      z-index: 2147483647 !important; display: block !important; width: 100vw !important;
      height: 100vh !important; }
  `);

  function pageHtml() {
    const dt = document.doctype;
    const doctype = dt ? `<!DOCTYPE ${dt.name}${dt.publicId ? ` PUBLIC "${dt.publicId}"` : ''}${dt.systemId ? ` "${dt.systemId}"` : ''}>\n` : '';
    return doctype + document.documentElement.outerHTML;
  }

  /** @param {KeyboardEvent} e */
  function onKey(e) {
    if (e.key === 'Escape') { e.preventDefault(); close(); }
  }

  /** @returns {Promise<import('./messages.js').ToggleReply>} */
  async function openReader() {
    // The page as it is now (after its scripts ran), and where it lives.
    /** @type {import('./messages.js').CleanPage} */
    const msg = { type: ContentToBackground.CLEAN_PAGE, html: pageHtml(), url: location.href };
    /** @type {import('./messages.js').CleanReply} */
    const reply = await api.runtime.sendMessage(msg);
    if (!reply?.ok) {
      const error = (reply && !reply.ok && reply.error) || 'cleaning failed';
      toast(`Reader view: ${error}`);
      return { state: 'error', error };
    }
    const state = {
      scrollX: window.scrollX, scrollY: window.scrollY, focus: document.activeElement,
    };
    const host = document.createElement(HOST_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const frame = document.createElement('iframe');
    frame.src = api.runtime.getURL('reader.html');
    frame.title = 'Reader view';
    // "Copy as Markdown" writes the clipboard from this cross-origin frame.
    frame.allow = 'clipboard-write';
    frame.setAttribute('style', 'border:0;width:100%;height:100%;display:block;color-scheme:normal');
    root.append(frame);
    adoptSheet(document, hideSheet);
    document.documentElement.append(host);
    document.addEventListener('keydown', onKey, true);
    frame.addEventListener('load', () => frame.focus(), { once: true });
    open = { host, ...state };
    return { state: 'opened' };
  }

  /** @returns {import('./messages.js').ToggleReply} */
  function close() {
    if (!open) return { state: 'closed' };
    const { host, scrollX, scrollY, focus } = open;
    open = null;
    document.removeEventListener('keydown', onKey, true);
    host.remove();
    unadoptSheet(document, hideSheet);
    window.scrollTo(scrollX, scrollY);
    if (focus instanceof HTMLElement && focus !== document.body) focus.focus({ preventScroll: true });
    /** @type {import('./messages.js').Closed} */
    const closed = { type: ContentToBackground.CLOSED };
    api.runtime.sendMessage(closed).catch(() => {});
    return { state: 'closed' };
  }

  /** A short message that removes itself; the page is otherwise untouched. @param {string} text */
  function toast(text) {
    const host = document.createElement(HOST_TAG + '-toast');
    const root = host.attachShadow({ mode: 'closed' });
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.textContent = text;
    box.setAttribute('style', 'position:fixed;top:16px;right:16px;z-index:2147483647;max-width:360px;' +
      'padding:12px 16px;border-radius:8px;background:#b00020;color:#fff;font:14px/1.4 system-ui,sans-serif;' +
      'box-shadow:0 4px 16px rgba(0,0,0,.3)');
    root.append(box);
    document.documentElement.append(host);
    setTimeout(() => host.remove(), TOAST_MS);
  }

  onMessage((/** @type {unknown} */ msg) => {
    if (!isMessage(msg, BackgroundToContent)) return undefined;
    if (msg.type === BackgroundToContent.CLOSE) return close();
    if (msg.type === BackgroundToContent.TOGGLE) {
      if (open) return close();
      if (busy) return { state: 'error', error: 'busy' };
      busy = true;
      return openReader()
        .catch((/** @type {any} */ e) => {
          toast(`Reader view: ${e?.message ?? e}`);
          return { state: 'error', error: String(e?.message ?? e) };
        })
        .finally(() => { busy = false; });
    }
    return undefined;
  });
}
