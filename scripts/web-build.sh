#!/usr/bin/env bash
# Builds the WebAssembly module and its JS glue:
#   cargo build (wasm32, --no-default-features --features serde)
#   -> wasm-bindgen --target web -> wasm-opt   =>  pkg/web/
#   and copies glue + .wasm into www/lib/ (the ES module users embed).
#
# Environment:
#   DECLUTTER_WASM_OPT   optimisation preset (default "2"):
#                          2      rustc opt-level 2 everywhere (encoding_rs "s",
#                                 Cargo.toml), LLVM inline threshold 100,
#                                 wasm-opt -O3: the shipped build.
#                                 7 KiB gzip smaller than 3 at the same speed
#                                 (A/B in BENCHMARKS.md, "wasm size and A/B
#                                 throughput"): LLVM's -O3 inlines more, and
#                                 on this code that buys nothing measurable
#                          3      rustc opt-level 3 everywhere, wasm-opt -O3
#                                 (the native profile; the A/B reference)
#                          z      rustc opt-level "z" everywhere, wasm-opt -Oz (smallest)
#                          mixed  "z" for all dependencies except lol_html, opt 3
#                                 for lol_html + declutter, wasm-opt -O3
#                        `node scripts/web-size.mjs --compare` builds all four and
#                        prints size and Node throughput. Measured before
#                        issue 13 (readability pages, Node 20, best of 6
#                        rounds): 3 = ~62 MB/s and ~380 KB gzip; z = ~31 MB/s
#                        and ~345 KB gzip; mixed saves only ~3 KB over 3.
#                        Speed halves at "z" for 9% less size.
#   DECLUTTER_MANIFEST   Cargo.toml to build (default: this repo's). Lets you
#                        build the web side against another checkout.
#   CARGO_TARGET_DIR     as usual.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MANIFEST="${DECLUTTER_MANIFEST:-$ROOT/Cargo.toml}"
PRESET="${DECLUTTER_WASM_OPT:-2}"
TARGET_DIR="${CARGO_TARGET_DIR:-$(dirname "$MANIFEST")/target}"

cargo_args=(build --release --target wasm32-unknown-unknown --lib
            --no-default-features --features serde --manifest-path "$MANIFEST")
case "$PRESET" in
  2)     export CARGO_PROFILE_RELEASE_OPT_LEVEL=2; WASM_OPT_LEVEL=-O3
         # LLVM's inliner at threshold 100 instead of opt-level 2's 225
         # (appended to .cargo/config.toml's wasm rustflags): -7.2 KiB gzip,
         # and fewer instructions per clean() than 225 (BENCHMARKS.md,
         # "wasm size and A/B throughput"; 50: -0.4 KiB more, 25: -4.1).
         cargo_args+=(--config 'target.wasm32-unknown-unknown.rustflags=["-C","llvm-args=-inline-threshold=100"]') ;;
  3)     export CARGO_PROFILE_RELEASE_OPT_LEVEL=3; WASM_OPT_LEVEL=-O3 ;;
  z)     export CARGO_PROFILE_RELEASE_OPT_LEVEL=z; WASM_OPT_LEVEL=-Oz ;;
  mixed) export CARGO_PROFILE_RELEASE_OPT_LEVEL=3; WASM_OPT_LEVEL=-O3
         cargo_args+=(--config 'profile.release.package."*".opt-level="z"'
                      --config 'profile.release.package.lol_html.opt-level=3') ;;
  *) echo "DECLUTTER_WASM_OPT must be 2, 3, z or mixed (got $PRESET)" >&2; exit 2 ;;
esac

need() { command -v "$1" >/dev/null || { echo "missing $1: run scripts/setup-web.sh" >&2; exit 1; }; }
need wasm-bindgen
# wasm-opt from the npm package `binaryen` (version 132, pinned in
# package.json): Debian's wasm-opt 108 rewrites wasm-bindgen 0.2.130's
# externref table into a funcref one, and the module then fails at init
# ("Table.set(): function-typed object must be null"), even at -O0.
WASM_OPT="$ROOT/node_modules/.bin/wasm-opt"
[ -x "$WASM_OPT" ] || { echo "missing $WASM_OPT: run npm ci (scripts/setup-web.sh)" >&2; exit 1; }

echo "== cargo ${cargo_args[*]} (preset $PRESET)"
cargo "${cargo_args[@]}"

WASM="$TARGET_DIR/wasm32-unknown-unknown/release/declutter.wasm"
OUT="$ROOT/pkg/web"
rm -rf "$OUT" && mkdir -p "$OUT"
# --weak-refs: a Cleaner the caller forgets to free() is reclaimed by the GC.
wasm-bindgen --target web --weak-refs --out-dir "$OUT" "$WASM"
# --reorder-functions-by-name puts related functions (same module, same
# generic) next to each other, so gzip/brotli find longer matches (-3.9 KB
# gzip, same code); --strip-producers drops the toolchain-name section.
# (Never strip target_features: see TOOLCHAIN.md.)
# --low-memory-unused lets wasm-opt fold `p + C` into a load/store offset
# (-1.0 KiB gzip, -1.6 KiB brotli). It assumes addresses below 1024 are never
# accessed. Rust's wasm32 layout puts the 1 MiB stack first, so [0, 1024) is
# the last KiB of the stack. The folding only changes an access whose
# unfolded address would land there: it traps instead, a KiB before the
# stack overflow would trap anyway. Nothing here recurses without bound
# (the JSON parser has a depth limit; lol_html and the tree builder use
# explicit stacks).
"$WASM_OPT" "$WASM_OPT_LEVEL" --low-memory-unused --reorder-functions-by-name --strip-producers \
  "$OUT/declutter_bg.wasm" -o "$OUT/declutter_bg.wasm"
# The generated glue, minified (terser, pinned in package.json): -1.6 KB
# gzip. Export names and the wasm import keys (object properties) are kept;
# only locals are renamed.
TERSER="$ROOT/node_modules/.bin/terser"
[ -x "$TERSER" ] || { echo "missing $TERSER: run npm ci (scripts/setup-web.sh)" >&2; exit 1; }
"$TERSER" "$OUT/declutter.js" --module --compress --mangle -o "$OUT/declutter.min.js"
mv "$OUT/declutter.min.js" "$OUT/declutter.js"
echo "$PRESET" > "$OUT/PRESET"
# The glue's .d.ts imports Article/Options from the hand-written types.
cp "$ROOT/www/lib/index.d.ts" "$OUT/index.d.ts"

cp "$OUT/declutter.js" "$ROOT/www/lib/declutter_glue.js"
cp "$OUT/declutter_bg.wasm" "$ROOT/www/lib/declutter_bg.wasm"
cp "$OUT/declutter.d.ts" "$ROOT/www/lib/declutter_glue.d.ts"
printf '== built pkg/web and www/lib (%s bytes wasm, preset %s)\n' \
  "$(wc -c < "$OUT/declutter_bg.wasm")" "$PRESET"
