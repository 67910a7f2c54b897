// Background (Chrome: service worker; Firefox: event page). The wasm
// cleaner runs here, in the extension's own context, so no page CSP can
// stop it (Chrome applies the page CSP to wasm compiled in content scripts).
import { init, clean } from '../lib/declutter.js';
import { api, onMessage, sessionStore, action } from './browser.js';
import {
  ContentToBackground, BackgroundToContent, ReaderToBackground, AutoToBackground, isMessage,
} from './messages.js';

// The .wasm ships in the extension; nothing is fetched from the network.
const wasmReady = () => init(api.runtime.getURL('declutter_bg.wasm'));

/** tabId -> { article, url }: the article the reader frame of that tab shows. */
const articles = new Map();

async function remember(tabId, entry) {
  articles.set(tabId, entry);
  if (sessionStore) await sessionStore.set({ [`article:${tabId}`]: entry }).catch(() => {});
}
async function recall(tabId) {
  if (articles.has(tabId)) return articles.get(tabId);
  if (!sessionStore) return undefined;
  const key = `article:${tabId}`;
  return (await sessionStore.get(key).catch(() => ({})))[key];
}
async function forget(tabId) {
  articles.delete(tabId);
  if (sessionStore) await sessionStore.remove(`article:${tabId}`).catch(() => {});
}

async function ensureContentScript(tabId) {
  await api.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
}

/**
 * Toggles reader view in `tab`: the toolbar button, the keyboard shortcut
 * (`_execute_action`) and the tests (through `self.declutterToggle`) all
 * call this one function.
 * @returns {Promise<import('./messages.js').ToggleReply>}
 */
export async function toggle(tab) {
  try {
    await ensureContentScript(tab.id);
    return await api.tabs.sendMessage(tab.id, { type: BackgroundToContent.TOGGLE });
  } catch (e) {
    // Pages an extension may not script (chrome://, the web store, PDFs...).
    return { state: 'error', error: String(e?.message ?? e) };
  }
}
globalThis.declutterToggle = toggle;

action.onClicked.addListener((tab) => { toggle(tab); });

api.tabs.onRemoved.addListener((tabId) => { forget(tabId); });

async function alwaysSites() {
  const { alwaysSites: list = [] } = await api.storage.local.get('alwaysSites');
  return list;
}

/** The match pattern for a page's site (match patterns carry no port). */
export function sitePattern(url) {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * "Always open in reader view" for a site. The reader frame asks for the
 * permission for that one site first (it has the user's click); here the
 * auto-start script is registered for it, or removed.
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

onMessage(async (msg, sender) => {
  const tabId = sender.tab?.id;
  if (isMessage(msg, ContentToBackground)) {
    if (msg.type === ContentToBackground.CLEAN_PAGE) {
      try {
        await wasmReady();
        const url = /^https?:/.test(msg.url) ? msg.url : undefined;
        const article = await clean(msg.html, url ? { url } : {});
        if (!article.textContent.trim()) return { ok: false, error: 'No article found on this page.' };
        await remember(tabId, { article, url: msg.url });
        return { ok: true, title: article.title };
      } catch (e) {
        return { ok: false, error: String(e?.message ?? e) };
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
      api.tabs.sendMessage(tabId, { type: BackgroundToContent.CLOSE }).catch(() => {});
      return undefined;
    }
    if (msg.type === ReaderToBackground.SET_ALWAYS) {
      const entry = await recall(tabId);
      if (!entry) return { ok: false, always: false, error: 'no page' };
      return setAlways(entry.url, !!msg.on);
    }
  }
  if (isMessage(msg, AutoToBackground) && msg.type === AutoToBackground.OPEN && sender.tab) {
    return toggle(sender.tab);
  }
  return undefined;
});
