#!/usr/bin/env bash
# Peak RSS of the release CLI (`declutter --format text FILE`) on the large
# generated article of ../shared/corpus/hostile/gen_stress.py
# (article-50mb.html), at a few scales, vs input size; checks the bar
#     peak RSS <= 3 x input + 64 MB      (on the --scale 1 page, ~50 MB)
#
#   bash scripts/bench-memory.sh [--scales "0.2 1"] [--runs N] [--json] [--no-build]
#
#   --scales  gen_stress.py scales to measure (default "0.2 1"; the bar is
#             checked on every one of them)
#   --runs N  runs per page, the largest RSS and the fastest time are kept (default 1)
#   --json    print one JSON array instead of the table (scripts/bench.sh)
#   --no-build  do not run `cargo build --release`
# Generated pages are cached in target/bench-stress/scale-S/ (deterministic
# bytes for a given scale). Exit status 1 when the bar fails. Installs GNU
# time (Debian package "time") when /usr/bin/time is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
GEN="${HOSTILE_CORPUS:-$ROOT/../shared/corpus/hostile}/gen_stress.py"
SCALES="0.2 1"
RUNS=1
JSON=0
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --scales) SCALES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --json) JSON=1; shift ;;
    --no-build) BUILD=0; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (apt package 'time')" >&2
  { apt-get update -qq && apt-get install -y -qq time; } >&2
fi
if [ "$BUILD" = 1 ]; then cargo build --release --quiet >&2; fi
BIN="$ROOT/target/release/declutter"
[ -x "$BIN" ] || { echo "missing $BIN (cargo build --release)" >&2; exit 1; }

rows=()
fail=0
for s in $SCALES; do
  dir="$ROOT/target/bench-stress/scale-$s"
  page="$dir/article-50mb.html"
  if [ ! -s "$page" ]; then
    mkdir -p "$dir"
    python3 "$GEN" "$dir" --scale "$s" --only article-50mb.html >&2
  fi
  bytes=$(stat -c %s "$page")
  best_rss=0; best_s=""
  for _ in $(seq "$RUNS"); do
    log=$(mktemp)
    /usr/bin/time -v "$BIN" --format text "$page" > /dev/null 2> "$log" || { cat "$log" >&2; rm -f "$log"; exit 1; }
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    wall=$(awk -F': ' '/Elapsed \(wall clock\) time/ {print $2}' "$log")
    rm -f "$log"
    # wall is [h:]m:ss.ss
    secs=$(awk -v t="$wall" 'BEGIN { n = split(t, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s }')
    [ "$rss_kb" -gt "$best_rss" ] && best_rss=$rss_kb
    if [ -z "$best_s" ] || awk -v a="$secs" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=$secs; fi
  done
  rows+=("$s $bytes $best_rss $best_s")
done

# bar: rss <= 3 * input + 64 MB (MB = 10^6 bytes)
out=$(printf '%s\n' "${rows[@]}" | awk -v json="$JSON" '
  { scale = $1; bytes = $2; rss = $3 * 1024; secs = $4
    limit = 3 * bytes + 64e6; ok = rss <= limit ? "yes" : "no"; if (ok == "no") bad = 1
    mbs = secs > 0 ? bytes / 1e6 / secs : 0
    if (json) {
      s = s (n++ ? "," : "") sprintf("{\"scale\":%s,\"input_bytes\":%d,\"peak_rss_bytes\":%d,\"rss_over_input\":%.3f,\"limit_bytes\":%d,\"ok\":%s,\"seconds\":%s,\"mbs\":%.1f}", scale, bytes, rss, rss / bytes, limit, ok == "yes" ? "true" : "false", secs, mbs)
    } else {
      if (!n++) printf "%-6s %10s %12s %10s %12s %4s %8s %8s\n", "scale", "input MB", "peak RSS MB", "RSS/input", "limit MB", "ok", "seconds", "MB/s"
      printf "%-6s %10.1f %12.1f %10.2f %12.1f %4s %8.2f %8.1f\n", scale, bytes / 1e6, rss / 1e6, rss / bytes, limit / 1e6, ok, secs, mbs
    }
  }
  END { if (json) print "[" s "]"; exit bad }') || fail=1
echo "$out"
exit $fail
