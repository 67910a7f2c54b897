#!/usr/bin/env bash
# Runs every web-side test; exits non-zero if any fails (all run regardless).
#   1. build: wasm (pkg/web, www/lib) + webpack (dist/extension, dist/extension-firefox, dist/demo)
#   2. native reference for the wasm tests (tests/web.rs, ignored native test)
#   3. tests/web.rs in headless Chromium (wasm-bindgen-test-runner + chromedriver)
#   4. node --test of the ES module (www/lib/test), the shared reader code (www/shared/test:
#      renderer, read aloud, shortcuts) and the extension's messages (www/extension/test);
#      tsc --checkJs over the module, extension, shared code and demo (tsconfig.json)
#   5. native vs wasm textContent on all 130 readability pages + seed (Node)
#   6. size (wasm + glue + module, gzip; CI ceiling below, issue budget 330 KiB reported)
#   7. Playwright e2e in headless Chromium (extension, demo, module in page/worker/SW, axe-core)
#   8. the same scenarios in headless Firefox (firefox-esr via puppeteer-core over WebDriver BiDi)
#   9. web-ext lint of the Firefox build
# Setup first: scripts/setup-web.sh.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MANIFEST="${DECLUTTER_MANIFEST:-$ROOT/Cargo.toml}"
CRATE_DIR="$(dirname "$MANIFEST")"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# With both drivers on PATH the runner would pick Firefox: name Chromium's.
unset GECKODRIVER SAFARIDRIVER

failed=()
step() {
  local name="$1"; shift
  echo
  echo "=== web: $name"
  if "$@"; then echo "=== web: $name: ok"; else echo "=== web: $name: FAILED"; failed+=("$name"); fi
}

step "build wasm" bash scripts/web-build.sh
step "build extension + demo" npx webpack --mode production
native_ref() {
  DECLUTTER_NATIVE_OUT="$CRATE_DIR/target/web-native" \
    cargo test --manifest-path "$MANIFEST" --test web -- --ignored --exact native::dump_native_reference
}
step "native reference" native_ref
wasm_browser_tests() {
  local hashes
  hashes="$(cat "$CRATE_DIR/target/web-native/text-hashes.txt")" || return 1
  DECLUTTER_NATIVE_TEXT_HASHES="$hashes" \
    cargo test --manifest-path "$MANIFEST" --target wasm32-unknown-unknown \
      --no-default-features --features serde --test web
}
step "tests/web.rs in headless Chromium" wasm_browser_tests
step "node --test www/lib + www/shared + www/extension" node --test www/lib/test/ www/shared/test/ www/extension/test/
step "tsc --checkJs (tsconfig.json)" npx tsc -p tsconfig.json
step "native/wasm parity (131 pages)" env DECLUTTER_NATIVE_OUT="$CRATE_DIR/target/web-native" \
  node scripts/web-parity.mjs --reuse
# Issue 13's budget is 330 KiB gzip (web-size.mjs's default). The build is
# above it (see README "wasm size"), so CI holds a ceiling just above
# today's size (357.6 KiB, preset 2 with inline threshold 100; 364.8 before it, 359.9 after the size work, +4.9 for
# session 4's extraction and fidelity fixes of issue 12) until the rest is
# found -- then drop
# the variable and the budget itself is the bar. Run without it to see the gap against 330.
step "size (ceiling 362 KiB; issue budget 330 KiB, reported)" env DECLUTTER_SIZE_BUDGET_KIB="${DECLUTTER_SIZE_BUDGET_KIB:-362}" node scripts/web-size.mjs
step "playwright e2e (Chromium)" node --test --test-concurrency=1 www/e2e/extension.test.mjs www/e2e/web.test.mjs
step "puppeteer e2e (Firefox, WebDriver BiDi)" node --test --test-concurrency=1 www/e2e/firefox.test.mjs
# --warnings-as-errors: the bar is 0 errors and 0 warnings.
step "web-ext lint (0 errors, 0 warnings)" npx web-ext lint --source-dir dist/extension-firefox --self-hosted --no-config-discovery --warnings-as-errors

# Informational (never fails): wasm clean() throughput in Node.
echo
echo "=== web: throughput (benchmark, not a test)"
node scripts/web-bench.mjs --rounds 3 || true

echo
if [ ${#failed[@]} -eq 0 ]; then
  echo "=== web: all steps passed"
else
  echo "=== web: FAILED: ${failed[*]}"
  exit 1
fi
