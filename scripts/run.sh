#!/usr/bin/env bash
# The README's run command: sets up a fresh machine, builds everything
# (release CLI, wasm module, extension, demo), cleans the seed page with
# the CLI, and serves the demo on 127.0.0.1 with the seed page preloaded.
# Needs nothing outside the repository: the seed page ships in www/demo/
# (../shared, the corpora, is for the corpus tests only).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
cargo build --release
echo "== the seed page through the CLI (text):"
# head closes the pipe early; the CLI's SIGPIPE must not stop the script.
./target/release/declutter --format text --url https://www.example-news.it/renzi-jack-ma/ www/demo/seed.html | head -5 || true
echo "..."
echo "== unpacked extension: $ROOT/dist/extension (Chrome), $ROOT/dist/extension-firefox (Firefox)"
exec bash scripts/serve-demo.sh
