#!/usr/bin/env bash
# Start-up benchmark: median wall time of `oomdoc --version` and `oomdoc diagnose FILE`, once built.
# Usage: bench/startup.sh [runs]   (default 11 runs each)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-11}"
./oomdoc --version >/dev/null   # builds on first use; not timed
trace=src/test/resources/traces/segtoolbox-backward-1x-cached.txt

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_it() {
  for _ in $(seq "$runs"); do
    s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
    echo "$e - $s" | bc
  done | median
}
v=$(time_it ./oomdoc --version)
d=$(time_it ./oomdoc diagnose "$trace")
dj=$(time_it ./oomdoc diagnose --json "$trace")
printf "| command | median wall (s), %s runs |\n|---|---|\n" "$runs"
printf "| oomdoc --version | %.3f |\n| oomdoc diagnose FILE | %.3f |\n| oomdoc diagnose --json FILE | %.3f |\n" "$v" "$d" "$dj"
