// @ts-check
// Every difference between Chrome and Firefox the extension cares about,
// in one place.

const g = /** @type {any} */ (globalThis);

/**
 * The WebExtension API object: `browser` (Firefox) or `chrome`. Typed
 * `any`: the two vendors' API typings disagree; our own message and
 * settings types are what `tsc --checkJs` checks.
 * @type {any}
 */
export const api = g.browser ?? g.chrome;

export const isFirefox = typeof g.browser !== 'undefined' &&
  typeof g.browser.runtime?.getBrowserInfo === 'function';

/**
 * runtime.onMessage with an async handler. Chrome ignores a returned
 * Promise (before Chrome 144) and wants `sendResponse` + `return true`;
 * Firefox accepts both, so use the form that works everywhere.
 * @param {(msg: unknown, sender: any) => unknown} handler  undefined: no reply
 */
export function onMessage(handler) {
  api.runtime.onMessage.addListener((/** @type {unknown} */ msg, /** @type {any} */ sender, /** @type {(r: unknown) => void} */ sendResponse) => {
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
 * @param {string} css
 * @returns {CSSStyleSheet}
 */
export function makePageSheet(css) {
  const w = /** @type {any} */ (window);
  const Ctor = isFirefox && w.wrappedJSObject ? w.wrappedJSObject.CSSStyleSheet : CSSStyleSheet;
  const sheet = new Ctor();
  sheet.replaceSync(css);
  return sheet;
}

/** Firefox's Xray helper (content scripts only). @type {(v: unknown, w: Window) => any} */
const cloneIntoPage = (v, w) => g.cloneInto(v, w);

/** @param {Document} doc @param {CSSStyleSheet} sheet */
export function adoptSheet(doc, sheet) {
  const d = /** @type {any} */ (doc);
  if (isFirefox && d.wrappedJSObject) {
    const page = d.wrappedJSObject;
    page.adoptedStyleSheets = cloneIntoPage([...page.adoptedStyleSheets, sheet], window);
  } else {
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }
}

/** @param {Document} doc @param {CSSStyleSheet} sheet */
export function unadoptSheet(doc, sheet) {
  const d = /** @type {any} */ (doc);
  if (isFirefox && d.wrappedJSObject) {
    const page = d.wrappedJSObject;
    page.adoptedStyleSheets = cloneIntoPage([...page.adoptedStyleSheets].filter((/** @type {CSSStyleSheet} */ s) => s !== sheet), window);
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
