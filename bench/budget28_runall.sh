#!/usr/bin/env bash
# Runs BudgetBench on every burned measured set into DIR/SET.txt (names as bench/budget28_sides.py reads them).
# Usage: bench/budget28_runall.sh DIR   (compiles once, then one JVM per set)
set -euo pipefail
cd "$(dirname "$0")/.."
d="$1"; mkdir -p "$d"
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
cp="target/classes:target/test-classes:$(cat target/cp.txt)"
run() { java -Xmx256m -cp "$cp" io.oomdoc.bench.BudgetBench "$@"; }
run ../shared/budget/ground_truth_dev.json > "$d/dev.txt"
run --heldout > "$d/heldout.txt"
for i in $(seq 2 25); do run --heldout$i > "$d/heldout$i.txt"; done
run --h200-tune4 > "$d/h200-tune4.txt"
run --h200-check4 > "$d/h200-check4.txt"
