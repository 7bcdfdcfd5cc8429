#!/usr/bin/env bash
# Same findings before and after a scanner change: `scan TREE --json` (default rules and --all) with a baseline jar
# and with this tree's jar, diffed. Prints one line per tree and mode; exits 1 on any difference.
# Usage: bench/scan_same.sh BASELINE_JAR TREE...   (BASELINE_JAR: an oomdoc-all.jar built from the other commit)
set -uo pipefail
cd "$(dirname "$0")/.."
base="$1"; shift
./oomdoc --version >/dev/null   # builds this tree's jar if sources changed
opts=(-XX:+UseSerialGC -Xss4m -XX:TieredStopAtLevel=1)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
for tree in "$@"; do
  for mode in "" --all; do
    java "${opts[@]}" -jar "$base" scan "$tree" --json $mode >"$tmp/b.json" 2>"$tmp/b.err"
    java "${opts[@]}" -jar target/oomdoc-all.jar scan "$tree" --json $mode >"$tmp/a.json" 2>"$tmp/a.err"
    n=$(grep -o '"rule"' "$tmp/a.json" | wc -l)
    if cmp -s "$tmp/b.json" "$tmp/a.json"; then
      printf 'same   %s %s: %s findings, %s bytes of JSON\n' "$tree" "${mode:-default}" "$n" "$(wc -c <"$tmp/a.json")"
    else
      printf 'DIFFER %s %s\n' "$tree" "${mode:-default}"; diff "$tmp/b.json" "$tmp/a.json" | head -20; status=1
    fi
  done
done
exit $status
