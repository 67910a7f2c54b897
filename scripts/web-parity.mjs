#!/usr/bin/env node
// Native vs wasm: the textContent of every readability page (and the seed
// page) must be byte-identical between the native build and the wasm build
// run in Node. Also reports pages whose whole Article differs.
//
//   node scripts/web-parity.mjs            runs the native reference first
//   node scripts/web-parity.mjs --reuse    reuses target/web-native/articles.jsonl
//
// The native side is tests/web.rs's ignored test `dump_native_reference`
// (cargo test --test web -- --ignored), the wasm side is www/lib.
// Set DECLUTTER_MANIFEST to use another checkout's Cargo.toml (as web-build.sh).
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { clean } from '../www/lib/declutter.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const manifest = process.env.DECLUTTER_MANIFEST || `${ROOT}Cargo.toml`;
const crateDir = dirname(manifest);
const outDir = process.env.DECLUTTER_NATIVE_OUT || `${crateDir}/target/web-native`;

if (!process.argv.includes('--reuse') || !existsSync(`${outDir}/articles.jsonl`)) {
  execFileSync('cargo', ['test', '--manifest-path', manifest, '--test', 'web', '--', '--ignored', '--exact',
    'native::dump_native_reference'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DECLUTTER_NATIVE_OUT: outDir } });
}

const CORPUS = `${ROOT}../shared/corpus`;
/** JSON with object keys sorted (serde_json's Value sorts them; JS keeps field order). */
const canon = (v) => JSON.stringify(v, (_k, x) =>
  x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x);
const lines = readFileSync(`${outDir}/articles.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const options = { url: 'http://fakehost/test/page.html' };
let passed = 0;
let failed = 0;
let articleDiffs = 0;
for (const { name, article, error } of lines) {
  const path = name === 'seed' ? `${CORPUS}/seed/page.html` : `${CORPUS}/readability/${name}/source.html`;
  const html = readFileSync(path, 'utf8');
  let wasm;
  let wasmError = null;
  try { wasm = await clean(html, options); } catch (e) { wasmError = e.message.replace(/^declutter: /, ''); }
  if (error !== undefined || wasmError !== null) {
    if (error === wasmError) passed++;
    else { failed++; console.log(`FAIL ${name}: native ${error ?? 'ok'} / wasm ${wasmError ?? 'ok'}`); }
    continue;
  }
  if (Buffer.from(wasm.textContent).equals(Buffer.from(article.textContent))) passed++;
  else {
    failed++;
    let i = 0;
    while (i < wasm.textContent.length && wasm.textContent[i] === article.textContent[i]) i++;
    console.log(`FAIL ${name}: textContent differs at char ${i}: native ${JSON.stringify(article.textContent.slice(i, i + 40))} wasm ${JSON.stringify(wasm.textContent.slice(i, i + 40))}`);
  }
  if (canon(wasm) !== canon(article)) {
    articleDiffs++;
    const keys = Object.keys(article).filter((k) => canon(article[k]) !== canon(wasm[k]));
    console.log(`note ${name}: Article fields differ: ${keys.join(', ')}`);
  }
}
console.log(`parity: ${lines.length} pages, textContent byte-identical on ${passed}; whole Article differs on ${articleDiffs}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && lines.length === 131 ? 0 : 1);
