#!/usr/bin/env bash
# The Python package's tests: builds python/ (PyO3 + maturin) from source into
# a virtual environment, then runs pytest over the package and the Spark
# local-mode test of examples/spark_clean.py. Installs what it needs itself:
# Debian's openjdk-17-jre-headless (for PySpark) when no java is on PATH,
# python3-venv if venv is missing, and the pinned python/requirements-test.txt.
#   bash scripts/test-python.sh            # everything
#   bash scripts/test-python.sh -k spark   # extra arguments go to pytest
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/target/pyenv"


as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

if ! command -v java >/dev/null; then
  echo "installing openjdk-17-jre-headless (PySpark)"
  apt_install openjdk-17-jre-headless
fi

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" 2>/dev/null || { apt_install python3-venv; rm -rf "$VENV"; python3 -m venv "$VENV"; }
fi
# Reinstall only when the pins change.
stamp="$VENV/.requirements-test.sha"
want="$(sha256sum python/requirements-test.txt | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$VENV/bin/pip" install -q -r python/requirements-test.txt
  echo "$want" > "$stamp"
fi

# The CLI the tests compare against (debug build: `cargo test` has built it already).
cargo build -q --bin declutter
export DECLUTTER_BIN="$ROOT/target/debug/declutter"

# The package, from source. Its own target dir: a separate workspace.
CARGO_TARGET_DIR="$ROOT/target/python" PYO3_PYTHON="$VENV/bin/python" \
  "$VENV/bin/maturin" build -q --release -m python/Cargo.toml -i "$VENV/bin/python" -o "$ROOT/target/python/wheels"
wheel="$(ls -t "$ROOT"/target/python/wheels/declutter-*.whl | head -1)"
"$VENV/bin/pip" install -q --force-reinstall --no-deps "$wheel"

export PYSPARK_PYTHON="$VENV/bin/python" PYSPARK_DRIVER_PYTHON="$VENV/bin/python"
# Outside the source tree: `import declutter` must be the installed wheel,
# not the python/declutter folder (which has no compiled extension).
cd "$ROOT/target"
"$VENV/bin/python" -m pytest -q -p no:cacheprovider "$ROOT/python/tests" "$@"
