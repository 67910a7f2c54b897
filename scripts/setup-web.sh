#!/usr/bin/env bash
# Installs everything the web side needs, idempotently, on a fresh Debian
# machine as root (the README's setup; .ci/run calls it too):
#   wasm32 target, Chromium + chromedriver (+ Debian binaryen), Firefox ESR
#   (the second e2e engine), the wasm-bindgen CLI matching the pinned crate,
#   and the npm packages.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The wasm-bindgen CLI must be exactly the version of the crate pinned in
# Cargo.toml (`wasm-bindgen = "=X.Y.Z"`).
WB_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml | head -1)"
[ -n "$WB_VERSION" ] || { echo "no pinned wasm-bindgen version in Cargo.toml" >&2; exit 1; }

echo "== rustup target wasm32-unknown-unknown"
rustup target add wasm32-unknown-unknown

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  echo "== chromium + chromedriver present"
else
  echo "== apt-get install chromium chromium-driver binaryen"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium chromium-driver binaryen
fi

# Firefox ESR (>= 140: WebDriver BiDi with webExtension.install, which
# puppeteer-core's browser.installExtension uses). Debian's build; nothing
# is downloaded by puppeteer.
ff_major() { firefox-esr --version 2>/dev/null | sed -n 's/.* \([0-9][0-9]*\)\..*/\1/p'; }
if [ "$(ff_major || true)" -ge 140 ] 2>/dev/null; then
  echo "== $(firefox-esr --version) present"
else
  echo "== apt-get install firefox-esr"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y firefox-esr
  [ "$(ff_major)" -ge 140 ] || { echo "firefox-esr $(ff_major) is older than 140" >&2; exit 1; }
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WB_VERSION" ]; then
  echo "== wasm-bindgen $WB_VERSION present"
else
  # Not --locked: the CLI's lockfile wants a webpki-roots version the
  # registry mirror lacks (see ../shared/TOOLCHAIN.md).
  echo "== cargo install wasm-bindgen-cli $WB_VERSION (~4 min)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

echo "== npm ci"
# webpack, webpack-cli, copy-webpack-plugin, playwright-core (drives
# /usr/bin/chromium; no browser download), puppeteer-core 24 (drives
# /usr/bin/firefox-esr over WebDriver BiDi; 25 needs Node 22), axe-core
# (accessibility checks in the e2e suites), typescript 5.9 (tsc --checkJs
# of the hand-written JS), web-ext, binaryen (wasm-opt 132: Debian's
# wasm-opt 108 breaks wasm-bindgen's externref table).
npm ci --no-audit --no-fund

echo "== web setup done: wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), $(chromium --version 2>/dev/null | head -1)"
