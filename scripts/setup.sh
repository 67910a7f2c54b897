#!/usr/bin/env bash
# Installs everything declutter needs on a fresh machine of this project's
# kind (Debian, rustup's Rust, Node 20 + npm, python3), idempotently, as
# root: the wasm32 target, Chromium + chromedriver, binaryen, the
# wasm-bindgen CLI pinned to the crate's version, and the npm packages.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v cargo >/dev/null || { echo "cargo (rustup) is required" >&2; exit 1; }
command -v python3 >/dev/null || { apt-get update && apt-get install -y python3; }
bash scripts/setup-web.sh
