#!/usr/bin/env bash
# The README's test command: sets up, then runs every test — native Rust
# (unit, doc, corpus bars, CLI, scorer agreement, hostile input), the wasm
# build in headless Chromium, the ES module in Node, the extension and demo
# in Playwright. Exits non-zero if anything fails (every suite still runs).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ ! -d ../shared/corpus ]; then
  echo "../shared (corpora and scorers) must sit next to the repository" >&2
  exit 1
fi
bash scripts/setup.sh || { echo "setup failed" >&2; exit 1; }

failed=()
run() {
  local name="$1"; shift
  echo
  echo "##### $name"
  if "$@"; then echo "##### $name: ok"; else echo "##### $name: FAILED"; failed+=("$name"); fi
}
run "cargo test (native)" cargo test --all-targets
run "cargo test --doc" cargo test --doc
run "rustdoc (no broken intra-doc links)" env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --document-private-items --lib
run "web (wasm in Chromium, Node, Playwright, lint, size)" bash scripts/test-web.sh
run "python (package pytest, Spark local[2])" bash scripts/test-python.sh

echo
if [ ${#failed[@]} -eq 0 ]; then
  echo "ALL TESTS PASSED"
else
  echo "FAILED: ${failed[*]}"
  exit 1
fi
