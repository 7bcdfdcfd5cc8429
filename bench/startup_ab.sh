#!/usr/bin/env bash
# Start-up A/B: this checkout against another build of oomdoc, run by run alternated so that both see the same load.
# Usage: bench/startup_ab.sh OTHER [runs]   (default 11 runs of each command on each side)
#   OTHER is a folder with its own launcher and sources, e.g. an earlier commit unpacked outside the repository:
#   mkdir /tmp/before && git archive 501de74 | tar -x -C /tmp/before   (its ./oomdoc builds it on first use)
# First every trace under src/test/resources/traces is diagnosed by both, as text and --json, and the outputs must
# be byte-identical; then the medians of wall time and CPU time (user + sys, all threads) are printed. On a shared
# machine the wall time is mostly waiting for a core: compare the CPU column, and the wall column on a quiet one.
set -euo pipefail
cd "$(dirname "$0")/.."
other="$(cd "$1" && pwd)"
runs="${2:-11}"
trace=src/test/resources/traces/segtoolbox-backward-1x-cached.txt
./oomdoc --version >/dev/null   # builds and trains the class-data archive on first use; not timed
"$other/oomdoc" --version >/dev/null

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
differ=0
for f in src/test/resources/traces/*; do
  for json in "" --json; do
    ./oomdoc diagnose $json "$f" >"$out/a" 2>&1 || echo "exit $?" >>"$out/a"
    "$other/oomdoc" diagnose $json "$f" >"$out/b" 2>&1 || echo "exit $?" >>"$out/b"
    if ! cmp -s "$out/a" "$out/b"; then echo "output differs: diagnose $json $f" >&2; differ=$((differ + 1)); fi
  done
done
# Builds whose answers are meant to differ (a reasoning change between them) are timed with SAME_OUTPUT=no.
[ "$differ" -eq 0 ] || [ "${SAME_OUTPUT:-yes}" = no ] || { echo "$differ outputs differ; no timing" >&2; exit 1; }

TIMEFORMAT='%R %U %S'
# one timed run: "wall cpu" on stdout
timed() { { time "$@" >/dev/null 2>&1; } 2>&1 | awk '{printf "%.3f %.3f\n", $1, $2 + $3}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
commands=("--version" "diagnose $trace" "diagnose --json $trace")
for _ in $(seq "$runs"); do
  for i in "${!commands[@]}"; do
    read -r -a args <<<"${commands[$i]}"
    echo "$i other $(timed "$other/oomdoc" "${args[@]}")" >>"$out/t"
    echo "$i this $(timed ./oomdoc "${args[@]}")" >>"$out/t"
  done
done
printf "| command (%s runs each, alternated) | other: wall / CPU (s) | this: wall / CPU (s) |\n|---|---|---|\n" "$runs"
for i in "${!commands[@]}"; do
  row="| oomdoc ${commands[$i]/$trace/FILE} |"
  for side in other this; do
    w=$(awk -v i="$i" -v s="$side" '$1 == i && $2 == s {print $3}' "$out/t" | median)
    c=$(awk -v i="$i" -v s="$side" '$1 == i && $2 == s {print $4}' "$out/t" | median)
    row+=" $(printf '%.3f / %.3f' "$w" "$c") |"
  done
  echo "$row"
done
