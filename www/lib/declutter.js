// @ts-check
// declutter — streaming reader mode, as an ES module.
//
//   import { clean, cleanResponse, CleanerStream } from './declutter.js';
//   const article = await clean(html, { url: location.href });
//
// Works unchanged in a page, a (module) Web Worker, a (module) Service
// Worker and Node ≥ 18: no DOM is used. The WebAssembly module is loaded
// lazily on the first call (or explicitly with `init()`), from
// `declutter_bg.wasm` next to this file unless told otherwise.
// Types and every option/field with its default: index.d.ts.

import initGlue, * as glue from './declutter_glue.js';

/** @typedef {import('./index.d.ts').Article} Article */
/** @typedef {import('./index.d.ts').Options} Options */
/** @typedef {import('./index.d.ts').WasmSource} WasmSource */

const WASM_URL = new URL('./declutter_bg.wasm', import.meta.url);

/** @type {Promise<void> | null} */
let ready = null;

/** @type {any} */
const nodeProcess = /** @type {any} */ (globalThis).process;
const isNode =
  typeof nodeProcess === 'object' && nodeProcess !== null && typeof nodeProcess.versions?.node === 'string' &&
  typeof window === 'undefined';

/**
 * Loads and instantiates the WebAssembly module. Called implicitly by every
 * async function here; call it yourself to choose where the .wasm comes
 * from (a URL, a Response, bytes or a compiled WebAssembly.Module) or to
 * load it ahead of the first use. Idempotent: later calls return the same
 * promise.
 * @param {WasmSource} [source]
 * @returns {Promise<void>}
 */
export function init(source) {
  if (ready) return ready;
  ready = (async () => {
    /** @type {any} */
    let input = source;
    if (input === undefined) {
      if (isNode && WASM_URL.protocol === 'file:') {
        // Node's fetch() cannot read file: URLs.
        // A literal specifier (web-ext lint flags a computed import()); the
        // type check runs without Node's types, so this one line is exempt.
        // @ts-ignore -- Node-only branch
        const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises');
        input = await readFile(WASM_URL);
      } else {
        input = WASM_URL;
      }
    }
    await initGlue({ module_or_path: input });
    glueReady = true;
  })();
  // A failed load may be retried (e.g. with another source).
  ready.catch(() => { ready = null; });
  return ready;
}

let glueReady = false;

/** True once `init()` has finished: the `*Sync` functions may be used. */
export function isReady() {
  return glueReady;
}

function ensure() {
  return glueReady ? Promise.resolve() : init();
}

/** @param {string} name */
function requireReady(name) {
  if (!glueReady) {
    throw new Error(`declutter: ${name} needs the wasm module: await init() first`);
  }
}

/**
 * Cleans one page given as a string. Resolves to the Article.
 * @param {string} html
 * @param {Options | null} [options]
 * @returns {Promise<Article>}
 */
export async function clean(html, options) {
  await ensure();
  return glue.clean(html, options);
}

/**
 * Synchronous `clean` once `init()` has resolved.
 * @param {string} html
 * @param {Options | null} [options]
 * @returns {Article}
 */
export function cleanSync(html, options) {
  requireReady('cleanSync');
  return glue.clean(html, options);
}

/**
 * Cleans raw bytes, decoding them like a browser: BOM, then `charset`
 * (e.g. from Content-Type), then `<meta charset>`, then windows-1252.
 * @param {ArrayBuffer | ArrayBufferView} bytes
 * @param {string | null} [charset]
 * @param {Options | null} [options]
 * @returns {Promise<Article>}
 */
export async function cleanBytes(bytes, charset, options) {
  await ensure();
  return glue.cleanBytes(toU8(bytes), charset ?? null, options);
}

/**
 * Which encoding `cleanBytes(bytes, charset)` would decode with, and which
 * step of the browser's algorithm chose it (the core's sniffer: BOM,
 * transport charset, `<meta>` prescan, later `<meta>`, UTF-8 detection,
 * windows-1252). `encoding` is a WHATWG name that `TextDecoder` accepts.
 * @param {ArrayBuffer | ArrayBufferView} bytes
 * @param {string | null} [charset]
 * @returns {Promise<{ encoding: string, source: string, bomLength: number }>}
 */
export async function sniffCharset(bytes, charset) {
  await ensure();
  return glue.sniffCharset(toU8(bytes), charset ?? null);
}

/**
 * A cheap one-pass check whether the page probably has an article.
 * @param {string} html
 * @returns {Promise<boolean>}
 */
export async function isProbablyReaderable(html) {
  await ensure();
  return glue.isProbablyReaderable(html);
}

/**
 * Renders an Article's `content` as Markdown.
 * @param {string} html
 * @returns {Promise<string>}
 */
export async function toMarkdown(html) {
  await ensure();
  return glue.toMarkdown(html);
}

/**
 * A low-level streaming Cleaner (`write(chunk)`, `finish()`, `free()`).
 * Prefer `CleanerStream` or `cleanResponse`.
 * @param {Options | null} [options]
 */
