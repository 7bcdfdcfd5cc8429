#!/usr/bin/env bash
# Scan speed against grep on the same machine in the same run: `oomdoc scan TREE` as a user runs it (cold JVM,
# the launcher's own options) and `grep -rnE` over the rules' tokens, alternated so both see the same load.
# Prints wall and CPU seconds (user + system, children included) of each, their ratios, and the load average.
# Usage: bench/scan_speed.sh TREE [runs] [--all]   (default 3 runs; medians reported)
set -euo pipefail
cd "$(dirname "$0")/.."
tree="$1"; runs="${2:-3}"; all="${3:-}"
./oomdoc --version >/dev/null   # builds the jar if sources changed; not timed
tokens='backward|empty_cache|torch\.load|DistributedDataParallel|no_grad|use_cache|compute_metrics|retain_graph|\.append\(|\+='
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
lines=$(find "$tree" -name '*.py' -print0 | xargs -0 cat | wc -l)
load0=$(cut -d' ' -f1 /proc/loadavg)
for i in $(seq "$runs"); do
  /usr/bin/time -f '%e %U %S' -o "$tmp/g$i" grep -rnE --include='*.py' "$tokens" "$tree" >/dev/null || true
  /usr/bin/time -f '%e %U %S' -o "$tmp/s$i" ./oomdoc scan "$tree" --json $all >"$tmp/out$i" || true
done
load1=$(cut -d' ' -f1 /proc/loadavg)
gw=$(cat "$tmp"/g* | awk '{print $1}' | median); gc=$(cat "$tmp"/g* | awk '{print $2+$3}' | median)
sw=$(cat "$tmp"/s* | awk '{print $1}' | median); sc=$(cat "$tmp"/s* | awk '{print $2+$3}' | median)
findings=$(grep -o '"rule"' "$tmp/out1" | wc -l || true)  # grep fails on a scan with no finding
limits=$(grep -o 'time limit[^"]*\|larger than[^"]*' "$tmp/out1" | wc -l || true)
printf 'tree %s: %s lines of Python, %s cores, load average %s before, %s after\n' "$tree" "$lines" "$(nproc)" \
  "$load0" "$load1"
printf '| %s runs, medians | wall (s) | CPU user+sys (s) |\n|---|---|---|\n' "$runs"
printf '| grep -rnE (rules tokens) | %.2f | %.2f |\n' "$gw" "$gc"
printf '| oomdoc scan %s | %.2f | %.2f |\n' "$all" "$sw" "$sc"
printf 'ratio to grep: wall %.1fx, CPU %.1fx; %s findings; %s files skipped for a size or time limit\n' \
  "$(echo "$sw / $gw" | bc -l)" "$(echo "$sc / $gc" | bc -l)" "$findings" "$limits"
