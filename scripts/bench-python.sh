#!/usr/bin/env bash
# Benchmark (not a test): the declutter Python package vs trafilatura and
# resiliparse on the WCXB dev pages, single-threaded, in one run
# (python/bench.py). Builds the package from source and installs the pinned
# peers (python/requirements-bench.txt) into their own venv, target/pybench.
#   bash scripts/bench-python.sh [--runs N] [--limit N] [--md FILE]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/target/pybench"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q maturin==1.16.0 -r python/requirements-bench.txt
CARGO_TARGET_DIR="$ROOT/target/python" PYO3_PYTHON="$VENV/bin/python" \
  "$VENV/bin/maturin" build -q --release -m python/Cargo.toml -i "$VENV/bin/python" -o "$ROOT/target/python/wheels"
"$VENV/bin/pip" install -q --force-reinstall --no-deps "$(ls -t target/python/wheels/declutter-*.whl | head -1)"
cd "$ROOT/target"
exec "$VENV/bin/python" "$ROOT/python/bench.py" "$@"
