// Node test of the ES module users embed (www/lib/declutter.js), over the
// seed page. Run: node --test www/lib/test/ (after scripts/web-build.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import {
  init, isReady, clean, cleanSync, cleanBytes, cleanResponse, CleanerStream, createCleaner,
  isProbablyReaderable, toMarkdown, sniffCharset, charsetFromContentType,
} from '../declutter.js';

// The seed page ships in the repository (www/demo).
const SEED = new URL('../../demo/seed.html', import.meta.url);
const EXPECTED = new URL('../../demo/seed-expected.txt', import.meta.url);
const URL_ = 'https://www.example-news.it/2015/03/17/renzi-jack-ma/';
const html = await readFile(SEED, 'utf8');
const bytes = new TextEncoder().encode(html);

/** A deterministic PRNG (mulberry32) for chunk sizes. */
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A ReadableStream of `data` in random chunk sizes (1 byte .. 20 KB). */
function chunked(data, seed) {
  const rand = rng(seed);
  let pos = 0;
  return new ReadableStream({
    pull(controller) {
      if (pos >= data.length) return controller.close();
      const n = 1 + Math.floor(rand() * [3, 100, 20000][Math.floor(rand() * 3)]);
      controller.enqueue(data.slice(pos, pos + n));
      pos += n;
    },
  });
}

/** Reads a stream to an array (Array.fromAsync is Node ≥ 22). */
async function collect(stream) {
  const out = [];
  for await (const x of stream) out.push(x);
  return out;
}

function response(body, { url, contentType = 'text/html; charset=utf-8' } = {}) {
  const r = new Response(body, { headers: { 'content-type': contentType } });
  if (url) Object.defineProperty(r, 'url', { value: url });
  return r;
}

test('init: not loaded until asked; after init() the sync API works; lazy clean() equals it', async () => {
  assert.equal(isReady(), false);
  assert.throws(() => cleanSync(html), /await init\(\) first/);
  await init();
  assert.equal(isReady(), true);
  const a = cleanSync(html, { url: URL_ });
  await init(); // idempotent
  assert.deepEqual(await clean(html, { url: URL_ }), a);
});

test('lazy init: clean() alone loads the module (fresh module instance)', async () => {
  const fresh = await import(`../declutter.js?fresh=${Date.now()}`);
  assert.equal(fresh.isReady(), false);
  const a = await fresh.clean(html, { url: URL_ });
  assert.equal(fresh.isReady(), true);
  assert.deepEqual(a, await clean(html, { url: URL_ }));
});

test('the Article has every field with its JS type', async () => {
  const a = await clean(html, { url: URL_ });
  for (const k of ['title', 'content', 'textContent']) assert.equal(typeof a[k], 'string', k);
  for (const k of ['byline', 'dir', 'lang', 'excerpt', 'siteName', 'publishedTime', 'leadImage']) {
    assert.ok(a[k] === null || typeof a[k] === 'string', `${k} is string or null`);
  }
  for (const k of ['length', 'wordCount', 'readingTimeMinutes']) assert.equal(typeof a[k], 'number', k);
  assert.equal(a.length, [...a.textContent].length);
  assert.ok(Array.isArray(a.report.totals) && Array.isArray(a.report.removed));
});

test('seed page: the article text, metadata and report, without the clutter', async () => {
  const a = await clean(html, { url: URL_ });
  const expected = await readFile(EXPECTED, 'utf8');
  assert.equal(a.title, 'Renzi-Jack Ma, incontro a Palazzo Chigi');
  assert.equal(a.lang, 'it-IT');
  assert.equal(a.siteName, 'Example News');
  assert.match(a.publishedTime ?? '', /^2015-03-17/);
  // expected.txt: title, subtitle (the meta description), then the body.
  const [title, subtitle, ...body] = expected.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  assert.equal(a.title, title);
  assert.equal(a.excerpt, subtitle);
  // Every body paragraph is in the article.
  for (const para of body) {
    assert.ok(a.textContent.includes(para.slice(0, 80)), `missing: ${para.slice(0, 60)}…`);
  }
  for (const junk of ['Accetta', 'Rifiuta', 'Valuta la qualità', 'Articoli correlati', 'Abbonati', 'EU Stories']) {
    assert.ok(!a.textContent.includes(junk), `clutter left: ${junk}`);
  }
  const cats = new Set(a.report.removed.map((r) => r.category));
  for (const c of ['cookie-banner', 'ad', 'rating']) assert.ok(cats.has(c), `report lists ${c}`);
  assert.equal(await isProbablyReaderable(html), true);
  assert.equal(await isProbablyReaderable('<ul><li><a href="/">Home</a></li></ul>'), false);
  const md = await toMarkdown(a.content);
  assert.ok(md.includes('Matteo Renzi') && !md.includes('<p'));
});

