// Every message the extension sends, grouped by direction. Each direction
// has its own `type` namespace so a handler can never mistake a message
// meant for another context. Payloads and replies are documented as JSDoc
// typedefs; `isMessage` checks the shape at the receiving end.

/** Content script → background. */
export const ContentToBackground = Object.freeze({
  /** Clean the page. Payload {@link CleanPage}; reply {@link CleanReply}. */
  CLEAN_PAGE: 'declutter:content→bg:clean-page',
  /** The reader view was closed in this tab (Esc, toolbar, close button). Reply: none. */
  CLOSED: 'declutter:content→bg:closed',
});

/** Background → content script. */
export const BackgroundToContent = Object.freeze({
  /** Toggle reader view. Reply {@link ToggleReply}. */
  TOGGLE: 'declutter:bg→content:toggle',
  /** Close reader view if open. Reply {@link ToggleReply}. */
  CLOSE: 'declutter:bg→content:close',
});

/** Reader page (extension iframe) → background. */
export const ReaderToBackground = Object.freeze({
  /** The article cleaned for the sender's tab. Reply {@link ArticleReply}. */
  GET_ARTICLE: 'declutter:reader→bg:get-article',
  /** Close the reader view of the sender's tab. Reply: none. */
  CLOSE: 'declutter:reader→bg:close',
  /** Turn "always open in reader view" on/off for the sender's site. Payload {@link SetAlways}; reply {@link AlwaysReply}. */
  SET_ALWAYS: 'declutter:reader→bg:set-always',
});

/** Auto-start content script (registered per site) → background. */
export const AutoToBackground = Object.freeze({
  /** The page of a site with "always open" finished loading. Reply: none. */
  OPEN: 'declutter:auto→bg:open',
});

/**
 * @typedef {{ type: typeof ContentToBackground.CLEAN_PAGE, html: string, url: string }} CleanPage
 * @typedef {{ ok: true, title: string } | { ok: false, error: string }} CleanReply
 * @typedef {{ state: 'opened' | 'closed' } | { state: 'error', error: string }} ToggleReply
 * @typedef {{ ok: true, article: import('../lib/index.d.ts').Article, url: string, always: boolean } | { ok: false, error: string }} ArticleReply
 * @typedef {{ type: typeof ReaderToBackground.SET_ALWAYS, on: boolean }} SetAlways
 * @typedef {{ ok: boolean, always: boolean, error?: string }} AlwaysReply
 */

/** True if `msg` is an object whose `type` is one of `direction`'s types. */
export function isMessage(msg, direction) {
  return !!msg && typeof msg === 'object' && Object.values(direction).includes(msg.type);
}
