// Every difference between Chrome and Firefox the extension cares about,
// in one place.

/** The WebExtension API object: `browser` (Firefox) or `chrome`. */
export const api = globalThis.browser ?? globalThis.chrome;

export const isFirefox = typeof globalThis.browser !== 'undefined' &&
  typeof globalThis.browser.runtime?.getBrowserInfo === 'function';

/**
 * runtime.onMessage with an async handler. Chrome ignores a returned
 * Promise (before Chrome 144) and wants `sendResponse` + `return true`;
 * Firefox accepts both, so use the form that works everywhere.
 */
export function onMessage(handler) {
  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    const result = handler(msg, sender);
    if (result === undefined) return false;
    Promise.resolve(result).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }));
    return true;
  });
}

/**
 * A constructed stylesheet usable on `document.adoptedStyleSheets` of the
 * page from a content script. Constructed sheets are not subject to the
 * page's CSP (an inline <style> would be) and never appear in the DOM, so
 * the page's markup stays byte-identical. Firefox's content scripts see the
 * page through Xray wrappers: the sheet must come from the page's own
 * CSSStyleSheet constructor and the array be rebuilt in the page's realm.
 */
export function makePageSheet(css) {
  const Ctor = isFirefox && window.wrappedJSObject ? window.wrappedJSObject.CSSStyleSheet : CSSStyleSheet;
  const sheet = new Ctor();
  sheet.replaceSync(css);
  return sheet;
}

export function adoptSheet(doc, sheet) {
  if (isFirefox && doc.wrappedJSObject) {
    const page = doc.wrappedJSObject;
    page.adoptedStyleSheets = cloneInto([...page.adoptedStyleSheets, sheet], window);
  } else {
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }
}

export function unadoptSheet(doc, sheet) {
  if (isFirefox && doc.wrappedJSObject) {
    const page = doc.wrappedJSObject;
    page.adoptedStyleSheets = cloneInto([...page.adoptedStyleSheets].filter((s) => s !== sheet), window);
  } else {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  }
}

/**
 * Per-tab session storage survives a restart of Chrome's service worker
 * between two messages; Firefox's event page keeps memory, and older
 * versions lack storage.session.
 */
export const sessionStore = api.storage?.session ?? null;

/** The toolbar button API: `action` in MV3 on both browsers. */
export const action = api.action ?? api.browserAction;
