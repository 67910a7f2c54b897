#!/usr/bin/env bash
# Full stress run of issue 5 ("Size and depth"): generates the 16 pages of
# ../shared/corpus/hostile/gen_stress.py (211 MB at --scale 1) plus a 1 MB
# reference article, cleans each with the release CLI under /usr/bin/time -v,
# prints a markdown table (size, seconds, s/MB, peak RSS) and checks the bars:
#
#   - no crash (panic/abort/signal) and no hang (per-page timeout);
#   - time linear in size: s/MB on article-50mb <= 3 x s/MB on the 1 MB
#     article (the same generator at --scale 0.02);
#   - peak RSS <= 3 x input + 64 MB on every page.
#
# Usage: scripts/stress.sh [--scale S] [--runs N] [--timeout SECONDS]
#                          [--out FILE.md] [--no-build] [--keep DIR]
#   --scale S     scale of the stress set (default 1; the bars are defined at 1)
#   --runs N      runs per page; the median time and the largest RSS are
#                 reported (default 3)
#   --timeout S   kill a run after S seconds and count it as a hang (default 300)
#   --out FILE    also write the table to FILE (e.g. BENCHMARKS.md material)
#   --no-build    do not run `cargo build --release` first
#   --keep DIR    generate into DIR and keep it (default: a temp dir, removed)
#
# Exit status: 0 when every bar holds, 1 otherwise. Needs python3 (>= 3.9),
# GNU time (/usr/bin/time, Debian package "time") and the `declutter` CLI
# (`declutter [--format text] FILE`, feature "cli", built here).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
CORPUS=${HOSTILE_CORPUS:-"$ROOT/../shared/corpus/hostile"}
SCALE=1
RUNS=3
TIMEOUT=300
OUT=""
BUILD=1
KEEP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --keep) KEEP=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install time" >&2; exit 2; }
[ -f "$CORPUS/gen_stress.py" ] || { echo "no corpus at $CORPUS (set HOSTILE_CORPUS)" >&2; exit 2; }

if [ "$BUILD" = 1 ]; then
  cargo build --release --bin declutter >&2
fi
BIN="$ROOT/target/release/declutter"
[ -x "$BIN" ] || { echo "no CLI at $BIN" >&2; exit 2; }

if [ -n "$KEEP" ]; then
  DIR=$KEEP
  mkdir -p "$DIR"
else
  DIR=$(mktemp -d "${TMPDIR:-/tmp}/declutter-stress.XXXXXX")
  trap 'rm -rf "$DIR"' EXIT
fi

echo "generating the stress set (--scale $SCALE) in $DIR ..." >&2
python3 "$CORPUS/gen_stress.py" "$DIR" --scale "$SCALE" >&2
mkdir -p "$DIR/ref"
python3 "$CORPUS/gen_stress.py" "$DIR/ref" --scale 0.02 --only article-50mb.html >&2
mv "$DIR/ref/article-50mb.html" "$DIR/article-1mb-reference.html"

PAGES=(article-1mb-reference.html $(python3 "$CORPUS/gen_stress.py" --list))

# One run: prints "exit seconds rss_kb".
run_once() {
  local file=$1 tf
  tf=$(mktemp)
  set +e
  timeout --signal=KILL "$TIMEOUT" /usr/bin/time -v -o "$tf" "$BIN" --format text "$file" >/dev/null 2>"$tf.err"
  local status=$?
  set -e
  if ! grep -q "Elapsed" "$tf"; then
    # time itself was killed: the timeout fired.
    echo "sig9 $TIMEOUT 0 $tf.msg"; : > "$tf.msg"; rm -f "$tf" "$tf.err"; return
  fi
  local secs rss
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {
           n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tf")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tf")
  # GNU time reports "Command terminated by signal N" / "Command exited with non-zero status N".
  if grep -q "terminated by signal" "$tf"; then
    status="sig$(grep -o 'signal [0-9]*' "$tf" | awk '{print $2}')"
  fi
  head -c 300 "$tf.err" | tr '\n' ' ' > "$tf.msg"
  echo "$status ${secs:-0} ${rss:-0} $tf.msg"
  rm -f "$tf" "$tf.err"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

TABLE="| page | size (MB) | result | seconds (median of $RUNS) | s/MB | peak RSS (MB) | RSS bar: 3x input + 64 MB |
|---|---:|---|---:|---:|---:|---|"
FAIL=0
declare -A SPM
for page in "${PAGES[@]}"; do
  f="$DIR/$page"
  bytes=$(stat -c %s "$f")
  mb=$(awk -v b="$bytes" 'BEGIN {printf "%.2f", b / 1048576}')
  times=()
  maxrss=0
  result="ok"
  msg=""
  for ((r = 1; r <= RUNS; r++)); do
    read -r status secs rss msgfile < <(run_once "$f")
    msg=$(cat "$msgfile"); rm -f "$msgfile"
    times+=("$secs")
    [ "$rss" -gt "$maxrss" ] && maxrss=$rss
    if [[ "$status" == sig* ]]; then
      if [ "$status" = "sig9" ]; then result="HANG (killed after ${TIMEOUT}s)"; else result="CRASH ($status)"; fi
      FAIL=1
      break
    elif [ "$status" -ge 101 ]; then
      result="CRASH (exit $status)"; FAIL=1; break
    elif [ "$status" -ne 0 ]; then
      result="error (exit $status): ${msg:0:80}"
    fi
  done
  med=$(printf '%s\n' "${times[@]}" | median)
  spm=$(awk -v s="$med" -v m="$mb" 'BEGIN {printf "%.4f", (m > 0) ? s / m : 0}')
  SPM[$page]=$spm
  rss_mb=$(awk -v k="$maxrss" 'BEGIN {printf "%.1f", k / 1024}')
  limit_mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", 3 * b / 1048576 + 64}')
  if awk -v r="$rss_mb" -v l="$limit_mb" 'BEGIN {exit !(r <= l)}'; then
    rbar="ok (<= $limit_mb)"
  else
    rbar="**FAIL** (> $limit_mb)"; FAIL=1
  fi
  row="| $page | $mb | $result | $med | $spm | $rss_mb | $rbar |"
  echo "$row" >&2
  TABLE+=$'\n'"$row"
done

ref=${SPM[article-1mb-reference.html]}
big=${SPM[article-50mb.html]}
ratio=$(awk -v a="$big" -v b="$ref" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}')
if awk -v r="$ratio" 'BEGIN {exit !(r <= 3)}'; then
  lin="ok"
else
  lin="**FAIL**"; FAIL=1
fi
SUMMARY="Linearity: s/MB on article-50mb = $big, on the 1 MB reference article = $ref, ratio $ratio (bar: <= 3): $lin.
Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); scale $SCALE; $(date -u +%Y-%m-%d)."

echo
echo "$TABLE"
echo
echo "$SUMMARY"
if [ -n "$OUT" ]; then
  printf '%s\n\n%s\n' "$TABLE" "$SUMMARY" > "$OUT"
  echo "table written to $OUT" >&2
fi
if [ "$FAIL" = 0 ]; then
  echo "stress: all bars hold"
else
  echo "stress: FAILED (see the table)"
fi
exit "$FAIL"
