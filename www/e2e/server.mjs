// A tiny static server on 127.0.0.1 for the e2e tests and the demo:
//   /seed.html     the seed page          /strict.html  the seed page under CSP script-src 'self'
//   /rtl.html      readability's rtl-1 page (right to left; from ../shared, the corpus: 404 without it)
//   /forum.json    a forum-thread Article (pageType 'forum'), for the reader's forum layout
//   /lib/*         www/lib (the ES module, with application/wasm)
//   /module/*      www/e2e/fixtures/module (the module in a page, a Worker, a Service Worker)
//   /demo/*        dist/demo
// Only loopback; nothing else is reachable from the tests.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The seed page ships in the repository (www/demo), so the demo and
// scripts/run.sh work in a clone without ../shared.
export const SEED_PATH = path.join(ROOT, 'www', 'demo', 'seed.html');
export const SEED_EXPECTED = path.join(ROOT, 'www', 'demo', 'seed-expected.txt');
export const FORUM_ARTICLE = path.join(ROOT, 'www', 'e2e', 'fixtures', 'forum-article.json');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

const MOUNTS = [
  ['/lib/', path.join(ROOT, 'www', 'lib')],
  ['/module/', path.join(ROOT, 'www', 'e2e', 'fixtures', 'module')],
  ['/demo/', path.join(ROOT, 'dist', 'demo')],
];

async function handle(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  let file = null;
  const headers = {};
  if (url.pathname === '/seed.html') file = SEED_PATH;
  else if (url.pathname === '/forum.json') file = FORUM_ARTICLE;
  else if (url.pathname === '/rtl.html') file = path.join(ROOT, '..', 'shared', 'corpus', 'readability', 'rtl-1', 'source.html');
  else if (url.pathname === '/strict.html') {
    file = SEED_PATH;
    headers['content-security-policy'] = "script-src 'self'; object-src 'none'";
  } else {
    for (const [prefix, dir] of MOUNTS) {
      if (url.pathname.startsWith(prefix)) {
        const rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
        const p = path.resolve(dir, rel);
        if (p.startsWith(dir + path.sep)) file = p;
      }
    }
  }
  if (url.pathname === '/module/sw.js') headers['service-worker-allowed'] = '/module/';
  if (!file) { res.writeHead(404).end('not found'); return; }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}

/** Starts the server; resolves to { url, close }. */
export function start(port = 0) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => { handle(req, res).catch(() => res.writeHead(500).end()); });
    server.listen(port, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const { url } = await start(port);
  console.log(`demo:      ${url}/demo/`);
  console.log(`seed page: ${url}/seed.html   (strict CSP variant: ${url}/strict.html)`);
  console.log(`extension: load unpacked from ${path.join(ROOT, 'dist', 'extension')} (Firefox: dist/extension-firefox)`);
}
