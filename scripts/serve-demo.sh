#!/usr/bin/env bash
# Builds the wasm, the extension and the demo, then serves the demo on
# 127.0.0.1 (PORT, default 8080) with the seed page preloaded
# (www/demo/seed.html, copied in by the build).
# Setup first: scripts/setup-web.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/web-build.sh
npx webpack --mode production
exec node www/e2e/server.mjs