test('cleanResponse streams a body in random chunks to the same Article as clean()', async () => {
  const expected = await clean(html, { url: URL_ });
  for (const seed of [1, 2, 3]) {
    const got = await cleanResponse(response(chunked(bytes, seed)), { url: URL_ });
    assert.deepEqual(got, expected, `seed ${seed}`);
  }
  // options.url defaults to response.url.
  const viaUrl = await cleanResponse(response(chunked(bytes, 9), { url: URL_ }));
  assert.deepEqual(viaUrl, expected);
  // A UTF-8 BOM and no Content-Type charset: still streamed, same article.
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
  assert.deepEqual(await cleanResponse(response(chunked(bom, 4), { contentType: 'text/html' }), { url: URL_ }), expected);
});

test('cleanResponse decodes a legacy encoding like a browser', async () => {
  const page = '<html><head><title>Caf\u00e9</title></head><body><article><p>' +
    'Un caf\u00e9 cr\u00e8me, s\u2019il vous pla\u00eet, avec des mots et encore des mots, virgules, et plus. '.repeat(12) +
    '</p></article></body></html>';
  // windows-1252 bytes: é = E9, è = E8, ê = EA, ’ = 92.
  const map = { '\u00e9': 0xe9, '\u00e8': 0xe8, '\u00ea': 0xea, '\u2019': 0x92 };
  const latin = Uint8Array.from([...page].map((c) => map[c] ?? c.charCodeAt(0)));
  const viaHeader = await cleanResponse(response(chunked(latin, 5), { contentType: 'text/html; charset=windows-1252' }));
  assert.ok(viaHeader.textContent.includes('Un caf\u00e9 cr\u00e8me, s\u2019il vous pla\u00eet'), viaHeader.textContent.slice(0, 80));
  const viaBytes = await cleanBytes(latin, 'windows-1252');
  assert.equal(viaBytes.textContent, viaHeader.textContent);
  const utf8 = await clean(page);
  assert.equal(utf8.textContent, viaHeader.textContent);
});

test('CleanerStream: pipeThrough yields one Article equal to clean()', async () => {
  const expected = await clean(html, { url: URL_ });
  const out = chunked(bytes, 7).pipeThrough(new CleanerStream({ url: URL_ }));
  const articles = [];
  for await (const a of out) articles.push(a);
  assert.equal(articles.length, 1);
  assert.deepEqual(articles[0], expected);
  // String chunks work too.
  const strings = new ReadableStream({
    start(c) { c.enqueue(html.slice(0, 1000)); c.enqueue(html.slice(1000)); c.close(); },
  });
  const [a2] = await collect(strings.pipeThrough(new CleanerStream({ url: URL_ })));
  assert.deepEqual(a2, expected);
});

test('errors are Errors with a code, and the next call works', async () => {
  const good = await clean(html, { url: URL_ });
  await assert.rejects(clean(html, { keepImagez: false }), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.code, 'INVALID_OPTION');
    assert.match(e.message, /^declutter: .*keepImagez/);
    return true;
  });
  await assert.rejects(clean(html, { maxMemory: 1 }), { code: 'INVALID_OPTION' });
  await assert.rejects(clean(html, { url: 'ftp://x' }), { code: 'INVALID_OPTION' });
  await assert.rejects(clean(42), TypeError);
  await assert.rejects(cleanResponse(response(chunked(bytes, 1)), { maxInputBytes: 100 }), { code: 'INPUT_TOO_LARGE' });
  await assert.rejects(
    collect(chunked(bytes, 2).pipeThrough(new CleanerStream({ nope: 1 }))),
    { code: 'INVALID_OPTION' },
  );
  const c = await createCleaner({ url: URL_ });
  c.write(bytes);
  assert.deepEqual(c.finish(), good);
  assert.throws(() => c.finish(), { code: 'CLEANER_FINISHED' });
  c.free();
  assert.deepEqual(await clean(html, { url: URL_ }), good);
});

