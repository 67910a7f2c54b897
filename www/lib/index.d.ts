// Hand-written types for declutter's ES module (www/lib/declutter.js).
// Field names are camelCase; absent optional fields are `null` (as in
// Readability.js), never `undefined`.

/**
 * How to clean a page. Every field is optional; an omitted field takes the
 * default shown. Unknown keys are rejected (a typo throws an Error with
 * code `INVALID_OPTION` instead of silently doing nothing).
 */
export interface Options {
  /**
   * The page's URL, used to resolve relative links and image sources
   * (a `<base href>` in the page takes precedence, as in a browser).
   * Must be an absolute http(s) URL.
   * @default null (relative URLs are kept relative; `cleanResponse` uses `response.url`)
   */
  url?: string | null;
  /** Keep images (`<img>`, `<picture>`, figures) in `content`. @default true */
  keepImages?: boolean;
  /**
   * Keep `class` attributes in `content` (otherwise only `lang`, `dir`,
   * `title` and per-tag attributes such as `href`, `src`, `alt` survive;
   * `id` never does). @default false
   */
  keepClasses?: boolean;
  /**
   * Remove junk (ads, consent banners, link lists, share bars, rating
   * widgets, ...) inside the article too, not only around it. @default true
   */
  removeJunk?: boolean;
  /**
   * Minimum article length in characters before the extractor retries with
   * looser rules (Readability's `charThreshold`). @default 500
   */
  charThreshold?: number;
  /**
   * Limit in bytes for the HTML parser's internal buffers (a start tag or
   * attribute that never ends is buffered whole). Above it cleaning fails
   * with code `MEMORY_LIMIT_EXCEEDED`. At least 256. @default 67108864 (64 MiB)
   */
  maxMemory?: number;
  /**
   * Largest input in bytes accepted; more fails with code
   * `INPUT_TOO_LARGE`. Must be positive and at most 4294967295 (input
   * positions are 32-bit). @default 536870912 (512 MiB)
   */
  maxInputBytes?: number;
  /**
   * Tags to allow in `content` on top of the built-in allowlist. Dangerous
   * tags (`script`, `object`, `form`, `style`, ...) can never be added: that
   * throws `INVALID_OPTION`. @default []
   */
  addAllowedTags?: string[];
  /** Tags to take out of the built-in allowlist: they are unwrapped (text stays). @default [] */
  rmAllowedTags?: string[];
  /** Extra class/id tokens that mark an element as junk (reason "custom"). @default [] */
  addJunkTokens?: string[];
  /** Built-in junk tokens to ignore (e.g. a site whose article is `class="sidebar-layout"`). @default [] */
  rmJunkTokens?: string[];
}

/** Why something was removed. */
export type Category =
  | 'ad'
  | 'cookie-banner'
  | 'link-list'
  | 'navigation'
  | 'header-footer'
  | 'share'
  | 'comments'
  | 'newsletter'
  | 'rating'
  | 'related'
  | 'hidden'
  | 'non-content'
  | 'boilerplate'
  | 'outside-article'
  | 'custom';

/** Removal totals for one category. */
export interface CategoryCount {
  category: Category;
  /** Removed subtrees (outermost elements) of this category. */
  elements: number;
  /** Characters of visible text they held. */
  chars: number;
}

/** One removed subtree. */
export interface Removal {
  category: Category;
  /** The rule that fired, in words (e.g. "class token 'adsbygoogle'"). */
  reason: string;
  /** A short selector-like description: `div#id.class1.class2`. */
  element: string;
  /** Characters of visible text removed with it. */
  chars: number;
  /** The first words of its text. */
  preview: string;
}

/** What the cleaner removed, per category and per element. */
export interface Report {
  /** Totals per category, most elements first. */
  totals: CategoryCount[];
  /** The individual removals (junk categories only; capped). */
  removed: Removal[];
}

/**
 * The extracted article. The first ten fields are those of Readability.js's
 * `parse()` result, so code written for Firefox's Reader View reads it unchanged.
 */
export interface Article {
  /** Article title: JSON-LD headline, OpenGraph/Twitter title or `<title>` without the site name. */
  title: string;
  /** Author line, if the page names one. */
  byline: string | null;
  /** Text direction (`"ltr"` / `"rtl"`) from the page, if set. */
  dir: string | null;
  /** Language from `<html lang>` or content-language, if set. */
  lang: string | null;
  /** The article as sanitized HTML (allowlisted tags and attributes only; no script can run from it). */
  content: string;
  /** The article's text, block elements on their own lines. */
  textContent: string;
  /** Length of `textContent` in characters (Unicode scalar values, not UTF-16 units). */
  length: number;
  /** Short description: meta description or the first paragraph. */
  excerpt: string | null;
  /** The site's name (`og:site_name`, JSON-LD publisher). */
  siteName: string | null;
  /** Publication time as the page states it (ISO 8601 where available). */
  publishedTime: string | null;
  /** The lead image URL (`og:image`, JSON-LD image, or first article image). */
  leadImage: string | null;
  /** Words in `textContent` (whitespace separated; CJK characters count one each). */
  wordCount: number;
  /** Estimated reading time at 230 words a minute, at least 1 for a non-empty article. */
  readingTimeMinutes: number;
  /** What was removed and why. */
  report: Report;
  /** What kind of page it is (from JSON-LD / `og:type`, else from the shape of what was kept). */
  pageType: PageType;
  /** Why `textContent` is empty, when it is (e.g. the page has no visible text); `null` whenever there is content. */
  emptyReason: string | null;
}

