#!/usr/bin/env node
// What costs what in the wasm module: code bytes per function, per crate
// and per module of ours, from the function names of a build with a name
// section, and the data section's size. twiggy 0.7 cannot read this module
// (it panics on the DataCount section of bulk memory and stops at SIMD and
// bulk-memory opcodes), so this reads the few sections it needs itself.
//
//   node scripts/wasm-sizes.mjs [--build] [--top N] [FILE]
//
//   --build   first make the named module: wasm-bindgen of the last cargo
//             build (target/wasm32-unknown-unknown/release/declutter.wasm,
//             i.e. run scripts/web-build.sh before) + wasm-opt -O3 -g (the
//             shipped flags, names kept) into target/wasm-sizes/named.wasm
//   FILE      a module with a name section (default target/wasm-sizes/named.wasm)
//   --top N   how many of the largest functions to list (default 30)
//
// Sizes are raw bytes of function bodies, before gzip/brotli; `web-size.mjs`
// gives the compressed total.
import { readFileSync, mkdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, d) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : d; };
const OUT = `${ROOT}target/wasm-sizes`;
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--top') ?? `${OUT}/named.wasm`;
const top = Number(value('--top', 30));

if (flag('--build')) {
  rmSync(`${OUT}/bindgen`, { recursive: true, force: true });
  mkdirSync(`${OUT}/bindgen`, { recursive: true });
  execFileSync('wasm-bindgen', ['--target', 'web', '--weak-refs', '--out-dir', `${OUT}/bindgen`,
    `${ROOT}target/wasm32-unknown-unknown/release/declutter.wasm`], { stdio: 'inherit' });
  execFileSync(`${ROOT}node_modules/.bin/wasm-opt`, ['-O3', '-g', '--low-memory-unused', '--reorder-functions-by-name',
    `${OUT}/bindgen/declutter_bg.wasm`, '-o', `${OUT}/named.wasm`], { stdio: 'inherit' });
}

const b = readFileSync(file);
let p = 8;
const leb = () => {
  let r = 0;
  let s = 0;
  let x;
  do {
    x = b[p++];
    r += (x & 0x7f) * 2 ** s;
    s += 7;
  } while (x & 0x80);
  return r;
};
const name = () => {
  const l = leb();
  const s = b.subarray(p, p + l).toString();
  p += l;
  return s;
};
const limits = () => {
  const f = leb();
  leb();
  if (f & 1) leb();
};

let imported = 0;
const bodies = [];
const names = new Map();
let data = 0;
while (p < b.length) {
  const id = b[p++];
  const size = leb();
  const end = p + size;
  if (id === 2) { // imports: only functions shift the function index space
    for (let n = leb(); n > 0; n--) {
      name();
      name();
      const kind = b[p++];
      if (kind === 0) { leb(); imported++; } else if (kind === 1) { p++; limits(); } else if (kind === 2) limits(); else p += 2;
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const s = leb();
      bodies.push(s);
      p += s;
    }
  } else if (id === 11) {
    data = size;
  } else if (id === 0 && name() === 'name') {
    while (p < end) {
      const sub = b[p++];
      const subEnd = leb() + p;
      if (sub === 1) for (let n = leb(); n > 0; n--) names.set(leb(), name());
      p = subEnd;
    }
  }
  p = end;
}
if (names.size === 0) {
  console.error(`${file} has no function names: build it with --build (wasm-opt -g)`);
  process.exit(2);
}

const fns = bodies.map((size, i) => ({ size, name: names.get(i + imported) ?? `func[${i + imported}]` }))
  .sort((x, y) => y.size - x.size);
const code = fns.reduce((n, f) => n + f.size, 0);
// `<a::B as c::D>::f` belongs to a, `<f32 as core::fmt::Debug>::fmt` (no
// path before `as`) to core; `core[hash]::x` to core.
const crate = (n) => {
  let m = n.replace(/^[<&]+/, '').replace(/^(impl|dyn|mut) /, '');
  const as = / as ([^>]*)/.exec(m);
  if (as && !m.slice(0, as.index).includes('::')) m = as[1].replace(/^[<&]+/, '');
  const c = m.split(/::|[<[ >]/)[0] || '?';
  if (/ shim$/.test(n)) return '(wasm-bindgen export shims)';
  return /^(char|str|bool|[iuf](8|16|32|64|128|size))$/.test(c) ? 'core' : c;
};
// declutter::a::b::f -> a::b; a method or closure of a type in a -> a.
const ours = (n) => {
  const m = /^<*declutter::(.*)$/.exec(n.replace(/::h[0-9a-f]{16}$/, ''));
  if (!m) return null;
  const segs = m[1].split('::');
  const mods = [];
  for (const s of segs) {
    if (!/^[a-z_0-9]+$/.test(s)) break;
    mods.push(s);
  }
  if (mods.length === segs.length) mods.pop(); // a free function: drop its name
  return mods.slice(0, 2).join('::') || '(crate root)';
};
const sum = (key) => {
  const m = new Map();
  for (const f of fns) {
    const k = key(f.name);
    if (k) m.set(k, (m.get(k) ?? 0) + f.size);
  }
  return [...m].sort((x, y) => y[1] - x[1]);
};
const row = (n, what) => `${String(n).padStart(8)}  ${what}`;

console.log(`${file}: code ${code} B in ${fns.length} functions, data ${data} B`);
console.log(`\nlargest functions:`);
for (const f of fns.slice(0, top)) console.log(row(f.size, f.name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 140)));
console.log(`\ncode by crate:`);
for (const [k, n] of sum(crate).slice(0, 20)) console.log(row(n, k));
console.log(`\ncode by module of declutter:`);
for (const [k, n] of sum(ours).slice(0, 30)) console.log(row(n, k));