export async function createCleaner(options) {
  await ensure();
  return new glue.Cleaner(options);
}

/**
 * @param {unknown} bytes
 * @returns {Uint8Array}
 */
function toU8(bytes) {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  throw new TypeError('declutter: expected a Uint8Array, an ArrayBuffer or a typed array view');
}

/**
 * A TransformStream: write the page's chunks (Uint8Array UTF-8 bytes or
 * strings) in, read one Article out when the input ends.
 *
 *   const reader = response.body.pipeThrough(new CleanerStream({ url })).getReader();
 *   const { value: article } = await reader.read();
 */
export class CleanerStream extends TransformStream {
  /** @param {Options | null} [options] */
  constructor(options) {
    /** @type {glue.Cleaner | null} */
    let cleaner = null;
    const release = () => {
      if (cleaner) { cleaner.free(); cleaner = null; }
    };
    // `cancel` (the readable side was cancelled) is newer than TypeScript's DOM types.
    /** @type {Transformer<Uint8Array | ArrayBuffer | string, Article> & { cancel?: () => void }} */
    const transformer = {
      async start() {
        await ensure();
        cleaner = new glue.Cleaner(options);
      },
      transform(chunk) {
        try {
          /** @type {glue.Cleaner} */ (cleaner).write(chunk);
        } catch (e) {
          release();
          throw e;
        }
      },
      flush(controller) {
        try {
          controller.enqueue(/** @type {glue.Cleaner} */ (cleaner).finish());
        } finally {
          release();
        }
      },
      cancel() { release(); },
    };
    super(transformer);
  }
}

/**
 * The `charset` parameter of a Content-Type header value, as written (the
 * core resolves the label and ignores one it does not know, like a browser).
 * Parsing a header is not sniffing the body: the body's encoding is decided
 * by the core (`sniffCharset`).
 * @param {string | null | undefined} contentType
 */
export function charsetFromContentType(contentType) {
  for (const param of String(contentType ?? '').split(';').slice(1)) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').trim();
    return value || null;
  }
  return null;
}

/** How many bytes the core's `<meta>` prescan reads (WHATWG's 1024). */
const PRESCAN_BYTES = 1024;

/**
 * Cleans a fetch() Response, reading its body as it arrives.
 *
 * `options.url` defaults to `response.url`. The core's sniffer looks at
 * the first 1024 bytes: a page it finds declared UTF-8 (BOM, Content-Type
 * or `<meta charset>` there) streams through the Cleaner chunk by chunk;
 * any other page (another encoding, or no declaration in the head, where a
 * browser goes on looking further down) is collected and decoded whole
 * like a browser would (`cleanBytes`).
 * @param {Response} response
 * @param {Options | null} [options]
 * @returns {Promise<Article>}
 */
export async function cleanResponse(response, options) {
  if (!response || typeof response.arrayBuffer !== 'function') {
    throw new TypeError('declutter: cleanResponse expects a fetch Response');
  }
  if (response.bodyUsed) throw new TypeError('declutter: the Response body was already read');
  const opts = { ...(options || {}) };
  if (opts.url === undefined && /^https?:/i.test(response.url || '')) opts.url = response.url;
  await ensure();

  const transport = charsetFromContentType(response.headers?.get('content-type'));
  const body = response.body;
  if (!body) return glue.clean('', opts);
  const reader = body.getReader();

  // Look at the start of the body to learn the encoding.
  const head = [];
  let headLen = 0;
  let done = false;
  while (headLen < PRESCAN_BYTES && !done) {
    const r = await reader.read();
    if (r.done) { done = true; break; }
    head.push(r.value);
    headLen += r.value.byteLength;
  }
  const first = concat(head, headLen);
  const sniffed = glue.sniffCharset(first, transport);
  // Only a declaration seen in the head is final; without one the core may
  // still find a later <meta> or detect UTF-8 in the whole body.
  const declared = sniffed.source === 'bom' || sniffed.source === 'transport' || sniffed.source === 'meta-prescan';
  const utf8 = declared && sniffed.encoding === 'UTF-8';

  if (!utf8) {
    // Another (or no declared) encoding: decode the whole thing like a browser.
    const parts = [first];
    let len = first.byteLength;
    while (!done) {
      const r = await reader.read();
      if (r.done) break;
      parts.push(r.value);
      len += r.value.byteLength;
    }
    return glue.cleanBytes(concat(parts, len), transport, opts);
  }

  const cleaner = new glue.Cleaner(opts);
  try {
    cleaner.write(first.subarray(sniffed.bomLength));
    while (!done) {
      const r = await reader.read();
      if (r.done) break;
      cleaner.write(r.value);
    }
    return cleaner.finish();
  } catch (e) {
    reader.cancel().catch(() => {});
    throw e;
  } finally {
    cleaner.free();
  }
}

/**
 * @param {Uint8Array[]} parts
 * @param {number} len
 */
function concat(parts, len) {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(len);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.byteLength; }
  return out;
}
