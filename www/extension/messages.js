// @ts-check
// Every message the extension sends, grouped by direction. Each direction
// has its own `type` namespace so a handler can never mistake a message
// meant for another context. Payloads and replies are JSDoc typedefs that
// `tsc --checkJs` (scripts/web-typecheck.sh) checks at every sender;
// `isMessage` checks the whole shape at the receiving end, because a
// message can also come from a page script (runtime.sendMessage from a
// web page is not possible, but a compromised or buggy content script is).

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
  /** The sender's article as Markdown (the core's toMarkdown). Reply {@link MarkdownReply}. */
  GET_MARKDOWN: 'declutter:reader→bg:get-markdown',
});

/** Auto-start content script (registered per site) → background. */
export const AutoToBackground = Object.freeze({
  /** The page of a site with "always open" finished loading. Reply: none. */
  OPEN: 'declutter:auto→bg:open',
});

/**
 * @typedef {{ type: typeof ContentToBackground.CLEAN_PAGE, html: string, url: string }} CleanPage
 * @typedef {{ type: typeof ContentToBackground.CLOSED }} Closed
 * @typedef {{ type: typeof BackgroundToContent.TOGGLE }} Toggle
 * @typedef {{ type: typeof BackgroundToContent.CLOSE }} CloseContent
 * @typedef {{ type: typeof ReaderToBackground.GET_ARTICLE }} GetArticle
 * @typedef {{ type: typeof ReaderToBackground.CLOSE }} CloseReader
 * @typedef {{ type: typeof ReaderToBackground.SET_ALWAYS, on: boolean }} SetAlways
 * @typedef {{ type: typeof ReaderToBackground.GET_MARKDOWN }} GetMarkdown
 * @typedef {{ type: typeof AutoToBackground.OPEN }} AutoOpen
 *
 * @typedef {CleanPage | Closed} ContentMessage
 * @typedef {Toggle | CloseContent} BackgroundMessage
 * @typedef {GetArticle | CloseReader | SetAlways | GetMarkdown} ReaderMessage
 * @typedef {AutoOpen} AutoMessage
 *
 * @typedef {{ ok: true, title: string } | { ok: false, error: string }} CleanReply
 * @typedef {{ state: 'opened' | 'closed' } | { state: 'error', error: string }} ToggleReply
 * @typedef {import('../shared/render.js').RenderArticle} RenderArticle
 * @typedef {{ ok: true, article: RenderArticle, url: string, always: boolean } | { ok: false, error: string }} ArticleReply
 * @typedef {{ ok: boolean, always: boolean, error?: string }} AlwaysReply
 * @typedef {{ ok: true, markdown: string, title: string } | { ok: false, error: string }} MarkdownReply
 */

/**
 * The payload fields of each message type and the `typeof` each must have.
 * A message has exactly these keys besides `type`: a missing, mistyped or
 * extra field makes it malformed.
 * @type {Readonly<Record<string, Readonly<Record<string, 'string' | 'boolean'>>>>}
 */
const FIELDS = Object.freeze({
  [ContentToBackground.CLEAN_PAGE]: { html: 'string', url: 'string' },
  [ContentToBackground.CLOSED]: {},
  [BackgroundToContent.TOGGLE]: {},
  [BackgroundToContent.CLOSE]: {},
  [ReaderToBackground.GET_ARTICLE]: {},
  [ReaderToBackground.CLOSE]: {},
  [ReaderToBackground.SET_ALWAYS]: { on: 'boolean' },
  [ReaderToBackground.GET_MARKDOWN]: {},
  [AutoToBackground.OPEN]: {},
});

/**
 * True if `msg` is a well-formed message of `direction`: its `type` is one
 * of that direction's types and its other fields are exactly that type's
 * payload, each of the right type.
 * @template {Record<string, string>} D
 * @param {unknown} msg
 * @param {D} direction
 * @returns {msg is { type: D[keyof D] } & Record<string, unknown>}
 */
export function isMessage(msg, direction) {
  if (!msg || typeof msg !== 'object' || Array.isArray(msg)) return false;
  const m = /** @type {Record<string, unknown>} */ (msg);
  if (typeof m.type !== 'string' || !Object.values(direction).includes(m.type)) return false;
  const fields = FIELDS[m.type];
  if (!fields) return false;
  const keys = Object.keys(m).filter((k) => k !== 'type');
  if (keys.length !== Object.keys(fields).length) return false;
  return keys.every((k) => Object.hasOwn(fields, k) && typeof m[k] === fields[k]);
}