test('the page string crosses as UTF-8: non-ASCII, astral and lone surrogates, any size', async () => {
  // clean() hands the string to wasm with TextEncoder.encodeInto into a
  // buffer kept between calls; a lone surrogate becomes U+FFFD, as in
  // TextEncoder; a smaller page after a larger one must not see its tail.
  const page = (body) => `<html><head><title>T</title></head><body><article><p>${body}</p></article></body></html>`;
  const text = 'Schön, 北京 and 🚲, with commas, enough words to be an article paragraph here.';
  const big = await clean(page(text.repeat(400)));
  assert.ok(big.textContent.includes('北京 and 🚲'));
  const small = await clean(page(text));
  assert.equal(small.textContent.trim(), text);
  const lone = await clean(page(`a\uD800b ${text}`));
  assert.ok(lone.textContent.includes('a\uFFFDb'), lone.textContent);
  assert.equal((await clean(page(''))).textContent.trim(), '');
  // An empty string is an empty article, not an error.
  assert.equal((await clean('')).textContent, '');
});

test('works in a worker thread (no DOM, own wasm instance)', async () => {
  const expected = await clean(html, { url: URL_ });
  const moduleUrl = new URL('../declutter.js', import.meta.url).href;
  const code = `
    import { parentPort, workerData } from 'node:worker_threads';
    const { clean } = await import(workerData.moduleUrl);
    parentPort.postMessage(await clean(workerData.html, { url: workerData.url }));
  `;
  const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
    workerData: { moduleUrl, html, url: URL_ },
  });
  const got = await new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
  await w.terminate();
  assert.deepEqual(got, expected);
});

test('sniffCharset answers with the core\'s sniffer (no sniffing in JS)', async () => {
  const enc = (s) => new TextEncoder().encode(s);
  assert.deepEqual(await sniffCharset(enc('\uFEFF<meta charset=latin1><p>x')), { encoding: 'UTF-8', source: 'bom', bomLength: 3 });
  assert.deepEqual(await sniffCharset(enc('<p>x'), 'Shift_JIS'), { encoding: 'Shift_JIS', source: 'transport', bomLength: 0 });
  assert.deepEqual(await sniffCharset(enc('<p>x'), 'no-such-label'), { encoding: 'windows-1252', source: 'default', bomLength: 0 });
  assert.deepEqual(await sniffCharset(enc('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')),
    { encoding: 'KOI8-R', source: 'meta-prescan', bomLength: 0 });
  // A <meta> in a comment does not count (the spec's prescan, not a regex).
  assert.equal((await sniffCharset(enc('<!-- <meta charset=koi8-r> --><p>x'))).source, 'default');
  assert.equal((await sniffCharset(enc('<p>caf\u00e9</p>'))).source, 'utf8-detected');
  assert.equal(charsetFromContentType('text/html; charset="Shift_JIS"'), 'Shift_JIS');
  assert.equal(charsetFromContentType('text/html;foo=1; Charset = utf-8 '), 'utf-8');
  assert.equal(charsetFromContentType('text/html'), null);
  assert.equal(charsetFromContentType(null), null);
});

test('cleanResponse: a late <meta charset> (after the 1024-byte prescan) still decodes the page right', async () => {
  // windows-1252 bytes, declared only after a long comment: a browser finds the
  // <meta> while parsing; the head alone does not tell, so the body is read whole.
  const body = `<!DOCTYPE html><html><head><!-- ${'x'.repeat(1500)} --><meta charset="windows-1252"><title>Caf\xe9</title></head>` +
    `<body><article><h1>Caf\xe9</h1><p>${'Un caf\xe9 cr\xe8me, tr\xe8s bon. '.repeat(40)}</p></article></body></html>`;
  const latin = Uint8Array.from(body, (c) => c.charCodeAt(0));
  const article = await cleanResponse(response(chunked(latin, 7), { contentType: 'text/html' }));
  assert.match(article.textContent, /Un café crème, très bon\./);
});
