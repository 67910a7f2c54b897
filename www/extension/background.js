// @ts-check
// Background (Chrome: service worker; Firefox: event page). The wasm
// cleaner runs here, in the extension's own context, so no page CSP can
// stop it (Chrome applies the page CSP to wasm compiled in content scripts).
import { init, clean, toMarkdown } from '../lib/declutter.js';
import { markdownDocument } from '../shared/render.js';
import { api, onMessage, sessionStore, action } from './browser.js';
import {
  ContentToBackground, BackgroundToContent, ReaderToBackground, AutoToBackground, isMessage,
} from './messages.js';

// The .wasm ships in the extension; nothing is fetched from the network.
const wasmReady = () => init(api.runtime.getURL('declutter_bg.wasm'));

/** @typedef {{ article: import('../shared/render.js').RenderArticle, url: string }} Entry */

/** The message a page with nothing to read gets (and is left untouched). */
export const NOTHING_TO_READ = 'Nothing to read here: this page has no article text (it may be an app, a list of links or still loading).';

/** tabId -> the article the reader frame of that tab shows. @type {Map<number, Entry>} */
const articles = new Map();

/** @param {number} tabId @param {Entry} entry */
async function remember(tabId, entry) {
  articles.set(tabId, entry);
  if (sessionStore) await sessionStore.set({ [`article:${tabId}`]: entry }).catch(() => {});
}
/** @param {number} tabId @returns {Promise<Entry | undefined>} */
async function recall(tabId) {
  if (articles.has(tabId)) return articles.get(tabId);
  if (!sessionStore) return undefined;
  const key = `article:${tabId}`;
  return (await sessionStore.get(key).catch(() => ({})))[key];
}
/** @param {number} tabId */
async function forget(tabId) {
  articles.delete(tabId);
  if (sessionStore) await sessionStore.remove(`article:${tabId}`).catch(() => {});
}

/** @param {number} tabId */
async function ensureContentScript(tabId) {
  await api.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
}

/**
 * Toggles reader view in `tab`: the toolbar button, the keyboard shortcut
 * (`_execute_action`) and the tests (through `self.declutterToggle`) all
 * call this one function.
 * @param {{ id: number }} tab
 * @returns {Promise<import('./messages.js').ToggleReply>}
 */
export async function toggle(tab) {
  try {
    await ensureContentScript(tab.id);
    /** @type {import('./messages.js').Toggle} */
    const msg = { type: BackgroundToContent.TOGGLE };
    return await api.tabs.sendMessage(tab.id, msg);
  } catch (e) {
    // Pages an extension may not script (chrome://, the web store, PDFs...).
    return { state: 'error', error: String(/** @type {any} */ (e)?.message ?? e) };
  }
}
/** @type {any} */ (globalThis).declutterToggle = toggle;

action.onClicked.addListener((/** @type {{ id: number }} */ tab) => { toggle(tab); });

api.tabs.onRemoved.addListener((/** @type {number} */ tabId) => { forget(tabId); });

/** @returns {Promise<string[]>} */
async function alwaysSites() {
  const { alwaysSites: list = [] } = await api.storage.local.get('alwaysSites');
  return list;
}

/** The match pattern for a page's site (match patterns carry no port). @param {string} url */
export function sitePattern(url) {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * "Always open in reader view" for a site. The reader frame asks for the
 * permission for that one site first (it has the user's click); here the
 * auto-start script is registered for it, or removed.
 * @param {string} url @param {boolean} on
 * @returns {Promise<import('./messages.js').AlwaysReply>}
 */
async function setAlways(url, on) {
  const u = new URL(url);
  if (!/^https?:$/.test(u.protocol)) return { ok: false, always: false, error: 'only http(s) sites' };
  const origin = sitePattern(url);
  const id = `always:${u.protocol}${u.hostname}`;
  let list = await alwaysSites();
  await api.scripting.unregisterContentScripts({ ids: [id] }).catch(() => {});
  if (on) {
    if (!(await api.permissions.contains({ origins: [origin] }))) {
      return { ok: false, always: false, error: 'permission not granted' };
    }
    await api.scripting.registerContentScripts([
      { id, matches: [origin], js: ['content.js', 'autostart.js'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
    if (!list.includes(u.hostname)) list = [...list, u.hostname];
  } else {
    list = list.filter((h) => h !== u.hostname);
  }
  await api.storage.local.set({ alwaysSites: list });
  return { ok: true, always: on };
}

onMessage(async (/** @type {unknown} */ msg, /** @type {any} */ sender) => {
  /** @type {number} */
  const tabId = sender.tab?.id;
  if (isMessage(msg, ContentToBackground)) {
    if (msg.type === ContentToBackground.CLEAN_PAGE) {
      try {
        await wasmReady();
        const url = /^https?:/.test(String(msg.url)) ? String(msg.url) : undefined;
        const article = await clean(String(msg.html), url ? { url } : {});
        if (!article.textContent.trim()) {
          return { ok: false, error: article.emptyReason ? `${NOTHING_TO_READ} The cleaner says: ${article.emptyReason}.` : NOTHING_TO_READ };
        }
        await remember(tabId, { article, url: String(msg.url) });
        return { ok: true, title: article.title };
      } catch (e) {
        return { ok: false, error: String(/** @type {any} */ (e)?.message ?? e) };
      }
    }
    if (msg.type === ContentToBackground.CLOSED) { forget(tabId); return undefined; }
  }
  if (isMessage(msg, ReaderToBackground)) {
    if (msg.type === ReaderToBackground.GET_ARTICLE) {
      const entry = await recall(tabId);
      if (!entry) return { ok: false, error: 'The article is gone; toggle reader view again.' };
      const host = (() => { try { return new URL(entry.url).hostname; } catch { return ''; } })();
      return { ok: true, article: entry.article, url: entry.url, always: (await alwaysSites()).includes(host) };
    }
    if (msg.type === ReaderToBackground.CLOSE) {
      /** @type {import('./messages.js').CloseContent} */
      const close = { type: BackgroundToContent.CLOSE };
      api.tabs.sendMessage(tabId, close).catch(() => {});
      return undefined;
    }
    if (msg.type === ReaderToBackground.GET_MARKDOWN) {
      const entry = await recall(tabId);
      if (!entry) return { ok: false, error: 'The article is gone; toggle reader view again.' };
      try {
        await wasmReady();
        const { article } = entry;
        // A forum thread: each post under its author's name.
        const body = article.pageType === 'forum' && Array.isArray(article.posts) && article.posts.length
          ? (await Promise.all(article.posts.map(async (p) => `## ${(p.author ?? 'Anonymous').replace(/\s+/g, ' ')}\n\n${(await toMarkdown(p.content ?? '')).trim()}`))).join('\n\n')
          : await toMarkdown(article.content);
        return { ok: true, title: article.title, markdown: markdownDocument(article, body, entry.url) };
      } catch (e) {
        return { ok: false, error: String(/** @type {any} */ (e)?.message ?? e) };
      }
    }
    if (msg.type === ReaderToBackground.SET_ALWAYS) {
      const entry = await recall(tabId);
      if (!entry) return { ok: false, always: false, error: 'no page' };
      return setAlways(entry.url, msg.on === true);
    }
  }
  if (isMessage(msg, AutoToBackground) && msg.type === AutoToBackground.OPEN && sender.tab) {
    return toggle(sender.tab);
  }
  return undefined;
});
