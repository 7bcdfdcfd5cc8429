#!/usr/bin/env bash
# Scan speed before/after and grep in one run, alternated run by run so that all three see the same load.
# Usage: bench/scan_ab.sh BASELINE_JAR TREE [RUNS]   (BASELINE_JAR: an oomdoc-all.jar built from the other commit)
# Both jars run with the launcher's flags (C1 only, serial GC, no class-data archive); CPU is user + sys of all
# threads. Prints each run, then medians and their ratios to grep, the findings of each side's first run, and any
# run whose JSON differs from the baseline's first.
set -euo pipefail
cd "$(dirname "$0")/.."
base="$1"; tree="$2"; runs="${3:-3}"
after="${AFTER_JAR:-target/oomdoc-all.jar}"  # AFTER_JAR: a copy, so that a build during the runs cannot replace it
[ -n "${AFTER_JAR:-}" ] || ./oomdoc --version >/dev/null   # builds this tree's jar if sources changed; not timed
tokens='backward|empty_cache|torch\.load|DistributedDataParallel|no_grad|use_cache|compute_metrics|retain_graph|\.append\(|\+='
opts=(-XX:+UseSerialGC -Xss4m -XX:TieredStopAtLevel=1)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for i in $(seq "$runs"); do
  l=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %U %S' -o "$tmp/g$i" grep -rnE --include='*.py' "$tokens" "$tree" >/dev/null || true
  /usr/bin/time -f '%e %U %S' -o "$tmp/b$i" java "${opts[@]}" -jar "$base" scan "$tree" --json >"$tmp/bo$i" || true
  /usr/bin/time -f '%e %U %S' -o "$tmp/a$i" java "${opts[@]}" -jar "$after" scan "$tree" --json \
    >"$tmp/ao$i" || true
  printf 'run %s, load %s: grep %s | before %s | after %s (wall user sys)\n' "$i" "$l" "$(cat "$tmp/g$i")" \
    "$(cat "$tmp/b$i")" "$(cat "$tmp/a$i")"
done
for s in g b a; do
  w=$(cat "$tmp/$s"[0-9]* | awk '{print $1}' | median); c=$(cat "$tmp/$s"[0-9]* | awk '{print $2+$3}' | median)
  printf '%s median: wall %.2f s, CPU %.2f s\n' "$s" "$w" "$c"
  echo "$w $c" >"$tmp/m$s"
done
read -r gw gc <"$tmp/mg"
for s in b a; do
  read -r w c <"$tmp/m$s"
  printf '%s: %.1fx grep wall, %.1fx grep CPU; %s findings\n' "$s" "$(echo "$w / $gw" | bc -l)" \
    "$(echo "$c / $gc" | bc -l)" "$(grep -o '"rule"' "$tmp/${s}o1" | wc -l || true)"
done
for i in $(seq "$runs"); do  # the JSON of every run, both sides, against the baseline's first run
  for s in b a; do cmp -s "$tmp/bo1" "$tmp/${s}o$i" || echo "DIFFER: run $i of $s gave other JSON than run 1 of b"; done
done
echo "JSON compared: $((2 * runs)) outputs against the baseline's first"
echo "load average after: $(cut -d' ' -f1 /proc/loadavg); $(nproc) cores"
