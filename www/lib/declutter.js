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

const WASM_URL = new URL('./declutter_bg.wasm', import.meta.url);

let ready = null;

const isNode =
  typeof process === 'object' && process !== null && typeof process.versions?.node === 'string' &&
  typeof window === 'undefined';

/**
 * Loads and instantiates the WebAssembly module. Called implicitly by every
 * async function here; call it yourself to choose where the .wasm comes
 * from (a URL, a Response, bytes or a compiled WebAssembly.Module) or to
 * load it ahead of the first use. Idempotent: later calls return the same
 * promise.
 */
export function init(source) {
  if (ready) return ready;
  ready = (async () => {
    let input = source;
    if (input === undefined) {
      if (isNode && WASM_URL.protocol === 'file:') {
        // Node's fetch() cannot read file: URLs.
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

function requireReady(name) {
  if (!glueReady) {
    throw new Error(`declutter: ${name} needs the wasm module: await init() first`);
  }
}

/** Cleans one page given as a string. Resolves to the Article. */
export async function clean(html, options) {
  await ensure();
  return glue.clean(html, options);
}

/** Synchronous `clean` once `init()` has resolved. */
export function cleanSync(html, options) {
  requireReady('cleanSync');
  return glue.clean(html, options);
}

/**
 * Cleans raw bytes, decoding them like a browser: BOM, then `charset`
 * (e.g. from Content-Type), then `<meta charset>`, then windows-1252.
 */
export async function cleanBytes(bytes, charset, options) {
  await ensure();
  return glue.cleanBytes(toU8(bytes), charset ?? null, options);
}

/** A cheap one-pass check whether the page probably has an article. */
export async function isProbablyReaderable(html) {
  await ensure();
  return glue.isProbablyReaderable(html);
}

/** Renders an Article's `content` as Markdown. */
export async function toMarkdown(html) {
  await ensure();
  return glue.toMarkdown(html);
}

/**
 * A low-level streaming Cleaner (`write(chunk)`, `finish()`, `free()`).
 * Prefer `CleanerStream` or `cleanResponse`.
 */
export async function createCleaner(options) {
  await ensure();
  return new glue.Cleaner(options);
}

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
  constructor(options) {
    let cleaner = null;
    const release = () => {
      if (cleaner) { cleaner.free(); cleaner = null; }
    };
    super({
      async start() {
        await ensure();
        cleaner = new glue.Cleaner(options);
      },
      transform(chunk) {
        try {
          cleaner.write(chunk);
        } catch (e) {
          release();
          throw e;
        }
      },
      flush(controller) {
        try {
          controller.enqueue(cleaner.finish());
        } finally {
          release();
        }
      },
      cancel() { release(); },
    });
  }
}

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);

function charsetFromContentType(contentType) {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType || '');
  return m ? m[2].trim().toLowerCase() : null;
}

/** The `<meta charset>` / `http-equiv` declaration in the first 1024 bytes, lowercased. */
function sniffMetaCharset(head) {
  const text = new TextDecoder('latin1').decode(head.subarray(0, 1024));
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)/i.exec(text);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Cleans a fetch() Response, reading its body as it arrives.
 *
 * `options.url` defaults to `response.url`. UTF-8 pages (by Content-Type,
 * BOM or `<meta charset>` in the first 1024 bytes) stream through the
 * Cleaner chunk by chunk; pages in any other encoding are collected and
 * decoded like a browser would (`cleanBytes`).
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
  while (headLen < 1024 && !done) {
    const r = await reader.read();
    if (r.done) { done = true; break; }
    head.push(r.value);
    headLen += r.value.byteLength;
  }
  const first = concat(head, headLen);
  const bom8 = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf;
  const bom16 = (first[0] === 0xfe && first[1] === 0xff) || (first[0] === 0xff && first[1] === 0xfe);
  const declared = transport ?? sniffMetaCharset(first);
  const utf8 = bom8 || (!bom16 && declared !== null && UTF8_LABELS.has(declared));

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
    cleaner.write(bom8 ? first.subarray(3) : first);
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

function concat(parts, len) {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(len);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.byteLength; }
  return out;
}