/** The page types the extractor tells apart. */
export type PageType = 'article' | 'forum' | 'product' | 'collection' | 'listing' | 'documentation' | 'service';

/** The `code` of a DeclutterError. */
export type ErrorCode =
  | 'INVALID_OPTION'
  | 'INVALID_ARGUMENT'
  | 'MEMORY_LIMIT_EXCEEDED'
  | 'INPUT_TOO_LARGE'
  | 'NOT_HTML'
  | 'UNKNOWN_ENCODING'
  | 'CLEANER_FINISHED'
  | 'PARSER'
  | 'ERROR';

/**
 * Every failure is an `Error` (a `TypeError` for an argument of the wrong
 * type) whose message starts with "declutter: " and which carries a `code`.
 * After an error the module keeps working.
 */
export interface DeclutterError extends Error {
  code: ErrorCode;
}

/** Where the .wasm comes from: a URL, a fetch Response, its bytes, or a compiled module. */
export type WasmSource = string | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly module (lazily done by every async function).
 * Default source: `declutter_bg.wasm` next to declutter.js (read from disk in Node).
 * Idempotent; a failed load can be retried.
 */
export function init(source?: WasmSource): Promise<void>;
/** True once `init()` has resolved (the `*Sync` functions may then be used). */
export function isReady(): boolean;

/** Cleans one page given as a string. */
export function clean(html: string, options?: Options | null): Promise<Article>;
/** `clean` without the promise; throws unless `init()` has resolved. */
export function cleanSync(html: string, options?: Options | null): Article;
/**
 * Cleans raw bytes, decoding them like a browser: BOM, then `charset`
 * (e.g. from Content-Type), then `<meta charset>`, then windows-1252.
 */
export function cleanBytes(bytes: ArrayBuffer | ArrayBufferView, charset?: string | null, options?: Options | null): Promise<Article>;
/**
 * Cleans a fetch Response while its body arrives. `options.url` defaults to
 * `response.url`. UTF-8 bodies stream through the Cleaner; other encodings
 * are collected and decoded like a browser (`cleanBytes`).
 */
export function cleanResponse(response: Response, options?: Options | null): Promise<Article>;
/** Which step of the browser's encoding algorithm chose the encoding. */
export type CharsetSource = 'bom' | 'transport' | 'meta-prescan' | 'meta-in-document' | 'utf8-detected' | 'default';
/**
 * Which encoding `cleanBytes(bytes, charset)` would decode with (a WHATWG
 * name `TextDecoder` accepts, e.g. "UTF-8", "windows-1252", "Shift_JIS"),
 * which step chose it, and the length of the byte order mark to skip.
 */
export function sniffCharset(bytes: ArrayBuffer | ArrayBufferView, charset?: string | null): Promise<{ encoding: string; source: CharsetSource; bomLength: number }>;
/** The `charset` parameter of a Content-Type header value as written (`"text/html; charset=Shift_JIS"` → `"Shift_JIS"`), or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null;
/** A cheap one-pass check whether the page probably has an article worth a reader view. */
export function isProbablyReaderable(html: string): Promise<boolean>;
/** Renders cleaned HTML (an Article's `content`) as Markdown. */
export function toMarkdown(html: string): Promise<string>;

/** The low-level streaming cleaner. Memory: O(input + elements). */
export interface Cleaner {
  /** Feeds the next chunk: UTF-8 bytes (split anywhere) or a string. */
  write(chunk: Uint8Array | ArrayBuffer | ArrayBufferView | string): void;
  /** Ends the input and returns the article; a Cleaner finishes once. */
  finish(): Article;
  /** Releases the wasm memory now (otherwise the garbage collector does). */
  free(): void;
}
/** Creates a Cleaner (after loading the module). Throws on invalid options. */
export function createCleaner(options?: Options | null): Promise<Cleaner>;

/**
 * A TransformStream: page chunks (UTF-8 bytes or strings) in, one Article
 * out when the input ends. Invalid options error the stream.
 *
 * ```js
 * const { value } = await response.body.pipeThrough(new CleanerStream({ url })).getReader().read();
 * ```
 */
export class CleanerStream extends TransformStream<Uint8Array | ArrayBuffer | string, Article> {
  constructor(options?: Options | null);
}
